"""Plain-text report of a simulation, for the terminal."""

from __future__ import annotations

from hwviz.base.checks import printable
from hwviz.base.units import format_size
from hwviz.sim.config import Hierarchy
from hwviz.sim.stats import Stats


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _ns(t: float) -> str:
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("us", 1e3)):
        if t >= scale:
            return f"{t / scale:.3g} {unit}"
    return f"{t:.3g} ns"


def format_report(stats: Stats, h: Hierarchy, title: str) -> str:
    """The per-level table printed by ``hwviz sim``; names from files are printed escaped."""
    total = stats.time_ns or 1.0
    head = ["level", "size", "ways", "accesses", "hits", "misses", "hit rate"]
    if stats.three_c:
        head += ["compulsory", "capacity", "conflict"]
    head += ["latency", "time share"]
    rows = []
    for lvl, s in zip(h.levels, stats.levels):
        r = [printable(s.name), format_size(lvl.size), str(lvl.ways), f"{s.accesses:,}", f"{s.hits:,}",
             f"{s.misses:,}", _pct(s.hit_rate)]
        if stats.three_c:
            r += [f"{s.compulsory:,}", f"{s.capacity:,}", f"{s.conflict:,}"]
        r += [f"{lvl.latency_ns:g} ns", _pct(s.time_ns / total)]
        rows.append(r)
    mem = ["memory", "", "", f"{stats.memory_served:,}", f"{stats.memory_served:,}", "", ""]
    if stats.three_c:
        mem += ["", "", ""]
    mem += [f"{h.memory_latency_ns:g} ns", _pct(stats.memory_time_ns / total)]
    rows.append(mem)
    widths = [max(len(x) for x in col) for col in zip(head, *rows)]

    def line(cells):
        return "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))

    out = [printable(title), f"{stats.accesses:,} accesses, {stats.line_accesses:,} line accesses "
                  f"({h.line} B lines)", "", line(head)]
    out += [line(r) for r in rows]
    out.append("")
    pf = [s for s in stats.levels if s.prefetch_issued]
    if pf:
        s = pf[0]
        out.append(f"prefetch ({h.prefetch.kind}): {s.prefetch_issued:,} issued, "
                   f"{s.prefetch_useful:,} useful, {s.prefetch_unused:,} evicted unused")
    out.append(f"memory traffic: {stats.memory_reads:,} line reads, {stats.memory_writes:,} line writes")
    out.append(f"simulated time {_ns(stats.time_ns)}, AMAT {stats.amat_ns:.3g} ns "
               "(each line access costs the latency of the level that served it)")
    return "\n".join(out)
