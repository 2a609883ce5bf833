"""The measurement scenes' shared behaviour, driven through the real window with a fast fake
experiment: points arrive and are drawn, cancel, failure, recorded results (bundled, from another
machine, compared), export, parameters; and row vs column's numbers checked against the data."""

import json

import pytest
from measure_fakes import OTHER_MACHINE, FakeRunner, result
from PySide6.QtCore import Qt

from hwviz.base.errors import ConfigError
from hwviz.measure.calibration import cache_levels
from hwviz.measure.results import save_json
from hwviz.ui.measure_scenes import records
from hwviz.ui.measure_scenes.row_col import matrix_n, slowdowns
from hwviz.ui.settings import Settings

SCENES = ("row-col", "latency", "loops", "mountain")


@pytest.fixture
def shell(qtbot, tmp_path, monkeypatch, no_leftovers):
    """The real window; the host preset's kept latencies live in a temporary folder."""
    from hwviz.ui.main_window import MainWindow

    monkeypatch.setenv("HWVIZ_CONFIG_DIR", str(tmp_path / "config"))
    win = MainWindow(Settings(tmp_path / "settings.json"), ready=True)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.deleteLater()


@pytest.fixture
def no_sim(monkeypatch):
    """Row vs column's simulated prediction, replaced by a fixed one (the fake tests need no
    simulator)."""
    import hwviz.measure.row_col_model as model

    def predict(ns, cancel=None, point=None):
        pts = [{"n": n, "order": o, "prefetch": pf, "gbps": 8.0 if o == "row" else 1.0, "amat_ns": 1.0}
               for n in ns for o in ("row", "col") for pf in ("none", "stream")]
        for p in pts:
            point(dict(p, simulated=True))
        return {"preset": "host", "note": "", "prefetcher": "stream", "points": pts}

    monkeypatch.setattr(model, "predict", predict)


def go(win, name):
    win.navigator.setCurrentIndex(list(win.scenes).index(name))
    return win.scene


def texts(scene) -> list[str]:
    return [t.toPlainText() for t in scene.plot.texts]


def markers(scene) -> list[tuple[str, float]]:
    return [(label, round(v, 6)) for label, v, kind in scene.plot.lines if kind == "v"]


@pytest.mark.parametrize("name", SCENES)
def test_each_scene_opens_on_the_bundled_recorded_result(shell, name):
    s = go(shell, name)
    assert s.shown is not None and s.shown.origin == records.RECORDED
    assert s.badge.text().startswith("recorded on ") and "AMD EPYC" in s.badge.text()
    assert s.badge.text().endswith(s.shown.result.created[:10])


def test_points_arrive_as_measured_and_the_result_replaces_the_recording(shell, qtbot, no_sim):
    s = go(shell, "row-col")
    s.runner = FakeRunner(delay=0.02)
    seen = []
    shell.worker.point_ready.connect(lambda p: seen.append(len(s.shown.result.points)))
    qtbot.keyClick(shell, Qt.Key_Space)
    qtbot.waitUntil(lambda: not shell.worker.busy, timeout=10_000)
    n = len(result("row-col").points)
    assert seen[:n] == list(range(1, n + 1))   # one at a time, each on the plot as it arrives
    assert s.shown.origin == records.HERE and not s.shown.running
    assert s.badge.text().startswith("measured here on ")
    assert len(s.shown.result.params["simulated"]["points"]) == 3 * 4


def test_row_col_writes_the_slowdown_and_marks_the_caches_from_the_data(shell, qtbot, no_sim):
    s = go(shell, "row-col")
    s.runner = FakeRunner()
    shell.run_experiment()
    qtbot.waitUntil(lambda: not shell.worker.busy, timeout=10_000)
    r = s.shown.result
    assert slowdowns(r) == {64: 1.5, 512: 8.0, 4096: 30.0}
    assert [t for t in texts(s) if t.startswith("×")] == ["×1.5", "×8.0", "×30.0"]
    assert "At N = 4096, column order is 30.0× slower than row order." in s.side.text()
    want = [(f"{name} {records.format_size(size)}", round(matrix_n(size), 6)) for name, size in cache_levels(r.machine)]
    assert markers(s) == want
    s.set_param("guess", "12")
    assert "guess ×12" in texts(s) and "The class guessed ×12." in s.side.text()
    s.set_param("padded", "true")
    assert "Padded (ld = N + 8): ×15.0 at N = 4096." in s.side.text()


def test_a_busy_point_is_hollow_and_the_scene_says_so(shell, qtbot, no_sim):
    s = go(shell, "row-col")
    s.runner = FakeRunner(points=result("row-col").points[:4])
    shell.run_experiment()
    qtbot.waitUntil(lambda: not shell.worker.busy, timeout=10_000)
    assert s.warning.isHidden()
    from measure_fakes import row_col_points

    s.runner = FakeRunner(points=row_col_points(busy_n=512))
    shell.run_experiment()
    qtbot.waitUntil(lambda: not shell.worker.busy, timeout=10_000)
    assert not s.warning.isHidden() and "busy" in s.warning.text()
    curve = s.plot.widget.getPlotItem().listDataItems()[0]   # row order, measured
    brushes = [b.color().name() for b in curve.opts["symbolBrush"]]
    assert brushes[1] == s.theme.surface and brushes[0] != s.theme.surface


def test_cancel_stops_within_a_second_and_keeps_the_points(shell, qtbot, no_sim):
    import time

    s = go(shell, "latency")
    s.runner = FakeRunner(delay=0.3)
    shell.run_experiment()
    qtbot.waitUntil(lambda: len(s.shown.result.points) >= 1, timeout=5000)
    t0 = time.monotonic()
    qtbot.keyClick(shell, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not shell.worker.busy, timeout=5000)
    assert time.monotonic() - t0 < 1.0
    assert "Cancelled." in s.error.text() and not s.error.isHidden()
    assert 1 <= len(s.shown.result.points) < 8 and not s.shown.running


def test_a_failing_experiment_shows_its_message(shell, qtbot):
    s = go(shell, "loops")
    s.runner = FakeRunner(fail=True)
    shell.run_experiment()
    qtbot.waitUntil(lambda: not shell.worker.busy, timeout=5000)
    assert "the fake machine caught fire" in s.error.text()
    s.runner = FakeRunner()
    shell.run_experiment()
    qtbot.waitUntil(lambda: not shell.worker.busy, timeout=5000)
    assert s.error.isHidden() and len(s.shown.result.points) == len(result("loops").points)


def test_a_result_from_another_machine_shows_that_machines_markers_and_compare_shows_both(shell, tmp_path):
    path = tmp_path / "server.json"
    save_json([result("latency", machine=OTHER_MACHINE, points=None), result("row-col", machine=OTHER_MACHINE)], path)
    s = go(shell, "row-col")
    here = markers(s)
    s.load_result(str(path))
    assert markers(s) == [("L1 32KiB", round(matrix_n(32 << 10), 6)), ("L2 2MiB", round(matrix_n(2 << 20), 6)),
                          ("L3 96MiB", round(matrix_n(96 << 20), 6))]
    assert "Imaginary Xeon 9999, 64 CPUs" in s.badge.text() and "2025-03-04" in s.badge.text()
    s.set_compare(str(records.BUNDLED_DIR / records.BUNDLED_FILE))
    both = markers(s)
    assert both[:3] == markers(s)[:3] and [(f"{lbl} (compared)", v) for lbl, v in here] == both[3:]
    assert "compared with (dashed): recorded on " in s.badge.text()
    s.set_compare(None)
    assert len(markers(s)) == 3


def test_a_file_of_another_experiment_is_one_clear_error(shell, tmp_path):
    path = tmp_path / "loops.json"
    save_json([result("loops")], path)
    s = go(shell, "mountain")
    with pytest.raises(ConfigError, match=r"loops.json holds no mountain result \(it holds loops\)"):
        s.load_result(str(path))
    with pytest.raises(ConfigError, match="not JSON"):
        (tmp_path / "bad.json").write_text("{")
        s.load_result(str(tmp_path / "bad.json"))


def test_save_export_and_reopen(shell, tmp_path):
    s = go(shell, "loops")
    s.load_result(str(_saved(tmp_path, "loops")))
    s.save_result(str(tmp_path / "again.json"))
    doc = json.loads((tmp_path / "again.json").read_text())
    assert doc["schema"] == "hwviz.bench/1" and doc["points"] == result("loops").points
    data = s.export_data()
    assert data["scene"] == "loops" and data["source"].startswith("recorded on ")
    assert data["result"]["experiment"] == "loops"
    head, rows = s.export_rows()
    assert head[:2] == ["n", "impl"] and len(rows) == len(result("loops").points)


def _saved(tmp_path, experiment):
    path = tmp_path / f"{experiment}.json"
    save_json([result(experiment)], path)
    return path


@pytest.mark.parametrize("name,param,bad,message", [
    ("row-col", "guess", "x", "guess 'x' must be a whole number"),
    ("row-col", "padded", "maybe", "padded 'maybe' must be true or false"),
    ("mountain", "view", "3d", "view '3d' must be surface or heatmap"),
    ("latency", "mode", "slow", "mode 'slow' must be quick or full"),
    ("loops", "colour", "red", "unknown parameter 'colour'"),
])
def test_parameters_refuse_bad_values_with_a_sentence(shell, name, param, bad, message):
    s = go(shell, name)
    before = s.params()
    with pytest.raises(ConfigError, match=message):
        s.set_param(param, bad)
    assert s.params() == before


def test_parameters_round_trip(shell):
    s = go(shell, "row-col")
    for k, v in {"mode": "full", "padded": "true", "guess": "7"}.items():
        s.set_param(k, v)
    assert s.params() == {"mode": "full", "padded": "true", "guess": "7"}
    assert s.mode_box.currentIndex() == 1 and s.pad_box.isChecked() and s.guess_box.value() == 7
