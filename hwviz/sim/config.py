"""Cache hierarchy configuration: levels, prefetcher, validation, sizes.

Everything here is plain data. Sizes are bytes (ints); human units such as ``"48KiB"`` are
accepted only at the edges (files, the CLI) through :func:`parse_size`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from hwviz.base.checks import number, whole
from hwviz.base.errors import ConfigError

POLICIES = ("lru", "fifo", "random", "plru")
WRITE_POLICIES = ("back", "through")
INDEXING = ("modulo", "hash")
INCLUSION = ("nine", "inclusive", "exclusive")
PREFETCHERS = ("none", "next-line", "stride", "stream")
#: a latency above a millisecond is a typo, not a memory
MAX_LATENCY_NS = 1e6


def _is_pow2(n: int) -> bool:
    return n > 0 and n & (n - 1) == 0


@dataclass(frozen=True)
class CacheLevel:
    """One cache level.

    Attributes
    ----------
    name : str
        Label shown everywhere ("L1").
    size : int
        Capacity in bytes.
    ways : int
        Associativity; 1 is direct mapped, ``size // line`` is fully associative.
    line : int
        Line size in bytes, a power of two.
    policy : str
        Replacement: ``lru``, ``fifo``, ``random`` (seeded, fills invalid ways first) or ``plru``
        (tree pseudo-LRU, needs a power-of-two number of ways).
    write : str
        ``back`` (write-back + write-allocate) or ``through`` (write-through + no-write-allocate).
    latency_ns : float
        Load-to-use latency of a hit in this level, lookups above it included.
    index : str
        Set indexing: ``modulo`` (line number mod sets) or ``hash`` (XOR-folded line number, as
        sliced L3s do, so power-of-two strides spread over the sets).
    """

    name: str
    size: int
    ways: int
    line: int = 64
    policy: str = "lru"
    write: str = "back"
    latency_ns: float = 1.0
    index: str = "modulo"

    @property
    def sets(self) -> int:
        """Number of sets."""
        return self.size // (self.ways * self.line)

    @property
    def lines(self) -> int:
        """Number of lines the level holds."""
        return self.size // self.line

    def validate(self) -> None:
        """Raise :class:`ConfigError` with a readable sentence if the level is inconsistent."""
        n = self.name or "cache level"
        for attr in ("size", "ways", "line"):
            v = getattr(self, attr)
            whole(v, f"{n} {attr}", 1)
        if not _is_pow2(self.line) or not 8 <= self.line <= 4096:
            raise ConfigError(f"{n} line {self.line} B is not a power of two from 8 to 4096 B")
        if self.size % (self.ways * self.line):
            raise ConfigError(
                f"{n} size {self.size} B is not a multiple of ways x line = {self.ways} x {self.line} B"
            )
        if self.policy not in POLICIES:
            raise ConfigError(f"{n} policy {self.policy!r} is unknown (choose {', '.join(POLICIES)})")
        if self.policy == "plru" and not _is_pow2(self.ways):
            raise ConfigError(f"{n} uses plru, which needs a power-of-two number of ways, not {self.ways}")
        if self.write not in WRITE_POLICIES:
            raise ConfigError(f"{n} write {self.write!r} is unknown (choose back or through)")
        if self.index not in INDEXING:
            raise ConfigError(f"{n} index {self.index!r} is unknown (choose modulo or hash)")
        number(self.latency_ns, f"{n} latency_ns", 0.0, MAX_LATENCY_NS)


@dataclass(frozen=True)
class Prefetcher:
    """A hardware prefetcher watching the first level's demand stream.

    Attributes
    ----------
    kind : str
        ``none``, ``next-line`` (on a miss or a first hit on a prefetched line, fetch the next
        ``degree`` lines), ``stride`` (reference-prediction table indexed by the access's program
        counter, 2-bit confidence) or ``stream`` (tracks ascending/descending miss streams and runs
        ``distance`` lines ahead).
    degree : int
        Lines fetched per trigger.
    distance : int
        Stream prefetcher: how far ahead of the stream it fetches.
    table : int
        Entries in the stride table or the stream tracker.
    """

    kind: str = "none"
    degree: int = 1
    distance: int = 4
    table: int = 16

    def validate(self) -> None:
        """Raise :class:`ConfigError` if the prefetcher is inconsistent."""
        if self.kind not in PREFETCHERS:
            raise ConfigError(f"prefetcher {self.kind!r} is unknown (choose {', '.join(PREFETCHERS)})")
        for attr, hi in (("degree", 64), ("distance", 1024), ("table", 4096)):
            v = getattr(self, attr)
            whole(v, f"prefetch {attr}", 1, hi)


@dataclass(frozen=True)
class Hierarchy:
    """A cache hierarchy: 1-4 levels above main memory.

    Attributes
    ----------
    levels : tuple of CacheLevel
        Closest to the core first.
    memory_latency_ns : float
        Load-to-use latency of main memory.
    inclusion : str
        ``nine`` (non-inclusive non-exclusive: each level fills on a miss, no invalidations),
        ``inclusive`` (an eviction below back-invalidates the copies above) or ``exclusive``
        (a line lives in one level; victims move down, hits below move up).
    prefetch : Prefetcher
        The first level's prefetcher.
    seed : int
        Seed of the ``random`` replacement policy (each level draws from its own generator).
    name : str
        Preset or file name, for labels.
    note : str
        Where the numbers come from.
    """

    levels: tuple[CacheLevel, ...]
    memory_latency_ns: float = 100.0
    inclusion: str = "nine"
    prefetch: Prefetcher = field(default_factory=Prefetcher)
    seed: int = 0
    name: str = "custom"
    note: str = ""

    @property
    def line(self) -> int:
        """The line size shared by every level."""
        return self.levels[0].line

    def validate(self) -> "Hierarchy":
        """Check every level and the whole; return ``self`` so calls chain."""
        if not 1 <= len(self.levels) <= 4:
            raise ConfigError(f"a hierarchy has 1 to 4 cache levels, not {len(self.levels)}")
        names = set()
        for lvl in self.levels:
            lvl.validate()
            if lvl.name in names:
                raise ConfigError(f"two levels are named {lvl.name!r}")
            names.add(lvl.name)
            if lvl.line != self.line:
                raise ConfigError(
                    f"{lvl.name} line {lvl.line} B differs from {self.levels[0].name} line "
                    f"{self.line} B; hwviz models one line size through the hierarchy"
                )
        if self.inclusion not in INCLUSION:
            raise ConfigError(f"inclusion {self.inclusion!r} is unknown (choose {', '.join(INCLUSION)})")
        if self.inclusion == "exclusive":
            through = [lvl.name for lvl in self.levels if lvl.write == "through"]
            if through:
                raise ConfigError(f"{through[0]} is write-through; exclusive hierarchies here are write-back only")
        whole(self.seed, "seed", 0, (1 << 63) - 1)
        number(self.memory_latency_ns, "memory latency_ns", 0.0, MAX_LATENCY_NS)
        self.prefetch.validate()
        return self

    def with_prefetch(self, kind: str, **kw) -> "Hierarchy":
        """Return a copy with another prefetcher."""
        return replace(self, prefetch=Prefetcher(kind, **kw))
