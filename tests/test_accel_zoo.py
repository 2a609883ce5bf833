"""The zoo's numbers: each device's fastest catalogued throughput and, with a power, per watt."""

import pytest

from hwviz.accel.catalog import load_catalog
from hwviz.accel.zoo import FAMILIES, family_of, zoo


def test_per_watt_is_throughput_over_power_from_the_catalog():
    points = {z.device.id: z for z in zoo(load_catalog())}
    a100 = points["nvidia-a100-sxm4-80gb"]
    assert (a100.precision, a100.throughput.value, a100.power.value) == ("int8", 624e12, 400)
    assert a100.per_watt == pytest.approx(624e12 / 400)
    assert points["google-edge-tpu"].per_watt == pytest.approx(2e12)       # "2 TOPS per watt" in its datasheet
    assert points["ti-c6678"].per_watt is None                             # no power catalogued


def test_points_come_in_flexibility_order_and_tpus_are_asics():
    cat = load_catalog()
    fams = [z.family for z in zoo(cat)]
    assert fams == sorted(fams, key=FAMILIES.index)
    assert family_of(cat.device("google-tpu-v4")) == "asic" and family_of(cat.device("amd-alveo-u250")) == "fpga"
