"""Light, dark and projector themes, and a font scale, applied to the whole app.

Every text colour meets WCAG AA contrast on the theme's backgrounds (4.5:1) and every control
outline 3:1; ``tests/test_ui_layout.py`` checks the pairs. The dark theme draws the outlines of
check boxes, fields, buttons and slider tracks itself: Fusion derives them by darkening the window
colour, which leaves them nearly invisible on a dark window.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class Theme:
    """Colours and sizes every view reads when it paints."""

    name: str
    window: str      # widget backgrounds
    surface: str     # plot and view backgrounds
    text: str
    muted: str       # secondary text, grid lines
    accent: str      # current access, selections
    line_width: float
    font_pt: float   # base font size before the user's scale
    error: str = "#A33F00"     # refused input
    warning: str = "#7A5200"   # accepted, but probably not meant
    control: str = "#767676"   # outlines of fields, boxes and slider tracks
    scale: float = 1.0

    @property
    def font_size(self) -> float:
        """Base font size in points, scaled."""
        return self.font_pt * self.scale

    def pen(self, factor: float = 1.0) -> float:
        """Line width in pixels for a line ``factor`` times the theme's normal width."""
        return self.line_width * factor


THEMES = {
    "light": Theme("light", "#f3f3f3", "#ffffff", "#111111", "#5a5a5a", "#000000", 1.0, 10.0),
    "dark": Theme("dark", "#202124", "#17181a", "#eeeeee", "#a8a8a8", "#ffffff", 1.0, 10.0,
                  error="#FF9A5C", warning="#FFD166", control="#9a9a9a"),
    "projector": Theme("projector", "#ffffff", "#ffffff", "#000000", "#222222", "#000000", 2.5, 15.0,
                       control="#222222"),
}
SCALES = (0.75, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
#: selection and slider fill: Okabe-Ito blue
HIGHLIGHT = "#0072B2"


def theme(name: str, scale: float = 1.0) -> Theme:
    """The theme called ``name`` at a font scale; unknown names raise ``KeyError``."""
    return replace(THEMES[name], scale=scale)


def _dark_controls(t: Theme) -> str:
    """Style sheet that outlines the controls in ``t.control`` (see the module docstring)."""
    px = max(12, round(t.font_size * 1.3))
    return f"""
QCheckBox::indicator {{ width: {px}px; height: {px}px; border: 2px solid {t.control};
                        background: {t.surface}; border-radius: 3px; }}
QCheckBox::indicator:checked {{ background: {HIGHLIGHT}; border-color: {t.text}; }}
QCheckBox::indicator:disabled {{ border-style: dotted; }}
QLineEdit {{ border: 1px solid {t.control}; border-radius: 3px; background: {t.surface}; padding: 2px; }}
QLineEdit:focus {{ border: 2px solid {t.text}; }}
QSlider::groove:horizontal {{ height: 6px; background: {t.control}; border-radius: 3px; }}
QSlider::sub-page:horizontal {{ background: {HIGHLIGHT}; border-radius: 3px; }}
QSlider::handle:horizontal {{ background: {t.text}; width: {px}px; margin: -{px // 3}px 0;
                              border-radius: {px // 2}px; }}
QPushButton, QToolButton {{ border: 1px solid {t.control}; border-radius: 3px; padding: 3px 8px; }}
QPushButton:checked, QToolButton:checked {{ background: {HIGHLIGHT}; }}
QPushButton:disabled, QToolButton:disabled {{ border-style: dotted; color: {t.muted}; }}
"""


def apply_theme(app: QApplication, t: Theme) -> None:
    """Set the application's palette, font and style sheet from ``t``."""
    app.setStyle("Fusion")
    pal = QPalette()
    window, surface, text = QColor(t.window), QColor(t.surface), QColor(t.text)
    for role, color in ((QPalette.Window, window), (QPalette.Base, surface),
                        (QPalette.AlternateBase, window), (QPalette.Button, window),
                        (QPalette.WindowText, text), (QPalette.Text, text),
                        (QPalette.ButtonText, text), (QPalette.ToolTipBase, surface),
                        (QPalette.ToolTipText, text), (QPalette.PlaceholderText, QColor(t.muted)),
                        (QPalette.Highlight, QColor(HIGHLIGHT)),
                        (QPalette.HighlightedText, QColor("#ffffff"))):
        pal.setColor(role, color)
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        pal.setColor(QPalette.Disabled, role, QColor(t.muted))
    app.setPalette(pal)
    font = QFont(app.font())
    font.setPointSizeF(t.font_size)
    app.setFont(font)
    bold = "font-weight: bold;" if t.name == "projector" else ""
    sheet = (f"QLabel#error {{ color: {t.error}; {bold} }}\n"
             f"QLabel#warning {{ color: {t.warning}; {bold} }}\n")
    app.setStyleSheet(sheet + (_dark_controls(t) if t.name == "dark" else ""))
