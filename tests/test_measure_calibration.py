"""Plateaus of the latency ladder, the latencies kept for the host preset (file, preset, errors),
points streamed as they are measured, and the simulator's row-col prediction."""

import itertools
import json

import pytest
from measure_fakes import OTHER_MACHINE, latency_points, result

from hwviz.base.errors import ConfigError
from hwviz.measure.calibration import cache_levels, host_latencies, plateaus
from hwviz.sim.host_latency import HostLatency, latency_path, load_latency, save_latency
from hwviz.sim.presets import preset

KiB, MiB = 1 << 10, 1 << 20


@pytest.fixture(autouse=True)
def config_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("HWVIZ_CONFIG_DIR", str(tmp_path / "cfg"))
    return tmp_path / "cfg"


def test_cache_levels_keep_data_and_unified_caches_once_per_level():
    assert cache_levels(OTHER_MACHINE) == [("L1", 32 * KiB), ("L2", 2 * MiB), ("L3", 96 * MiB)]
    assert cache_levels({"caches": [{"level": "x"}, {"type": "Data"}]}) == []


def test_plateaus_are_the_medians_of_each_levels_flat_points():
    r = result("latency", machine=OTHER_MACHINE, points=latency_points((1.0, 5.0, 20.0), 90.0, OTHER_MACHINE))
    assert [(p.name, p.ns, p.points) for p in plateaus(r)] == [
        ("L1", 1.0, 2), ("L2", 5.0, 2), ("L3", 20.0, 2), ("memory", 90.0, 2)]


def test_a_level_that_serves_less_than_it_reports_is_measured_on_its_flat_part():
    # a virtual machine's L3: sysfs says 96 MiB, memory latency from 32 MiB on
    pts = latency_points((1.0, 5.0, 20.0), 90.0, OTHER_MACHINE)
    pts = [dict(p, ns_per_op=85.0) if p["size_bytes"] == 48 * MiB else p for p in pts]
    pts.append(dict(pts[0], size_bytes=8 * MiB, ns_per_op=21.0))
    r = result("latency", machine=OTHER_MACHINE, points=pts)
    l3 = [p for p in plateaus(r) if p.name == "L3"][0]
    assert (l3.ns, l3.points, l3.lo_bytes, l3.hi_bytes) == (20.5, 2, 8 * MiB, 24 * MiB)


def test_calibration_needs_a_latency_result_with_memory_and_cache_points():
    with pytest.raises(ConfigError, match="needs a latency result, not 'loops'"):
        plateaus(result("loops"))
    short = [p for p in latency_points(machine=OTHER_MACHINE) if p["size_bytes"] < 96 * MiB]
    with pytest.raises(ConfigError, match="far enough past the last-level cache"):
        host_latencies(result("latency", machine=OTHER_MACHINE, points=short))
    with pytest.raises(ConfigError, match="lists no cache sizes"):
        plateaus(result("latency", machine={"cpu_model": "x"}, points=short))


def test_the_host_preset_uses_kept_latencies_and_says_so(config_dir):
    typical = preset("host")
    assert typical.name == "host" and "typical values" in typical.note
    lat = HostLatency({"L1": 1.5, "L2": 4.5, "L9": 3.0}, 110.0, "Test CPU", "2025-01-02")
    assert save_latency(lat) == config_dir / "host-latency.json" == latency_path()
    assert load_latency() == (lat, "")
    h = preset("host")
    assert h.name == "host (latencies measured on this machine, 2025-01-02)"
    assert [lv.latency_ns for lv in h.levels] == [1.5, 4.5] + [lv.latency_ns for lv in typical.levels[2:]]
    assert h.memory_latency_ns == 110.0 and "measured on this machine (Test CPU) on 2025-01-02" in h.note


@pytest.mark.parametrize("text,why", [
    ("{", "Expecting property name"),
    ('{"schema": "other"}', "not a hwviz.latency/1 document"),
    ('{"schema": "hwviz.latency/1", "levels_ns": {"L1": -1}, "memory_ns": 90}', "latency of L1 -1 must be"),
    ('{"schema": "hwviz.latency/1", "levels_ns": {"L1": 1}, "memory_ns": "fast"}',
     "memory latency 'fast' must be a number"),
])
def test_an_unusable_latency_file_is_ignored_with_the_reason(config_dir, text, why):
    config_dir.mkdir()
    (config_dir / "host-latency.json").write_text(text)
    lat, problem = load_latency()
    assert lat is None and why in problem
    h = preset("host")
    assert h.name == "host" and why in h.note


def test_points_are_handed_over_as_they_are_measured():
    from hwviz.measure.experiments import run_experiment

    got = []
    r = run_experiment("latency", quick=True, point=lambda p: got.append((len(got), p)))
    assert [p for _, p in got] == r.points and len(got) == 4
    got[0][1]["ns_per_op"] = -1.0   # a copy: the receiver cannot change the result
    assert r.points[0]["ns_per_op"] > 0


def test_the_model_predicts_a_warm_pass_and_rows_beat_columns(config_dir):
    from hwviz.measure.row_col_model import predict
    from hwviz.sim import patterns
    from hwviz.sim.simulator import simulate

    save_latency(HostLatency({"L1": 1.0, "L2": 4.0, "L3": 15.0}, 100.0, "Test CPU", "2025-01-02"))
    got = []
    pred = predict([16, 512], point=got.append)
    pts = {(p["n"], p["order"], p["prefetch"]): p for p in pred["points"]}
    assert [p["simulated"] for p in got] == [True] * 8 and len(pts) == 8
    assert pred["preset"].startswith("host (latencies measured") and pred["prefetcher"] == "stream"
    # 16 x 16 doubles (2 KiB) stay in L1: a warm pass costs 1 ns per 8-byte access
    assert all(pts[(16, o, pf)]["gbps"] == 8.0 for o in ("row", "col") for pf in ("none", "stream"))
    assert pts[(512, "col", "none")]["gbps"] < pts[(512, "row", "none")]["gbps"]
    # the warm pass equals two passes less one, simulated independently
    h = preset("host")
    pat = patterns.make("column-major", rows=512, cols=512, elem=8, ld=512)
    two = simulate(h, itertools.chain(patterns.generate(pat), patterns.generate(pat))).time_ns
    one = simulate(h, patterns.generate(pat)).time_ns
    assert pts[(512, "col", "none")]["amat_ns"] == pytest.approx((two - one) / 512 ** 2)


def test_the_latency_file_is_written_whole(config_dir):
    save_latency(HostLatency({"L1": 1.0}, 90.0, "c", "2025-01-02"))
    doc = json.loads((config_dir / "host-latency.json").read_text())
    assert doc == {"schema": "hwviz.latency/1", "levels_ns": {"L1": 1.0}, "memory_ns": 90.0,
                   "cpu_model": "c", "date": "2025-01-02"}
