"""The topology, threads and python-threads scenes, driven through the real window: fake
experiments (points arrive, the plot's marks and sentences follow the data, the lit CPUs are the
point's cpus, cancel, failure), a recorded result from a machine with SMT drawn from its file, and
one real quick run per scene."""

import time

import pytest
from measure_fakes import FakeRunner, here
from parallel_fakes import SMT_MACHINE, fake_result, python_threads_points, threads_points
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_ui_measure_layout import cut
from ui_helpers import window  # noqa: F401 - fixture

from hwviz.base.errors import ConfigError
from hwviz.measure.experiments import EXPERIMENTS
from hwviz.measure.results import Result, save_json
from hwviz.ui.measure_scenes import records
from hwviz.ui.theme import SCALES


def go(win, name):
    win.navigator.setCurrentIndex(list(win.scenes).index(name))
    return win.scene


def texts(scene) -> list[str]:
    return [t.toPlainText() for t in scene.plot.texts]


def siblings_drawn(view) -> list[list[int]]:
    return [c.cpus for c in view.machine.cores]


def recorded(tmp_path, experiment, machine=SMT_MACHINE):
    path = tmp_path / f"{experiment}.json"
    save_json([fake_result(experiment, machine)], path)
    return str(path)


def run(win, qtbot, timeout=10_000):
    win.run_experiment()
    qtbot.waitUntil(lambda: not win.worker.busy, timeout=timeout)


def test_the_scenes_are_listed_in_the_contract_order(window):
    names = list(window.scenes)
    mine = [n for n in names if n in ("mountain", "topology", "threads", "python-threads", "systolic")]
    assert mine == ["mountain", "topology", "threads", "python-threads", "systolic"]


def test_topology_shows_this_machine_and_its_facts(window, qtbot):
    s = go(window, "topology")
    m = here()
    assert s.shown.origin == records.HERE and s.badge.text().startswith("this machine, read from the operating system")
    assert siblings_drawn(s.machine_view) == m["smt_siblings"]
    side = s.side.text()
    assert f"<b>physical cores</b>: {m['physical_cores']}" in side and m["cpu_model"] in side
    assert "<b>threads can be pinned</b>: yes (os.sched_setaffinity)" in side
    assert "<b>SMT (hyperthreading)</b>: " + ("yes" if any(len(x) > 1 for x in m["smt_siblings"]) else "no") in side
    run(window, qtbot)
    assert s.error.isHidden() and s.shown.origin == records.HERE
    assert s.shown.result.machine["cpu_model"] == m["cpu_model"]
    head, rows = s.export_rows()
    assert head[:2] == ["core", "logical_cpus"] and len(rows) == m["physical_cores"]


def test_topology_draws_a_recorded_machine_from_its_file_and_compares_two(window, tmp_path):
    s = go(window, "topology")
    s.load_result(recorded(tmp_path, "threads"))
    assert s.badge.text() == "recorded on Imaginary Core 8800, 16 CPUs, 2025-03-04"
    assert siblings_drawn(s.machine_view) == [[i, i + 8] for i in range(8)]
    assert "<b>SMT (hyperthreading)</b>: yes: 2 logical CPUs per core" in s.side.text()
    assert s.compare_view.isHidden()
    s.set_compare(recorded(tmp_path, "python-threads", here()))
    assert not s.compare_view.isHidden() and siblings_drawn(s.compare_view) == here()["smt_siblings"]
    assert "compared with (dashed): recorded on " in s.badge.text()
    (tmp_path / "bad.json").write_text("{")
    with pytest.raises(ConfigError, match="not JSON"):
        s.load_result(str(tmp_path / "bad.json"))


def test_threads_points_arrive_and_light_the_cpus_each_point_used(window, qtbot):
    s = go(window, "threads")
    pts = threads_points(here())
    s.runner = FakeRunner(delay=0.02, points=pts)
    seen = []
    window.worker.point_ready.connect(lambda p: seen.append((len(s.shown.result.points), s.machine_view.active(),
                                                              set(p["cpus"]))))
    run(window, qtbot)
    assert [n for n, _, _ in seen] == list(range(1, len(pts) + 1))
    assert all(lit == cpus for _, lit, cpus in seen)
    assert s.shown.origin == records.HERE and s.machine_view.active() == set(pts[-1]["cpus"])
    assert "Lit: the logical CPUs the last point&#x27;s threads were pinned to (0, 1)" in s.side.text()


def test_threads_marks_saturation_and_the_counts_beyond_the_cores_from_the_data(window, tmp_path):
    s = go(window, "threads")
    s.load_result(recorded(tmp_path, "threads"))
    assert siblings_drawn(s.machine_view) == [[i, i + 8] for i in range(8)]
    assert s.machine_view.active() == set(range(16))   # the last point: 16 threads
    said = "\n".join(texts(s))
    assert "① Memory-bound: 40.0 GB/s at 8 threads, only 2.7× one thread." in said
    assert "② Beyond 8 cores the extra threads share a core with another thread: compute goes from 8.0× " \
           "to only 9.6×." in said
    assert ("② 8 physical cores", 8.5, "v") in s.plot.lines
    assert "96.0 GFLOP/s" in texts(s) and "40.0 GB/s" in texts(s)
    s.set_compare(recorded(tmp_path, "threads", here()))
    assert "compute-bound on " in s.side.text()


def test_a_machine_that_scales_perfectly_gets_no_saturation_mark(window, tmp_path):
    pts = [dict(p, speedup=float(p["threads"])) for p in threads_points(here())]
    path = tmp_path / "ideal.json"
    save_json([Result("threads", here(), {"physical_cores": 2}, pts, "2025-01-01T00:00:00+00:00")], path)
    s = go(window, "threads")
    s.load_result(str(path))
    assert not any("①" in t or "②" in t for t in texts(s))


def test_threads_cancel_within_a_second_keeps_the_points(window, qtbot):
    s = go(window, "threads")
    s.runner = FakeRunner(delay=0.3, points=threads_points(here()))
    window.run_experiment()
    qtbot.waitUntil(lambda: len(s.shown.result.points) >= 1, timeout=5000)
    t0 = time.monotonic()
    qtbot.keyClick(window, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=5000)
    assert time.monotonic() - t0 < 1.0
    assert "Cancelled." in s.error.text() and 1 <= len(s.shown.result.points) < len(threads_points(here()))


def test_python_threads_captions_follow_the_data_and_light_the_cpus(window, qtbot):
    s = go(window, "python-threads")
    pts = [dict(p, cpus=list(range(p["workers"]))) for p in python_threads_points(SMT_MACHINE)]
    s.runner = FakeRunner(points=pts)
    run(window, qtbot)
    assert s.machine_view.active() == set(pts[-1]["cpus"])
    side = s.side.text()
    assert "Python threads: 1.0× with 8 workers at n = 10,000,000. The GIL lets one thread run Python" in side
    assert "Processes: 4.0× with 8 workers at n = 10,000,000, 0.5× at n = 100,000." in side
    assert "numba prange: 8.0× with 8 threads at n = 10,000,000: real threads without the GIL. Try numba." in side
    assert "Every c equals numpy&#x27;s a + b." in side
    assert sorted(t for t in texts(s)) == ["numba 8.0×: no GIL", "processes 4.0×: start-up, copying",
                                           "threads 1.0×: the GIL"]
    s.set_param("x", "n")
    assert s.plot.log_x and s.axis_box.currentIndex() == 1 and s.params()["x"] == "n"
    with pytest.raises(ConfigError, match="x 'k' must be workers or n"):
        s.set_param("x", "k")


def test_python_threads_failing_experiment_shows_its_message(window, qtbot):
    s = go(window, "python-threads")
    s.runner = FakeRunner(fail=True, points=python_threads_points(here()))
    run(window, qtbot)
    assert "the fake machine caught fire" in s.error.text() and not s.error.isHidden()


def test_python_threads_recorded_on_the_smt_machine_draws_that_machine(window, tmp_path):
    s = go(window, "python-threads")
    s.load_result(recorded(tmp_path, "python-threads"))
    assert siblings_drawn(s.machine_view) == [[i, i + 8] for i in range(8)]
    assert "Imaginary Core 8800, 16 CPUs" in s.badge.text()
    assert "does not say where its threads ran" in s.side.text() and s.machine_view.active() == set()


@pytest.mark.parametrize("theme,scale,size", [("projector", SCALES[-1], (1024, 768)), ("projector", 1.0, (1366, 768)),
                                              ("dark", SCALES[-1], (1920, 1080))])
@pytest.mark.parametrize("name", ["topology", "threads", "python-threads"])
def test_each_scene_fits_the_window(window, tmp_path, name, theme, scale, size):
    s = go(window, name)
    s.load_result(recorded(tmp_path, "python-threads" if name == "python-threads" else "threads"))
    window.set_theme(theme, scale)
    window.resize(*size)
    for _ in range(3):   # wrapped rows settle over a few passes
        QApplication.processEvents()
    assert s.minimumSizeHint().width() <= size[0] - 16
    assert cut(s, window) == []
    assert all(not s.machine_view.cpu_rect(c).isEmpty() for c in range(16))


@pytest.mark.parametrize("name", ["threads", "python-threads"])
def test_a_real_quick_run_through_the_window(window, qtbot, name):
    if name not in EXPERIMENTS:
        pytest.skip(f"the {name} experiment is not in hwviz.measure yet")
    s = go(window, name)
    s.set_param("mode", "quick")
    got = []
    window.worker.point_ready.connect(lambda p: got.append((dict(p), s.machine_view.active())))
    run(window, qtbot, timeout=120_000)
    assert s.error.isHidden(), s.error.text()
    r = s.shown.result
    assert s.shown.origin == records.HERE and r.experiment == name and r.points
    assert s.machine_view.active() == set(r.points[-1].get("cpus") or [])
    assert all(lit == set(p.get("cpus") or []) for p, lit in got)
    assert siblings_drawn(s.machine_view) == here()["smt_siblings"]


def test_the_kernels_are_described_from_the_results_numbers_in_the_interfaces_words():
    from hwviz.ui.parallel_scenes.threads import kernel_text

    params = {"fma_chains": 64, "fma_steps": 1000, "memory_bytes": 128 << 20,
              "compute_kernel": "old words", "memory_kernel": "old words too"}
    assert kernel_text("compute", params) == "64 independent FMA chains per thread, 1,000 steps each (2 flops a step)"
    assert kernel_text("memory", params) == "streaming read of a 128MiB array, split into one contiguous share per thread"
    # a file recorded before the numbers were stored: its own sentence
    assert kernel_text("memory", {"memory_kernel": "old words too"}) == "old words too"
