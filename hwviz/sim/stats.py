"""Result types of the simulator: per-level statistics and snapshots of cache contents."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class LevelStats:
    """Counters of one level. Hits and misses count demand requests (loads, stores and the
    write-allocate reads they cause); write-backs and prefetch fills are counted apart."""

    name: str
    accesses: int
    hits: int
    misses: int
    evictions: int
    writebacks: int
    compulsory: int
    capacity: int
    conflict: int
    prefetch_issued: int
    prefetch_useful: int
    prefetch_unused: int
    served: int
    latency_ns: float
    set_accesses: np.ndarray = field(repr=False)
    set_misses: np.ndarray = field(repr=False)

    @property
    def hit_rate(self) -> float:
        """Hits per demand access (0 when nothing reached this level)."""
        return self.hits / self.accesses if self.accesses else 0.0

    @property
    def time_ns(self) -> float:
        """Simulated time of the accesses this level served."""
        return self.served * self.latency_ns


@dataclass
class Stats:
    """Result of a simulation.

    ``accesses`` counts trace entries; an access crossing a line boundary makes one demand line
    access per line, and each line access is served by one level (or memory) whose latency is
    its cost. ``time_ns`` sums those costs; ``amat_ns`` is their mean.
    """

    accesses: int
    levels: list[LevelStats]
    memory_reads: int
    memory_writes: int
    memory_served: int
    memory_latency_ns: float
    three_c: bool

    @property
    def line_accesses(self) -> int:
        """Demand line accesses (one per line an access touches)."""
        return sum(l.served for l in self.levels) + self.memory_served

    @property
    def memory_time_ns(self) -> float:
        """Simulated time of the accesses main memory served."""
        return self.memory_served * self.memory_latency_ns

    @property
    def time_ns(self) -> float:
        """Total simulated time."""
        return sum(l.time_ns for l in self.levels) + self.memory_time_ns

    @property
    def amat_ns(self) -> float:
        """Average memory access time per line access."""
        n = self.line_accesses
        return self.time_ns / n if n else 0.0

    def level(self, name: str) -> LevelStats:
        """The statistics of the level called ``name``."""
        for l in self.levels:
            if l.name == name:
                return l
        raise KeyError(name)

    def to_dict(self) -> dict:
        """The JSON form printed by ``hwviz sim --json``."""
        keys = ("name", "accesses", "hits", "misses", "evictions", "writebacks", "compulsory",
                "capacity", "conflict", "prefetch_issued", "prefetch_useful", "prefetch_unused",
                "served")
        levels = []
        for l in self.levels:
            d = {k: getattr(l, k) for k in keys}
            d["hit_rate"] = l.hit_rate
            d["latency_ns"] = l.latency_ns
            d["time_ns"] = l.time_ns
            if not self.three_c:
                for k in ("compulsory", "capacity", "conflict"):
                    d[k] = None
            levels.append(d)
        return {
            "accesses": self.accesses,
            "line_accesses": self.line_accesses,
            "levels": levels,
            "memory": {"reads": self.memory_reads, "writes": self.memory_writes,
                       "served": self.memory_served, "latency_ns": self.memory_latency_ns,
                       "time_ns": self.memory_time_ns},
            "time_ns": self.time_ns,
            "amat_ns": self.amat_ns,
        }


@dataclass
class LevelSnapshot:
    """Contents of one level, each array shaped (sets, ways).

    ``lines`` holds line numbers (address // line size, -1 when invalid). ``recency`` is the
    replacement state: for LRU (last use) and FIFO (insertion) a rank, higher is more recent and
    -1 is invalid; tree bits (node index = way column, node 0 unused) for PLRU; -1 for random.
    """

    name: str
    lines: np.ndarray
    valid: np.ndarray
    dirty: np.ndarray
    prefetched: np.ndarray
    recency: np.ndarray
    sets: int
    indexing: str

    @property
    def tags(self) -> np.ndarray:
        """Tag of each way under modulo indexing (line // sets); -1 when invalid."""
        return np.where(self.valid, self.lines // self.sets, -1)
