"""Painted views of the systolic array: the R x C grid of PEs at one cycle, and the fold map."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

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
    operands entering at the left and top edges (skewed: row i starts i cycles late)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme = THEMES["light"]
        self.state: ArrayState | None = None
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(160, 160)
        self._layout_key: tuple = ()
        self._fills: list[QRectF] = []
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
        r, c = self.state.held.shape
        x0, y0, cell = self.geometry_for(r, c)
        return int(x0 + (j + 0.2) * cell), int(y0 + (i + 0.2) * cell)

    def _layout(self, rows: int, cols: int) -> list[QRectF]:
        """The fill rectangles of every PE (row-major), kept until the size changes: building
        thousands of rectangles per frame would cost more than painting them."""
        key = (self.width(), self.height(), rows, cols)
        if key != self._layout_key:
            x0, y0, cell = self.geometry_for(rows, cols)
            gap = max(1.0, cell * 0.06)
            self._fills = [QRectF(x0 + j * cell + gap / 2, y0 + i * cell + gap / 2, cell - gap, cell - gap)
                           for i in range(rows) for j in range(cols)]
            self._layout_key = key
        return self._fills

    def _value_font(self, cell: float) -> tuple[QFont, float] | None:
        """A fixed-pitch font whose :data:`CHARS` characters span one PE exactly (letter spacing
        makes up the rest), and the gap to centre a glyph in its share; None if too small to read.

        Why: a whole row of PEs is then one ``drawText`` call, about 30 times cheaper than one
        call per PE, which keeps a 32 x 32 array under 8 ms a frame."""
        pitch = cell / CHARS
        font = QFontDatabase.systemFont(QFontDatabase.FixedFont)
        size = int(cell * 0.36)
        while size >= 7:
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
        fitted = self._value_font(cell)
        if fitted is not None:
            font, shift = fitted
            p.setFont(font)
            metrics = QFontMetricsF(font)
            base = (cell + metrics.ascent() - metrics.descent()) / 2
            shown = np.isfinite(s.value) & s.used                    # padding shows no value
            blank = " " * CHARS
            for ink, where in ((QColor(palette.ink_on(ACTIVE)), shown & s.active), (QColor(t.text), shown & ~s.active)):
                p.setPen(ink)
                values = np.where(where, s.value, np.nan).tolist()
                for i, row in enumerate(values):
                    if where[i].any():
                        text = "".join(blank if v != v else self._cell_text(v) for v in row)
                        p.drawText(QPointF(x0 + shift, y0 + i * cell + base), text)
        edge_font = None
        if fitted is not None:
            edge_font = QFont(self.font())
            edge_font.setPixelSize(fitted[0].pixelSize())
        self._paint_edges(p, s, x0, y0, cell, edge_font)
        p.end()

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
