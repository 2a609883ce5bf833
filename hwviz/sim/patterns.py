"""Access patterns: the loops of the lecture as traces, generated in chunks of bounded size.

Each pattern is described by a :class:`Pattern` (plain data, the same names in the CLI and the
GUI) and turned into :class:`~hwviz.sim.trace.Trace` chunks by :func:`generate`. Matrices are
C-ordered (row-major) ``rows x cols`` arrays of ``elem``-byte elements whose rows are ``ld``
elements apart (``ld > cols`` pads each row).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, fields
from typing import Iterator

import numpy as np

from hwviz.base.checks import whole
from hwviz.base.errors import ConfigError
from hwviz.sim.trace import Trace

MATMUL_ORDERS = ("ijk", "ikj", "jik", "jki", "kij", "kji")
NAMES = ("row-major", "column-major", "tiled", "strided", "random", "transpose") + tuple(
    f"matmul-{o}" for o in MATMUL_ORDERS)
CHUNK = 1 << 20
PAGE = 4096
#: every address a pattern makes is below this (the simulator's reach, and far from int64's wrap)
MAX_ADDRESS = 1 << 62
#: (lowest, highest) value of each numeric parameter: sizes a class can use, well inside int64
LIMITS = {
    "rows": (1, 1 << 20), "cols": (1, 1 << 20), "elem": (1, 4096), "ld": (0, 1 << 21),
    "base": (0, MAX_ADDRESS), "tile": (0, 1 << 20), "stride": (1, 1 << 40),
    "count": (0, 1 << 50), "passes": (1, 1 << 20), "seed": (0, (1 << 63) - 1),
}


@dataclass(frozen=True)
class Pattern:
    """Parameters of an access pattern; each pattern reads the ones it needs.

    Attributes
    ----------
    name : str
        One of :data:`NAMES`.
    rows, cols : int
        Matrix shape (matmul uses ``rows`` as n for n x n matrices).
    elem : int
        Element size in bytes.
    ld : int
        Leading dimension in elements (0 means ``cols``, no padding).
    base : int
        Address of the first matrix.
    tile : int
        Tile edge for ``tiled`` and tiled matmul (0: no tiling for matmul).
    stride : int
        Elements between accesses of ``strided``.
    count : int
        Accesses of ``random`` (0 means rows x cols).
    passes : int
        Times ``strided`` sweeps the array.
    seed : int
        Seed of ``random``.
    """

    name: str = "row-major"
    rows: int = 64
    cols: int = 64
    elem: int = 8
    ld: int = 0
    base: int = 0
    tile: int = 8
    stride: int = 1
    count: int = 0
    passes: int = 1
    seed: int = 0

    @property
    def lead(self) -> int:
        """Leading dimension actually used."""
        return self.ld or self.cols

    def validate(self) -> "Pattern":
        """Raise :class:`ConfigError` for unknown names or impossible parameters.

        Each parameter must be in its range in :data:`LIMITS`, and every address the pattern
        makes must be below :data:`MAX_ADDRESS`.
        """
        if self.name not in NAMES:
            raise ConfigError(f"unknown pattern {self.name!r} (choose {', '.join(NAMES)})")
        for key, (lo, hi) in LIMITS.items():
            whole(getattr(self, key), f"pattern {key}", lo, hi)
        if self.ld and self.ld < self.cols:
            raise ConfigError(f"leading dimension {self.ld} is smaller than cols {self.cols}")
        if self.name == "tiled" and (self.tile < 1 or self.rows % self.tile or self.cols % self.tile):
            raise ConfigError(f"tile {self.tile} must divide rows {self.rows} and cols {self.cols}")
        if self.name.startswith("matmul"):
            if self.cols != self.rows:
                raise ConfigError(f"matmul multiplies n x n matrices: cols {self.cols} must equal "
                                  f"rows {self.rows}")
            if self.tile and self.rows % self.tile:
                raise ConfigError(f"tile {self.tile} must divide n = rows {self.rows} (or be 0 for no tiling)")
        end = max(m.base + m.rows * m.lead * m.elem for m in matrices(self))
        if end > MAX_ADDRESS:
            raise ConfigError(f"the pattern's addresses run from {self.base:,} to {end:,}, out of the "
                              f"range 0 to {MAX_ADDRESS:,} (2^62) hwviz simulates; choose a smaller "
                              "base or matrix")
        return self


def make(name: str, **params) -> Pattern:
    """Build and validate a pattern; unknown parameter names are a :class:`ConfigError`."""
    known = {f.name for f in fields(Pattern)} - {"name"}
    for key in params:
        if key not in known:
            raise ConfigError(f"unknown pattern parameter {key!r} (known: {', '.join(sorted(known))})")
    return Pattern(name, **params).validate()


def length(p: Pattern) -> int:
    """Number of accesses the pattern makes."""
    n = p.rows * p.cols
    if p.name in ("row-major", "column-major", "tiled"):
        return n
    if p.name == "strided":
        return p.passes * -(-n // p.stride)
    if p.name == "random":
        return p.count or n
    if p.name == "transpose":
        return 2 * n
    m = p.rows
    inner = p.name[-1]
    per = 2 if inner == "k" else 3
    outer = m * m * (m // (p.tile or m))  # hoisted loads/stores, once per inner loop run
    return m ** 3 * per + outer * (2 if inner == "k" else 1)


@dataclass(frozen=True)
class Matrix:
    """Where one matrix of a pattern lives: ``rows x cols`` elements, rows ``lead`` apart."""

    name: str
    base: int
    rows: int
    cols: int
    lead: int
    elem: int

    def addresses(self) -> np.ndarray:
        """Byte address of every element, as a (rows, cols) array."""
        i, j = np.indices((self.rows, self.cols), dtype=np.int64)
        return self.base + (i * self.lead + j) * self.elem

    def cell_of(self, addr: int) -> tuple[int, int] | None:
        """(row, col) of the element holding byte ``addr``, or None outside the matrix."""
        off = addr - self.base
        if not 0 <= off < self.rows * self.lead * self.elem:
            return None
        r, c = divmod(off // self.elem, self.lead)
        return (r, c) if c < self.cols else None


def matrices(p: Pattern) -> list[Matrix]:
    """The matrices a pattern touches, in the layout :func:`generate` uses."""
    a = Matrix("A", p.base, p.rows, p.cols, p.lead, p.elem)
    if p.name == "transpose":
        return [a, Matrix("B", p.base + matrix_bytes(p), p.cols, p.rows, p.rows + p.lead - p.cols, p.elem)]
    if p.name.startswith("matmul"):
        n = p.rows
        return [Matrix(m, p.base + k * matrix_bytes(p), n, n, p.lead, p.elem) for k, m in enumerate("ABC")]
    return [a]


def matrix_bytes(p: Pattern, rows: int | None = None) -> int:
    """Bytes of one matrix, rounded up to a page so matrices start on page boundaries."""
    b = (rows or p.rows) * p.lead * p.elem
    return -(-b // PAGE) * PAGE


def generate(p: Pattern, chunk: int = CHUNK) -> Iterator[Trace]:
    """Yield the pattern's accesses as traces of at most about ``chunk`` accesses."""
    p.validate()
    gen = _matmul if p.name.startswith("matmul") else _GENERATORS[p.name]
    yield from gen(p, chunk)


def _ranges(total: int, chunk: int):
    for s in range(0, total, chunk):
        yield np.arange(s, min(total, s + chunk), dtype=np.int64)


def _row_major(p: Pattern, chunk: int):
    for t in _ranges(p.rows * p.cols, chunk):
        i, j = np.divmod(t, p.cols)
        yield Trace.of(p.base + (i * p.lead + j) * p.elem, size=p.elem)


def _column_major(p: Pattern, chunk: int):
    for t in _ranges(p.rows * p.cols, chunk):
        j, i = np.divmod(t, p.rows)
        yield Trace.of(p.base + (i * p.lead + j) * p.elem, size=p.elem)


def _tiled(p: Pattern, chunk: int):
    T = p.tile
    tiles_per_row = p.cols // T
    for t in _ranges(p.rows * p.cols, chunk):
        tile, inner = np.divmod(t, T * T)
        ti, tj = np.divmod(tile, tiles_per_row)
        ii, jj = np.divmod(inner, T)
        yield Trace.of(p.base + ((ti * T + ii) * p.lead + tj * T + jj) * p.elem, size=p.elem)


def _strided(p: Pattern, chunk: int):
    n = p.rows * p.cols
    per_pass = -(-n // p.stride)
    for t in _ranges(p.passes * per_pass, chunk):
        k = (t % per_pass) * p.stride
        i, j = np.divmod(k, p.cols)
        yield Trace.of(p.base + (i * p.lead + j) * p.elem, size=p.elem)


def _random(p: Pattern, chunk: int):
    rng = np.random.default_rng(p.seed)
    n = p.rows * p.cols
    for t in _ranges(p.count or n, chunk):
        k = rng.integers(0, n, len(t), dtype=np.int64)
        i, j = np.divmod(k, p.cols)
        yield Trace.of(p.base + (i * p.lead + j) * p.elem, size=p.elem)


def _transpose(p: Pattern, chunk: int):
    # B = A.T: read A[i][j] (instruction 0), write B[j][i] (instruction 1); B is cols x rows
    # with the same padding as A.
    ld_b = p.rows + (p.lead - p.cols)
    base_b = p.base + matrix_bytes(p)
    for t in _ranges(p.rows * p.cols, max(1, chunk // 2)):
        i, j = np.divmod(t, p.cols)
        addr = np.empty(2 * len(t), np.int64)
        addr[0::2] = p.base + (i * p.lead + j) * p.elem
        addr[1::2] = base_b + (j * ld_b + i) * p.elem
        write = np.tile(np.array([0, 1], np.uint8), len(t))
        yield Trace.of(addr, write=write, size=p.elem, pc=np.tile(np.array([0, 1]), len(t)))


def _matmul(p: Pattern, chunk: int):
    """C += A @ B for n x n matrices, compiled-loop model (as in CS:APP 6.6): the operand that
    does not depend on the innermost index is kept in a register, loaded before and (for C)
    stored after the inner loop. Instructions: A load 0, B load 1, C load 2, C store 3."""
    n = p.rows
    order = p.name[-3:]
    T = p.tile or n
    base = {"A": p.base, "B": p.base + matrix_bytes(p), "C": p.base + 2 * matrix_bytes(p)}
    blocks = [range(0, n, T)] * 3
    # runs of the middle loop per slice, so a slice of (T x T) big blocks stays about one chunk
    per_slice = max(1, chunk // (3 * T + 2))
    pending: list[Trace] = []
    size = 0
    for b in itertools.product(*blocks):  # block loops in the same order as the inner loops
        start = dict(zip(order, b))
        for o1 in range(start[order[0]], start[order[0]] + T):
            for lo in range(start[order[1]], start[order[1]] + T, per_slice):
                hi = min(lo + per_slice, start[order[1]] + T)
                pending.append(_matmul_slice(p, order, base, start, T, o1, lo, hi))
                size += len(pending[-1])
                if size >= chunk:
                    yield Trace.concat(pending)
                    pending, size = [], 0
    if pending:
        yield Trace.concat(pending)


def _matmul_slice(p: Pattern, order: str, base: dict, start: dict, T: int, o1: int,
                  lo: int, hi: int) -> Trace:
    """Accesses of runs ``lo..hi`` of the middle loop in one iteration of the outermost loop
    within one block."""
    o2 = np.arange(lo, hi, dtype=np.int64)
    o3 = np.arange(start[order[2]], start[order[2]] + T, dtype=np.int64)
    g2, g3 = np.meshgrid(o2, o3, indexing="ij")  # (T, T): one row per inner loop run
    idx = {order[0]: np.full_like(g2, o1), order[1]: g2, order[2]: g3}
    i, j, k = idx["i"], idx["j"], idx["k"]

    def at(m, r, c):
        return base[m] + (r * p.lead + c) * p.elem

    a, b, c = at("A", i, k), at("B", k, j), at("C", i, j)
    inner = order[2]
    if inner == "k":    # sum = C[i][j]; for k: sum += A[i][k] * B[k][j]; C[i][j] = sum
        body = [(a, 0, 0), (b, 0, 1)]
        pre, post = (c[:, :1], 0, 2), (c[:, :1], 1, 3)
    elif inner == "j":  # r = A[i][k]; for j: C[i][j] += r * B[k][j]
        body = [(b, 0, 1), (c, 0, 2), (c, 1, 3)]
        pre, post = (a[:, :1], 0, 0), None
    else:               # r = B[k][j]; for i: C[i][j] += A[i][k] * r
        body = [(a, 0, 0), (c, 0, 2), (c, 1, 3)]
        pre, post = (b[:, :1], 0, 1), None
    rows = g2.shape[0]
    # interleave the body accesses of each inner iteration, then frame each run
    inner_addr = np.stack([x for x, _, _ in body], axis=2).reshape(rows, -1)
    inner_w = np.tile(np.array([w for _, w, _ in body], np.uint8), (rows, T))
    inner_pc = np.tile(np.array([q for _, _, q in body], np.int64), (rows, T))
    parts_a = [pre[0], inner_addr]
    parts_w = [np.full((rows, 1), pre[1], np.uint8), inner_w]
    parts_pc = [np.full((rows, 1), pre[2], np.int64), inner_pc]
    if post is not None:
        parts_a.append(post[0])
        parts_w.append(np.full((rows, 1), post[1], np.uint8))
        parts_pc.append(np.full((rows, 1), post[2], np.int64))
    return Trace.of(np.concatenate(parts_a, axis=1), write=np.concatenate(parts_w, axis=1).reshape(-1),
                    size=p.elem, pc=np.concatenate(parts_pc, axis=1).reshape(-1))


_GENERATORS = {
    "row-major": _row_major,
    "column-major": _column_major,
    "tiled": _tiled,
    "strided": _strided,
    "random": _random,
    "transpose": _transpose,
}
