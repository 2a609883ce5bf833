"""The GPU models against hand counts: divergence, coalescing into 32-byte sectors, occupancy."""

import numpy as np
import pytest

from hwviz.accel.gpu import Occupancy, addresses, coalesce, divergence, lane_utilization
from hwviz.base.errors import ConfigError


def test_half_a_warp_on_each_path_runs_both_at_half_width():
    issues = divergence("lane < 16", 3, 2)
    assert [i.path for i in issues] == ["if"] * 3 + ["else"] * 2
    assert issues[0].active[:16].all() and not issues[0].active[16:].any()
    assert (issues[-1].active == ~issues[0].active).all()
    assert lane_utilization(issues) == pytest.approx(0.5)


def test_one_lane_alone_wastes_the_warp():
    issues = divergence("lane == 0", 4, 4)
    # if: 1 lane x 4 instructions; else: 31 lanes x 4; of 32 x 8 slots
    assert lane_utilization(issues) == pytest.approx((4 + 31 * 4) / 256)


def test_no_divergence_skips_the_path_nobody_takes():
    issues = divergence("lane < 32", 3, 5)
    assert len(issues) == 3 and lane_utilization(issues) == 1.0
    with pytest.raises(ConfigError):
        divergence("lane > 3", 1, 1)


@pytest.mark.parametrize("pattern,stride,elem,sectors", [
    ("consecutive", 1, 4, 4),      # 128 B in four 32-byte sectors
    ("consecutive", 1, 8, 8),
    ("strided", 2, 4, 8),          # every other float: 256 B span, 8 sectors, half of each used
    ("strided", 8, 4, 32),         # one float per sector
    ("strided", 32, 4, 32),
])
def test_sectors_by_hand(pattern, stride, elem, sectors):
    c = coalesce(addresses(pattern, stride, elem), elem)
    assert c.transactions == sectors and c.moved == 32 * sectors
    assert c.efficiency == pytest.approx(32 * elem / (32 * sectors))


def test_random_addresses_touch_about_one_sector_each():
    a = addresses("random", 1, 4, seed=5)
    c = coalesce(a, 4)
    assert c.transactions == len(np.unique(a // 32)) and c.transactions > 28


def test_an_access_straddling_two_sectors_counts_both():
    assert coalesce(np.array([30]), 4).transactions == 2


def test_a_1k_vector_fills_a_quarter_of_4k_cores():
    o = Occupancy(1000, 4000)
    assert (o.busy, o.share, o.waves) == (1000, 0.25, 1)
    assert Occupancy(10_000, 4000).waves == 3
