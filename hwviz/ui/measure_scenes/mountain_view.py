"""The memory mountain painted with QPainter: a surface seen in perspective (the CS:APP figure) or
a flat heatmap, throughput over working set x stride, ridges labelled by cache level. It renders
offscreen like any widget. Hovering or the arrow keys pick one point for the readout."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.base.units import format_size
from hwviz.ui import palette
from hwviz.ui.measure_scenes import tr
from hwviz.ui.theme import THEMES, Theme

SURFACE, HEATMAP = "surface", "heatmap"
#: how far the stride axis runs back (share of the width) and up (share of the height)
DEPTH_X, DEPTH_Y = 0.32, 0.30
#: the far edge is drawn this much smaller than the near one (perspective)
SHRINK = 0.25
KEYS = {Qt.Key_Left: (-1, 0), Qt.Key_Right: (1, 0), Qt.Key_Up: (0, 1), Qt.Key_Down: (0, -1)}


def level_of(size: int, levels: list[tuple[str, int]]) -> int:
    """Index of the first cache level ``size`` bytes fit in (``len(levels)``: memory)."""
    for k, (_name, cap) in enumerate(levels):
        if size <= cap:
            return k
    return len(levels)


def regions(sizes: list[int], levels: list[tuple[str, int]]) -> list[tuple[str, int, int]]:
    """(label, first, last size index) of each run of sizes served by one level (or memory)."""
    out: list[tuple[str, int, int]] = []
    for i, s in enumerate(sizes):
        k = level_of(s, levels)
        name = levels[k][0] if k < len(levels) else tr("memory")
        if out and out[-1][0] == name:
            out[-1] = (name, out[-1][1], i)
        else:
            out.append((name, i, i))
    return out


class MountainView(QWidget):
    """Paints a grid ``z[size, stride]`` (GB/s, NaN where not measured yet).

    Signal ``picked(int, int)``: the size and stride index under the pointer or the keyboard
    cursor changed.
    """

    picked = Signal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme: Theme = THEMES["light"]
        self.mode = SURFACE
        self.sizes: list[int] = []
        self.strides: list[int] = []
        self.z = np.zeros((0, 0))
        self.levels: list[tuple[str, int]] = []
        self.cursor: tuple[int, int] | None = None
        self.ridge_labels: list[tuple[str, int]] = []   # (label, size index), as last painted
        self._screen: dict[tuple[int, int], QPointF] = {}
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(300, 200)

    def set_data(self, sizes: list[int], strides: list[int], z: np.ndarray, levels: list[tuple[str, int]]) -> None:
        """The grid to paint and the cache levels that name its ridges."""
        self.sizes, self.strides, self.z, self.levels = sizes, strides, z, levels
        if self.cursor and (self.cursor[0] >= len(sizes) or self.cursor[1] >= len(strides)):
            self.cursor = None
        self.update()

    # ---- geometry ----------------------------------------------------------------------------
    def _font(self, factor: float = 0.9, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(self.theme.font_size * factor)
        f.setBold(bold)
        return f

    def _zmax(self) -> float:
        finite = self.z[np.isfinite(self.z)]
        return float(finite.max()) if finite.size else 1.0

    def _height(self, z: float) -> float:
        """Share of the full height for ``z`` GB/s: a log scale from a little under the lowest
        point (so it stands off the floor) to the peak, because a stride-1 sum that the compiler vectorizes runs several
        times faster than every other stride and would flatten the rest of the mountain."""
        finite = self.z[np.isfinite(self.z) & (self.z > 0)]
        if not finite.size or z <= 0:
            return 0.0
        lo, hi = math.log10(finite.min()), math.log10(finite.max())
        lo -= max(0.3, 0.25 * (hi - lo))
        return max(0.0, (math.log10(z) - lo) / max(hi - lo, 1e-9))

    def _frame(self) -> QRectF:
        fm = QFontMetricsF(self._font())
        m = fm.height() * 1.5
        return QRectF(m * 2.6, m * 1.8, max(10.0, self.width() - m * 5.2), max(10.0, self.height() - m * 3.6))

    def _project(self, i: float, j: float, z: float) -> QPointF:
        """Screen point of size index ``i``, stride index ``j``, throughput ``z``."""
        r = self._frame()
        ni, nj = max(1, len(self.sizes) - 1), max(1, len(self.strides) - 1)
        u, v = i / ni, j / nj
        scale = 1 - SHRINK * v
        base_w = r.width() * (1 - DEPTH_X)
        x = r.left() + v * r.width() * DEPTH_X + u * base_w * scale + (1 - scale) * base_w / 2
        floor = r.bottom() - v * r.height() * DEPTH_Y
        height = r.height() * (1 - DEPTH_Y) * scale
        return QPointF(x, floor - height * self._height(z))

    def _cell(self, i: int, j: int) -> QRectF:
        r = self._frame()
        w, h = r.width() / max(1, len(self.sizes)), r.height() / max(1, len(self.strides))
        return QRectF(r.left() + i * w, r.bottom() - (j + 1) * h, w, h)

    def _color(self, i: int, j: int) -> QColor:
        k = level_of(self.sizes[i], self.levels)
        base = QColor(palette.level_colors(len(self.levels))[k])
        # farther strides a little lighter, so the facets read as a surface
        return QColor(palette.mix(base.name(), self.theme.surface, 1 - 0.45 * j / max(1, len(self.strides) - 1)))

    # ---- painting ----------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor(self.theme.surface))
        self._screen = {}
        if not self.sizes or not self.strides:
            p.setPen(QColor(self.theme.text))
            p.setFont(self._font())
            p.drawText(self.rect(), Qt.AlignCenter, tr("No points yet."))
            p.end()
            return
        if self.mode == SURFACE:
            self._paint_surface(p)
        else:
            self._paint_heatmap(p)
        self._paint_cursor(p)
        p.end()

    def _paint_surface(self, p: QPainter) -> None:
        t = self.theme
        edge = QPen(QColor(t.text), max(1.0, t.pen(0.5)))
        z = self.z
        ni, nj = len(self.sizes) - 1, len(self.strides) - 1
        p.setPen(QPen(QColor(t.muted), max(1.0, t.pen(0.5)), Qt.DashLine))   # the floor, for depth
        p.setBrush(Qt.NoBrush)
        p.drawPolygon(QPolygonF([self._project(a, b, 0) for a, b in ((0, 0), (ni, 0), (ni, nj), (0, nj))]))
        for j in range(len(self.strides) - 1, -1, -1):      # back to front: nearer quads cover
            for i in range(len(self.sizes)):
                self._screen[(i, j)] = self._project(i, j, z[i, j] if np.isfinite(z[i, j]) else 0.0)
            if j == len(self.strides) - 1:
                continue
            for i in range(len(self.sizes) - 1):
                corners = [(i, j), (i + 1, j), (i + 1, j + 1), (i, j + 1)]
                if not all(np.isfinite(z[c]) for c in corners):
                    continue
                poly = QPolygonF([self._project(a, b, z[a, b]) for a, b in corners])
                p.setPen(edge)
                p.setBrush(self._color(i, j))
                p.drawPolygon(poly)
        for (i, j), pt in self._screen.items():                # measured points stay visible
            if np.isfinite(z[i, j]):
                p.setPen(edge)
                p.setBrush(self._color(i, j))
                p.drawEllipse(pt, t.pen(1.2) + 2, t.pen(1.2) + 2)
        self._paint_surface_axes(p)
        self._paint_ridges(p, lambda i: self._project(i, 0, self._peak(i)))

    def _peak(self, i: int) -> float:
        row = self.z[i]
        return float(np.nanmax(row)) if np.isfinite(row).any() else 0.0

    def _paint_surface_axes(self, p: QPainter) -> None:
        t = self.theme
        p.setPen(QColor(t.text))
        p.setFont(self._font(0.8))
        fm = QFontMetricsF(p.font())
        label_w = fm.horizontalAdvance("128MiB ")
        step = max(1, math.ceil(len(self.sizes) * label_w / max(1.0, self._frame().width() * 0.7)))
        for i in range(0, len(self.sizes), step):
            a = self._project(i, 0, 0)
            text = format_size(self.sizes[i])
            p.drawText(QPointF(a.x() - fm.horizontalAdvance(text) / 2, a.y() + fm.height()), text)
        last = len(self.sizes) - 1
        for j in range(0, len(self.strides), max(1, len(self.strides) // 4)):
            a = self._project(last, j, 0)
            p.drawText(QPointF(a.x() + 6, a.y() + fm.ascent() / 2), tr("s{n}").format(n=self.strides[j]))
        zmax = self._zmax()
        for v in (10.0 ** k for k in range(-2, 5)):
            if v > zmax or self._height(v) <= 0:
                continue
            a = self._project(0, 0, v)
            text = f"{v:g}"
            p.drawText(QPointF(a.x() - fm.horizontalAdvance(text) - 8, a.y() + fm.ascent() / 2), text)
        self._caption(p, tr("working set (front, log scale)  ·  stride in elements (back)  ·  "
                            "height: GB/s read (log scale)"))

    def _caption(self, p: QPainter, text: str) -> None:
        r = self._frame()
        p.setPen(QColor(self.theme.text))
        p.setFont(self._font(0.9))
        fm = QFontMetricsF(p.font())
        p.drawText(QRectF(0, r.bottom() + fm.height() * 1.0, self.width(), fm.height() * 1.6), Qt.AlignHCenter, text)

    def _paint_ridges(self, p: QPainter, top) -> None:
        """A label above the middle of each level's ridge; ``top(i)`` is where size ``i``'s
        ridge peaks on screen."""
        self.ridge_labels = []
        p.setFont(self._font(1.0, True))
        fm = QFontMetricsF(p.font())
        colors = palette.level_colors(len(self.levels))
        for name, a, b in regions(self.sizes, self.levels):
            mid = (a + b) / 2
            pt = top(mid) if self.mode == HEATMAP else self._project(mid, 0, max(self._peak(a), self._peak(b)))
            k = level_of(self.sizes[a], self.levels)
            w = fm.horizontalAdvance(name)
            x = min(max(pt.x() - w / 2, 0.0), self.width() - w)
            back = QColor(self.theme.surface)
            back.setAlphaF(0.8)   # legible over the surface behind it
            p.fillRect(QRectF(x - 3, pt.y() - fm.height() - 6, w + 6, fm.height() + 2), back)
            p.setPen(QColor(self.theme.text))
            p.drawText(QPointF(x, pt.y() - fm.descent() - 6), name)
            p.setPen(QPen(QColor(colors[k]), max(2.0, self.theme.pen(1.2))))
            p.drawLine(QPointF(x, pt.y() - 3), QPointF(x + w, pt.y() - 3))
            self.ridge_labels.append((name, a))

    def _paint_heatmap(self, p: QPainter) -> None:
        t = self.theme
        zmax = self._zmax()
        p.setFont(self._font(0.75))
        fm = QFontMetricsF(p.font())
        for i in range(len(self.sizes)):
            for j in range(len(self.strides)):
                rect = self._cell(i, j)
                self._screen[(i, j)] = rect.center()
                v = self.z[i, j]
                if not np.isfinite(v):
                    p.fillRect(rect, QColor(t.surface))
                    continue
                p.fillRect(rect, QColor(palette.mix(palette.RUNS[0], t.surface, 0.12 + 0.88 * v / zmax)))
                if rect.width() > fm.horizontalAdvance("888") and rect.height() > fm.height():
                    p.setPen(QColor("#ffffff" if v / zmax > 0.5 else t.text))
                    p.drawText(rect, Qt.AlignCenter, f"{v:.0f}")
        p.setPen(QColor(t.text))
        step = max(1, math.ceil(len(self.sizes) * fm.horizontalAdvance("128MiB ") / max(1.0, self._frame().width())))
        for i in range(0, len(self.sizes), step):
            r = self._cell(i, 0)
            p.drawText(QRectF(r.left() - r.width(), r.bottom(), r.width() * 3, fm.height() * 1.2),
                       Qt.AlignHCenter, format_size(self.sizes[i]))
        for j in range(len(self.strides)):
            r = self._cell(0, j)
            if j % max(1, math.ceil(fm.height() / max(1.0, r.height()))) == 0:
                p.drawText(QRectF(0, r.top(), r.left() - 6, r.height()), Qt.AlignRight | Qt.AlignVCenter,
                           tr("s{n}").format(n=self.strides[j]))
        self._caption(p, tr("working set (log scale)  ·  stride in elements  ·  numbers: GB/s read"))
        self._paint_ridges(p, lambda i: QPointF(self._cell(0, 0).left() + (i + 0.5) * self._cell(0, 0).width(),
                                                self._frame().top()))

    def _paint_cursor(self, p: QPainter) -> None:
        if self.cursor is None or self.cursor not in self._screen:
            return
        pt = self._screen[self.cursor]
        p.setPen(QPen(QColor(self.theme.accent), max(2.0, self.theme.pen(1.2))))
        p.setBrush(Qt.NoBrush)
        rad = max(8.0, self.theme.font_size * 0.8)
        p.drawEllipse(pt, rad, rad)

    # ---- picking -----------------------------------------------------------------------------
    def mouseMoveEvent(self, e) -> None:  # noqa: N802 - Qt hook
        """Pick the grid point nearest the pointer."""
        if not self._screen:
            return
        pos = e.position()
        pts = self._screen
        best = min(pts, key=lambda k: (pts[k].x() - pos.x()) ** 2 + (pts[k].y() - pos.y()) ** 2)
        self.pick(*best)

    def pick(self, i: int, j: int) -> None:
        """Put the cursor on size index ``i``, stride index ``j``."""
        i = min(max(i, 0), len(self.sizes) - 1)
        j = min(max(j, 0), len(self.strides) - 1)
        if (i, j) != self.cursor:
            self.cursor = (i, j)
            self.update()
            self.picked.emit(i, j)

    def event(self, e) -> bool:  # noqa: D102 - Qt hook: the arrows move the cursor here
        if e.type() == QEvent.ShortcutOverride and e.key() in KEYS:
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e) -> None:  # noqa: N802 - Qt hook
        """Arrow keys move the cursor over the grid."""
        if e.key() not in KEYS or not self.sizes:
            super().keyPressEvent(e)
            return
        di, dj = KEYS[e.key()]
        i, j = self.cursor or (0, 0)
        self.pick(i + di, j + dj)
