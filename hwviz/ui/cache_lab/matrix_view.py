"""The matrices as cells coloured by where each element's cache line lives now.

Thick lines mark 64-byte (line-size) boundaries; a black frame marks the current access; the
last accesses flash in the colour of the level that served them; a corner mark shows lines a
prefetcher brought in that have not been used yet.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QLineF, QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.sim.lab import LabRun
from hwviz.ui import palette
from hwviz.ui.cache_lab.tooltips import line_tooltip, show_tooltip
from hwviz.ui.theme import THEMES, Theme

FLASH_S = 0.6   # how long a flash fades
FLASHES = 24    # most recent accesses that flash
GAP = 24        # pixels between matrices


@dataclass
class _Placed:
    x: int
    y: int
    cell: int
    rows: int
    cols: int


def _runs(mask: np.ndarray):
    """(start, stop) of each run of True in a 1-D mask."""
    d = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return zip(np.flatnonzero(d == 1), np.flatnonzero(d == -1))


def boundary_segments(lines: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Cell-grid segments (x0, y0, x1, y1) between neighbours on different cache lines,
    merged along each grid line."""
    rows, cols = lines.shape
    segs = []
    vertical = lines[:, 1:] != lines[:, :-1]        # between column j and j + 1
    for j in range(cols - 1):
        segs += [(j + 1, a, j + 1, b) for a, b in _runs(vertical[:, j])]
    horizontal = lines[1:, :] != lines[:-1, :]      # between row i and i + 1
    for i in range(rows - 1):
        segs += [(a, i + 1, b, i + 1) for a, b in _runs(horizontal[i])]
    return segs


class MatrixView(QWidget):
    """Draws one run's matrices; :meth:`show_state` feeds it after each step."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_OpaquePaintEvent)  # paints every pixel: parents need not repaint
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(120, 100)
        self.theme: Theme = THEMES["light"]
        self.run: LabRun | None = None
        self._levels: list[np.ndarray] = []
        self._prefetched: list[np.ndarray] = []
        self._flashes: deque = deque(maxlen=FLASHES)
        self._current = None
        self._segments: list[list] = []
        self._lut = np.zeros(1, np.uint32)
        self._placed_key, self._placed = None, []
        self._overlay_key, self._overlay_pixmap = None, None
        self.headers, self.mark = ("",), ""

    # ---- model ---------------------------------------------------------------------------
    def set_run(self, run: LabRun, mark: str = "") -> None:
        """Show a new run (new matrices or hierarchy); ``mark`` is the colour of the square
        before the title (a race's run colour), "" for none."""
        self.run, self.mark = run, mark
        self._placed_key = self._overlay_key = None
        line = run.hierarchy.line
        self._segments = [boundary_segments(m.addresses() // line) for m in run.matrices]
        self._flashes.clear()
        self._make_lut()
        self.show_state()

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.theme = theme
        self._make_lut()
        self.update()

    def _make_lut(self) -> None:
        if self.run is None:
            return
        colors = palette.fill_colors(len(self.run.hierarchy.levels), self.theme.surface)
        self._lut = np.array([0xFF000000 | int(c[1:], 16) for c in colors], np.uint32)

    def show_state(self, *headers: str) -> None:
        """Read where every element lives, what was just accessed, and repaint; the first of
        ``headers`` (long to short) that fits is drawn above the matrices."""
        self.headers = headers or ("",)
        run = self.run
        state = run.cell_levels()
        self._levels = [lv for lv, _ in state]
        self._prefetched = [pf for _, pf in state]
        now = time.perf_counter()
        ev = run.events[-FLASHES:]
        for addr, level in zip(ev["address"].tolist(), ev["level"].tolist()):
            cell = run.cell_of(addr)
            if cell is not None:
                self._flashes.append((cell, level, now))
        self._current = run.cell_of(int(run.trace.addr[run.pos - 1])) if run.pos else None
        if run.pos == 0:
            self._flashes.clear()
        self.update()

    def cell_rect(self, matrix: int, row: int, col: int) -> QRect:
        """Where a cell is drawn, in widget pixels."""
        p = self._place()[matrix]
        return QRect(p.x + col * p.cell, p.y + row * p.cell, p.cell, p.cell)

    def cell_at(self, x: float, y: float) -> tuple[int, int, int] | None:
        """(matrix, row, col) of the cell under widget point (x, y), or None."""
        if self.run is None:
            return None
        for k, pl in enumerate(self._place()):
            c, r = int((x - pl.x) // pl.cell), int((y - pl.y) // pl.cell)
            if 0 <= r < pl.rows and 0 <= c < pl.cols:
                return k, r, c
        return None

    def tooltip_at(self, pos: QPoint) -> str:
        """Tooltip for the cell at ``pos``: its address, line, set, tag and level ("" off the cells)."""
        cell = self.cell_at(pos.x(), pos.y())
        if cell is None:
            return ""
        k, r, c = cell
        addr = int(self.run.matrices[k].addresses()[r, c])
        return line_tooltip(self.run, addr // self.run.hierarchy.line, addr)

    def event(self, event) -> bool:  # noqa: D102 - Qt hook
        return show_tooltip(self, event, self.tooltip_at) or super().event(event)

    # ---- drawing -------------------------------------------------------------------------
    def _header_font(self, scale: float = 1.2) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(self.theme.font_size * scale)
        f.setBold(True)
        return f

    def _header_height(self) -> int:
        return QFontMetrics(self._header_font()).lineSpacing() + 4

    def _title_height(self) -> int:
        """Height of the name line above each matrix."""
        return int(self.theme.font_size * 2.2)

    def _place(self) -> list[_Placed]:
        key = (self.width(), self.height(), self.theme, id(self.run))
        if self._placed_key != key:
            self._placed_key, self._placed = key, self._compute_place()
        return self._placed

    def _compute_place(self) -> list[_Placed]:
        """Matrices in a grid of equal blocks; the number per row that gives the biggest cells."""
        mats = self.run.matrices
        n, mt, top = len(mats), self._title_height(), self._header_height()
        cols, rows = max(m.cols for m in mats), max(m.rows for m in mats)
        best = None
        for per_row in range(1, n + 1):
            lines = -(-n // per_row)
            cell = min((self.width() - 8 - GAP * (per_row - 1)) // (per_row * cols),
                       (self.height() - top - 8 - lines * mt - GAP * (lines - 1)) // (lines * rows))
            if best is None or cell > best[0]:
                best = (cell, per_row)
        cell, per_row = max(2, best[0]), best[1]
        x0 = (self.width() - per_row * cols * cell - GAP * (per_row - 1)) // 2
        return [_Placed(x0 + (k % per_row) * (cols * cell + GAP),
                        top + mt + (k // per_row) * (rows * cell + mt + GAP), cell, m.rows, m.cols)
                for k, m in enumerate(mats)]

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Draw titles, cells, line boundaries, prefetch marks, flashes and the current access."""
        p = QPainter(self)
        t = self.theme
        p.fillRect(self.rect(), QColor(t.surface))
        if self.run is None or not self._levels:
            return
        for k, pl in enumerate(self._place()):
            rgb = np.ascontiguousarray(self._lut[self._levels[k]])
            img = QImage(rgb.data, pl.cols, pl.rows, 4 * pl.cols, QImage.Format_RGB32)
            p.drawImage(QRect(pl.x, pl.y, pl.cols * pl.cell, pl.rows * pl.cell), img)
            self._draw_prefetched(p, k, pl)
        p.drawPixmap(0, 0, self._overlay())
        self._draw_flashes(p)
        self._draw_header(p)

    def _draw_header(self, p: QPainter) -> None:
        font, text = self._header_choice()
        p.setFont(font)
        fm = QFontMetrics(font)
        x = 4
        if self.mark:
            s = fm.ascent()
            p.fillRect(QRect(x, 2 + fm.lineSpacing() - fm.descent() - s, s, s), QColor(self.mark))
            x += s + 8
        p.setPen(QColor(self.theme.text))
        p.drawText(x, 2 + fm.ascent(), text)

    def _header_room(self, font: QFont) -> int:
        return self.width() - 8 - (QFontMetrics(font).ascent() + 8 if self.mark else 0)

    def _header_choice(self) -> tuple[QFont, str]:
        """The largest header font and the longest form of the title that fit the width."""
        for scale in (1.2, 1.0, 0.8):
            font = self._header_font(scale)
            for text in self.headers:
                if QFontMetrics(font).horizontalAdvance(text) <= self._header_room(font):
                    return font, text
        return font, self.headers[-1]

    def header_text(self) -> str:
        """The title as drawn: the long form if it fits the width, else the short one."""
        return self._header_choice()[1]

    def overflow(self) -> list[str]:
        """Titles that do not fit the width even in their short form (empty when all fit)."""
        font, text = self._header_choice()
        out = [text] if QFontMetrics(font).horizontalAdvance(text) > self._header_room(font) else []
        bold = QFont(self.font())
        bold.setPointSizeF(self.theme.font_size)
        bold.setBold(True)
        for m, pl in zip(self.run.matrices, self._place()) if self.run else ():
            title = self._matrix_title(m, pl)
            if QFontMetrics(bold).horizontalAdvance(title) > pl.cols * pl.cell + GAP:
                out.append(title)
        return out

    def _matrix_title(self, m, pl: _Placed) -> str:
        """"A: 32 x 32 x 8 B", or "A" when the matrix is drawn too narrow for it."""
        bold = QFont(self.font())
        bold.setPointSizeF(self.theme.font_size)
        bold.setBold(True)
        long = f"{m.name}: {m.rows} x {m.cols} x {m.elem} B"
        return long if QFontMetrics(bold).horizontalAdvance(long) <= pl.cols * pl.cell + GAP else m.name

    def _draw_prefetched(self, p: QPainter, k: int, pl: _Placed) -> None:
        pf = np.argwhere(self._prefetched[k])
        if len(pf):
            p.setPen(Qt.NoPen)
            p.setBrush(QColor(palette.PREFETCHED))
            h = max(4, round(pl.cell * 0.6))  # large enough to show past the grid lines
            for r, c in pf.tolist():
                x1, y0 = pl.x + (c + 1) * pl.cell, pl.y + r * pl.cell
                p.drawPolygon(QPolygonF([QPointF(x1 - h, y0), QPointF(x1, y0), QPointF(x1, y0 + h)]))

    def _overlay(self) -> QPixmap:
        """Titles, gaps between elements and line boundaries: drawn once per layout."""
        self._place()
        if self._overlay_key == self._placed_key:
            return self._overlay_pixmap
        ratio = self.devicePixelRatioF()
        pix = QPixmap(int(self.width() * ratio), int(self.height() * ratio))
        pix.setDevicePixelRatio(ratio)
        pix.fill(Qt.transparent)
        p = QPainter(pix)
        t = self.theme
        font = QFont(p.font())
        font.setPointSizeF(t.font_size)
        font.setBold(True)
        p.setFont(font)
        for k, (m, pl) in enumerate(zip(self.run.matrices, self._place())):
            p.setPen(QColor(t.text))
            p.drawText(QRect(pl.x - GAP // 2, pl.y - self._title_height(), pl.cols * pl.cell + GAP,
                             self._title_height() - 2),
                       Qt.AlignHCenter | Qt.AlignBottom, self._matrix_title(m, pl))
            c = pl.cell
            if c >= 8:  # thin gaps between elements
                p.setPen(QPen(QColor(t.surface), 1))
                p.drawLines([QLineF(pl.x + j * c, pl.y, pl.x + j * c, pl.y + pl.rows * c) for j in range(1, pl.cols)]
                            + [QLineF(pl.x, pl.y + i * c, pl.x + pl.cols * c, pl.y + i * c) for i in range(1, pl.rows)])
            p.setPen(QPen(QColor(t.text), min(max(2.0, t.pen(1.2)), max(1.0, c / 4))))  # thin on small cells
            p.drawLines([QLineF(pl.x + x0 * c, pl.y + y0 * c, pl.x + x1 * c, pl.y + y1 * c)
                         for x0, y0, x1, y1 in self._segments[k]])
            p.drawRect(QRectF(pl.x, pl.y, pl.cols * c, pl.rows * c))
        p.end()
        self._overlay_key, self._overlay_pixmap = self._placed_key, pix
        return pix

    def _draw_flashes(self, p: QPainter) -> None:
        now = time.perf_counter()
        newest = self._flashes[-1][2] if self._flashes else now
        colors = palette.level_colors(len(self.run.hierarchy.levels))
        width = max(3.0, self.theme.pen(1.6))
        p.setBrush(Qt.NoBrush)
        dark = QColor(self.theme.text)
        for (k, r, c), level, when in self._flashes:
            # the last batch stays lit while paused; older ones fade. The served level's colour
            # is ringed in the text colour so a hit shows on a cell of its own colour.
            age = 0.0 if when == newest else now - when
            if age >= FLASH_S:
                continue
            alpha = 1.0 - age / FLASH_S
            col = QColor(colors[level])
            col.setAlphaF(alpha)
            dark.setAlphaF(alpha)
            rect = QRectF(self.cell_rect(k, r, c))
            p.setPen(QPen(dark, width + 2))
            p.drawRect(rect.adjusted(-width / 2, -width / 2, width / 2, width / 2))
            p.setPen(QPen(col, width))
            p.drawRect(rect.adjusted(-width / 2, -width / 2, width / 2, width / 2))
        if self._current is not None:
            rect = QRectF(self.cell_rect(*self._current))
            w = max(2.0, self.theme.pen(1.0))
            p.setPen(QPen(QColor(self.theme.accent), w))
            p.drawRect(rect.adjusted(-width - w / 2, -width - w / 2, width + w / 2, width + w / 2))
