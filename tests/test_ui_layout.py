"""Cache Lab fits every screen: at projector and laptop sizes, in every theme, at normal and the
largest text, nothing leaves the window and no text is cut; the presenter layout shows no
controls; every theme's colours meet WCAG AA contrast."""

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QApplication, QCheckBox,
                               QComboBox, QLabel, QLineEdit, QSlider, QWidget)
from ui_helpers import window  # noqa: F401 - fixture

from hwviz.ui import palette
from hwviz.ui.theme import SCALES, THEMES

SIZES = ((1024, 768), (1366, 768), (1920, 1080))
CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QSlider)


def _scrolled(w: QWidget) -> bool:
    """True inside a scroll area's viewport: it may extend past the window and scroll."""
    p = w.parentWidget()
    while p is not None:
        if isinstance(p.parentWidget(), QAbstractScrollArea) and p is p.parentWidget().viewport():
            return True
        p = p.parentWidget()
    return False


def problems(win) -> list[str]:
    """Everything that does not fit: widgets outside the window, cut labels and buttons,
    painted text that overflows its view."""
    out = []
    frame = win.rect()
    for w in win.findChildren(QWidget):
        if not w.isVisible() or w.isWindow() or _scrolled(w):
            continue
        r = QRect(w.mapTo(win, w.rect().topLeft()), w.size())
        if not frame.contains(r):
            out.append(f"{type(w).__name__} {w.objectName()!r} at {r.getRect()} leaves the window {frame.getRect()}")
        if isinstance(w, QLabel) and w.text():
            need = w.heightForWidth(w.width()) if w.wordWrap() else w.minimumSizeHint().width()
            have = w.height() if w.wordWrap() else w.width()
            if have < need:
                out.append(f"label {w.text()!r} is cut: {have} < {need} px")
        cut = w.width() < w.minimumSizeHint().width()
        if isinstance(w, (QAbstractButton, QComboBox)) and not isinstance(w, QCheckBox) and cut:
            out.append(f"{type(w).__name__} {w.objectName()!r} is cut: {w.width()} < {w.minimumSizeHint().width()} px")
    scene = win.scene
    views = scene.level_views + [scene.time_view.table] + [v for s in scene.sides for v in (s.matrix, s.code)]
    for v in views:
        if v.isVisible() and not _scrolled(v) and v.overflow():
            out.append(f"{type(v).__name__} cuts {v.overflow()}")
    for v in (scene.legend, scene.time_view.table):
        if v.isVisible() and v.height() < v.height_for(v.width()):
            out.append(f"{type(v).__name__} is cut")
    return out


def _show(win, size, theme, scale):
    win.set_theme(theme, scale)
    win.resize(*size)
    win.seek(win.scene.length() // 2)  # mid-run: every "now" line and counter has its text
    for _ in range(3):  # layouts settle over a few passes (wrapped text, drawers)
        QApplication.processEvents()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("theme", list(THEMES))
def test_cache_lab_fits_the_window(window, size, theme):
    for scale in (1.0, SCALES[-1]):
        for race in ("false", "true"):
            window.scene.set_param("race", race)
            _show(window, size, theme, scale)
            assert window.size() == QSize(*size), (scale, race)  # no minimum size grew the window
            assert problems(window) == [], (scale, race)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_presenter_layout_shows_no_controls(window, size):
    window.set_presenting(True)
    for theme in THEMES:
        _show(window, size, theme, SCALES[-1])
        shown = [w for w in window.findChildren(QWidget) if w.isVisible() and isinstance(w, CONTROLS)
                 and not w.objectName().startswith("qt_")]
        assert shown == [], [type(w).__name__ + " " + w.objectName() for w in shown]
        assert not window.scene.drawer.isVisible() and window.scene.sides[0].matrix.isVisible()
        assert problems(window) == []
    window.set_presenting(False)


def test_the_drawer_closes_on_a_narrow_window_and_the_user_can_open_it(window):
    scene = window.scene
    _show(window, (1920, 1080), "light", 1.0)
    assert scene.drawer.is_open
    _show(window, (1024, 768), "projector", 1.0)
    assert not scene.drawer.is_open and scene.drawer.toggle.isVisible()
    scene.drawer.toggle.click()
    QApplication.processEvents()
    assert scene.drawer.is_open and scene.controls.isVisible()
    assert problems(window) == []


@pytest.mark.parametrize("name", list(THEMES))
def test_every_text_and_control_colour_meets_wcag_aa(name):
    t = THEMES[name]
    for background in (t.window, t.surface):
        for text in (t.text, t.muted, t.error, t.warning):
            assert palette.contrast(text, background) >= 4.5, (text, background)
        assert palette.contrast(t.control, background) >= 3.0
    for fill in palette.fill_colors(4, t.surface):
        assert palette.contrast(palette.ink_on(fill), fill) >= 4.5  # tags on table cells
    assert palette.contrast(t.text, palette.code_band(t.surface)) >= 4.5
