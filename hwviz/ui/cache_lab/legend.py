"""The key to the matrix colours: where a line lives, prefetched lines, the current access."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.ui import palette
from hwviz.ui.theme import THEMES, Theme


class LegendView(QWidget):
    """One chip per level, then memory, prefetched and current access."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_OpaquePaintEvent)  # paints every pixel: parents need not repaint
        self.theme: Theme = THEMES["light"]
        self.names: list[str] = []
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def set_levels(self, names: list[str]) -> None:
        """The cache levels' names, closest first."""
        self.names = names
        self.update()

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.theme = theme
        self.setFixedHeight(QFontMetrics(self._font()).lineSpacing() + 10)
        self.update()

    def _font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(self.theme.font_size)
        return f

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Draw the chips left to right."""
        p = QPainter(self)
        t = self.theme
        p.fillRect(self.rect(), QColor(t.surface))
        font = self._font()
        p.setFont(font)
        fm = QFontMetrics(font)
        s = fm.height() - 2
        x, y = 6, (self.height() - s) // 2
        colors = palette.fill_colors(len(self.names), t.surface)
        items = [(f"in {n}", c) for n, c in zip(self.names, colors)] + [("memory only", colors[-1])]
        for label, color in items:
            p.fillRect(QRect(x, y, s, s), QColor(color))
            p.setPen(QColor(t.text))
            p.drawText(x + s + 5, y + fm.ascent() - 1, label)
            x += s + 5 + fm.horizontalAdvance(label) + 16
        p.setPen(QPen(QColor(t.text), 1))
        p.drawRect(QRect(x, y, s, s))
        p.setPen(Qt.NoPen)
        p.setBrush(QColor(palette.PREFETCHED))
        p.drawPolygon(QPolygonF([QPointF(x + s / 2, y), QPointF(x + s, y), QPointF(x + s, y + s / 2)]))
        p.setPen(QColor(t.text))
        p.drawText(x + s + 5, y + fm.ascent() - 1, "prefetched")
        x += s + 5 + fm.horizontalAdvance("prefetched") + 16
        p.setPen(QPen(QColor(t.accent), max(2.0, t.pen(1.0))))
        p.setBrush(Qt.NoBrush)
        p.drawRect(QRect(x, y, s, s))
        p.drawText(x + s + 5, y + fm.ascent() - 1, "current access")
