"""A simple MSI-style coherence model of the false-sharing run: how often a cache line moves.

Each thread increments its own 8-byte counter; counters sit ``distance`` bytes apart from the
start of a line. A write needs the line in the Modified state in the writer's cache; if another
core wrote it last, the line moves (that core's copy is invalidated). The model assumes the
worst case of fair interleaving: the threads sharing a line take turns one increment at a
time, so every increment of a shared line finds it in another core's cache.
"""

from __future__ import annotations

from collections import Counter

MODEL = ("MSI, threads interleaving one increment at a time (the worst case, so an upper bound: "
         "real cores often make several increments while they hold the line): every increment "
         "of a line that m >= 2 threads write moves it from the core that wrote it last "
         "(m x increments moves per run); a line only one thread writes stays in its cache")


def lines_used(threads: int, distance: int, line_bytes: int = 64) -> Counter:
    """How many of the ``threads`` counters fall in each line (counter 0 starts a line)."""
    return Counter(t * distance // line_bytes for t in range(threads))


def same_line(threads: int, distance: int, line_bytes: int = 64) -> bool:
    """True when all the counters lie inside one line."""
    return len(lines_used(threads, distance, line_bytes)) == 1


def predicted_transfers(threads: int, distance: int, increments: int, line_bytes: int = 64) -> int:
    """Line transfers the model predicts for one run of ``increments`` per thread."""
    return sum(m * increments for m in lines_used(threads, distance, line_bytes).values() if m > 1)
