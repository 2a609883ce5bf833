"""The systolic array at any cycle, computed directly: what a timeline scene draws.

``SystolicTimeline(plan, a, b).state_at(k)`` gives every PE's registers at cycle ``k`` (0 to
``plan.cycles``, SCALE-Sim's last-cycle index) without replaying the cycles before it, so
play, step, step back and scrub all cost the same: a few vectorised numpy gathers over the R x C
grid (per-fold prefix sums are computed once when a fold is first visited). The values are
really computed: :meth:`SystolicTimeline.output_at` at the last cycle equals ``a @ b``.

Timing (see :mod:`~hwviz.accel.systolic.operands`): in fold-local cycle ``c``, PE (i, j) works on
stream index ``t = c - s0 - i - j``, with ``s0 = 0`` (os) or ``R`` (ws, is: the first R cycles
load the stationary tile). :mod:`~hwviz.accel.systolic.registers` steps the same machine
register by register; the tests check both agree at every cycle.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hwviz.accel.systolic.operands import add_output, check_matrices, fold_operands
from hwviz.accel.systolic.plan import Fold, SystolicPlan
from hwviz.base.errors import ConfigError

#: the largest array side and stream length the timeline animates (the scene draws every PE)
MAX_DRAWN_SIDE = 64
MAX_DRAWN_T = 4096
MAX_DRAWN_FOLDS = 4096
_MAX_CELLS = 1 << 22


@dataclass(frozen=True)
class ArrayState:
    """The array at one cycle. Grids are R x C float64 with NaN where a register is empty."""

    cycle: int                #: global cycle, 0 to ``plan.cycles``
    fold: Fold                #: the tile on the array
    local: int                #: cycle within the fold
    phase: str                #: "load" (ws/is), "fill", "steady", "drain" or "idle" (padding passing)
    held: np.ndarray          #: what stays in each PE: the os accumulator, the ws/is weight or input
    moving_right: np.ndarray  #: the left stream's operand in each PE (A for os/ws, B for is)
    moving_down: np.ndarray   #: os: B's operand; ws/is: the partial sum leaving the PE downwards
    active: np.ndarray        #: bool: a useful multiply-accumulate this cycle
    used: np.ndarray          #: bool: the PE is mapped in this fold (False: padding)
    left_in: np.ndarray       #: length R: what enters each row at the left edge (NaN: nothing)
    top_in: np.ndarray        #: length C: what enters each column at the top edge
    macs_done: int            #: useful multiply-accumulates finished so far, this cycle included
    value: np.ndarray         #: the number each PE shows: os accumulator, or the ws/is partial sum



class SystolicTimeline:
    """Random access to the cycles of ``plan`` computing ``a @ b`` (``a``: M x K, ``b``: K x N)."""

    def __init__(self, plan: SystolicPlan, a, b):
        t = plan.spatial[2]
        if max(plan.rows, plan.cols) > MAX_DRAWN_SIDE or t > MAX_DRAWN_T or plan.folds > MAX_DRAWN_FOLDS \
                or plan.m * plan.n > _MAX_CELLS or plan.rows * plan.cols * t > _MAX_CELLS:
            raise ConfigError(f"the animation draws arrays up to {MAX_DRAWN_SIDE} x {MAX_DRAWN_SIDE}, "
                              f"streams up to {MAX_DRAWN_T} long and up to {MAX_DRAWN_FOLDS} folds; "
                              "use hwviz systolic for larger problems")
        self.plan = plan
        self.a, self.b = check_matrices(plan, a, b)
        self._i, self._j = np.indices((plan.rows, plan.cols))
        self._fold_index = -1
        self._base_fold, self._base, self._base_count = 0, np.zeros((plan.m, plan.n)), np.zeros((plan.m, plan.n))

    @property
    def start(self) -> int:
        """Cycle where the stream starts in each fold: 0 (os) or R (ws, is load their tile first)."""
        return 0 if self.plan.dataflow == "os" else self.plan.rows

    def _operands(self, fold: Fold):
        """``(left, top, sums)`` of ``fold``, cached: ``sums`` are the running dot products, per
        PE over t (os: R x C x T+1) or down each column over k (ws/is: T x R x C)."""
        if fold.index != self._fold_index:
            left, top = fold_operands(self.plan, self.a, self.b, fold)
            if self.plan.dataflow == "os":
                sums = np.zeros((self.plan.rows, self.plan.cols, left.shape[1] + 1))
                np.cumsum(left[:, None, :] * top.T[None, :, :], axis=2, out=sums[:, :, 1:])
            else:
                sums = np.cumsum(left.T[:, :, None] * top[None, :, :], axis=1)
            self._fold_index, self._cache = fold.index, (left, top, sums)
        return self._cache

    def _macs_before(self, fold: Fold) -> int:
        """Useful MACs of the folds before ``fold``: earlier column folds and earlier row folds are full."""
        sr, _, t = self.plan.spatial
        return (sr * fold.col_fold * self.plan.cols + fold.row_fold * self.plan.rows * fold.cols_used) * t

    def state_at(self, cycle: int) -> ArrayState:
        """The array's registers at ``cycle`` (0 to ``plan.cycles``)."""
        plan, i, j = self.plan, self._i, self._j
        fold = plan.fold_at(cycle)
        c = cycle - fold.start_cycle
        left, top, sums = self._operands(fold)
        R, C, T, s0 = plan.rows, plan.cols, left.shape[1], self.start
        used = (i < fold.rows_used) & (j < fold.cols_used)
        t = c - s0 - i - j
        valid = (t >= 0) & (t < T) & (c >= s0)
        tc = np.clip(t, 0, T - 1)
        moving_right = np.where(valid, left[i, tc], np.nan)
        entering = c - s0 - np.arange(R)
        left_in = np.where((entering >= 0) & (entering < T) & (c >= s0), left[np.arange(R), np.clip(entering, 0, T - 1)],
                           np.nan)
        if plan.dataflow == "os":
            moving_down = np.where(valid, top[tc, j], np.nan)
            held = sums[i, j, np.clip(t + 1, 0, T)]
            down = c - np.arange(C)
            top_in = np.where((down >= 0) & (down < T), top[np.clip(down, 0, T - 1), np.arange(C)], np.nan)
        elif c < s0:              # loading the stationary tile, last row first, one row per cycle
            moving_down = np.full((R, C), np.nan)
            held = np.where(i <= c, top[np.clip(R - 1 - c + i, 0, R - 1), j], np.nan)
            top_in = top[R - 1 - c].copy()
        else:
            moving_down = np.where(valid, sums[tc, i, j], np.nan)
            held = top.copy()
            top_in = np.full(C, np.nan)
        active = valid & used
        done = np.where(used & (c >= s0), np.clip(t + 1, 0, T), 0)
        return ArrayState(cycle, fold, c, self._phase(fold, c, int(active.sum())), held, moving_right, moving_down,
                          active, used, left_in, top_in, self._macs_before(fold) + int(done.sum()),
                          held if plan.dataflow == "os" else moving_down)

    def _phase(self, fold: Fold, c: int, n_active: int) -> str:
        s0 = self.start
        if c < s0:
            return "load"
        if n_active == 0:
            return "idle"
        if c > s0 + self.plan.spatial[2] - 1:        # PE (0, 0) has finished its stream
            return "drain"
        return "steady" if n_active == fold.rows_used * fold.cols_used else "fill"

    def _fold_result(self, fold: Fold, c: int) -> tuple[np.ndarray, np.ndarray]:
        """``(tile, mask)``: the results of ``fold`` that have left the array by local cycle ``c``."""
        # straight from the operands: the prefix sums cached for state_at stay on the shown fold
        left, top = fold_operands(self.plan, self.a, self.b, fold)
        R, C, T = self.plan.rows, self.plan.cols, left.shape[1]
        if self.plan.dataflow == "os":   # an output is final after its PE's last multiply
            tile, mask = left @ top, (T - 1 + self._i + self._j) <= c
        else:                            # output row t leaves column j's bottom PE at 2R - 1 + t + j
            tile = left.T @ top
            mask = (2 * R - 1 + np.arange(T)[:, None] + np.arange(C)[None, :]) <= c
        return np.where(mask, tile, 0.0), mask.astype(np.float64)

    def output_at(self, cycle: int) -> tuple[np.ndarray, np.ndarray]:
        """``(values, complete)`` of C (M x N) at ``cycle``: the sum of the results that have left
        the array (NaN where none yet), and where every fold's share has arrived."""
        plan = self.plan
        fold = plan.fold_at(cycle)
        if self._base_fold > fold.index:
            self._base_fold, self._base, self._base_count = 0, np.zeros_like(self._base), np.zeros_like(self._base)
        while self._base_fold < fold.index:          # whole folds before this one, kept between calls
            done = plan.fold(self._base_fold)
            tile, mask = self._fold_result(done, done.cycles)
            add_output(plan, done, tile, self._base)
            add_output(plan, done, mask, self._base_count)
            self._base_fold += 1
        values, count = self._base.copy(), self._base_count.copy()
        tile, mask = self._fold_result(fold, cycle - fold.start_cycle)
        add_output(plan, fold, tile, values)
        add_output(plan, fold, mask, count)
        needed = 1 if plan.dataflow == "os" else plan.row_folds
        return np.where(count > 0, values, np.nan), count == needed
