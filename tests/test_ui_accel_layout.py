"""The accelerator scenes fit a 1024 x 768 projector at the largest text, a 1366 x 768 laptop
and a 1920 x 1080 screen in every theme: no control or label cut, nothing outside the window;
the presenter layout hides their controls."""

import pytest
from PySide6.QtWidgets import QApplication
from test_ui_measure_layout import cut

from hwviz.ui.theme import SCALES

SCENES = ("systolic", "roofline", "transfer", "gpu", "accelerators")


@pytest.fixture
def shell(qtbot, tmp_path, monkeypatch, no_leftovers):
    from hwviz.ui.main_window import MainWindow
    from hwviz.ui.settings import Settings

    monkeypatch.setenv("HWVIZ_CONFIG_DIR", str(tmp_path / "config"))
    win = MainWindow(Settings(tmp_path / "settings.json"), ready=True)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.deleteLater()


def go(win, name):
    win.navigator.setCurrentIndex(list(win.scenes).index(name))
    return win.scene


@pytest.mark.parametrize("theme,scale,size", [("projector", SCALES[-1], (1024, 768)), ("projector", 1.0, (1366, 768)),
                                              ("dark", SCALES[-1], (1920, 1080))])
@pytest.mark.parametrize("name", SCENES)
def test_each_accelerator_scene_fits(shell, name, theme, scale, size):
    s = go(shell, name)
    shell.set_theme(theme, scale)
    shell.resize(*size)
    if hasattr(s, "length"):
        shell.seek(s.length() // 2)
    for _ in range(3):   # wrapped rows settle over a few passes
        QApplication.processEvents()
    assert s.minimumSizeHint().width() <= size[0] - 16
    assert cut(s, shell) == []


@pytest.mark.parametrize("name", SCENES)
def test_presenting_hides_the_controls(shell, name):
    s = go(shell, name)
    shell.set_presenting(True)
    QApplication.processEvents()
    controls = getattr(s, "drawer", None)
    assert controls is None or not controls.isVisible()
    shell.set_presenting(False)
    QApplication.processEvents()
    assert controls is None or controls.isVisible()
