"""Memory estimates checked before allocating: refuse a request for more than half the free memory."""

from __future__ import annotations

import os
from pathlib import Path

from hwviz.base.errors import ConfigError


def available_bytes() -> int:
    """Bytes of memory available to new allocations, as psutil reports them on every OS; where
    psutil fails, Linux MemAvailable, else the free physical pages."""
    try:
        import psutil

        return int(psutil.virtual_memory().available)
    except Exception:  # noqa: BLE001 - psutil missing or failing: read the OS directly
        pass
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return 1 << 34


def check_fits(nbytes: int, what: str) -> None:
    """Refuse ``nbytes`` for ``what`` when it is more than half the available memory.

    Parameters
    ----------
    nbytes : int
        The estimate of the bytes the allocation will take.
    what : str
        What is being allocated, for the message ("cache arrays", "the trace", ...).

    Raises
    ------
    ConfigError
        Naming the estimate and the limit (half of :func:`available_bytes`).
    """
    limit = available_bytes() // 2
    if nbytes > limit:
        raise ConfigError(f"{what} would need {_about(nbytes)}, more than the limit of "
                          f"{_about(limit)} (half the available memory); choose a smaller size")


def _about(n: int) -> str:
    """Bytes to three significant digits (``12.3 GiB``): estimates and limits are not exact."""
    for unit, scale in (("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{int(n)} B"
