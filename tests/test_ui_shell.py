"""The app shell: settings, themes, warm-up, About, no display, ``hwviz shot``."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from ui_helpers import window  # noqa: F401 - fixture

from hwviz.cli import main
from hwviz.ui.about import about_html
from hwviz.ui.settings import Settings


def _new_window(path):
    from hwviz.ui.main_window import MainWindow

    return MainWindow(Settings(path), ready=True)


def test_settings_persist_theme_scale_scene_parameters_and_geometry(qtbot, tmp_path, no_leftovers):
    path = tmp_path / "settings.json"
    win = _new_window(path)
    win.show()
    win.resize(760, 580)
    win.set_theme("projector", 1.3)
    win.scene.set_param("pattern", "transpose")
    win.scene.set_param("rows", "12")
    size = (win.width(), win.height())
    win.close()
    saved = json.loads(path.read_text())
    assert saved["theme"] == "projector" and saved["scale"] == 1.3
    win = _new_window(path)
    try:
        assert win.theme.name == "projector" and win.theme.scale == 1.3
        assert win.scene.params()["pattern"] == "transpose" and win.scene.params()["rows"] == "12"
        assert (win.width(), win.height()) == size
        assert win.message_label.text() == ""
    finally:
        win.close()


@pytest.mark.parametrize("content, message", [
    ("{not json", "could not be read"),
    ("[1, 2]", "could not be read"),
    ('{"theme": 3, "scenes": {"cache-lab": {"rows": "999"}}}', "theme not used"),
    ('{"scenes": {"cache-lab": {"rows": "999"}}}', "setting not used: rows 999 must be from 4 to 128"),
])
def test_a_corrupt_settings_store_falls_back_to_defaults_with_a_message(qtbot, tmp_path, content, message,
                                                                       no_leftovers):
    path = tmp_path / "settings.json"
    path.write_text(content)
    win = _new_window(path)
    try:
        assert win.theme.name == "light" and win.scene.params()["rows"] == "32"
        assert message in win.message_label.text()
    finally:
        win.close()


def test_projector_theme_is_big_and_white(window):
    light = window.theme.font_size
    window.set_theme("projector")
    assert window.theme.font_size >= 1.4 * light
    img = window.scene.sides[0].matrix.grab().toImage()
    assert QColor(img.pixel(2, 2)).name() == "#ffffff"
    window.set_theme("dark")
    img = window.scene.sides[0].matrix.grab().toImage()
    assert QColor(img.pixel(2, 2)).name() == window.theme.surface
    window.change_scale(+1)
    assert window.theme.scale > 1.0 and window.theme.name == "dark"


def test_the_engine_compiles_in_the_background_while_cache_lab_already_steps(qtbot, tmp_path, no_leftovers):
    from hwviz.ui.main_window import MainWindow

    win = MainWindow(Settings(tmp_path / "s.json"))
    try:
        assert win.compiler is None  # it starts once the window has painted
        qtbot.waitUntil(lambda: win.compiler is not None, timeout=5000)
        assert win.compile_label.text().startswith("Compiling the simulator")
        assert win.transport.isEnabled()
        win.step(1)
        assert win.scene.position() == 1  # the plain-Python engine serves until the compile is done
        qtbot.waitUntil(lambda: not win.compiler.running, timeout=300_000)
        qtbot.waitUntil(lambda: not win.compile_bar.isVisibleTo(win), timeout=5000)
        bar = win.compile_bar  # it showed each stage as it began: the last one was total - 1
        assert bar.maximum() > 1 and bar.value() == bar.maximum() - 1
        assert "compiled" in win.message_label.text()
        win.step(1)
        assert win.scene.position() == 2
    finally:
        win.close()


def test_about_names_the_version_and_the_sources():
    from hwviz import __version__

    html = about_html()
    assert __version__ in html and "Okabe" in html and "7-cpu.com" in html and "Norvig" in html


def test_without_a_display_hwviz_says_so_in_one_line():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = subprocess.run([sys.executable, "-m", "hwviz"], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "Xvfb" in lines[0] and "hwviz shot" in lines[0]


@pytest.mark.parametrize("args, message", [
    (["--scene", "nope"], "unknown scene 'nope'"),
    (["--set", "colour=red"], "unknown parameter 'colour'"),
    (["--set", "rows"], "must look like name=value"),
    (["--set", "rows=2"], "rows 2 must be from 4 to 128"),
    (["--size", "800x600"], "from 1024x768 to 7680x4320"),
    (["--set", "pattern=diagonal"], "pattern 'diagonal' is unknown"),
    (["--theme", "neon"], "unknown theme 'neon'"),
    (["--size", "big"], "size 'big' must be WIDTHxHEIGHT"),
])
def test_shot_rejects_bad_input_in_one_line(capsys, tmp_path, args, message):
    code = main(["shot", *args, "--out", str(tmp_path / "x.png")])
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


def test_shot_writes_the_png(capsys, tmp_path, qapp, no_leftovers):
    out = tmp_path / "race.png"
    code = main(["shot", "--set", "race=true", "--set", "rows=16", "--set", "cols=16", "--steps", "100",
                 "--theme", "projector", "--size", "1366x768", "--out", str(out)])
    assert code == 0 and capsys.readouterr().out.strip() == str(out)
    img = QImage(str(out))
    assert (img.width(), img.height()) == (1366, 768)
    assert QColor(img.pixel(img.width() - 3, img.height() // 2)).name() == "#ffffff"


def test_closing_mid_run_leaves_nothing_running(qtbot, tmp_path, no_leftovers):
    win = _new_window(tmp_path / "s.json")
    win.show()
    win.transport.set_playing(True)
    qtbot.waitUntil(lambda: win.scene.position() > 0, timeout=5000)
    win.close()
    assert not win.clock.running and not win.transport.playing


def test_shot_renders_a_recorded_result_and_refuses_the_wrong_one(capsys, tmp_path, qapp, no_leftovers):
    root = Path(__file__).resolve().parents[1]
    bundled = root / "assets" / "results" / "amd-epyc-2vcpu-vm.json"
    out = tmp_path / "latency.png"
    assert main(["shot", "--scene", "latency", "--from", str(bundled), "--size", "1366x768", "--out", str(out)]) == 0
    assert QImage(str(out)).size().toTuple() == (1366, 768)
    loops_only = tmp_path / "loops.json"
    loops_only.write_text(json.dumps([d for d in json.loads(bundled.read_text()) if d["experiment"] == "loops"]))
    capsys.readouterr()
    for args, message in ((["--scene", "mountain", "--from", str(loops_only)], "holds no mountain result"),
                          (["--scene", "cache-lab", "--from", str(loops_only)], "measures nothing"),
                          (["--scene", "latency", "--from", str(bundled), "--run", "quick"], "not both")):
        assert main(["shot", *args, "--out", str(tmp_path / "x.png")]) == 2
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()
