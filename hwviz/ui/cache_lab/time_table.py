"""The simulated-time table and the race's gap line, painted directly (a rich-text label costs
milliseconds a frame to lay out)."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.ui.widgets.drawer import HeightFollowsWidth
from hwviz.ui.theme import THEMES, Theme


class TimeTable(HeightFollowsWidth, QWidget):
    """Rows of cells (the first left-aligned, the rest right-aligned); a row whose first cell
    starts with ``*`` is bold. ``gap`` is a sentence in large bold type under the table."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_OpaquePaintEvent)  # paints every pixel: parents need not repaint
        # never widens the window; the height follows the width (the wrapped gap sentence) through
        # a fixed height set on resize, as the legend's does
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.theme: Theme = THEMES["light"]
        self.rows: list[list[str]] = []
        self.short: list[list[str]] = []
        self.gap = ""

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.theme = theme
        self._refit()
        self.update()

    def show_rows(self, rows: list[list[str]], gap: str, short: list[list[str]] | None = None) -> None:
        """New contents; ``short`` is drawn instead of ``rows`` when those do not fit the
        width. Repaints only if they changed."""
        if (rows, gap) == (self.rows, self.gap):
            return
        self.rows, self.gap, self.short = rows, gap, short or rows
        self._refit()  # relayouts only when the height changes
        self.update()

    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        normal = QFont(self.font())
        normal.setPointSizeF(self.theme.font_size)
        bold = QFont(normal)
        bold.setBold(True)
        big = QFont(bold)
        big.setPointSizeF(self.theme.font_size * 1.25)
        return normal, bold, big

    def height_for(self, width: int) -> int:
        """Room for the rows and the gap sentence wrapped at ``width``."""
        normal, _, big = self._fonts()
        h = QFontMetrics(normal).lineSpacing() * len(self.rows) + 6
        if self.gap:
            box = QFontMetrics(big).boundingRect(QRect(0, 0, max(50, width - 8), 100000),
                                                 Qt.TextWordWrap, self.gap)
            h += box.height() + 8
        return h

    def _widths(self, rows: list[list[str]]) -> list[int]:
        fm = QFontMetrics(self._fonts()[1])
        ncols = max((len(r) for r in rows), default=0)
        return [max((fm.horizontalAdvance(r[c].lstrip("*")) for r in rows if c < len(r)), default=0) + 14
                for c in range(ncols)]

    def shown(self) -> list[list[str]]:
        """The rows as drawn: the full ones if they fit the width, else the short ones."""
        return self.rows if sum(self._widths(self.rows)) + 4 <= self.width() else self.short

    def overflow(self) -> list[str]:
        """The header row if even the short columns do not fit the width (empty when they do)."""
        rows = self.shown()
        return rows[0] if rows and sum(self._widths(rows)) + 4 > self.width() else []

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Draw the table, then the gap sentence."""
        p = QPainter(self)
        t = self.theme
        p.fillRect(self.rect(), QColor(t.surface))
        normal, bold, big = self._fonts()
        lh = QFontMetrics(bold).lineSpacing()
        rows = self.shown()
        widths = self._widths(rows)
        p.setPen(QColor(t.text))
        y = 2
        for row in rows:
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
