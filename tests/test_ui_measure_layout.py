"""The measurement scenes fit a 1024 x 768 projector at the largest text and a 1920 x 1080 screen:
no control cut, no label cut, and the scene never asks for more width than the window has."""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QComboBox, QLabel, QWidget
from test_ui_layout import _scrolled
from test_ui_measure_scenes import SCENES, go, shell  # noqa: F401 - the fixture

from hwviz.ui.theme import SCALES


def cut(scene, win) -> list[str]:
    """The scene's widgets that leave the window or show less than their text."""
    out = []
    for w in scene.findChildren(QWidget):
        if not w.isVisible() or _scrolled(w):
            continue
        r = QRect(w.mapTo(win, w.rect().topLeft()), w.size())
        if not win.rect().contains(r):
            out.append(f"{type(w).__name__} at {r.getRect()} leaves the window")
        if isinstance(w, QLabel) and w.text() and w.wordWrap() and w.height() < w.heightForWidth(w.width()):
            out.append(f"label {w.text()[:40]!r} is cut")
        if isinstance(w, (QAbstractButton, QComboBox)) and not isinstance(w, QCheckBox) \
                and w.width() < w.minimumSizeHint().width():
            out.append(f"{type(w).__name__} {w.text() if hasattr(w, 'text') else ''!r} is cut")
    return out


@pytest.mark.parametrize("theme,scale,size", [("projector", SCALES[-1], (1024, 768)), ("projector", 1.0, (1366, 768)),
                                              ("light", 1.0, (1920, 1080)), ("dark", SCALES[-1], (1920, 1080))])
@pytest.mark.parametrize("name", SCENES)
def test_each_measurement_scene_fits(shell, name, theme, scale, size):
    s = go(shell, name)
    shell.set_theme(theme, scale)
    shell.resize(*size)
    for _ in range(3):   # wrapped rows settle over a few passes
        QApplication.processEvents()
    assert s.minimumSizeHint().width() <= size[0] - 16
    assert cut(s, shell) == []
