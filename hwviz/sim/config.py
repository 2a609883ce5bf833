"""Cache hierarchy configuration: levels, prefetcher, validation, sizes.

Everything here is plain data. Sizes are bytes (ints); human units such as ``"48KiB"`` are
accepted only at the edges (files, the CLI) through :func:`parse_size`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

POLICIES = ("lru", "fifo", "random", "plru")
WRITE_POLICIES = ("back", "through")
INDEXING = ("modulo", "hash")
INCLUSION = ("nine", "inclusive", "exclusive")
PREFETCHERS = ("none", "next-line", "stride", "stream")

_UNITS = {
    "": 1, "b": 1,
    "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
    "m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20,
    "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
}
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$")


class ConfigError(ValueError):
    """A configuration or input a student can fix; the message says what and how."""


def parse_size(value, what: str = "size") -> int:
    """Return a byte count from an int or a string such as ``"48KiB"`` or ``"1.5 MiB"``.

    Cache sizes are binary by convention, so ``KB``/``MB``/``GB`` are read as KiB/MiB/GiB.

    Raises
    ------
    ConfigError
        If the value is not a whole, positive number of bytes.
    """
    if isinstance(value, bool):
        raise ConfigError(f"{what} {value!r} is not a size")
    if isinstance(value, int):
        n = value
    elif isinstance(value, float) and value.is_integer():
        n = int(value)
    elif isinstance(value, str):
        m = _SIZE_RE.match(value)
        unit = m.group(2).lower() if m else None
        if m is None or unit not in _UNITS:
            raise ConfigError(f"{what} {value!r} is not a size (write e.g. 32768, \"32KiB\" or \"1.5MiB\")")
        scaled = float(m.group(1)) * _UNITS[unit]
        if not scaled.is_integer():
            raise ConfigError(f"{what} {value!r} is not a whole number of bytes")
        n = int(scaled)
    else:
        raise ConfigError(f"{what} {value!r} is not a size")
    if n <= 0:
        raise ConfigError(f"{what} {value!r} must be positive")
    return n


def format_size(n: int) -> str:
    """Return ``n`` bytes as the shortest exact binary unit: ``49152 -> "48KiB"``."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale and (n * 100) % scale == 0:
            value = n / scale
            return f"{value:g}{unit}"
    return f"{n}B"


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
            if isinstance(v, bool) or not isinstance(v, int) or v <= 0:
                raise ConfigError(f"{n} {attr} {v!r} must be a positive whole number")
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
        if not isinstance(self.latency_ns, (int, float)) or self.latency_ns < 0:
            raise ConfigError(f"{n} latency_ns {self.latency_ns!r} must be a number >= 0")


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
            if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= hi:
                raise ConfigError(f"prefetch {attr} {v!r} must be a whole number from 1 to {hi}")


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
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or self.seed < 0:
            raise ConfigError(f"seed {self.seed!r} must be a whole number >= 0")
        if not isinstance(self.memory_latency_ns, (int, float)) or self.memory_latency_ns < 0:
            raise ConfigError(f"memory latency_ns {self.memory_latency_ns!r} must be a number >= 0")
        self.prefetch.validate()
        return self

    def with_prefetch(self, kind: str, **kw) -> "Hierarchy":
        """Return a copy with another prefetcher."""
        return replace(self, prefetch=Prefetcher(kind, **kw))
