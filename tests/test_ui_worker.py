"""The shell with scenes of both kinds: the worker (run, cancel within a second, failure,
closing mid-job), the transport following the scene, presenter layout, keys, export."""

import json
import threading
import time

import pytest
from fake_scenes import CountingScene, FakeExperimentScene
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from hwviz.ui.settings import Settings


@pytest.fixture
def shell(qtbot, tmp_path, monkeypatch, no_leftovers):
    """A main window whose registry holds the two fake scenes."""
    import hwviz.ui.main_window as mw

    monkeypatch.setattr(mw, "scene_classes", lambda: {c.name: c for c in (CountingScene, FakeExperimentScene)})
    win = mw.MainWindow(Settings(tmp_path / "settings.json"), ready=True)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.deleteLater()


def go(win, name):
    win.navigator.setCurrentIndex(list(win.scenes).index(name))


def test_transport_shows_what_the_scene_has_in_its_unit(shell):
    t = shell.transport
    go(shell, "counting")
    assert t.pages.currentIndex() == 0 and t.play_button.isVisibleTo(shell)
    assert "ticks" in t.position_label.text() and "ticks/s" in t.rate_label.text()
    assert t._steps == [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] and t.rate == 20
    go(shell, "fake-experiment")
    assert t.pages.currentIndex() == 1 and t.run_button.isVisibleTo(shell)
    assert not t.play_button.isVisibleTo(shell)


def test_playing_advances_by_rate_and_stops_at_the_end(shell, qtbot):
    go(shell, "counting")
    s = shell.scene
    shell.transport.set_playing(True)
    shell.clock.stop()  # drive the frame clock by hand
    for _ in range(10):
        shell.clock.tick(0.1)  # 20 ticks/s x 0.1 s = 2 a frame
    assert s.position() == 20
    shell.transport.faster(10)  # fastest: 1000 ticks/s
    shell.clock.tick(0.1)
    assert s.position() == 100 and not shell.transport.playing
    assert shell.transport.position_label.text().startswith("100 / 100")


def test_keys_step_reset_and_switch_scenes(shell, qtbot):
    go(shell, "counting")
    for _ in range(3):
        qtbot.keyClick(shell, Qt.Key_Right)
    qtbot.keyClick(shell, Qt.Key_Left)
    assert shell.scene.position() == 2
    qtbot.keyClick(shell, Qt.Key_Home)
    assert shell.scene.position() == 0
    qtbot.keyClick(shell, Qt.Key_PageDown)
    assert shell.scene.name == "fake-experiment"
    qtbot.keyClick(shell, Qt.Key_PageDown)
    assert shell.scene.name == "counting"


def test_a_run_delivers_points_as_they_arrive_and_its_result(shell, qtbot):
    go(shell, "fake-experiment")
    s = shell.scene
    seen = []
    shell.worker.progress.connect(lambda *a: seen.append((shell.transport.progress.format(), len(s.received))))
    qtbot.keyClick(shell, Qt.Key_Space)
    assert shell.worker.busy and not shell.transport.run_button.isEnabled()
    qtbot.waitUntil(lambda: s.result is not None, timeout=5000)
    assert s.received == [0, 1, 4] and s.result == [0, 1, 4]
    assert seen == [("0 of 3: point 0", 0), ("1 of 3: point 1", 1), ("2 of 3: point 2", 2)]
    assert not shell.worker.busy and shell.transport.run_button.isEnabled()
    assert shell.transport.progress.format() == "Finished"


def test_a_long_job_is_cancelled_within_a_second(shell, qtbot):
    go(shell, "fake-experiment")
    s = shell.scene
    s.points, s.delay = 1000, 0.05
    shell.run_experiment()
    qtbot.waitUntil(lambda: len(s.received) >= 2, timeout=5000)
    t0 = time.monotonic()
    qtbot.keyClick(shell, Qt.Key_Escape)
    qtbot.waitUntil(lambda: not shell.worker.busy, timeout=5000)
    assert time.monotonic() - t0 < 1.0
    assert s.error == "Cancelled." and s.result is None


def test_a_failing_job_shows_its_message_and_the_scene_stays_usable(shell, qtbot):
    go(shell, "fake-experiment")
    s = shell.scene
    s.fail = True
    shell.run_experiment()
    qtbot.waitUntil(lambda: s.error != "", timeout=5000)
    assert s.error == "the fake machine caught fire"
    assert "caught fire" in shell.message_label.text()
    s.fail = False
    shell.run_experiment()
    qtbot.waitUntil(lambda: s.result is not None, timeout=5000)
    assert s.result == [0, 1, 4] and s.started == 2


def test_only_one_job_at_a_time(shell, qtbot):
    go(shell, "fake-experiment")
    s = shell.scene
    s.points, s.delay = 100, 0.05
    shell.run_experiment()
    with pytest.raises(RuntimeError):
        shell.worker.start(lambda ctx: None)
    shell.run_experiment()  # a second Run while busy does nothing
    assert s.started == 1
    shell.cancel_experiment()
    qtbot.waitUntil(lambda: not shell.worker.busy, timeout=5000)


def test_leaving_the_scene_mid_job_stops_and_joins_it(shell, qtbot):
    go(shell, "fake-experiment")
    s = shell.scene
    s.points, s.delay = 1000, 0.05
    shell.run_experiment()
    qtbot.waitUntil(lambda: len(s.received) >= 1, timeout=5000)
    go(shell, "counting")
    assert not shell.worker.busy and "Cancelled" in s.error


def test_closing_the_window_mid_job_leaves_no_thread(qtbot, tmp_path, monkeypatch, no_leftovers):
    import hwviz.ui.main_window as mw

    monkeypatch.setattr(mw, "scene_classes", lambda: {FakeExperimentScene.name: FakeExperimentScene})
    win = mw.MainWindow(Settings(tmp_path / "s.json"), ready=True)
    win.show()
    before = set(threading.enumerate())   # earlier tests' QThreads may have left Python's records
    s = win.scene
    s.points, s.delay = 1000, 0.05
    win.run_experiment()
    qtbot.waitUntil(lambda: len(s.received) >= 1, timeout=5000)
    t0 = time.monotonic()
    win.close()
    assert time.monotonic() - t0 < 1.0 and not win.worker.busy
    assert not [t for t in threading.enumerate() if t not in before]


def test_presenter_layout_hides_every_control_and_esc_leaves_it(shell, qtbot):
    go(shell, "counting")
    shell.set_presenting(True)
    for w in (shell.menuBar(), shell.navigator, shell.transport, shell.statusBar(), shell.scene.controls):
        assert not w.isVisible()
    assert shell.scene.view.isVisible()
    qtbot.keyClick(shell, Qt.Key_Right)  # keys still work
    assert shell.scene.position() == 1
    shell.presenting = True
    qtbot.keyClick(shell, Qt.Key_Escape)
    assert not shell.presenting and shell.transport.isVisible() and shell.scene.controls.isVisible()


def test_f5_is_the_presenter_layout(shell, qtbot):
    qtbot.keyClick(shell, Qt.Key_F5)
    assert shell.presenting and not shell.menuBar().isVisible()
    qtbot.keyClick(shell, Qt.Key_F5)
    assert not shell.presenting and shell.menuBar().isVisible()


def test_shortcut_list_names_every_key(shell):
    from hwviz.ui.menus import shortcut_rows

    rows = dict((text, keys) for keys, text in shortcut_rows(shell.actions_by_name))
    assert rows["Presenter layout"] == "F5" and rows["Keyboard shortcuts"] == "F1, ?"
    for text in ("Play or pause; run a measurement", "One step forward", "Save picture", "Save data",
                 "Full screen", "Quit", "In a lesson: blank the screen, and back", "Open lesson"):
        assert text in rows
    assert rows["In a lesson: blank the screen, and back"] == "B, ."
    assert rows["Next scene; in a lesson, the next slide (clickers send Page Down, Right or Space)"] == "PgDown"


def test_dialogs_fit_the_screen(shell):
    from hwviz.ui.dialogs import show_about, show_shortcuts

    shell.set_theme("projector", 2.0)
    screen = shell.screen().availableGeometry()
    for show in (show_about, show_shortcuts):
        d = show(shell)
        try:
            assert d.width() <= screen.width() and d.height() <= screen.height()
        finally:
            d.close()


def test_save_picture_and_data(shell, tmp_path):
    from hwviz.ui.export import picture, png_bytes, write_data

    go(shell, "counting")
    shell.scene.advance(7)
    img = picture(shell.scene, (1024, 600))
    assert (img.width(), img.height()) == (1024, 600)
    path = tmp_path / "c.png"
    path.write_bytes(png_bytes(img))
    assert QImage(str(path)).width() == 1024
    assert (shell.scene.width(), shell.scene.height()) != (1024, 600)  # back to its own size
    write_data(shell.scene, str(tmp_path / "c.json"))
    doc = json.loads((tmp_path / "c.json").read_text())
    assert doc["position"] == 7 and doc["source"] == "counted" and doc["params"] == {"n": "100"}
    write_data(shell.scene, str(tmp_path / "c.csv"))
    assert (tmp_path / "c.csv").read_text().splitlines() == ["position,length", "7,100"]
