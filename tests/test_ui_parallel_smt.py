"""The smt scene: the issue-slot model and its animation's pixels, fake experiments through the
real window (points arrive, bars equal the data, the lit CPUs equal the point's, cancel, failure),
a recorded result from a machine with SMT, the no-SMT message, one real quick run; and both of
this helper's scenes (smt, false-sharing) fit the window."""

import time

import pytest
from measure_fakes import FakeRunner, here
from parallel_fakes import SMT_MACHINE, fake_result, smt_points
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from test_ui_measure_layout import test_each_measurement_scene_fits as fits
from test_ui_measure_scenes import go
from ui_helpers import window  # noqa: F401 - fixture

from hwviz.base.errors import ConfigError
from hwviz.measure.results import save_json
from hwviz.ui.measure_scenes import records
from hwviz.ui.parallel_scenes.issue_slots import (CYCLES, HOLD, LATENCY, SLOTS, THREAD_COLORS, IssueSlotsView,
                                                  issue_slots, smt_gain, used)
from hwviz.ui.parallel_scenes.placed import has_smt
from hwviz.ui.parallel_scenes.smt import WORKLOADS, speedups


def run_through_window(win, qtbot, scene, runner) -> list[tuple[set, set]]:
    """Run ``runner`` as the scene's measurement; (lit CPUs, the point's CPUs) as each point
    arrived."""
    scene.runner = runner
    seen = []
    win.worker.point_ready.connect(lambda p: seen.append((scene.machine_view.active(), set(p.get("cpus") or ()))))
    win.run_experiment()
    qtbot.waitUntil(lambda: not win.worker.busy, timeout=10_000)
    return seen


def real_quick_run(win, qtbot, name):
    """Measure ``name`` for real through the window; the scene and its result, checked to be
    this machine's, with every point drawn as it arrived."""
    s = go(win, name)
    got = []
    win.worker.point_ready.connect(got.append)
    win.run_experiment()
    qtbot.waitUntil(lambda: not win.worker.busy, timeout=120_000)
    assert s.error.isHidden(), s.error.text()
    r = s.shown.result
    assert s.shown.origin == records.HERE and r.experiment == name and got == r.points
    return s, r


def cancel_then_fail(win, qtbot, scene, points) -> None:
    """Escape stops a slow fake within a second (the animation paused while it ran, running
    again after); a failing fake's message is shown."""
    scene.runner = FakeRunner(delay=0.3, points=points)
    win.run_experiment()
    qtbot.waitUntil(lambda: len(scene.shown.result.points) >= 1, timeout=5000)
    assert not scene.animation.animating
    t0 = time.monotonic()
    qtbot.keyClick(win, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not win.worker.busy, timeout=5000)
    assert time.monotonic() - t0 < 1.0
    assert "Cancelled." in scene.error.text() and not scene.shown.running
    assert 1 <= len(scene.shown.result.points) < len(points)
    assert scene.animation.animating
    run_through_window(win, qtbot, scene, FakeRunner(fail=True, points=points))
    assert "the fake machine caught fire" in scene.error.text() and not scene.error.isHidden()


# ---- the model ----------------------------------------------------------------------------
def test_the_issue_slot_model_counts():
    assert used(issue_slots(12, 1)) == 24 and used(issue_slots(12, 2)) == 32
    assert used(issue_slots(1, 1)) == 2 and used(issue_slots(1, 2)) == 4
    assert issue_slots(1, 1)[0] == [1, 0, 0, 0] and issue_slots(1, 1)[LATENCY] == [1, 0, 0, 0]
    assert issue_slots(1, 2)[0] == [1, 2, 0, 0]
    assert used(issue_slots(12, 2), 1) == used(issue_slots(12, 2), 2) == 16   # the slots are shared fairly
    assert smt_gain("throughput") == pytest.approx(4 / 3) and smt_gain("latency") == 2.0


@pytest.mark.parametrize("chains,threads", [(1, 1), (2, 2), (5, 1), (12, 2), (40, 3)])
def test_the_model_never_overfills_a_cycle_nor_outruns_the_latency(chains, threads):
    grid = issue_slots(chains, threads, cycles=20)
    assert all(len(row) == SLOTS for row in grid)
    for t in range(1, threads + 1):
        for c in range(20 - LATENCY + 1):
            window_ = grid[c:c + LATENCY]   # a chain issues once per LATENCY cycles
            assert sum(row.count(t) for row in window_) <= chains


def test_the_animation_paints_thread_2_where_the_model_puts_it(qtbot):
    v = IssueSlotsView()
    qtbot.addWidget(v)
    v.resize(700, 560)
    grid = v.grids[("latency", 2)]
    cycle, slot = next((c, s) for c in range(CYCLES) for s in range(SLOTS) if grid[c][s] == 2)
    empty = next((c, s) for c in range(CYCLES) for s in range(SLOTS) if grid[c][s] == 0)

    def colour(frame, case, threads, c, s) -> str:
        v.set_frame(frame)
        r = v.cell_rect(case, threads, c, s)
        return QColor(v.grab().toImage().pixel(int(r.left() + 4), int(r.top() + 4))).name()

    last = 2 * CYCLES + HOLD - 1
    assert colour(last, "latency", 2, cycle, slot) == THREAD_COLORS[1].lower()
    assert colour(last, "latency", 2, *empty) == v.theme.surface
    assert colour(last, "throughput", 1, 0, 0) == THREAD_COLORS[0].lower()
    assert colour(CYCLES - 1, "latency", 2, cycle, slot) == v.theme.surface   # two threads come later


# ---- the scene ----------------------------------------------------------------------------
def test_points_arrive_the_bars_equal_the_data_and_the_lit_cpus_follow_the_points(window, qtbot):
    s = go(window, "smt")
    pts = smt_points()
    seen = run_through_window(window, qtbot, s, FakeRunner(delay=0.02, points=pts))
    assert [lit for lit, _ in seen] == [cpus for _, cpus in seen] and len(seen) == len(pts)
    assert s.shown.origin == records.HERE and s.error.isHidden()
    want = {(p["workload"], p["placement"]): p["speedup"] for p in pts if p["placement"] != "alone"}
    assert s.bars == want == speedups(s.shown.result)
    labels = sorted(t.toPlainText() for t in s.plot.texts)
    assert labels == sorted(f"×{v:.1f}" for v in want.values())
    assert "throughput-bound: siblings ×1.00, cores ×2.00" in s.side.text()
    assert s.machine_view.active() == {0, 8}        # the siblings pair, lit by default
    s.set_param("light", "cores")
    assert s.machine_view.active() == {0, 1} and s.light_box.currentIndex() == 1


def test_cancel_and_failure(window, qtbot):
    s = go(window, "smt")
    cancel_then_fail(window, qtbot, s, smt_points())


def test_a_result_from_a_machine_with_smt_draws_its_sibling_pairs_and_three_workloads(window, tmp_path):
    path = tmp_path / "smt-server.json"
    save_json([fake_result("smt")], path)
    s = go(window, "smt")
    s.load_result(str(path))
    assert "Imaginary Core 8800, 16 CPUs" in s.badge.text() and "2025-03-04" in s.badge.text()
    assert {w for w, _ in s.bars} == set(WORKLOADS) and len(s.bars) == 6
    s.machine_view.repaint()
    for a, b in SMT_MACHINE["smt_siblings"]:   # siblings side by side, in one row
        ra, rb = s.machine_view.cpu_rect(a), s.machine_view.cpu_rect(b)
        assert not ra.isEmpty() and ra.top() == rb.top() and 0 <= rb.left() - ra.right() < ra.width()
    assert "FMA: 4.00 ns in one dependent chain, 0.25 ns each with many chains: about 16 in flight" in s.side.text()
    s.set_compare(str(path))
    assert "compared with (dashed)" in s.badge.text()


@pytest.mark.skipif(has_smt(here()), reason="this machine has SMT")
def test_without_smt_the_scene_says_so_and_still_animates(window, qtbot):
    s = go(window, "smt")
    s.show_bundled()
    assert s.shown is None   # no result recorded on a machine with SMT is bundled yet
    assert "no SMT" in s.badge.text() and "Open…" in s.badge.text()
    assert "no SMT" in s.side.text() and "use Open… to show one" in s.side.text()
    assert s.animation.isVisible() and s.animation.animating
    run_through_window(window, qtbot, s, FakeRunner(points=[]))
    assert s.shown.origin == records.HERE and "no SMT" in s.side.text()


def test_the_light_parameter_refuses_a_bad_value(window):
    s = go(window, "smt")
    with pytest.raises(ConfigError, match="light 'both' must be siblings or cores"):
        s.set_param("light", "both")
    s.set_param("light", "cores")
    assert s.params() == {"mode": "quick", "light": "cores"}


def test_a_real_quick_run(window, qtbot):
    s, r = real_quick_run(window, qtbot, "smt")
    if has_smt(r.machine):
        assert {w for w, _ in s.bars} == set(WORKLOADS)
        assert s.machine_view.active() == set(next(p["cpus"] for p in r.points if p["placement"] == "siblings"))
    else:
        assert r.points == [] and "no SMT" in s.side.text() and s.machine_view.active() == set()


@pytest.mark.parametrize("theme,scale,size", [("projector", 2.0, (1024, 768)), ("projector", 1.0, (1366, 768)),
                                              ("dark", 2.0, (1920, 1080))])
@pytest.mark.parametrize("name", ["smt", "false-sharing"])
def test_both_scenes_fit_the_window(window, name, theme, scale, size):
    fits(window, name, theme, scale, size)   # the measurement scenes' layout check
