"""The cycle-by-cycle systolic array: registers, timeline and closed form agree, and compute A @ B."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hwviz.accel.systolic.plan import DATAFLOWS, SystolicPlan
from hwviz.accel.systolic.registers import simulate
from hwviz.accel.systolic.timeline import SystolicTimeline
from hwviz.base.errors import ConfigError

SHAPES = [  # rows, cols, M, N, K: square and not, sizes that do not divide the array, M or N of 1
    (4, 4, 5, 7, 3), (3, 5, 7, 2, 9), (5, 2, 6, 1, 3), (2, 3, 1, 4, 5), (1, 1, 3, 2, 4), (4, 4, 8, 8, 8),
]


def _matrices(m, n, k, seed=0):
    rng = np.random.default_rng(seed)
    # small integers: every sum is exact, so equality can be exact too
    return rng.integers(-4, 5, (m, k)).astype(float), rng.integers(-4, 5, (k, n)).astype(float)


def _same(x, y):
    return np.array_equal(np.isnan(x), np.isnan(y)) and np.array_equal(np.nan_to_num(x), np.nan_to_num(y))


def _check_every_cycle(plan, a, b):
    timeline = SystolicTimeline(plan, a, b)
    seen = []

    def compare(cycle, regs):
        state = timeline.state_at(cycle)
        seen.append(cycle)
        for name in ("held", "moving_right", "moving_down"):
            assert _same(getattr(state, name), regs[name]), (cycle, name)

    run = simulate(plan, a, b, compare)
    assert seen == list(range(plan.cycles + 1))
    return run, timeline


@pytest.mark.parametrize("dataflow", DATAFLOWS)
@pytest.mark.parametrize("rows,cols,m,n,k", SHAPES)
def test_registers_timeline_and_closed_form_agree(rows, cols, m, n, k, dataflow):
    plan = SystolicPlan(rows, cols, m, n, k, dataflow)
    a, b = _matrices(m, n, k)
    run, timeline = _check_every_cycle(plan, a, b)
    assert run.last_cycle == plan.cycles            # the registers' own count is SCALE-Sim's
    assert np.array_equal(run.product, a @ b)
    assert run.useful_macs == m * n * k
    values, complete = timeline.output_at(plan.cycles)
    assert complete.all() and np.array_equal(values, a @ b)
    assert timeline.state_at(plan.cycles).macs_done == m * n * k


@settings(max_examples=25, deadline=None)
@given(st.integers(1, 5), st.integers(1, 5), st.integers(1, 9), st.integers(1, 9), st.integers(1, 9),
       st.sampled_from(DATAFLOWS), st.integers(0, 2**16))
def test_any_small_shape(rows, cols, m, n, k, dataflow, seed):
    plan = SystolicPlan(rows, cols, m, n, k, dataflow)
    a, b = _matrices(m, n, k, seed)
    run, _ = _check_every_cycle(plan, a, b)
    assert run.last_cycle == plan.cycles and np.array_equal(run.product, a @ b)


def test_operands_enter_skewed_and_partial_sums_move_down():
    plan = SystolicPlan(3, 3, 3, 3, 4, "ws")
    a, b = _matrices(3, 3, 4)
    tl = SystolicTimeline(plan, a, b)
    # cycles 0-2 load B's tile from the top, its last row first
    s = tl.state_at(0)
    assert s.phase == "load" and np.array_equal(s.top_in, b[2]) and np.isnan(s.held[1:]).all()
    assert np.array_equal(tl.state_at(2).held, b[:3, :3])
    # cycle R + 1: row 0 takes A[1, 0], row 1 takes A[0, 1], row 2 nothing yet (the skew)
    s = tl.state_at(4)
    assert s.left_in[0] == a[1, 0] and s.left_in[1] == a[0, 1] and np.isnan(s.left_in[2])
    assert s.phase == "fill" and s.active.sum() == 3
    # the partial sum leaving PE (1, 0) at cycle R + 1 is A[0, 0:2] . B[0:2, 0]
    assert s.moving_down[1, 0] == a[0, 0] * b[0, 0] + a[0, 1] * b[1, 0]
    assert np.array_equal(s.value, s.moving_down, equal_nan=True)


def test_output_stationary_accumulates_in_place_and_fills_then_drains():
    plan = SystolicPlan(2, 2, 2, 2, 5, "os")
    a, b = _matrices(2, 2, 5)
    tl = SystolicTimeline(plan, a, b)
    phases = [tl.state_at(c).phase for c in range(plan.cycles + 1)]
    assert phases == ["fill", "fill", "steady", "steady", "steady", "drain", "drain"]
    last = tl.state_at(plan.cycles)
    assert np.array_equal(last.held, a @ b) and np.array_equal(last.value, last.held)
    values, complete = tl.output_at(4)          # PE (0, 0) is done at cycle T - 1
    assert complete.tolist() == [[True, False], [False, False]] and values[0, 0] == (a @ b)[0, 0]


def test_padding_idles_pes_and_a_fold_lasts_as_long_as_a_full_one():
    plan = SystolicPlan(4, 4, 6, 5, 3, "os")         # folds 2 x 2; the last maps 2 x 1 PEs
    a, b = _matrices(6, 5, 3)
    tl = SystolicTimeline(plan, a, b)
    last = plan.fold(3)
    state = tl.state_at(last.start_cycle + 3)
    assert state.used.sum() == 2 and not (state.active & ~state.used).any()
    assert last.cycles == plan.fold(0).cycles


def test_weight_stationary_sums_partial_products_across_row_folds():
    plan = SystolicPlan(2, 2, 3, 2, 5, "ws")           # K = 5 -> 3 row folds feed the same outputs
    a, b = _matrices(3, 2, 5)
    tl = SystolicTimeline(plan, a, b)
    after_first = tl.output_at(plan.fold(0).start_cycle + plan.fold_cycles - 1)
    assert not after_first[1].any()                     # partial, not complete
    assert np.array_equal(after_first[0], a[:, :2] @ b[:2, :])
    values, complete = tl.output_at(plan.cycles)
    assert complete.all() and np.array_equal(values, a @ b)
    # seeking back rebuilds the running sum
    assert np.array_equal(tl.output_at(plan.fold(0).cycles - 1)[0], after_first[0])


def test_the_timeline_refuses_what_it_cannot_draw():
    with pytest.raises(ConfigError, match="up to 64 x 64"):
        SystolicTimeline(SystolicPlan(128, 128, 4, 4, 4, "os"), np.ones((4, 4)), np.ones((4, 4)))
    with pytest.raises(ConfigError, match="A must be 4 x 3"):
        SystolicTimeline(SystolicPlan(4, 4, 4, 4, 3, "os"), np.ones((3, 4)), np.ones((3, 4)))
