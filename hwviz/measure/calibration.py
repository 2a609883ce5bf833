"""The latency ladder's plateaus, and from them the latencies the ``host`` preset can use.

A pointer chase over a working set that fits a level comfortably is served by that level; one
far past the last-level cache is served by memory. A level's window runs from the size of the
level above to most of its own size; the plateau is the median of the window's points that lie
within :data:`FLAT` of its lowest one. That leaves out one noisy point, and the points where a
level reported larger than it serves (a virtual machine's L3 is often a slice of what sysfs
says) already climb towards the next level.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from hwviz.base.errors import ConfigError
from hwviz.measure.results import Result

#: a working set up to this share of a level's size is served by that level (the rest of the
#: cache holds the page tables, the code and what the OS touched meanwhile)
FITS = 0.75
#: a working set at least this many times the last-level cache is served by memory
MEMORY_FACTOR = 4
#: points of a window up to this factor above its lowest are on the plateau
FLAT = 1.5


@dataclass(frozen=True)
class Plateau:
    """One level's measured latency: its name, its size (0 for memory), the smallest and largest
    working set counted, the latency in ns, and how many points it rests on."""

    name: str
    size_bytes: int
    lo_bytes: int
    hi_bytes: int
    ns: float
    points: int


def cache_levels(machine: dict) -> list[tuple[str, int]]:
    """The data or unified caches of a result's machine, one per level: ``[("L1", bytes), ...]``."""
    sizes: dict[int, int] = {}
    for c in machine.get("caches", []) or []:
        try:
            if c.get("type") in ("Data", "Unified") and int(c["size_bytes"]) > 0:
                sizes.setdefault(int(c["level"]), int(c["size_bytes"]))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue  # a hand-edited file's odd entry marks nothing
    return [(f"L{lvl}", sizes[lvl]) for lvl in sorted(sizes)]


def plateaus(result: Result) -> list[Plateau]:
    """The plateau of every level that has points in its window, then memory's.

    Raises
    ------
    ConfigError
        If ``result`` is not a latency result, or its machine lists no caches.
    """
    if result.experiment != "latency":
        raise ConfigError(f"calibration needs a latency result, not {result.experiment!r}")
    levels = cache_levels(result.machine)
    if not levels:
        raise ConfigError("the result's machine lists no cache sizes, so its plateaus cannot be told apart")
    pts = sorted((int(p["size_bytes"]), float(p["ns_per_op"])) for p in result.points
                 if "size_bytes" in p and "ns_per_op" in p)
    windows, lo = [], 0
    for name, size in levels:
        windows.append((name, size, lo, int(size * FITS)))
        lo = size
    windows.append(("memory", 0, MEMORY_FACTOR * levels[-1][1] - 1, 1 << 62))
    out = []
    for name, size, a, b in windows:
        inside = [(s, ns) for s, ns in pts if a < s <= b]
        if not inside:
            continue
        low = min(ns for _, ns in inside)
        flat = [(s, ns) for s, ns in inside if ns <= FLAT * low]
        out.append(Plateau(name, size, flat[0][0], flat[-1][0], statistics.median(ns for _, ns in flat), len(flat)))
    return out


def host_latencies(result: Result):
    """The plateaus as :class:`~hwviz.sim.host_latency.HostLatency` for the ``host`` preset.

    Raises
    ------
    ConfigError
        If the result has no memory plateau (its largest working set is under 4x the last-level
        cache), or no cache plateau.
    """
    from hwviz.sim.host_latency import HostLatency

    found = plateaus(result)
    memory = [p for p in found if p.name == "memory"]
    caches = {p.name: round(p.ns, 3) for p in found if p.name != "memory"}
    if not memory or not caches:
        raise ConfigError("the result has no point far enough past the last-level cache (4x) or "
                          "none inside a cache, so it cannot calibrate every level; run it in full")
    return HostLatency(caches, round(memory[0].ns, 3), str(result.machine.get("cpu_model", "")),
                       result.created[:10])
