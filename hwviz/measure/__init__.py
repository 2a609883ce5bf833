"""Live measurements of this machine: topology, numba kernels, timing harness, experiments.
No Qt here."""
