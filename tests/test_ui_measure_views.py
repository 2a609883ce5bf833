"""The latency ladder (plateaus, the lecture's lines, Calibrate), loops (speedups, Python
extrapolated), the mountain (ridges, heatmap, readout), each checked against the data; and one
real quick measurement per scene through the window's worker."""

import numpy as np
import pytest
from measure_fakes import OTHER_MACHINE, FakeRunner, result
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF
from test_ui_measure_scenes import go, markers, shell, texts  # noqa: F401 - the fixture

from hwviz.base.errors import ConfigError
from hwviz.base.units import format_size
from hwviz.measure.calibration import plateaus
from hwviz.measure.results import save_json
from hwviz.sim.host_latency import load_latency
from hwviz.ui.measure_scenes import records
from hwviz.ui import palette
from hwviz.ui.measure_scenes.mountain_view import regions


def test_latency_draws_each_plateau_and_the_lectures_numbers(shell, tmp_path):
    s = go(shell, "latency")
    path = tmp_path / "lat.json"
    save_json([result("latency")], path)
    s.load_result(str(path))
    found = plateaus(s.shown.result)
    assert [(p.name, p.ns) for p in found] == [("L1", 1.0), ("L2", 4.0), ("L3", 14.0), ("memory", 120.0)]
    assert [t for t in texts(s) if "≈" in t] == ["L1 ≈ 1 ns", "L2 ≈ 4 ns", "L3 ≈ 14 ns", "memory ≈ 120 ns"]
    refs = [(label, v) for label, v, kind in s.plot.lines if kind == "h"]
    assert refs == [("lecture: L1 0.5 ns", 0.5), ("lecture: L2 7 ns", 7.0), ("lecture: memory 100 ns", 100.0)]
    assert [label for label, _ in markers(s)] == [label for label, _ in records.cache_markers(s.shown.result.machine)]


def test_calibrate_round_trip_reaches_the_host_preset_and_hwviz_sim(shell, tmp_path, capsys):
    from hwviz.cli import main

    s = go(shell, "latency")
    path = tmp_path / "lat.json"
    save_json([result("latency")], path)
    s.load_result(str(path))
    assert "typical latencies" in s.side.text()
    written = s.calibrate()
    lat, problem = load_latency()
    assert written == str(tmp_path / "config" / "host-latency.json") and problem == ""
    assert lat.levels == {"L1": 1.0, "L2": 4.0, "L3": 14.0} and lat.memory_ns == 120.0 and lat.date == "2025-03-04"
    assert "measured on this machine on 2025-03-04" in s.side.text()
    assert main(["sim", "--preset", "host", "--pattern", "row-major", "--rows", "16"]) == 0
    out = capsys.readouterr().out
    assert "on host (latencies measured on this machine, 2025-03-04)" in out
    for name, ns in (("L1", "1 ns"), ("L2", "4 ns"), ("L3", "14 ns"), ("memory", "120 ns")):
        assert any(line.startswith(name) and line.split()[-2:-1] and ns in line for line in out.splitlines())
    s.typical_button.click()
    assert load_latency() == (None, "") and "typical latencies" in s.side.text()


def test_calibrate_refuses_a_result_from_another_machine(shell, tmp_path):
    s = go(shell, "latency")
    path = tmp_path / "server.json"
    save_json([result("latency", machine=OTHER_MACHINE, points=_other_ladder())], path)
    s.load_result(str(path))
    with pytest.raises(ConfigError, match="recorded on Imaginary Xeon 9999, 64 CPUs, not on this machine"):
        s.calibrate()
    s.calibrate_button.click()
    assert "not on this machine" in s.error.text() and load_latency() == (None, "")


def _other_ladder():
    from measure_fakes import latency_points

    return latency_points(machine=OTHER_MACHINE)


def test_loops_writes_speedups_and_extrapolates_python_visibly(shell, tmp_path):
    s = go(shell, "loops")
    path = tmp_path / "loops.json"
    save_json([result("loops")], path)
    s.load_result(str(path))
    side = s.side.text()
    assert "c = a + b: 200× faster than the Python loop at n = 100,000" in side
    assert "@njit loop: 250× faster than the Python loop at n = 100,000" in side
    assert "@njit prange: 400× faster" in side
    assert "Python at n = 10,000,000: extrapolated, not measured (about 1 s a call" in side
    dashed = [c for c in s.plot.widget.getPlotItem().listDataItems() if c.opts["pen"].style() == Qt.DashLine]
    xs, ys = dashed[0].xData, dashed[0].yData   # as given, before the log axes
    assert list(xs) == [100_000, 10_000_000] and list(ys) == [100.0, 100.0]
    assert set(texts(s)) >= {"for i in range(n): …", "c = a + b", "@njit loop", "@njit prange"}


def test_mountain_names_its_ridges_from_the_machines_caches_and_reads_out_a_point(shell, tmp_path, qtbot):
    s = go(shell, "mountain")
    path = tmp_path / "m.json"
    save_json([result("mountain", machine=OTHER_MACHINE)], path)
    s.load_result(str(path))
    s.view.repaint()
    v = s.view
    assert [name for name, _ in v.ridge_labels] == ["L1", "L2", "L3", "memory"]
    assert regions(v.sizes, v.levels) == [("L1", 0, 0), ("L2", 1, 1), ("L3", 2, 2), ("memory", 3, 3)]
    v.setFocus()
    qtbot.keyClick(v, Qt.Key_Right)
    qtbot.keyClick(v, Qt.Key_Up)
    assert v.cursor == (1, 1)
    assert s.readout.text() == "Point: 256KiB, stride 4: 12.50 GB/s (served by L2)"
    s.set_param("view", "heatmap")
    s.view.repaint()
    assert [name for name, _ in v.ridge_labels] == ["L1", "L2", "L3", "memory"]
    assert "Peak 100.0 GB/s at 16KiB, stride 1" in s.side.text()


def _mountain(shell, tmp_path, **kw):
    s = go(shell, "mountain")
    path = tmp_path / "m.json"
    save_json([result("mountain", **kw)], path)
    s.load_result(str(path))
    s.view.repaint()
    return s, s.view


def _pixel(view, pt):
    return view.grab().toImage().pixelColor(round(pt.x()), round(pt.y())).name()


def _facet_middle(view, i, j):
    corners = [view.at(a, b) for a, b in ((i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1))]
    return sum(corners[1:], corners[0]) / 4


def test_mountain_paints_each_measured_facet_in_its_levels_colour(shell, tmp_path):
    s, v = _mountain(shell, tmp_path, machine=OTHER_MACHINE)
    colors = palette.level_colors(len(v.levels))
    # the front row (stride 1) in full colour: one level per size in the fake result
    assert [_pixel(v, _facet_middle(v, i, 0)) for i in range(3)] == [c.lower() for c in colors[:3]]
    z = v.z.copy()
    z[1, 0] = np.nan   # not measured yet: the facets around it are not drawn
    v.set_data(v.sizes, v.strides, z, v.levels)
    v.repaint()
    assert _pixel(v, _facet_middle(v, 0, 0)) != colors[0].lower()
    assert _pixel(v, _facet_middle(v, 2, 0)) == colors[2].lower()


def test_mountain_repaints_from_its_kept_picture_until_something_it_shows_changes(shell, tmp_path, monkeypatch):
    s, v = _mountain(shell, tmp_path, machine=OTHER_MACHINE)
    renders = []
    real = v._render
    monkeypatch.setattr(v, "_render", lambda: renders.append(1) or real())
    v.repaint()
    v.pick(1, 1)
    v.repaint()   # the cursor moved: drawn over the kept picture
    assert renders == [] and v.cursor == (1, 1)
    middle = _facet_middle(v, 0, 0)
    v.set_data(v.sizes, v.strides, v.z, [])   # no cache levels: every size is memory's
    v.repaint()
    assert len(renders) == 1 and _pixel(v, middle) == palette.level_colors(0)[0].lower()
    for change in (lambda: v.resize(v.width() - 40, v.height()), lambda: s.set_param("view", "heatmap"),
                   lambda: shell.set_theme("dark")):
        before = len(renders)
        change()
        v.repaint()
        assert len(renders) == before + 1


@pytest.mark.parametrize("view", ["surface", "heatmap"])
@pytest.mark.parametrize("theme", ["projector", "light"])
def test_mountain_labels_each_axis_as_large_as_the_row_col_plots_ticks_none_covering_another(shell, view, theme):
    shell.set_theme(theme)
    rc = go(shell, "row-col")
    tick_height = QFontMetricsF(rc.plot.widget.getAxis("bottom").style["tickFont"]).height()
    s = go(shell, "mountain")   # the bundled result: 14 sizes x 16 strides
    s.set_param("view", view)
    v = s.view
    v.repaint()
    texts = [t for t, _ in v.labels]
    sizes = [t for t in texts if t in {format_size(b) for b in v.sizes}]
    assert sizes[0] == format_size(v.sizes[0]) and len(sizes) >= 4
    assert {"L1", "L2", "L3", "memory"} <= set(texts)
    if view == "surface":
        assert "GB/s read (log scale)" in texts and {"stride 1", "stride 16", "10", "100"} <= set(texts)
    else:
        assert "stride (elements)" in texts and "1" in texts
    area = QRectF(v.rect())
    boxes = [b for _, b in v.labels]
    for k, box in enumerate(boxes):
        assert area.contains(box), texts[k]
        turned = texts[k] in ("GB/s read (log scale)", "stride (elements)")
        assert (box.width() if turned else box.height()) >= tick_height - 1, texts[k]
        assert not any(box.intersects(other) for other in boxes[k + 1:]), texts[k]


@pytest.mark.parametrize("name", ["row-col", "latency", "loops", "mountain"])
def test_a_real_quick_run_through_the_window(shell, qtbot, name):
    s = go(shell, name)
    s.set_param("mode", "quick")
    got = []
    shell.worker.point_ready.connect(lambda p: got.append(p))
    shell.run_experiment()
    qtbot.waitUntil(lambda: not shell.worker.busy, timeout=120_000)
    assert s.error.isHidden(), s.error.text()
    r = s.shown.result
    assert s.shown.origin == records.HERE and r.experiment == name and r.params["quick"] is True
    assert [p for p in got if not p.get("simulated")] == r.points and len(r.points) > 0
    assert s.badge.text().startswith("measured here on ")
    if name == "row-col":
        sim = r.params["simulated"]["points"]
        assert {p["n"] for p in sim} == {p["n"] for p in r.points}
        slow = {p["n"]: p["slowdown"] for p in r.points if p["order"] == "col" and not p["padded"]}
        assert [t for t in texts(s) if t.startswith("×")] == [f"×{slow[n]:.1f}" for n in sorted(slow)]
    if name == "latency":
        assert [t for t in texts(s) if "≈" in t][-1].startswith("memory ≈ ")
    if name == "mountain":
        assert s.view.z.shape == (len(r.params["sizes"]), len(r.params["strides"]))
        assert not np.isnan(s.view.z).any()


def test_run_now_measures_in_the_calling_thread_for_hwviz_shot(shell):
    s = go(shell, "loops")
    s.runner = FakeRunner()
    s.run_now(quick=True)
    assert s.shown.origin == records.HERE and len(s.shown.result.points) == len(result("loops").points)
    assert s.mode == "quick" and s.runner.calls == 1
