"""The app process: hostile settings files never stop the window, Ctrl+C and closing mid-compile
end it at once, an unknown Qt platform is one line, an exception in a slot is shown."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from hwviz.ui.settings import Settings

APP = [sys.executable, "-m", "hwviz"]


def _env(tmp_path, **extra):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HWVIZ_CONFIG_DIR=str(tmp_path / "cfg"))
    env.update(extra)
    return env


def _new_window(path):
    from hwviz.ui.main_window import MainWindow

    return MainWindow(Settings(path), ready=True)


@pytest.mark.parametrize("content, expect", [
    ('{"scenes": {"cache-lab": {"pattern": "tiled", "tile": "0"}}}', "tile"),
    ('{"scenes": {"cache-lab": {"pattern": "strided", "stride": "100000000000000000000"}}}', "stride"),
    ('{"scale": ' + "9" * 400 + '}', "scale"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"theme": {"a": 1}, "geometry": 5}', "theme, geometry"),
    (b"\xff\xfe{\x00}\x00", "not UTF-8"),
])
def test_a_hostile_settings_file_falls_back_value_by_value(qtbot, tmp_path, content, expect, no_leftovers):
    path = tmp_path / "settings.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    win = _new_window(path)
    try:
        assert expect in win.message_label.text()
        assert win.scene.params()["rows"] == "32"  # what was valid or default still applies
    finally:
        win.close()


def test_a_settings_fifo_does_not_block_start_up(qtbot, tmp_path, no_leftovers):
    path = tmp_path / "settings.json"
    os.mkfifo(path)
    t0 = time.monotonic()
    win = _new_window(path)
    try:
        assert time.monotonic() - t0 < 10 and "not a regular file" in win.message_label.text()
    finally:
        win.close()
    assert path.exists() and not path.is_file()  # a FIFO the user made is never replaced


def test_saving_does_not_write_through_a_planted_temporary_symlink(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    (tmp_path / "settings.tmp").symlink_to(victim)
    s = Settings(tmp_path / "settings.json")
    s["theme"] = "dark"
    assert s.save() == ""
    assert victim.read_text() == "keep me"
    assert json.loads((tmp_path / "settings.json").read_text())["theme"] == "dark"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".settings.json")]


def test_an_unknown_qt_platform_is_one_line_and_exit_2(tmp_path):
    out = subprocess.run(APP, capture_output=True, text=True, env=_env(tmp_path, QT_QPA_PLATFORM="bogus"),
                         timeout=60)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "QT_QPA_PLATFORM='bogus'" in lines[0] and "offscreen" in lines[0]


def _wait_for(path, proc, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end and proc.poll() is None:
        if path.exists():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("cache", ["warm", "cold"])
def test_ctrl_c_closes_the_window_at_once_even_mid_compile(tmp_path, cache):
    """SIGINT closes the window and saves the settings; a compile still running (an empty numba
    cache) is not waited for."""
    env = _env(tmp_path)
    if cache == "cold":
        env["NUMBA_CACHE_DIR"] = str(tmp_path / "numba")
    code = ("import hwviz.ui.main_window as m, pathlib, os\n"
            "orig = m.MainWindow.showEvent\n"
            "def shown(self, e):\n"
            "    orig(self, e); pathlib.Path(os.environ['HWVIZ_CONFIG_DIR'], 'shown').touch()\n"
            "m.MainWindow.showEvent = shown\n"
            "from hwviz.cli import main\n"
            "raise SystemExit(main([]))\n")
    (tmp_path / "cfg").mkdir()
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        assert _wait_for(tmp_path / "cfg" / "shown", proc, 60), proc.stderr.read() if proc.poll() is not None else ""
        t0 = time.monotonic()
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=20)
        elapsed = time.monotonic() - t0
    finally:
        proc.kill()
    assert proc.returncode == 0, proc.stderr.read()
    assert elapsed < 5  # a cold compile takes about a minute
    assert json.loads((tmp_path / "cfg" / "settings.json").read_text())["scene"] == "cache-lab"


def test_an_exception_in_a_slot_is_logged_and_shown(qtbot, tmp_path, caplog, no_leftovers):
    from hwviz.ui.app import _show_uncaught

    win = _new_window(tmp_path / "s.json")
    try:
        try:
            raise ZeroDivisionError("division by zero")
        except ZeroDivisionError:
            _show_uncaught(win, *sys.exc_info())
        assert "ZeroDivisionError: division by zero" in win.message_label.text()
        assert "uncaught exception" in caplog.text and "Traceback" in caplog.text
    finally:
        win.close()
