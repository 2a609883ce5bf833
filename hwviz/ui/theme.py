"""Light, dark and projector themes, and a font scale, applied to the whole app."""

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
    "dark": Theme("dark", "#202124", "#17181a", "#eeeeee", "#a8a8a8", "#ffffff", 1.0, 10.0),
    "projector": Theme("projector", "#ffffff", "#ffffff", "#000000", "#222222", "#000000", 2.5, 15.0),
}
SCALES = (0.75, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)


def theme(name: str, scale: float = 1.0) -> Theme:
    """The theme called ``name`` at a font scale; unknown names raise ``KeyError``."""
    return replace(THEMES[name], scale=scale)


def apply_theme(app: QApplication, t: Theme) -> None:
    """Set the application's palette and font from ``t``."""
    app.setStyle("Fusion")
    pal = QPalette()
    window, surface, text = QColor(t.window), QColor(t.surface), QColor(t.text)
    for role, color in ((QPalette.Window, window), (QPalette.Base, surface),
                        (QPalette.AlternateBase, window), (QPalette.Button, window),
                        (QPalette.WindowText, text), (QPalette.Text, text),
                        (QPalette.ButtonText, text), (QPalette.ToolTipBase, surface),
                        (QPalette.ToolTipText, text), (QPalette.PlaceholderText, QColor(t.muted)),
                        (QPalette.Highlight, QColor("#0072B2")),
                        (QPalette.HighlightedText, QColor("#ffffff"))):
        pal.setColor(role, color)
    app.setPalette(pal)
    font = QFont(app.font())
    font.setPointSizeF(t.font_size)
    app.setFont(font)
    bold = "font-weight: bold;" if t.name == "projector" else ""
    app.setStyleSheet(f"QLabel#error {{ color: #D55E00; {bold} }}")
