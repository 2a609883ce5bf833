"""The roofline model: roofs, ridges and bounds by hand; catalogued devices' roofs; kernels'
intensities by hand; this machine's roof from recorded results."""

import pytest

from hwviz.accel.catalog import load_catalog
from hwviz.accel.roofline import Roof, device_roof, kernels, machine_roof, parse_conv, recorded_results
from hwviz.base.errors import ConfigError
from hwviz.measure.results import Result, save_json


def test_a_roof_is_the_lower_of_its_two_limits():
    r = Roof("x", peak=100e9, bandwidth=10e9, origin="spec")
    assert r.ridge == 10
    assert r.attainable(1) == 10e9 and r.attainable(10) == 100e9 and r.attainable(1000) == 100e9
    assert r.bound(9.9) == "memory" and r.bound(10) == "compute"


def test_the_a100_roof_is_its_datasheet_figures():
    r = device_roof(load_catalog().device("nvidia-a100-sxm4-80gb"), "fp32")
    assert (r.peak, r.bandwidth, r.origin) == (19.5e12, 2039e9, "spec")
    assert r.ridge == pytest.approx(19.5e12 / 2039e9)
    assert "datasheet" in r.note


def test_a_device_without_the_precision_or_a_bandwidth_has_no_roof():
    cat = load_catalog()
    assert device_roof(cat.device("google-tpu-v4"), "fp64") is None
    assert device_roof(cat.device("google-edge-tpu"), "int8") is None        # no bandwidth published
    lecture = device_roof(cat.device("lecture-gpu-high-end"), "fp32")       # the lecture states no precision
    assert lecture.peak == 100e12 and "unstated" in lecture.label


def test_kernel_intensities_by_hand():
    add, dot, mm, conv = kernels(1000, (10, 10, 3, 8), elem=8)
    assert add.intensity == pytest.approx(1 / 24)
    assert dot.intensity == pytest.approx(1 / 8)
    assert mm.intensity == pytest.approx(2 * 1000**3 / (3 * 8 * 1000**2))
    assert conv.flops == 2 * 10 * 10 * 3 * 8 * 9 and conv.bytes == (10 * 10 * 11 + 9 * 24) * 8


@pytest.mark.parametrize("text", ["56,56,64", "0,1,1,1", "a,b,c,d"])
def test_bad_convolution_shapes_are_one_sentence(text):
    with pytest.raises(ConfigError):
        parse_conv(text)


def _results():
    threads = Result("threads", {}, {}, [{"bound": "compute", "gflops": 20.0}, {"bound": "compute", "gflops": 35.0},
                                         {"bound": "memory", "gbps": 9.0}], "2026-01-01")
    stream = Result("stream", {}, {}, [{"kernel": "copy", "gbps": 30.0}, {"kernel": "triad", "gbps": 12.5}], "2026-01-01")
    return [threads, stream]


def test_this_machines_roof_is_its_fastest_compute_point_and_triad():
    r = machine_roof(_results(), "measured here")
    assert (r.peak, r.bandwidth, r.origin) == (35e9, 12.5e9, "measured")
    assert r.note.startswith("measured here") and "triad" in r.note
    assert machine_roof(_results()[:1], "x") is None


def test_recorded_results_are_found_in_a_folder(tmp_path):
    assert recorded_results(tmp_path) == ([], "")
    (tmp_path / "broken.json").write_text("{")
    save_json(_results(), tmp_path / "m.json")
    found, name = recorded_results(tmp_path)
    assert name == "m.json" and {r.experiment for r in found} == {"threads", "stream"}
