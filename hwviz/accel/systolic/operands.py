"""What enters the array in one fold, padded to the array's size, and where its results go.

One machine serves all three dataflows, seen from the array:

- a *left stream* ``left`` (R x T): array row i receives ``left[i, t]`` at the left edge at
  cycle ``start + t + i`` (the skew), and it moves one column right per cycle;
- ``os``: a *top stream* ``top`` (T x C): column j receives ``top[t, j]`` at cycle ``t + j``,
  moving one row down per cycle; PE (i, j) multiplies the pair it holds and keeps the sum;
- ``ws`` / ``is``: a *stationary tile* ``top`` (R x C), shifted in from the top edge during the
  first R cycles (last row first); then partial sums move down one row per cycle and leave
  the bottom row, one output row ``t`` per column ``j``.

Padding rows and columns hold zeros: they move and take time like data (which is why a
half-empty fold lasts as long as a full one) but their PEs do no useful work.
"""

from __future__ import annotations

import numpy as np

from hwviz.accel.systolic.plan import Fold, SystolicPlan
from hwviz.base.errors import ConfigError


def check_matrices(plan: SystolicPlan, a, b) -> tuple[np.ndarray, np.ndarray]:
    """``a`` (M x K) and ``b`` (K x N) as float64 arrays, or a :class:`ConfigError` naming the shape."""
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if a.shape != (plan.m, plan.k) or b.shape != (plan.k, plan.n):
        raise ConfigError(f"A must be {plan.m} x {plan.k} and B {plan.k} x {plan.n} "
                          f"(got {' x '.join(map(str, a.shape))} and {' x '.join(map(str, b.shape))})")
    return a, b


def _pad(tile: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    out = np.zeros(shape)
    out[:tile.shape[0], :tile.shape[1]] = tile
    return out


def fold_operands(plan: SystolicPlan, a: np.ndarray, b: np.ndarray, fold: Fold) -> tuple[np.ndarray, np.ndarray]:
    """``(left, top)`` of ``fold``: the R x T left stream, and the os top stream (T x C) or the
    ws/is stationary tile (R x C), zero-padded to the array."""
    R, C = plan.rows, plan.cols
    rows = slice(fold.row_start, fold.row_start + fold.rows_used)
    cols = slice(fold.col_start, fold.col_start + fold.cols_used)
    _, _, t = plan.spatial
    if plan.dataflow == "os":      # rows of A from the left, columns of B from the top
        return _pad(a[rows, :], (R, t)), _pad(b[:, cols], (t, C))
    if plan.dataflow == "ws":      # B's tile stays; rows of A stream (row k of the array takes A[:, k])
        return _pad(a[:, rows].T, (R, t)), _pad(b[rows, cols], (R, C))
    # is: A's tile stays (transposed: array row k, column j hold A[j, k]); columns of B stream
    return _pad(b[rows, :], (R, t)), _pad(a[cols, rows].T, (R, C))


def add_output(plan: SystolicPlan, fold: Fold, tile: np.ndarray, out: np.ndarray) -> None:
    """Add ``fold``'s results to ``out`` (M x N): ``tile`` is the R x C grid of os accumulators, or
    the T x C rows that left the bottom edge in ws/is (a fold adds one slice of K's sum)."""
    ru, cu = fold.rows_used, fold.cols_used
    r0, c0 = fold.row_start, fold.col_start
    if plan.dataflow == "os":
        out[r0:r0 + ru, c0:c0 + cu] += tile[:ru, :cu]
    elif plan.dataflow == "ws":
        out[:, c0:c0 + cu] += tile[:, :cu]
    else:
        out[c0:c0 + cu, :] += tile[:, :cu].T
