"""One cache level: its counters, hit rate and 3C misses, and its contents.

Up to 64 sets it is drawn as a way x set table (a column per set; shade = recency, dark corner =
dirty, text = tag when there is room); larger levels get per-set occupancy and miss heatmaps.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.base.units import format_size
from hwviz.sim.config import CacheLevel
from hwviz.sim.lab import LabRun
from hwviz.sim.stats import LevelStats
from hwviz.ui import palette
from hwviz.ui.theme import THEMES, Theme

MAX_TABLE_SETS = 64
HEAT_BINS = 256


def recency_rank(recency: np.ndarray) -> np.ndarray:
    """Rank of each way in its set: 0 most recently used (or filled, for FIFO)."""
    return np.argsort(np.argsort(-recency, axis=1, kind="stable"), axis=1, kind="stable")


def binned(values: np.ndarray, bins: int) -> np.ndarray:
    """Mean of ``values`` over at most ``bins`` equal groups of neighbouring sets."""
    n = len(values)
    if n <= bins:
        return values.astype(float)
    edges = np.linspace(0, n, bins + 1).astype(int)
    return np.add.reduceat(values.astype(float), edges[:-1]) / np.diff(edges)


class LevelView(QWidget):
    """Counters and contents of level ``k`` of a run."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_OpaquePaintEvent)  # paints every pixel: parents need not repaint
        self.theme: Theme = THEMES["light"]
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Maximum)
        self.level: CacheLevel | None = None
        self.k = 0
        self.stats: LevelStats | None = None
        # table: (valid, dirty, rank, tags) as (ways, sets) arrays; heatmap: (occupancy, misses)
        self._state: tuple = ()
        self._counters: tuple = ()

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.theme = theme
        self._state = ()
        self.updateGeometry()
        self.update()

    @property
    def tabular(self) -> bool:
        """True when drawn as a set x way table."""
        return self.level is not None and self.level.sets <= MAX_TABLE_SETS

    def show_level(self, run: LabRun, k: int, stats: LevelStats) -> None:
        """Read level ``k`` of ``run`` and repaint."""
        if self.level != run.hierarchy.levels[k]:
            self._state = ()
            self.updateGeometry()
        self.level, self.k, self.stats = run.hierarchy.levels[k], k, stats
        if self.tabular:
            snap = run.sim.snapshot_level(k)
            tags = snap.tags if self.level.index == "modulo" else np.where(snap.valid, snap.lines, -1)
            rank = recency_rank(snap.recency) if self.level.policy in ("lru", "fifo") else np.zeros_like(tags)
            state = (snap.valid.T, snap.dirty.T, rank.T, tags.T)
        else:
            occ = run.sim.occupancy(k) / self.level.ways
            state = (binned(occ, HEAT_BINS), binned(stats.set_misses, HEAT_BINS))
        counters = (stats.hits, stats.misses, stats.compulsory, stats.capacity, stats.conflict)
        if self._state and counters == self._counters and all(np.array_equal(a, b) for a, b in zip(state, self._state)):
            return  # nothing reached this level since the last frame: no repaint
        self._counters, self._state = counters, state
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """Room for the three text lines and a table with rows about a text line high."""
        lh = QFontMetrics(self._font()).lineSpacing()
        if not self.tabular:
            return QSize(400, self._lines_height() + 2 * lh + 8)
        row = lh * (1.1 if self.level.sets <= 16 else 0.6)  # room for tag text only in few sets
        return QSize(400, self._lines_height() + int(min(self.level.ways, 16) * row) + 8)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """The text lines and a thin table."""
        return QSize(200, self._lines_height() + 40)

    def cell_rect(self, way: int, set_: int) -> QRect:
        """Where the table cell of (way, set) is drawn."""
        x, y, cw, ch = self._grid()
        return QRect(int(x + set_ * cw), int(y + way * ch), int(cw), int(ch))

    def _font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(self.theme.font_size)
        return f

    def _lines_height(self) -> int:
        return QFontMetrics(self._font()).lineSpacing() * 3 + 6

    def _grid(self):
        top = self._lines_height()
        w, h = self.width() - 12, self.height() - top - 4
        cw = w / self.level.sets
        ch = min(h / self.level.ways, max(cw, QFontMetrics(self._font()).lineSpacing() * 1.2))
        return 6, top, cw, ch

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Draw the header, counters and the table or heatmaps."""
        p = QPainter(self)
        t = self.theme
        p.fillRect(self.rect(), QColor(t.surface))
        if self.level is None:
            return
        lvl, s = self.level, self.stats
        color = palette.LEVELS[self.k]
        font = self._font()
        p.setFont(font)
        fm = QFontMetrics(font)
        lh = fm.lineSpacing()
        p.fillRect(QRect(6, 4, lh - 4, lh - 4), QColor(color))
        bold = QFont(font)
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(QColor(t.text))
        p.drawText(lh + 8, 2 + fm.ascent(),
                   f"{lvl.name}  {format_size(lvl.size)}, {lvl.ways}-way, {lvl.sets} sets, {lvl.policy}, {lvl.latency_ns:g} ns")
        p.setFont(font)
        p.drawText(6, 2 + lh + fm.ascent(),
                   f"hits {s.hits:,}   misses {s.misses:,}   hit rate {100 * s.hit_rate:.1f} %")
        p.drawText(6, 2 + 2 * lh + fm.ascent(),
                   f"misses: compulsory {s.compulsory:,}  capacity {s.capacity:,}  conflict {s.conflict:,}")
        if self.tabular:
            self._draw_table(p, color)
        else:
            self._draw_heat(p, color)

    def _draw_table(self, p: QPainter, color: str) -> None:
        t = self.theme
        valid, dirty, rank, tags = self._state
        ways, sets = valid.shape
        x0, y0, cw, ch = self._grid()
        # one image pixel per way: shade by recency rank (MRU strongest), surface when invalid
        shades = [palette.mix(color, t.surface, 1.0 - 0.6 * r / max(1, ways - 1)) for r in range(ways)]
        lut = np.array([0xFF000000 | int(c[1:], 16) for c in shades + [t.surface]], np.uint32)
        rgb = np.ascontiguousarray(lut[np.where(valid, rank, ways)])
        p.drawImage(QRectF(x0, y0, sets * cw, ways * ch), QImage(rgb.data, sets, ways, 4 * sets, QImage.Format_RGB32))
        d = min(cw, ch) * 0.4
        for w, s in np.argwhere(valid & dirty).tolist():
            p.fillRect(QRectF(x0 + s * cw, y0 + (w + 1) * ch - d, d, d), QColor(t.text))
        small = QFont(p.font())
        small.setPointSizeF(t.font_size * 0.8)
        p.setFont(small)
        fm = QFontMetrics(small)
        if cw >= fm.horizontalAdvance("fff") + 4 and ch >= fm.height():
            p.setPen(QColor("#000000"))
            for w, s in np.argwhere(valid).tolist():
                p.drawText(QRectF(x0 + s * cw, y0 + w * ch, cw, ch), Qt.AlignCenter, f"{tags[w, s]:x}")
        p.setPen(QPen(QColor(t.muted), 1))
        p.drawLines([QLineF(x0, y0 + w * ch, x0 + sets * cw, y0 + w * ch) for w in range(ways + 1)]
                    + [QLineF(x0 + s * cw, y0, x0 + s * cw, y0 + ways * ch) for s in range(sets + 1)])

    def _draw_heat(self, p: QPainter, color: str) -> None:
        t = self.theme
        occ, miss = self._state
        fm = QFontMetrics(p.font())
        lh = fm.lineSpacing()
        top = self._lines_height()
        label_w = fm.horizontalAdvance("occupancy ") + 8
        w = self.width() - label_w - 8
        strip = max(lh, (self.height() - top - 8) // 2)
        peak = max(1.0, float(miss.max()))
        for row, (name, values, col, hi) in enumerate((("occupancy", occ, color, 1.0),
                                                        ("misses", miss, palette.MEMORY, peak))):
            y = top + row * strip
            p.setPen(QColor(t.text))
            p.drawText(QRect(6, y, label_w, strip), Qt.AlignVCenter | Qt.AlignLeft, name)
            bw = w / len(values)
            for i, v in enumerate(values.tolist()):
                p.fillRect(QRectF(label_w + i * bw, y + 2, bw + 0.5, strip - 4),
                           QColor(palette.mix(col, t.surface, min(1.0, v / hi))))
            p.setPen(QPen(QColor(t.muted), 1))
            p.drawRect(QRectF(label_w, y + 2, w, strip - 4))
