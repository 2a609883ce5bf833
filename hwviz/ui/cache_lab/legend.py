"""The key to every colour on screen: where a line lives, prefetched lines, the flash of the
last accesses, the current access, the loop line, and in a race each run's colour. Chips wrap
onto more rows when the window is narrow."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.sim.lab import LabSession
from hwviz.ui import palette
from hwviz.ui.cache_lab import tr
from hwviz.ui.widgets.drawer import HeightFollowsWidth
from hwviz.ui.theme import THEMES, Theme

GAP = 16  # pixels between chips
#: the legend's text, a little smaller than the views' (it is read once, not followed), and
#: smaller still, down to the last, when the chips would wrap onto more than MAX_ROWS rows
LEGEND_SCALES = (0.85, 0.75, 0.65, 0.55)
MAX_ROWS = 3


class LegendView(HeightFollowsWidth, QWidget):
    """One chip per colour: a swatch and its meaning."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_OpaquePaintEvent)  # paints every pixel: parents need not repaint
        self.theme: Theme = THEMES["light"]
        self.names: list[str] = []
        self.runs: list[str] = []
        # the height follows the width (wrapped chips) through a fixed height set on resize: a
        # height-for-width item would make the parent layouts ignore their other minimums
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)

    def set_session(self, session: LabSession) -> None:
        """The cache levels' names, closest first, and the race's patterns."""
        self.names = [lvl.name for lvl in session.hierarchy.levels]
        self.runs = [r.pattern.name for r in session.runs] if session.racing else []
        self._refit()
        self.update()

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.theme = theme
        self._refit()
        self.update()

    def items(self) -> list[tuple[str, str, str]]:
        """(kind, colour, label) of each chip; kind says how the swatch is drawn."""
        colors = palette.fill_colors(len(self.names), self.theme.surface)
        out = [("fill", c, tr("in {level}").format(level=n)) for n, c in zip(self.names, colors)]
        out += [("fill", colors[-1], tr("memory only")),
                ("corner", palette.PREFETCHED, tr("prefetched, unused")),
                ("ring", palette.LEVELS[0], tr("flash: served by the ring's level")),
                ("ring", palette.MEMORY, tr("flash: from memory")),
                ("frame", self.theme.accent, tr("current access")),
                ("fill", palette.code_band(self.theme.surface), tr("loop line now"))]
        out += [("fill", palette.RUNS[k], tr("run: {pattern}").format(pattern=name))
                for k, name in enumerate(self.runs)]
        return out

    def _font(self, scale: float | None = None) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(self.theme.font_size * (self._scale(self.width()) if scale is None else scale))
        return f

    def _scale(self, width: int) -> float:
        """The largest of :data:`LEGEND_SCALES` whose chips fit :data:`MAX_ROWS` rows at ``width``."""
        for scale in LEGEND_SCALES:
            if len({y for _x, y in self._layout(width, scale)}) <= MAX_ROWS:
                return scale
        return LEGEND_SCALES[-1]

    def _layout(self, width: int, scale: float) -> list[tuple[int, int]]:
        """Top-left corner of each chip when wrapped at ``width`` at font ``scale``."""
        fm = QFontMetrics(self._font(scale))
        s, lh = fm.height() - 2, fm.lineSpacing() + 6
        x, y, out = 6, 4, []
        for _kind, _color, label in self.items():
            w = s + 5 + fm.horizontalAdvance(label)
            if x > 6 and x + w > width - 6:
                x, y = 6, y + lh
            out.append((x, y))
            x += w + GAP
        return out

    def height_for(self, width: int) -> int:
        """Height of the rows the chips wrap to at ``width``."""
        scale = self._scale(width)
        corners = self._layout(width, scale)
        return (corners[-1][1] if corners else 4) + QFontMetrics(self._font(scale)).lineSpacing() + 8

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """One row as wide as the window usually is."""
        return QSize(600, self.height_for(max(self.width(), 200)))

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Draw the chips, wrapped."""
        p = QPainter(self)
        t = self.theme
        p.fillRect(self.rect(), QColor(t.surface))
        font = self._font()
        p.setFont(font)
        fm = QFontMetrics(font)
        s = fm.height() - 2
        text = QColor(t.text)
        for (kind, color, label), (x, y) in zip(self.items(), self._layout(self.width(), self._scale(self.width()))):
            box = QRect(x, y, s, s)
            p.setBrush(Qt.NoBrush)
            if kind == "fill":
                p.fillRect(box, QColor(color))
            elif kind == "corner":
                p.setPen(QPen(text, 1))
                p.drawRect(box)
                p.setPen(Qt.NoPen)
                p.setBrush(QColor(color))
                p.drawPolygon(QPolygonF([QPointF(x + s / 2, y), QPointF(x + s, y), QPointF(x + s, y + s / 2)]))
            elif kind == "ring":  # as the flashes are drawn: the level's colour ringed in the text colour
                w = max(3.0, t.pen(1.6))
                p.setPen(QPen(text, w + 2))
                p.drawRect(box.adjusted(3, 3, -3, -3))
                p.setPen(QPen(QColor(color), w))
                p.drawRect(box.adjusted(3, 3, -3, -3))
            else:
                p.setPen(QPen(QColor(color), max(2.0, t.pen(1.0))))
                p.drawRect(box)
            p.setPen(text)
            p.drawText(x + s + 5, y + fm.ascent() - 1, label)
