"""Painted views of the systolic array: the R x C grid of PEs at one cycle, and the fold map."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from hwviz.accel.systolic.plan import SystolicPlan
from hwviz.accel.systolic.timeline import ArrayState
from hwviz.ui import palette
from hwviz.ui.accel_scenes import tr
from hwviz.ui.theme import THEMES, Theme

#: a PE doing a useful multiply-accumulate this cycle: bluish green
ACTIVE = palette.LEVELS[0]
#: operands entering at the left edge (orange) and the top edge (sky blue)
LEFT_IN, TOP_IN = palette.LEVELS[2], palette.LEVELS[1]
#: characters of a PE's value: "-1234", "5e+04"
CHARS = 5
#: ws / is: the band across the top of each PE that shows its stationary value, as a share of the PE
BAND = 0.42
#: shades of the band when its number cannot be written (lightest: smallest value); see :func:`band_shades`
SHADES = 5


def band_shades(theme: Theme) -> list[str]:
    """The band's fills from the smallest stationary value to the largest: sky blue (the colour
    the stationary tile entered with) from faint to full."""
    return [palette.mix(TOP_IN, theme.surface, 0.3 + 0.7 * k / (SHADES - 1)) for k in range(SHADES)]


def shade_levels(held: np.ndarray) -> np.ndarray:
    """Each stationary value's shade, 0 to ``SHADES - 1``, spread over the values' range
    (-1 where the PE holds nothing)."""
    ok = np.isfinite(held)
    if not ok.any():
        return np.full(held.shape, -1)
    lo, hi = float(held[ok].min()), float(held[ok].max())
    scaled = (np.where(ok, held, lo) - lo) / (hi - lo) if hi > lo else np.zeros(held.shape)
    return np.where(ok, np.minimum((scaled * SHADES).astype(int), SHADES - 1), -1)


def pe_colors(theme: Theme) -> dict[str, str]:
    """Fills of a PE: ``active`` (working), ``idle`` (mapped, waiting: light grey) and
    ``padding`` (not mapped in this fold: darker grey)."""
    return {"active": ACTIVE, "idle": palette.mix(theme.muted, theme.surface, 0.12),
            "padding": palette.mix(theme.muted, theme.surface, 0.45)}


def short(v: float) -> str:
    """A PE's value in at most about 4 characters."""
    if not math.isfinite(v):
        return ""
    a = abs(v)
    if a < 1e4 and float(v).is_integer():
        return f"{v:.0f}"
    if a < 100:
        return f"{v:.3g}"
    return f"{v:.2g}"


class ArrayView(QWidget):
    """The array at one cycle: each PE coloured by what it does, its value written in it, and the
    operands entering at the left and top edges (skewed: row i starts i cycles late).

    Weight and input stationary: a band across the top of each PE shows the value it holds (the
    weight, or the input), the number below it is the partial sum moving down. Where the numbers
    do not fit (a 32 x 32 array), the band's shade stands for the stationary value and the
    tooltip of each PE gives both numbers."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme = THEMES["light"]
        self.state: ArrayState | None = None
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(160, 160)
        self._layout_key: tuple = ()
        self._fills: list[QRectF] = []
        self._bands: list[QRectF] = []
        self._texts: dict[float, str] = {}

    def apply_theme(self, theme: Theme) -> None:
        """Repaint in ``theme``."""
        self.theme = theme
        self.update()

    def show_state(self, state: ArrayState) -> None:
        """Draw ``state`` at the next paint."""
        self.state = state
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """Square, room for a 16 x 16 array at a readable size."""
        return QSize(480, 480)

    def geometry_for(self, rows: int, cols: int) -> tuple[float, float, float]:
        """``(x0, y0, cell)``: the grid's top-left corner and the side of one PE in pixels (one
        extra cell on the left and top holds the entering operands)."""
        cell = min(self.width() / (cols + 1.3), self.height() / (rows + 1.3))
        x0 = (self.width() - cell * (cols + 1.3)) / 2 + cell * 1.3
        y0 = (self.height() - cell * (rows + 1.3)) / 2 + cell * 1.3
        return x0, y0, cell

    def fill_point(self, i: int, j: int) -> tuple[int, int]:
        """A pixel of PE (i, j)'s fill, clear of its text (near its top-left corner)."""
        return self._pe_point(i, j, 0.9 if self.stationary else 0.2)

    def _pe_point(self, i: int, j: int, down: float) -> tuple[int, int]:
        """The pixel near the left edge of PE (i, j), ``down`` of the way from its top."""
        r, c = self.state.held.shape
        x0, y0, cell = self.geometry_for(r, c)
        return int(x0 + (j + 0.12) * cell), int(y0 + (i + down) * cell)

    def _layout(self, rows: int, cols: int) -> list[QRectF]:
        """The fill rectangles of every PE (row-major), kept until the size changes: building
        thousands of rectangles per frame would cost more than painting them."""
        key = (self.width(), self.height(), rows, cols)
        if key != self._layout_key:
            x0, y0, cell = self.geometry_for(rows, cols)
            gap = max(1.0, cell * 0.06)
            self._fills = [QRectF(x0 + j * cell + gap / 2, y0 + i * cell + gap / 2, cell - gap, cell - gap)
                           for i in range(rows) for j in range(cols)]
            self._bands = [QRectF(r.x(), r.y(), r.width(), cell * BAND - gap / 2) for r in self._fills]
            self._layout_key = key
        return self._fills

    @property
    def stationary(self) -> bool:
        """True in weight and input stationary, where each PE shows what it holds and its partial sum."""
        return self.state is not None and self.state.value is not self.state.held

    def pe_at(self, x: float, y: float) -> tuple[int, int] | None:
        """The PE under pixel ``(x, y)``, or None."""
        if self.state is None:
            return None
        rows, cols = self.state.held.shape
        x0, y0, cell = self.geometry_for(rows, cols)
        i, j = math.floor((y - y0) / cell), math.floor((x - x0) / cell)
        return (i, j) if 0 <= i < rows and 0 <= j < cols else None

    def pe_tooltip(self, i: int, j: int) -> str:
        """What PE (i, j) holds and computes this cycle, in words."""
        s = self.state
        what = tr("PE ({i}, {j}), {state}").format(i=i, j=j, state=tr("multiplying") if s.active[i, j] else (
            tr("idle") if s.used[i, j] else tr("padding")))
        if not self.stationary:
            return what + "\n" + tr("accumulator (stays): {v}").format(v=short(s.value[i, j]) or "-")
        return "\n".join((what, tr("stationary value (stays): {v}").format(v=short(s.held[i, j]) or "-"),
                           tr("partial sum (moves down): {v}").format(v=short(s.value[i, j]) or "-")))

    def event(self, e) -> bool:  # noqa: D102 - Qt hook: each PE's tooltip
        if e.type() == QEvent.ToolTip:
            pe = self.pe_at(e.pos().x(), e.pos().y())
            if pe is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(e.globalPos(), self.pe_tooltip(*pe), self)
            return True
        return super().event(e)

    def _value_font(self, cell: float, lines: int = 1) -> tuple[QFont, float] | None:
        """A fixed-pitch font whose :data:`CHARS` characters span one PE exactly (letter spacing
        makes up the rest), and the gap to centre a glyph in its share; None if too small to read.

        Why: a whole row of PEs is then one ``drawText`` call, about 30 times cheaper than one
        call per PE, which keeps a 32 x 32 array under 8 ms a frame."""
        pitch = cell / CHARS
        font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        size = int(cell * (0.36 if lines == 1 else 0.34))
        while size >= (7 if lines == 1 else 9):   # two numbers a PE: smaller is unreadable, shades instead
            font.setPixelSize(size)
            w0 = QFontMetricsF(font).horizontalAdvance("0")
            if w0 <= pitch:
                font.setLetterSpacing(QFont.AbsoluteSpacing, pitch - w0)
                return font, (pitch - w0) / 2
            size -= 1
        return None

    def _cell_text(self, value: float) -> str:
        """``value`` centred in :data:`CHARS` characters (blank if not finite), kept for the
        next frames: values repeat from frame to frame."""
        text = self._texts.get(value)
        if text is None:
            if len(self._texts) > 8192:
                self._texts.clear()
            text = self._texts[value] = short(value)[:CHARS].center(CHARS)
        return text

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Paint the grid, the values and the edge inputs."""
        p = QPainter(self)
        t = self.theme
        p.fillRect(self.rect(), QColor(t.surface))
        s = self.state
        if s is None:
            return
        rows, cols = s.held.shape
        x0, y0, cell = self.geometry_for(rows, cols)
        fills = self._layout(rows, cols)
        colors = pe_colors(t)
        kind = np.where(s.active, 0, np.where(s.used, 1, 2)).ravel()
        p.setPen(Qt.NoPen)
        for k, name in enumerate(("active", "idle", "padding")):   # one call per colour
            p.setBrush(QColor(colors[name]))
            p.drawRects([fills[n] for n in np.flatnonzero(kind == k).tolist()])
        stationary = self.stationary
        fitted = self._value_font(cell, 2 if stationary else 1)
        held = np.isfinite(s.held) & s.used
        if stationary:
            self._paint_bands(p, held, fitted is None)
        if fitted is not None:
            font, shift = fitted
            p.setFont(font)
            metrics = QFontMetricsF(font)
            glyph = metrics.ascent() - metrics.descent()
            top = cell * BAND if stationary else 0.0
            base = top + (cell - top + glyph) / 2
            shown = np.isfinite(s.value) & s.used                    # padding shows no value
            for ink, where in ((QColor(palette.ink_on(ACTIVE)), shown & s.active), (QColor(t.text), shown & ~s.active)):
                self._paint_rows(p, ink, where, s.value, x0 + shift, y0 + base, cell)
            if stationary:
                self._paint_rows(p, QColor(palette.ink_on(TOP_IN)), held, s.held, x0 + shift,
                                 y0 + (cell * BAND + glyph) / 2, cell)
        edge_font = None
        if fitted is not None:
            edge_font = QFont(self.font())
            edge_font.setPixelSize(fitted[0].pixelSize())
        self._paint_edges(p, s, x0, y0, cell, edge_font)
        p.end()

    def _paint_rows(self, p: QPainter, ink: QColor, where: np.ndarray, values: np.ndarray, x: float, y: float,
                    cell: float) -> None:
        """``values`` where ``where`` holds, one ``drawText`` per row of PEs, baseline ``y`` in row 0."""
        p.setPen(ink)
        blank = " " * CHARS
        for i, row in enumerate(np.where(where, values, np.nan).tolist()):
            if where[i].any():
                p.drawText(QPointF(x, y + i * cell), "".join(blank if v != v else self._cell_text(v) for v in row))

    def _paint_bands(self, p: QPainter, held: np.ndarray, shaded: bool) -> None:
        """The band of every PE holding a stationary value: one shade when its number is written
        in it, otherwise a shade per value (one ``drawRects`` call per shade)."""
        shades = band_shades(self.theme)
        level = shade_levels(np.where(held, self.state.held, np.nan)).ravel() if shaded else \
            np.where(held.ravel(), SHADES - 1, -1)
        p.setPen(Qt.NoPen)
        for k in range(SHADES):
            picked = np.flatnonzero(level == k).tolist()
            if picked:
                p.setBrush(QColor(shades[k]))
                p.drawRects([self._bands[n] for n in picked])

    def band_point(self, i: int, j: int) -> tuple[int, int]:
        """A pixel of PE (i, j)'s stationary band, clear of its text (near its top-left corner)."""
        return self._pe_point(i, j, 0.12)

    def _paint_edges(self, p: QPainter, s: ArrayState, x0: float, y0: float, cell: float, font) -> None:
        """The operands entering this cycle: a box left of each row and above each column."""
        side = cell * 0.8
        for values, color, horizontal in ((s.left_in, LEFT_IN, True), (s.top_in, TOP_IN, False)):
            fill = QColor(color)
            ink = QColor(palette.ink_on(color))
            for n, v in enumerate(values):
                if not math.isfinite(v):
                    continue
                if horizontal:
                    r = QRectF(x0 - cell * 1.2, y0 + n * cell + (cell - side) / 2, side * 1.25, side)
                else:
                    r = QRectF(x0 + n * cell + (cell - side) / 2, y0 - cell * 1.2, side, side * 1.25)
                p.setPen(Qt.NoPen)
                p.setBrush(fill)
                p.drawRect(r)
                if font is not None:
                    p.setPen(ink)
                    p.drawText(r, Qt.AlignCenter, short(v))


class FoldMapView(QWidget):
    """Which tile of the problem runs when: one box per fold, its run order written in it, the
    finished ones muted, the one on the array in colour, the padded part of edge tiles hatched."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme = THEMES["light"]
        self.plan: SystolicPlan | None = None
        self.current = 0
        self.setMinimumHeight(90)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)

    def apply_theme(self, theme: Theme) -> None:
        """Repaint in ``theme``."""
        self.theme = theme
        self.update()

    def show_fold(self, plan: SystolicPlan, current: int) -> None:
        """Highlight fold ``current`` of ``plan``."""
        if plan is not self.plan or current != self.current:
            self.plan, self.current = plan, current
            self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """Room for a few tiles."""
        return QSize(240, 160)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Paint the tiles of the problem at their true proportions (Sr x Sc, padding included)."""
        p = QPainter(self)
        t = self.theme
        p.fillRect(self.rect(), QColor(t.surface))
        plan = self.plan
        if plan is None:
            return
        rf, cf = plan.row_folds, plan.col_folds
        cell = min((self.width() - 4) / cf, (self.height() - 4) / rf)
        x0, y0 = (self.width() - cell * cf) / 2, (self.height() - cell * rf) / 2
        sr, sc, _ = plan.spatial
        font = QFont(self.font())
        font.setPixelSize(max(6, int(cell * 0.4)))
        p.setFont(font)
        muted = QColor(palette.mix(t.muted, t.surface, 0.35))
        pad = QBrush(QColor(t.muted), Qt.BDiagPattern)
        for r in range(rf):
            for c in range(cf):
                index = c * rf + r
                box = QRectF(x0 + c * cell + 1, y0 + r * cell + 1, cell - 2, cell - 2)
                fill = QColor(ACTIVE) if index == self.current else (muted if index < self.current else QColor(t.surface))
                p.setPen(QPen(QColor(t.text), 1))
                p.setBrush(fill)
                p.drawRect(box)
                used_r = min(plan.rows, sr - r * plan.rows) / plan.rows
                used_c = min(plan.cols, sc - c * plan.cols) / plan.cols
                if used_r < 1 or used_c < 1:   # the padded part of an edge tile
                    p.setPen(Qt.NoPen)
                    p.setBrush(pad)
                    p.drawRect(QRectF(box.x() + box.width() * used_c, box.y(), box.width() * (1 - used_c), box.height()))
                    p.drawRect(QRectF(box.x(), box.y() + box.height() * used_r, box.width() * used_c,
                                      box.height() * (1 - used_r)))
                if cell >= 14:
                    p.setPen(QColor(palette.ink_on(fill.name())))
                    p.drawText(box, Qt.AlignCenter, str(index + 1))
        p.end()

    def tooltip_text(self) -> str:
        """What the map shows, for its tooltip."""
        return tr("Fold map: tile rows x tile columns in run order; hatched: padding to the array's size")
