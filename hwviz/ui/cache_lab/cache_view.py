"""One cache level: its counters, hit rate and 3C misses, and its contents.

A level of up to 64 sets, when there is room, is drawn as a way x set table: a column per set
(numbered on top), a row per way (numbered on the left), shade = recency, dark corner = dirty,
text = the tag in hex. Larger levels, or a table that would be too small to read, become
per-set occupancy and miss heatmaps. Hovering a table entry names the line it holds.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.base.units import format_size
from hwviz.sim.config import CacheLevel
from hwviz.sim.lab import LabRun
from hwviz.sim.stats import LevelStats
from hwviz.ui import palette
from hwviz.ui.cache_lab import tr
from hwviz.ui.cache_lab.tooltips import line_tooltip, show_tooltip
from hwviz.ui.theme import THEMES, Theme

MAX_TABLE_SETS = 64
HEAT_BINS = 256
#: narrowest table column, in pixels, before the table becomes heatmaps
MIN_SET_PX = 5


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
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Maximum)  # never widens the window
        self.level: CacheLevel | None = None
        self.run: LabRun | None = None
        self.k = 0
        self.stats: LevelStats | None = None
        # table: (valid, dirty, rank, tags, lines) as (ways, sets) arrays; heatmap: (occupancy, misses)
        self._state: tuple = ()
        self._counters: tuple = ()
        self._tabular = False

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.theme = theme
        self._state = ()
        self.updateGeometry()
        self.update()

    @property
    def tabular(self) -> bool:
        """True when drawn as a set x way table: few enough sets, and room for their columns and
        for rows as tall as the small text (a squeezed table becomes heatmaps)."""
        if self.level is None or self.level.sets > MAX_TABLE_SETS:
            return False
        lh = QFontMetrics(self._small()).height()
        rows = self.height() - QFontMetrics(self._font()).lineSpacing() * 4 - 6 - lh - 4
        return ((self.width() - self._left()) / self.level.sets >= MIN_SET_PX
                and (not self.isVisible() or rows >= self.level.ways * min(lh, 12)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """A table that becomes heatmaps (or back) needs other state."""
        super().resizeEvent(event)
        if self.tabular != self._tabular and self.run is not None:
            self._state = ()
            self.show_level(self.run, self.k, self.stats)

    def show_level(self, run: LabRun, k: int, stats: LevelStats) -> None:
        """Read level ``k`` of ``run`` and repaint."""
        if self.level != run.hierarchy.levels[k]:
            self._state = ()
            self.level = run.hierarchy.levels[k]
            # short of height, the levels below give way (become heatmaps) first; L1 keeps its table
            self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Minimum if k == 0 else QSizePolicy.Maximum)
            self.updateGeometry()
        self.run, self.k, self.stats = run, k, stats
        self._tabular = self.tabular
        if self._tabular:
            snap = run.sim.snapshot_level(k)
            tags = snap.tags if self.level.index == "modulo" else np.where(snap.valid, snap.lines, -1)
            rank = recency_rank(snap.recency) if self.level.policy in ("lru", "fifo") else np.zeros_like(tags)
            state = (snap.valid.T, snap.dirty.T, rank.T, tags.T, snap.lines.T)
        else:
            occ = run.sim.occupancy(k) / self.level.ways
            state = (binned(occ, HEAT_BINS), binned(stats.set_misses, HEAT_BINS))
        counters = (stats.hits, stats.misses, stats.compulsory, stats.capacity, stats.conflict)
        if self._state and counters == self._counters and all(np.array_equal(a, b) for a, b in zip(state, self._state)):
            return  # nothing reached this level since the last frame: no repaint
        self._counters, self._state = counters, state
        self.update()

    # ---- text ----------------------------------------------------------------------------
    def text_lines(self) -> list[tuple[str, str]]:
        """(long, short) form of each text line above the contents."""
        lvl, s = self.level, self.stats
        lines = [
            (tr("{name}  {size}, {ways}-way, {sets} sets, {policy}, {ns:g} ns"),
             tr("{name} {size} {ways}w {sets}s {ns:g}ns")),
            (tr("hits {hits:,}   misses {misses:,}   hit rate {rate:.1f} %"),
             tr("hit {hits:,} miss {misses:,} {rate:.0f}%")),
            (tr("misses: compulsory {comp:,}  capacity {cap:,}  conflict {conf:,}"),
             tr("comp. {comp:,} cap. {cap:,} confl. {conf:,}")),
        ]
        values = dict(name=lvl.name, size=format_size(lvl.size), ways=lvl.ways, sets=lvl.sets,
                      policy=lvl.policy, ns=lvl.latency_ns, hits=s.hits, misses=s.misses,
                      rate=100 * s.hit_rate, comp=s.compulsory, cap=s.capacity, conf=s.conflict)
        out = [(a.format(**values), b.format(**values)) for a, b in lines]
        if self._tabular:
            out.append((tr("numbers: tag in hex · darker: more recent · corner: dirty"),
                        tr("tag (hex) · dark: recent")))
        return out

    def _too_wide(self, i: int, text: str) -> bool:
        """Whether text line ``i`` (the first is bold, after the colour chip) overflows."""
        font = self._font()
        font.setBold(i == 0)
        fm = QFontMetrics(font)
        start = fm.lineSpacing() + 8 if i == 0 else 6
        return start + fm.horizontalAdvance(text) > self.width() - 4

    def _fitted(self) -> list[str]:
        return [b if self._too_wide(i, a) else a for i, (a, b) in enumerate(self.text_lines())]

    def overflow(self) -> list[str]:
        """Text lines that do not fit the width even in their short form."""
        if self.level is None or self.stats is None:
            return []
        return [x for i, x in enumerate(self._fitted()) if self._too_wide(i, x)]

    # ---- geometry ------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """The text lines and a table whose rows are a little taller than a line of text."""
        lh = QFontMetrics(self._font()).lineSpacing()
        ways = self.level.ways if self.level is not None and self.level.sets <= MAX_TABLE_SETS else 2
        return QSize(200, lh * 5 + 6 + int(ways * lh * 1.1) + 6)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """The text lines and a small table."""
        lh = QFontMetrics(self._font()).lineSpacing()
        return QSize(120, self._lines_height() + lh + 2 * lh)

    def _font(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(self.theme.font_size)
        return f

    def _small(self) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(self.theme.font_size * 0.8)
        return f

    def _lines_height(self) -> int:
        n = 4 if self._tabular else 3
        return QFontMetrics(self._font()).lineSpacing() * n + 6

    def _left(self) -> int:
        """Width of the way labels left of the table."""
        return QFontMetrics(self._small()).horizontalAdvance("w00") + 10

    def _grid(self):
        """(x, y, column width, row height) of the table."""
        top = self._lines_height() + QFontMetrics(self._small()).lineSpacing()
        x0 = self._left()
        w, h = self.width() - x0 - 6, self.height() - top - 4
        cw = w / self.level.sets
        ch = min(h / self.level.ways, max(cw, QFontMetrics(self._font()).lineSpacing() * 1.2))
        return x0, top, cw, ch

    def cell_rect(self, way: int, set_: int) -> QRect:
        """Where the table cell of (way, set) is drawn."""
        x, y, cw, ch = self._grid()
        return QRect(int(x + set_ * cw), int(y + way * ch), int(cw), int(ch))

    def tooltip_at(self, pos: QPoint) -> str:
        """Tooltip of the table entry at ``pos``: the line it holds ("" off the table or empty)."""
        if not (self._tabular and len(self._state) == 5):
            return ""
        x0, y0, cw, ch = self._grid()
        s, w = int((pos.x() - x0) // cw), int((pos.y() - y0) // ch)
        valid, _dirty, _rank, _tags, lines = self._state
        if not (0 <= w < valid.shape[0] and 0 <= s < valid.shape[1]):
            return ""
        if not valid[w, s]:
            return tr("set {set}, way {way}: empty").format(set=s, way=w)
        return tr("set {set}, way {way}").format(set=s, way=w) + "\n" + line_tooltip(self.run, int(lines[w, s]))

    def event(self, event) -> bool:  # noqa: D102 - Qt hook
        return show_tooltip(self, event, self.tooltip_at) or super().event(event)

    # ---- painting ------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Draw the header, counters and the table or heatmaps."""
        p = QPainter(self)
        t = self.theme
        p.fillRect(self.rect(), QColor(t.surface))
        if self.level is None or not self._state:
            return
        color = palette.LEVELS[self.k]
        font = self._font()
        fm = QFontMetrics(font)
        lh = fm.lineSpacing()
        p.fillRect(QRect(6, 4, lh - 4, lh - 4), QColor(color))
        bold = QFont(font)
        bold.setBold(True)
        p.setPen(QColor(t.text))
        for i, text in enumerate(self._fitted()):
            p.setFont(bold if i == 0 else font)
            p.drawText(lh + 8 if i == 0 else 6, 2 + i * lh + fm.ascent(), text)
        if len(self._state) == 5:
            self._draw_table(p, color)
        else:
            self._draw_heat(p, color)

    def _draw_table(self, p: QPainter, color: str) -> None:
        t = self.theme
        valid, dirty, rank, tags, _lines = self._state
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
        small = self._small()
        p.setFont(small)
        fm = QFontMetrics(small)
        # set numbers on top (every k-th when crowded), way numbers on the left
        p.setPen(QColor(t.text))
        every = max(1, int(np.ceil(fm.horizontalAdvance("00 ") / cw)))
        for s in range(0, sets, every):
            p.drawText(QRectF(x0 + s * cw - cw * every, y0 - fm.lineSpacing(), cw * (2 * every + 1), fm.lineSpacing()),
                       Qt.AlignHCenter | Qt.AlignBottom, str(s))
        p.drawText(QRectF(0, y0 - fm.lineSpacing(), x0 - 4, fm.lineSpacing()), Qt.AlignRight | Qt.AlignBottom,
                   tr("set"))
        # the label's own height: a translated word may come from a taller fallback font (CJK)
        label_h = max(fm.height(), fm.boundingRect(tr("w{way}").format(way=0)).height())
        rows_every = max(1, int(np.ceil(label_h / ch)))
        for w in range(0, ways, rows_every):
            mid = y0 + (w + 0.5) * ch
            p.drawText(QRectF(0, mid - label_h / 2, x0 - 4, label_h), Qt.AlignRight | Qt.AlignVCenter,
                       tr("w{way}").format(way=w))
        if cw >= fm.horizontalAdvance("fff") + 4 and ch >= fm.height():
            ink = [palette.ink_on(c) for c in shades]  # black or white, whichever reads on the shade
            for w, s in np.argwhere(valid).tolist():
                p.setPen(QColor(ink[rank[w, s]]))
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
        names = (tr("occupancy"), tr("misses"))
        label_w = max(fm.horizontalAdvance(n) for n in names) + 14
        w = self.width() - label_w - 8
        strip = max(lh, (self.height() - top - 8) // 2)
        peak = max(1.0, float(miss.max()))
        for row, (name, values, col, hi) in enumerate(((names[0], occ, color, 1.0),
                                                        (names[1], miss, palette.MEMORY, peak))):
            y = top + row * strip
            p.setPen(QColor(t.text))
            p.drawText(QRect(6, y, label_w, strip), Qt.AlignVCenter | Qt.AlignLeft, name)
            bw = w / len(values)
            for i, v in enumerate(values.tolist()):
                p.fillRect(QRectF(label_w + i * bw, y + 2, bw + 0.5, strip - 4),
                           QColor(palette.mix(col, t.surface, min(1.0, v / hi))))
            p.setPen(QPen(QColor(t.muted), 1))
            p.drawRect(QRectF(label_w, y + 2, w, strip - 4))
