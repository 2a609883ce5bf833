"""Errors, range checks and units that every layer uses. Imports neither numba nor Qt, so
``hwviz --help`` and ``hwviz --version`` answer at once."""
