"""The accelerator scenes fit a 1024 x 768 projector at the largest text, a 1366 x 768 laptop
and a 1920 x 1080 screen in every theme: no control or label cut, nothing outside the window;
the presenter layout hides their controls."""

import pytest
from accel_ui_helpers import go, own_config, shell, window  # noqa: F401 - the last three are fixtures
from PySide6.QtWidgets import QApplication
from test_ui_measure_layout import cut

from hwviz.ui.theme import SCALES

SCENES = ("systolic", "roofline", "transfer", "gpu", "accelerators")


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
