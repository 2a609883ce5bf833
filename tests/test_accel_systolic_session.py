"""The systolic scene's model: parameters checked, the batching curve equal to the closed form,
and the utilisation counted cycle by cycle ending equal to SCALE-Sim v2's."""

import numpy as np
import pytest

from hwviz.accel.systolic.plan import SystolicPlan
from hwviz.accel.systolic_session import SystolicParams, SystolicSession, batching_curve, build
from hwviz.base.errors import ConfigError


@pytest.mark.parametrize("name,text,message", [("array", "8", "ROWSxCOLS"), ("array", "0x4", "array rows"),
                                               ("dataflow", "xs", "dataflow"), ("gemm", "1,2", "M,N,K"),
                                               ("seed", "-1", "seed"), ("colour", "red", "unknown parameter")])
def test_bad_parameters_are_one_sentence(name, text, message):
    s = SystolicSession()
    with pytest.raises(ConfigError, match=message):
        s.set_params(s.params.with_text(name, text))
    assert s.params == SystolicParams()          # nothing changed


def test_operands_are_small_integers_and_repeat_with_the_seed():
    plan, a, b = build(SystolicParams(gemm="5,6,7", seed="3"))
    assert a.shape == (5, 7) and b.shape == (7, 6)
    assert set(np.unique(a)) <= set(range(10)) and np.array_equal(a, build(SystolicParams(gemm="5,6,7", seed="3"))[1])


@pytest.mark.parametrize("dataflow", ["os", "ws", "is"])
def test_batching_curve_is_the_closed_form(dataflow):
    plan = SystolicPlan(4, 8, 3, 10, 5, dataflow)
    m, util = batching_curve(plan, 40)
    assert list(m) == list(range(1, 41))
    assert util[6] == SystolicPlan(4, 8, 7, 10, 5, dataflow).utilization


def test_weight_stationary_utilisation_rises_with_the_batch():
    _, util = batching_curve(SystolicPlan(8, 8, 1, 8, 8, "ws"), 256)
    assert util[0] < 5 < 80 < util[-1]           # one row of A wastes the array; 256 rows fill it


@pytest.mark.parametrize("dataflow", ["os", "ws", "is"])
def test_counted_utilisation_ends_at_scale_sims(dataflow):
    s = SystolicSession(SystolicParams(array="4x3", dataflow=dataflow, gemm="5,7,6"))
    s.seek(s.length)
    st = s.state()
    assert st.macs_done == 5 * 7 * 6
    assert s.utilization_so_far(st) == pytest.approx(s.plan.utilization)
    s.seek(10**9)
    assert s.position == s.plan.cycles
