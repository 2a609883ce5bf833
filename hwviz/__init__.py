"""hwviz: make the CPU memory hierarchy and parallelism visible."""

__version__ = "0.1.0"
