"""The systolic array stepped register by register: the reference the timeline is checked against.

Every cycle each PE passes its left-stream operand one column right and its downward register
one row down, takes new operands at the edges, and multiplies; a fold ends when nothing left
in the array will reach another PE. Nothing here reads the closed form: the cycle count is what
the registers take, and the tests compare it (and every register, every cycle) with
:mod:`~hwviz.accel.systolic.plan` and :mod:`~hwviz.accel.systolic.timeline`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from hwviz.accel.systolic.operands import add_output, check_matrices, fold_operands
from hwviz.accel.systolic.plan import SystolicPlan

@dataclass(frozen=True)
class RegisterRun:
    """What stepping the registers produced."""

    product: np.ndarray   #: C = A B as the array computed it
    last_cycle: int       #: index of the last cycle (SCALE-Sim's total)
    useful_macs: int      #: multiply-accumulates on mapped PEs (M N K when all is well)


def _shift_right(reg: np.ndarray, entering: np.ndarray) -> None:
    reg[:, 1:] = reg[:, :-1]
    reg[:, 0] = entering


def _shift_down(reg: np.ndarray, entering: np.ndarray) -> None:
    reg[1:, :] = reg[:-1, :]
    reg[0, :] = entering


def _edge(stream: np.ndarray, cycle: int) -> np.ndarray:
    """The skewed edge input: lane ``x`` takes ``stream[x, cycle - x]``, NaN outside the stream."""
    t = cycle - np.arange(stream.shape[0])
    ok = (t >= 0) & (t < stream.shape[1])
    return np.where(ok, stream[np.arange(stream.shape[0]), np.clip(t, 0, stream.shape[1] - 1)], np.nan)


def simulate(plan: SystolicPlan, a, b,
             on_cycle: Callable[[int, dict[str, np.ndarray]], None] | None = None) -> RegisterRun:
    """Run ``plan`` on ``a`` (M x K) and ``b`` (K x N), fold after fold, one cycle at a time.

    ``on_cycle(cycle, registers)``, if given, sees the R x C register files ``held``,
    ``moving_right`` and ``moving_down`` after every cycle (not copies: read them, do not keep
    them). Costs R x C work per cycle; meant for small shapes.
    """
    a, b = check_matrices(plan, a, b)
    R, C = plan.rows, plan.cols
    product = np.zeros((plan.m, plan.n))
    cycle, useful = -1, 0
    for index in range(plan.folds):
        fold = plan.fold(index)
        left, top = fold_operands(plan, a, b, fold)
        T = left.shape[1]
        used = (np.arange(R)[:, None] < fold.rows_used) & (np.arange(C)[None, :] < fold.cols_used)
        right = np.full((R, C), np.nan)
        down = np.full((R, C), np.nan)
        if plan.dataflow == "os":
            held = np.zeros((R, C))
            top_lanes = top.T             # column j's lane carries top[:, j]
        else:
            held = np.full((R, C), np.nan)
            for c in range(R):            # shift the tile in from the top, its last row first
                _shift_down(held, top[R - 1 - c])
                cycle += 1
                if on_cycle:
                    on_cycle(cycle, {"held": held, "moving_right": right, "moving_down": down})
        outputs = np.zeros((T, C))
        # the last cycle an edge takes a new operand (the skew delays lane x by x cycles)
        last_in = T - 1 + (max(R, C) if plan.dataflow == "os" else R) - 1
        c = 0
        while True:
            _shift_right(right, _edge(left, c))
            if plan.dataflow == "os":
                _shift_down(down, _edge(top_lanes, c))
                pair = ~np.isnan(right) & ~np.isnan(down)
                held[pair] += right[pair] * down[pair]
            else:                         # the partial sum from above plus this PE's product
                above = np.vstack([np.zeros((1, C)), down[:-1]])
                pair = ~np.isnan(right)
                down = np.where(pair, above + right * held, np.nan)
                t_out = c - (R - 1) - np.arange(C)    # the stream row leaving each column's bottom
                leaving = ~np.isnan(down[R - 1])
                outputs[t_out[leaving], np.arange(C)[leaving]] = down[R - 1, leaving]
            useful += int((pair & used).sum())
            cycle += 1
            if on_cycle:
                on_cycle(cycle, {"held": held, "moving_right": right, "moving_down": down})
            if c >= last_in and np.isnan(right[:, :-1]).all() and np.isnan(down[:-1, :]).all():
                break                     # nothing left that would meet another PE
            c += 1
        add_output(plan, fold, held if plan.dataflow == "os" else outputs, product)
    return RegisterRun(product, cycle, useful)
