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
    assert points["google-tpu-v5e"].per_watt is None                       # no power catalogued
    dsp, cpu = points["ti-c6678"], points["intel-i7-7700k"]
    assert (dsp.precision, dsp.per_watt) == ("fp32", pytest.approx(160e9 / 10))  # "under 10W": a lower bound
    assert (cpu.precision, cpu.throughput.status) == ("fp32", "derived")
    assert cpu.per_watt == pytest.approx(4 * 4.2e9 * 32 / 91)                  # cores x base clock x FLOP/cycle / TDP


def test_every_family_has_a_point_with_a_power():
    """The lecture's comparison needs every kind on the chart, DSP and CPU included."""
    powered = {z.family for z in zoo(load_catalog()) if z.per_watt}
    assert powered == set(FAMILIES)


def test_points_come_in_flexibility_order_and_tpus_are_asics():
    cat = load_catalog()
    fams = [z.family for z in zoo(cat)]
    assert fams == sorted(fams, key=FAMILIES.index)
    assert family_of(cat.device("google-tpu-v4")) == "asic" and family_of(cat.device("amd-alveo-u250")) == "fpga"
