"""The false-sharing scene: the MSI model behind its animation, fake experiments through the real
window (points arrive, the curve and the cliff equal the data, the model's predicted transfers,
the lit CPUs equal the point's, cancel, failure), and one real quick run."""

from measure_fakes import FakeRunner
from parallel_fakes import SMT_MACHINE, false_sharing_points, fake_result
from PySide6.QtGui import QColor
from test_ui_parallel_smt import cancel_then_fail, go, real_quick_run, run_through_window
from ui_helpers import window  # noqa: F401 - fixture

from hwviz.measure.results import save_json
from hwviz.ui.measure_scenes import records
from hwviz.ui.parallel_scenes.false_sharing import APART, SAME, cliff
from hwviz.ui.parallel_scenes.line_bounce import LineBounceView, Step, msi_writes, transfers


def test_the_msi_model_moves_a_shared_line_on_every_turn_and_separate_lines_never():
    steps = msi_writes([0, 1, 0, 1])
    assert steps[0] == Step(0, ("M", "I"), from_memory=True, transfer=False)
    assert steps[1] == Step(1, ("I", "M"), from_memory=False, transfer=True)
    assert [s.states for s in steps[2:]] == [("M", "I"), ("I", "M")] and transfers(steps) == 3
    assert transfers(msi_writes([0, 0, 0, 1])) == 1   # a core writing again keeps its line
    apart = msi_writes([0, 1, 0, 1], shared=False)
    assert transfers(apart) == 0 and [s.from_memory for s in apart] == [True, True, False, False]
    assert apart[-1].states == ("M", "M")


def test_the_animation_counts_the_transfers_it_shows(qtbot):
    v = LineBounceView()
    qtbot.addWidget(v)
    v.resize(640, 480)
    v.set_frame(0)
    assert v.step == 0 and transfers(v.rows[8][:1]) == 0
    v.set_frame(v.frames - 1)
    assert transfers(v.rows[8][:v.step + 1]) == v.step and transfers(v.rows[64]) == 0
    v.grab()   # paints without error at every size it is given
    v.resize(300, 220)
    v.grab()


def _series(scene) -> dict[str, tuple[list, list]]:
    """Colour -> (x, y) of each plotted series, in data units."""
    out = {}
    for item in scene.plot.widget.getPlotItem().listDataItems():
        xs, ys = item.getData()
        out[QColor(item.opts["symbolPen"].color()).name()] = ([round(10 ** x) for x in xs], list(ys))
    return out


def test_points_arrive_the_curve_and_the_cliff_equal_the_data(window, qtbot):
    s = go(window, "false-sharing")
    pts = false_sharing_points()
    seen = run_through_window(window, qtbot, s, FakeRunner(delay=0.02, points=pts))
    assert [lit for lit, _ in seen] == [cpus for _, cpus in seen] == [{0, 1}] * len(pts)
    assert s.shown.origin == records.HERE and s.error.isHidden()
    series = _series(s)
    assert series[SAME.lower()] == ([8, 16, 32], [40.0] * 3)
    assert series[APART.lower()] == ([64, 128, 256], [2.0] * 3)
    assert ("64-byte cache line", 64, "v") in s.plot.lines
    assert cliff(s.shown.result) == 20.0
    assert "×20 slower\ninside one line" in [t.toPlainText() for t in s.plot.texts]
    assert "An increment is 20.0× slower when the counters share a line." in s.side.text()
    assert s.machine_view.active() == {0, 1} and "logical CPUs 0, 1" in s.side.text()


def test_a_recorded_result_shows_the_predicted_transfers_and_its_model(window, tmp_path):
    path = tmp_path / "fs.json"
    save_json([fake_result("false-sharing")], path)
    s = go(window, "false-sharing")
    s.load_result(str(path))
    text = s.side.text()
    assert "Line transfers the model predicts for this run: 2,000,000 at 8 B apart; 0 at 64 B apart." in text
    assert "Model: MSI: every write to a line another core wrote last moves the line once" in text
    assert "Imaginary Core 8800" in s.badge.text() and s.machine_view.active() == {0, 1}
    assert len(s.machine_view.machine.cores) == SMT_MACHINE["physical_cores"]


def test_unpinned_threads_are_said_to_be_placed_by_the_os(window, qtbot):
    s = go(window, "false-sharing")
    run_through_window(window, qtbot, s, FakeRunner(points=[dict(p, cpus=None) for p in false_sharing_points()]))
    assert s.machine_view.active() == set() and "placed by the OS" in s.side.text()


def test_cancel_and_failure(window, qtbot):
    cancel_then_fail(window, qtbot, go(window, "false-sharing"), false_sharing_points())


def test_a_real_quick_run(window, qtbot):
    s, r = real_quick_run(window, qtbot, "false-sharing")
    assert {8, 64} <= {p["distance_bytes"] for p in r.points}
    assert s.machine_view.active() == set(r.points[0].get("cpus") or ())
    assert len(s.plot.widget.getPlotItem().listDataItems()) >= 2
