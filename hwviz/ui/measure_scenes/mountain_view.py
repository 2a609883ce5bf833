"""The memory mountain painted with QPainter: a surface seen in perspective (the CS:APP figure) or
a flat heatmap, throughput over working set x stride, ridges labelled by cache level. It renders
offscreen like any widget. Hovering or the arrow keys pick one point for the readout.

The picture is painted once into a pixmap and kept until the data, the size, the theme, the font
or the view changes; a repaint (hovering, an expose) copies it and draws the cursor on top."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.base.units import format_size
from hwviz.ui import palette
from hwviz.ui.measure_scenes import tr
from hwviz.ui.measure_scenes.labels import NAME, TICK, TITLE, Labels, scaled_font
from hwviz.ui.theme import THEMES, Theme

SURFACE, HEATMAP = "surface", "heatmap"
#: how far the stride axis runs back (share of the width) and up (share of the height)
DEPTH_X, DEPTH_Y = 0.32, 0.30
#: the far edge is drawn this much smaller than the near one (perspective)
SHRINK = 0.25
#: the peak's height (share of the frame's): the back row's peak then reaches the frame's top
RISE = (1 - DEPTH_Y) / (1 - SHRINK)
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


def log_ticks(lo: float, hi: float) -> list[float]:
    """Values for a log axis from ``lo`` to ``hi``: the powers of ten, with 2 and 5 times them
    when fewer than two powers fall in the range."""
    tens = [10.0 ** k for k in range(-3, 7) if lo <= 10.0 ** k <= hi]
    if len(tens) >= 2:
        return tens
    return [m * 10.0 ** k for k in range(-3, 7) for m in (1, 2, 5) if lo <= m * 10.0 ** k <= hi]


class MountainView(QWidget):
    """Paints a grid ``z[size, stride]`` (GB/s, NaN where not measured yet).

    Signal ``picked(int, int)``: the size and stride index under the pointer or the keyboard
    cursor changed. As last painted: ``ridge_labels`` (label, first size index) and ``labels``
    (every text and its box).
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
        self.ridge_labels: list[tuple[str, int]] = []
        self.labels: list[tuple[str, QRectF]] = []
        self._sx = self._sy = np.zeros((0, 0))   # screen position of each grid point
        self._frame = QRectF()                    # the surface's or the heatmap's area
        self._lo, self._span = 0.0, 1.0           # the height scale: log10 GB/s of the floor, range
        self._version = 0                         # counts set_data calls
        self._key: tuple | None = None            # what the kept picture shows
        self._picture = QPixmap()
        self._dots: dict[int, QPixmap] = {}       # measured points' dots, by colour (_dot)
        self._dots_for: tuple | None = None
        self._dot_center = QPointF()
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.StrongFocus)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(300, 200)

    def set_data(self, sizes: list[int], strides: list[int], z: np.ndarray, levels: list[tuple[str, int]]) -> None:
        """The grid to paint and the cache levels that name its ridges."""
        self.sizes, self.strides, self.z, self.levels = sizes, strides, z, levels
        if self.cursor and (self.cursor[0] >= len(sizes) or self.cursor[1] >= len(strides)):
            self.cursor = None
        finite = z[np.isfinite(z) & (z > 0)]
        lo, hi = (math.log10(finite.min()), math.log10(finite.max())) if finite.size else (0.0, 1.0)
        # from a little under the lowest point (so it stands off the floor) to the peak, on a log
        # scale: a stride-1 sum that the compiler vectorizes runs several times faster than every
        # other stride and would flatten the rest of the mountain
        self._lo = lo - max(0.3, 0.25 * (hi - lo))
        self._span = max(hi - self._lo, 1e-9)
        self._version += 1
        self.update()

    # ---- geometry ----------------------------------------------------------------------------
    def _font(self, factor: float, bold: bool = False) -> QFont:
        return scaled_font(self.font(), self.theme, factor, bold)

    def _share(self, z):
        """Share of the full height for ``z`` GB/s (an array or a number; 0 where not above 0)."""
        z = np.asarray(z, dtype=float)
        with np.errstate(divide="ignore", invalid="ignore"):
            h = (np.log10(np.where(z > 0, z, 1.0)) - self._lo) / self._span
        return np.where(z > 0, np.maximum(h, 0.0), 0.0)

    def _xy(self, i, j, share):
        """Screen x and y of size index ``i``, stride index ``j`` at height ``share`` (numbers or
        arrays) in the surface's frame."""
        r = self._frame
        u = np.asarray(i, dtype=float) / max(1, len(self.sizes) - 1)
        v = np.asarray(j, dtype=float) / max(1, len(self.strides) - 1)
        scale = 1 - SHRINK * v
        base_w = r.width() * (1 - DEPTH_X)
        x = r.left() + v * r.width() * DEPTH_X + u * base_w * scale + (1 - scale) * base_w / 2
        y = r.bottom() - v * r.height() * DEPTH_Y - r.height() * RISE * scale * share
        return x, y

    def _point(self, i, j, share) -> QPointF:
        x, y = self._xy(i, j, share)
        return QPointF(float(x), float(y))

    def _set_frame(self, left: float, top: float, right: float, bottom: float) -> None:
        self._frame = QRectF(left, top, max(10.0, self.width() - left - right),
                             max(10.0, self.height() - top - bottom))

    def _colors(self) -> dict[tuple[int, int], QColor]:
        """Fill of each (level, stride index): the level's colour, farther strides a little
        lighter, so the facets read as a surface."""
        base = palette.level_colors(len(self.levels))
        nj = max(1, len(self.strides) - 1)
        return {(k, j): QColor(palette.mix(c, self.theme.surface, 1 - 0.45 * j / nj))
                for k, c in enumerate(base) for j in range(len(self.strides))}

    # ---- painting ----------------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        key = (self.width(), self.height(), self.devicePixelRatioF(), self.theme, self.mode,
               self._version, self.font().key())
        if key != self._key:
            self._picture = self._render()
            self._key = key
        p = QPainter(self)
        p.drawPixmap(0, 0, self._picture)
        self._paint_cursor(p)
        p.end()

    def _render(self) -> QPixmap:
        """The whole picture but the cursor."""
        dpr = self.devicePixelRatioF()
        pix = QPixmap(max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr)))
        pix.setDevicePixelRatio(dpr)
        pix.fill(QColor(self.theme.surface))
        p = QPainter(pix)
        p.setRenderHint(QPainter.Antialiasing)
        self._text = Labels(p, self.font(), self.theme, self.width())
        self.labels, self.ridge_labels = self._text.boxes, []
        self._sx = self._sy = np.zeros((0, 0))
        if not self.sizes or not self.strides:
            p.setPen(QColor(self.theme.text))
            p.setFont(self._font(TITLE))
            p.drawText(QRectF(0, 0, self.width(), self.height()), Qt.AlignCenter, tr("No points yet."))
        elif self.mode == SURFACE:
            self._paint_surface(p)
        else:
            self._paint_heatmap(p)
        p.end()
        return pix

    def _paint_surface(self, p: QPainter) -> None:
        t = self.theme
        tick = QFontMetricsF(self._font(TICK))
        title_h = QFontMetricsF(self._font(TITLE)).height()
        ridge_h = QFontMetricsF(self._font(NAME, True)).height()
        zmax = float(np.nanmax(self.z)) if np.isfinite(self.z).any() else 1.0
        values = log_ticks(10 ** self._lo, zmax)
        left = title_h + max([tick.horizontalAdvance(f"{v:g}") for v in values] + [0.0]) + 32
        right = tick.horizontalAdvance(tr("stride {n}").format(n=max(self.strides))) + 24
        self._set_frame(left, ridge_h + 16, right, tick.height() + title_h + 16)
        ni, nj = len(self.sizes), len(self.strides)
        ii, jj = np.meshgrid(np.arange(ni), np.arange(nj), indexing="ij")
        self._sx, self._sy = self._xy(ii, jj, self._share(self.z))
        edge = QPen(QColor(t.text), max(1.0, t.pen(0.5)))
        p.setPen(QPen(QColor(t.muted), max(1.0, t.pen(0.5)), Qt.DashLine))   # the floor, for depth
        p.setBrush(Qt.NoBrush)
        p.drawPolygon(QPolygonF([self._point(a, b, 0.0) for a, b in ((0, 0), (ni - 1, 0), (ni - 1, nj - 1), (0, nj - 1))]))
        self._paint_facets(p, edge)
        self._paint_surface_axes(p, values)
        peak = [float(np.nanmax(r)) if np.isfinite(r).any() else 0.0 for r in self.z]
        self._paint_ridges(p, lambda a, b: self._point((a + b) / 2, 0, self._share(max(peak[a], peak[b]))))

    def _paint_facets(self, p: QPainter, edge: QPen) -> None:
        """The quads between measured points, back to front (nearer rows cover farther ones):
        each row's fills (not antialiased: its edges, drawn next in one call, cover the seams),
        then its points."""
        ok = np.isfinite(self.z)
        quad = ok[:-1, :-1] & ok[1:, :-1] & ok[1:, 1:] & ok[:-1, 1:]   # all four corners measured
        pts = [[QPointF(x, y) for x, y in zip(xs, ys)] for xs, ys in zip(self._sx.tolist(), self._sy.tolist())]
        colors = self._colors()
        kind = [level_of(s, self.levels) for s in self.sizes]
        ni, nj = ok.shape
        for j in range(nj - 1, -1, -1):
            drawn = np.flatnonzero(quad[:, j]).tolist() if j < nj - 1 else []
            p.setPen(Qt.NoPen)
            p.setRenderHint(QPainter.Antialiasing, False)
            for i in drawn:
                p.setBrush(colors[kind[i], j])
                p.drawPolygon(QPolygonF([pts[i][j], pts[i + 1][j], pts[i + 1][j + 1], pts[i][j + 1]]))
            p.setRenderHint(QPainter.Antialiasing)
            p.setPen(edge)
            if drawn:
                lines = [QLineF(pts[i][b], pts[i + 1][b]) for i in drawn for b in (j, j + 1)]
                lines += [QLineF(pts[i][j], pts[i][j + 1]) for i in sorted(set(drawn) | {i + 1 for i in drawn})]
                p.drawLines(lines)
            dots = {k: self._dot(colors[k, j]) for k in set(kind)}
            for i in np.flatnonzero(ok[:, j]).tolist():   # measured points stay visible
                p.drawPixmap(pts[i][j] - self._dot_center, dots[kind[i]])

    def _dot(self, color: QColor) -> QPixmap:
        """A measured point: a round dot of ``color`` outlined in the text colour, painted once
        per colour (and again after the theme or the pixel ratio changes)."""
        t, dpr = self.theme, self.devicePixelRatioF()
        if self._dots_for != (t, dpr):
            self._dots, self._dots_for = {}, (t, dpr)
        dot = self._dots.get(color.rgb())
        if dot is None:
            rad = t.pen(1.2) + 2
            side = math.ceil(2 * rad + 2 * t.pen(0.5) + 2)
            dot = QPixmap(round(side * dpr), round(side * dpr))
            dot.setDevicePixelRatio(dpr)
            dot.fill(Qt.transparent)
            q = QPainter(dot)
            q.setRenderHint(QPainter.Antialiasing)
            q.setPen(QPen(QColor(t.text), max(1.0, t.pen(0.5))))
            q.setBrush(color)
            q.drawEllipse(QPointF(side / 2, side / 2), rad, rad)
            q.end()
            self._dots[color.rgb()] = dot
            self._dot_center = QPointF(side / 2, side / 2)
        return dot

    def _paint_surface_axes(self, p: QPainter, values: list[float]) -> None:
        """Titles first (they win any overlap), then the GB/s, stride and size ticks."""
        t = self.theme
        r, ni, nj = self._frame, len(self.sizes), len(self.strides)
        tick = QFontMetricsF(self._font(TICK))
        self._text.write(tr("working set (log scale)  ·  stride in elements"),
                         r.left() + r.width() * (1 - DEPTH_X) / 2, self.height() - 4, 0.5, 1.0, TITLE)
        bottom, top = self._point(0, 0, 0.0), self._point(0, 0, 1.0)
        self._text.turned(tr("GB/s read (log scale)"), r.top(), r.bottom())
        p.setPen(QPen(QColor(t.text), max(1.0, t.pen(0.5))))
        p.drawLine(bottom, top)
        for v in values:
            a = self._point(0, 0, float(self._share(v)))
            p.drawLine(QPointF(a.x() - 8, a.y()), a)
            self._text.write(f"{v:g}", a.x() - 10, a.y(), 1.0, 0.5)
        pitch = r.height() * DEPTH_Y / max(1, nj - 1)
        step = max(1, math.ceil(tick.height() * 1.1 / max(pitch, 1e-9)))
        for j in sorted(set(range(0, nj, step)) | {nj - 1}, reverse=True):
            a = self._point(ni - 1, j, 0.0)
            self._text.write(tr("stride {n}").format(n=self.strides[j]), a.x() + 10, a.y(), 0.0, 0.0)
        width = max(tick.horizontalAdvance(format_size(s)) for s in self.sizes) + tick.height()
        step = max(1, math.ceil(ni * width / max(1.0, r.width() * (1 - DEPTH_X))))
        for i in range(0, ni, step):
            a = self._point(i, 0, 0.0)
            self._text.write(format_size(self.sizes[i]), a.x(), a.y() + 6, 0.5, 0.0)

    def _paint_ridges(self, p: QPainter, top) -> None:
        """A label above the middle of each level's ridge; ``top(a, b)`` is where the ridge of
        sizes ``a`` to ``b`` peaks on screen."""
        colors = palette.level_colors(len(self.levels))
        pen = QPen(QColor(), max(2.0, self.theme.pen(1.2)))
        for name, a, b in regions(self.sizes, self.levels):
            pt = top(a, b)
            box = self._text.write(name, pt.x(), pt.y() - 6, 0.5, 1.0, NAME, True, nudge=True)
            if box is None:
                continue
            pen.setColor(QColor(colors[level_of(self.sizes[a], self.levels)]))
            p.setPen(pen)
            p.drawLine(QPointF(box.left(), box.bottom() + 2), QPointF(box.right(), box.bottom() + 2))
            self.ridge_labels.append((name, a))

    def _paint_heatmap(self, p: QPainter) -> None:
        t = self.theme
        tick = QFontMetricsF(self._font(TICK))
        title_h = QFontMetricsF(self._font(TITLE)).height()
        ridge_h = QFontMetricsF(self._font(NAME, True)).height()
        left = title_h + max(tick.horizontalAdvance(str(s)) for s in self.strides) + 24
        self._set_frame(left, ridge_h + 16, 8, tick.height() + title_h + 16)
        r, ni, nj = self._frame, len(self.sizes), len(self.strides)
        cell = QRectF(0, 0, r.width() / ni, r.height() / nj)
        self._sx = r.left() + (np.arange(ni)[:, None] + 0.5) * cell.width() + np.zeros((1, nj))
        self._sy = r.bottom() - (np.arange(nj)[None, :] + 0.5) * cell.height() + np.zeros((ni, 1))
        # each cell: the first run colour over the surface, from 12 % (no GB/s) to 100 % (the peak)
        share = self.z / (float(np.nanmax(self.z)) if np.isfinite(self.z).any() else 1.0)
        ink, paper = (np.array(QColor(c).getRgb()[:3], dtype=float) for c in (palette.RUNS[0], t.surface))
        amount = (0.12 + 0.88 * np.nan_to_num(share))[..., None]
        rgb = np.rint(ink * amount + paper * (1 - amount)).astype(int).tolist()
        p.setFont(self._font(TICK))
        fits = cell.width() > tick.horizontalAdvance("888") + 4 and cell.height() > tick.height()
        light, dark = QColor("#ffffff"), QColor(t.text)
        for i, j in zip(*np.nonzero(np.isfinite(self.z))):
            rect = cell.translated(self._sx[i, j] - cell.width() / 2, self._sy[i, j] - cell.height() / 2)
            p.fillRect(rect, QColor(*rgb[i][j]))
            if fits:
                p.setPen(light if share[i, j] > 0.5 else dark)
                p.drawText(rect, Qt.AlignCenter, f"{self.z[i, j]:.0f}")
        self._text.write(tr("working set (log scale)  ·  numbers: GB/s read"),
                         r.center().x(), self.height() - 4, 0.5, 1.0, TITLE)
        self._paint_heatmap_axes(p, cell)
        self._paint_ridges(p, lambda a, b: QPointF(self._frame.left() + (a + b + 1) / 2 * cell.width(),
                                                   self._frame.top()))

    def _paint_heatmap_axes(self, p: QPainter, cell: QRectF) -> None:
        """Stride numbers left of the rows under a turned title; sizes under the columns."""
        r = self._frame
        self._text.turned(tr("stride (elements)"), r.top(), r.bottom())
        tick = QFontMetricsF(self._font(TICK))
        for j in range(0, len(self.strides), max(1, math.ceil(tick.height() / max(1.0, cell.height())))):
            self._text.write(str(self.strides[j]), r.left() - 8, self._sy[0, j], 1.0, 0.5)
        step = max(1, math.ceil(len(self.sizes) * (tick.horizontalAdvance("128MiB") + tick.height())
                                / max(1.0, r.width())))
        for i in range(0, len(self.sizes), step):
            self._text.write(format_size(self.sizes[i]), self._sx[i, 0], r.bottom() + 4, 0.5, 0.0)

    def at(self, i: int, j: int) -> QPointF | None:
        """Where grid point (size ``i``, stride ``j``) is on screen, as last painted (None if
        it was not)."""
        if i >= self._sx.shape[0] or j >= self._sx.shape[1]:
            return None
        return QPointF(self._sx[i, j], self._sy[i, j])

    def _paint_cursor(self, p: QPainter) -> None:
        pt = None if self.cursor is None else self.at(*self.cursor)
        if pt is None:
            return
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(QPen(QColor(self.theme.accent), max(2.0, self.theme.pen(1.2))))
        p.setBrush(Qt.NoBrush)
        rad = max(8.0, self.theme.font_size * 0.8)
        p.drawEllipse(pt, rad, rad)

    # ---- picking -----------------------------------------------------------------------------
    def mouseMoveEvent(self, e) -> None:  # noqa: N802 - Qt hook
        """Pick the grid point nearest the pointer."""
        if not self._sx.size:
            return
        pos = e.position()
        d = (self._sx - pos.x()) ** 2 + (self._sy - pos.y()) ** 2
        self.pick(*(int(k) for k in np.unravel_index(np.argmin(d), d.shape)))

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
