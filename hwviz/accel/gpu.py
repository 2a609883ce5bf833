"""Three models of keeping a GPU busy (the lecture's points): a warp meeting an ``if``
(divergence), a warp's 32 addresses becoming memory transactions (coalescing), and a small
vector on a big GPU (occupancy). Pure numpy; the numbers are modelled, not measured.

NVIDIA, "CUDA C++ Programming Guide", SIMT architecture: a warp executes one common instruction
at a time; when its threads diverge on a branch it executes each taken path in turn, disabling
the threads not on that path. NVIDIA, "CUDA C++ Best Practices Guide", Coalesced Access to
Global Memory: the accesses of a warp are served by as many 32-byte sectors as they touch.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hwviz.base.errors import ConfigError

WARP = 32
SECTOR = 32
#: the branch conditions offered, as the kernel's source would write them
CONDITIONS = {"lane < 16": lambda lane: lane < 16, "lane % 2 == 0": lambda lane: lane % 2 == 0,
              "lane % 4 == 0": lambda lane: lane % 4 == 0, "lane == 0": lambda lane: lane == 0,
              "lane < 32": lambda lane: lane < 32}
PATTERNS = ("consecutive", "strided", "random")


@dataclass(frozen=True)
class Issue:
    """One instruction the warp issues: which path and which lanes take part."""

    path: str             #: "if" or "else"
    index: int            #: instruction number within the path
    active: np.ndarray    #: bool, 32 lanes


def divergence(condition: str, if_len: int, else_len: int) -> list[Issue]:
    """The instructions a warp issues for ``if (condition) {if_len instrs} else {else_len instrs}``:
    each path runs, one after the other, if any lane takes it, with the other lanes disabled."""
    if condition not in CONDITIONS:
        raise ConfigError(f"condition {condition!r} must be one of {', '.join(CONDITIONS)}")
    taken = CONDITIONS[condition](np.arange(WARP))
    out = []
    for path, mask, n in (("if", taken, if_len), ("else", ~taken, else_len)):
        if mask.any():
            out += [Issue(path, k, mask) for k in range(n)]
    return out


def lane_utilization(issues: list[Issue]) -> float:
    """Share of lane slots doing work: active lanes over 32 x instructions issued."""
    if not issues:
        return 1.0
    return sum(int(i.active.sum()) for i in issues) / (WARP * len(issues))


def addresses(pattern: str, stride: int, elem: int, seed: int = 0) -> np.ndarray:
    """The byte address each of 32 lanes reads: lane x element ``elem`` (consecutive), lane x
    ``stride`` elements (strided), or anywhere in 1 MiB (random, from ``seed``)."""
    lanes = np.arange(WARP)
    if pattern == "consecutive":
        return lanes * elem
    if pattern == "strided":
        return lanes * stride * elem
    if pattern == "random":
        return np.random.default_rng(seed).integers(0, (1 << 20) // elem, WARP) * elem
    raise ConfigError(f"access pattern {pattern!r} must be one of {', '.join(PATTERNS)}")


@dataclass(frozen=True)
class Coalescing:
    """What a warp's loads cost: the sectors touched and the bytes they move."""

    sectors: np.ndarray   #: sorted sector numbers (address // 32) touched
    useful: int           #: bytes the lanes asked for

    @property
    def transactions(self) -> int:
        """32-byte sectors moved."""
        return len(self.sectors)

    @property
    def moved(self) -> int:
        """Bytes moved: 32 per sector."""
        return SECTOR * self.transactions

    @property
    def efficiency(self) -> float:
        """Useful bytes over bytes moved."""
        return self.useful / self.moved


def coalesce(addrs: np.ndarray, elem: int) -> Coalescing:
    """Group the lanes' accesses of ``elem`` bytes at ``addrs`` into 32-byte sectors."""
    first, last = addrs // SECTOR, (addrs + elem - 1) // SECTOR
    sectors = np.unique(np.concatenate([np.arange(f, l + 1) for f, l in zip(first, last)]))
    return Coalescing(sectors, WARP * elem)


@dataclass(frozen=True)
class Occupancy:
    """A vector of ``n`` elements, one thread each, on a GPU with ``cores`` cores."""

    n: int
    cores: int

    @property
    def busy(self) -> int:
        """Cores with a thread: at most one each at a time."""
        return min(self.n, self.cores)

    @property
    def share(self) -> float:
        """Share of the cores busy."""
        return self.busy / self.cores

    @property
    def waves(self) -> int:
        """Rounds needed when there are more elements than cores."""
        return -(-self.n // self.cores)
