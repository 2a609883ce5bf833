"""Named hierarchies: the lecture's textbook numbers, this host, and real CPUs with sources."""

from __future__ import annotations

from pathlib import Path

from hwviz.base.errors import ConfigError
from hwviz.sim.config import CacheLevel, Hierarchy

KiB, MiB = 1 << 10, 1 << 20

_LATENCY_LIST = ("'Latency numbers every programmer should know' (J. Dean, P. Norvig), "
                 "quoted in the lecture: L1 0.5 ns, L2 7 ns, main memory 100 ns")


def textbook() -> Hierarchy:
    """The lecture's latencies on a 7th-generation Core i7's cache sizes.

    The lecture quotes L1 0.5 ns, L2 7 ns and memory 100 ns and names no L3 latency; 20 ns is
    our choice, between L2 and memory, and labelled as such.
    """
    return Hierarchy(
        levels=(
            CacheLevel("L1", 32 * KiB, 8, latency_ns=0.5),
            CacheLevel("L2", 256 * KiB, 4, latency_ns=7.0),
            CacheLevel("L3", 8 * MiB, 16, latency_ns=20.0),
        ),
        memory_latency_ns=100.0,
        name="textbook",
        note=(f"Latencies: {_LATENCY_LIST}; the L3's 20 ns is hwviz's choice (the lecture gives "
              "none). Sizes: the i7-7700K's (see preset i7-7700k)."),
    )


def classroom() -> Hierarchy:
    """Caches scaled down so a 16 x 16 to 64 x 64 matrix of doubles spills out of L1 and L2.

    At real sizes a matrix small enough to draw fits in L1 and every loop order looks the same;
    these sizes are hwviz's choice, made so the lecture's effects show on screen. Latencies are
    the lecture's (as in ``textbook``).
    """
    return Hierarchy(
        levels=(
            CacheLevel("L1", 1 * KiB, 4, latency_ns=0.5),
            CacheLevel("L2", 4 * KiB, 4, latency_ns=7.0),
            CacheLevel("L3", 16 * KiB, 8, latency_ns=20.0),
        ),
        memory_latency_ns=100.0,
        name="classroom",
        note=(f"Sizes: hwviz's choice, scaled down (1 KiB / 4 KiB / 16 KiB) so drawable matrices "
              f"spill out of the caches. Latencies: {_LATENCY_LIST}; the L3's 20 ns is hwviz's "
              "choice."),
    )


def i7_7700k() -> Hierarchy:
    """Intel Core i7-7700K (Kaby Lake, the lecture's 'Intel i7 7th')."""
    ghz = 4.2
    return Hierarchy(
        levels=(
            CacheLevel("L1", 32 * KiB, 8, latency_ns=round(4 / ghz, 2)),
            CacheLevel("L2", 256 * KiB, 4, latency_ns=round(12 / ghz, 2)),
            CacheLevel("L3", 8 * MiB, 16, latency_ns=round(42 / ghz, 2)),
        ),
        memory_latency_ns=round(42 / ghz + 51, 1),
        name="i7-7700k",
        note=("Sizes and ways: Intel 64 and IA-32 Architectures Optimization Reference Manual, "
              "Skylake client cache table (Kaby Lake shares the core). Latencies: 7-cpu.com "
              "Skylake page, 4 / 12 / 42 cycles and 42 cycles + 51 ns to DRAM, at 4.2 GHz."),
    )


def i9_12900k() -> Hierarchy:
    """Intel Core i9-12900K P-core (Golden Cove): a 12-way L1 and a non-power-of-two L3."""
    ghz = 4.9
    return Hierarchy(
        levels=(
            CacheLevel("L1", 48 * KiB, 12, latency_ns=round(5 / ghz, 2)),
            CacheLevel("L2", 1280 * KiB, 10, latency_ns=round(15 / ghz, 2)),
            CacheLevel("L3", 30 * MiB, 12, latency_ns=round(65 / ghz, 2), index="hash"),
        ),
        memory_latency_ns=80.0,
        name="i9-12900k",
        note=("Sizes and ways: Intel Optimization Reference Manual, Golden Cove chapter (48 KiB "
              "12-way L1D, 1.25 MiB 10-way L2); 30 MiB L3 from Intel ARK, whose 12 ways are an "
              "assumption (the manual does not give them). Latencies: typical, from Chips and "
              "Cheese's Golden Cove measurements (5 / 15 / ~65 cycles, ~80 ns DDR5) at 4.9 GHz."),
    )


def zen4_7950x() -> Hierarchy:
    """AMD Ryzen 9 7950X (Zen 4), one CCD's view."""
    ghz = 5.0
    return Hierarchy(
        levels=(
            CacheLevel("L1", 32 * KiB, 8, latency_ns=round(4 / ghz, 2)),
            CacheLevel("L2", 1 * MiB, 8, latency_ns=round(14 / ghz, 2)),
            CacheLevel("L3", 32 * MiB, 16, latency_ns=round(50 / ghz, 2), index="hash"),
        ),
        memory_latency_ns=75.0,
        name="zen4-7950x",
        note=("Sizes and ways: AMD Software Optimization Guide for Family 19h (Zen 4): 32 KiB "
              "8-way L1D, 1 MiB 8-way L2, 32 MiB 16-way L3 per CCD. Latencies: typical, from the "
              "same guide (4-cycle L1, 14-cycle L2) and Chips and Cheese (~50-cycle L3, ~75 ns "
              "DDR5) at 5 GHz. The real L3 is a victim cache; this preset models it as nine."),
    )


_TYPICAL_NS = {1: 1.0, 2: 4.0, 3: 15.0, 4: 40.0}


def host(sysfs: str | Path = "/sys/devices/system/cpu/cpu0/cache") -> Hierarchy:
    """This machine's data and unified caches, read from Linux sysfs, with typical latencies.

    Elsewhere (or if sysfs is unreadable) the textbook sizes are used and the note says so.
    """
    root = Path(sysfs)
    levels = []
    try:
        for d in sorted(root.glob("index*")):
            kind = (d / "type").read_text().strip()
            if kind not in ("Data", "Unified"):
                continue
            lvl = int((d / "level").read_text())
            size = int((d / "size").read_text().strip().rstrip("K")) * KiB
            ways = int((d / "ways_of_associativity").read_text())
            line = int((d / "coherency_line_size").read_text())
            if ways <= 0 or size % (ways * line):
                ways = size // line  # 0 means fully associative
            levels.append(CacheLevel(f"L{lvl}", size, ways, line=line, latency_ns=_TYPICAL_NS.get(lvl, 40.0)))
    except (OSError, ValueError):
        levels = []
    if not levels:
        tb = textbook()
        return Hierarchy(levels=tb.levels, memory_latency_ns=tb.memory_latency_ns, name="host",
                         note=f"Cache sizes could not be read from {root} on this system; "
                              "using the textbook preset's sizes and latencies.")
    typical = (f"Sizes, ways and line size read from {root}. Latencies are typical values "
               "(L1 1 ns, L2 4 ns, L3 15 ns, memory 90 ns), not measured: `hwviz bench latency` "
               "measures them, and the latency scene's Calibrate keeps them for this preset.")
    h = Hierarchy(levels=tuple(levels[:4]), memory_latency_ns=90.0, name="host", note=typical)
    return _calibrated(h, typical)


def _calibrated(h: Hierarchy, typical: str) -> Hierarchy:
    """``h`` with the latencies the latency scene measured on this machine, if it kept some
    (see :mod:`hwviz.sim.host_latency`); a level it did not measure keeps its typical value."""
    from dataclasses import replace

    from hwviz.sim.host_latency import load_latency

    lat, problem = load_latency()
    if lat is None:
        return replace(h, note=f"{typical} {problem}".strip())
    levels = tuple(replace(lv, latency_ns=lat.levels.get(lv.name, lv.latency_ns)) for lv in h.levels)
    given = ", ".join(f"{lv.name} {lv.latency_ns:.3g} ns" for lv in levels if lv.name in lat.levels)
    return replace(h, levels=levels, memory_latency_ns=lat.memory_ns,
                   name=f"host (latencies measured on this machine, {lat.date})",
                   note=(f"Latencies measured on this machine ({lat.cpu_model}) on {lat.date} by a "
                         f"pointer chase: {given}, memory {lat.memory_ns:.3g} ns. {typical}"))


PRESETS = {
    "textbook": textbook,
    "classroom": classroom,
    "host": host,
    "i7-7700k": i7_7700k,
    "i9-12900k": i9_12900k,
    "zen4-7950x": zen4_7950x,
}


def preset(name: str) -> Hierarchy:
    """Return the named preset, validated.

    Raises
    ------
    ConfigError
        If no preset has that name.
    """
    try:
        make = PRESETS[name]
    except KeyError:
        raise ConfigError(f"unknown preset {name!r} (choose {', '.join(PRESETS)})") from None
    return make().validate()
