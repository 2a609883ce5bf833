"""The compiled bounds check of large traces (see :func:`hwviz.sim.trace._bounds`)."""

from __future__ import annotations

from numba import njit


@njit(cache=True, nogil=True)
def bounds(addr, size, pc):
    """(smallest address, smallest size, largest size, smallest pc, largest address + size) of
    a non-empty trace, in one pass."""
    low, small, large, pc_low, end = addr[0], size[0], size[0], pc[0], addr[0] + size[0]
    for i in range(addr.shape[0]):
        a, s = addr[i], size[i]
        low = min(low, a)
        small = min(small, s)
        large = max(large, s)
        pc_low = min(pc_low, pc[i])
        end = max(end, a + s)
    return low, small, large, pc_low, end
