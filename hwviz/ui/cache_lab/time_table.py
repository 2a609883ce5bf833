"""The simulated-time table and the race's gap line, painted directly (a rich-text label costs
milliseconds a frame to lay out)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.ui.theme import THEMES, Theme


class TimeTable(QWidget):
    """Rows of cells (the first left-aligned, the rest right-aligned); a row whose first cell
    starts with ``*`` is bold. ``gap`` is a sentence in large bold type under the table."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_OpaquePaintEvent)  # paints every pixel: parents need not repaint
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)  # clip, never widen the window
        self.theme: Theme = THEMES["light"]
        self.rows: list[list[str]] = []
        self.gap = ""

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.theme = theme
        self.updateGeometry()
        self.update()

    def show_rows(self, rows: list[list[str]], gap: str) -> None:
        """New contents; repaints only if they changed."""
        if (rows, gap) == (self.rows, self.gap):
            return
        resize = len(rows) != len(self.rows) or bool(gap) != bool(self.gap)
        self.rows, self.gap = rows, gap
        if resize:
            self.updateGeometry()
        self.update()

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        normal = QFont(self.font())
        normal.setPointSizeF(self.theme.font_size)
        bold = QFont(normal)
        bold.setBold(True)
        big = QFont(bold)
        big.setPointSizeF(self.theme.font_size * 1.25)
        return normal, bold, big

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """Room for the rows and two lines of the gap sentence."""
        normal, _, big = self._fonts()
        h = QFontMetrics(normal).lineSpacing() * len(self.rows) + 6
        if self.gap:
            h += QFontMetrics(big).lineSpacing() * 2 + 4
        return QSize(300, h)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Draw the table, then the gap sentence."""
        p = QPainter(self)
        t = self.theme
        p.fillRect(self.rect(), QColor(t.surface))
        normal, bold, big = self._fonts()
        fm = QFontMetrics(bold)
        lh = fm.lineSpacing()
        ncols = max((len(r) for r in self.rows), default=0)
        widths = [max((fm.horizontalAdvance(r[c].lstrip("*")) for r in self.rows if c < len(r)), default=0) + 14
                  for c in range(ncols)]
        p.setPen(QColor(t.text))
        y = 2
        for row in self.rows:
            strong = row[0].startswith("*")
            p.setFont(bold if strong else normal)
            x = 4
            for c, text in enumerate(row):
                align = Qt.AlignLeft if c == 0 else Qt.AlignRight
                p.drawText(QRect(x, y, widths[c] - 6, lh), align | Qt.AlignVCenter, text.lstrip("*"))
                x += widths[c]
            y += lh
        if self.gap:
            p.setFont(big)
            p.drawText(QRect(4, y + 4, self.width() - 8, self.height() - y - 4),
                       Qt.TextWordWrap | Qt.AlignLeft | Qt.AlignTop, self.gap)
