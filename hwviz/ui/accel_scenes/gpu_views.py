"""Painted views of the GPU scene: a warp's lanes instruction by instruction, lanes' addresses
grouped into 32-byte sectors, and a GPU's cores with the threads of a small vector on them."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.accel.gpu import WARP, Coalescing, Issue, Occupancy
from hwviz.ui import palette
from hwviz.ui.theme import THEMES, Theme

#: a lane working (bluish green), the if and else paths' marks (blue, vermillion)
ACTIVE = palette.LEVELS[0]
PATHS = {"if": "#0072B2", "else": "#D55E00"}


def idle_color(theme: Theme) -> str:
    """A lane switched off, a core without a thread: grey."""
    return palette.mix(theme.muted, theme.surface, 0.3)


class _View(QWidget):
    """Common parts: a theme, a surface, expanding."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme = THEMES["light"]
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(200, 80)

    def apply_theme(self, theme: Theme) -> None:
        """Repaint in ``theme``."""
        self.theme = theme
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """Wide and short: three views stack."""
        return QSize(800, 200)

    def _painter(self) -> QPainter:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(self.theme.surface))
        return p


class WarpView(_View):
    """Rows of 32 lanes, one per issued instruction up to the current one; the path (if / else)
    marked on the left; lanes off the path greyed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.issues: list[Issue] = []
        self.done = 0

    def show_issues(self, issues: list[Issue], done: int) -> None:
        """Draw the first ``done`` of ``issues`` (the rest as empty rows)."""
        self.issues, self.done = issues, done
        self.update()

    def lane_rect(self, row: int, lane: int) -> QRectF:
        """Where lane ``lane`` of instruction ``row`` is drawn."""
        mark = self.fontMetrics().horizontalAdvance("else 00") + 6
        n = max(len(self.issues), 1)
        cell = min((self.width() - mark - 4) / WARP, (self.height() - 4) / n)
        return QRectF(mark + lane * cell, 2 + row * cell, cell, cell)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Paint the rows issued so far."""
        p = self._painter()
        t = self.theme
        idle = QColor(idle_color(t))
        for row, issue in enumerate(self.issues):
            r0 = self.lane_rect(row, 0)
            if r0.height() >= 8:
                p.setPen(QColor(PATHS[issue.path]))
                p.drawText(QRectF(0, r0.y(), r0.x() - 4, r0.height()), Qt.AlignRight | Qt.AlignVCenter,
                           f"{issue.path} {issue.index + 1}")
            if row >= self.done:
                continue
            for lane in range(WARP):
                r = self.lane_rect(row, lane)
                gap = max(1.0, r.width() * 0.1)
                p.fillRect(r.adjusted(gap / 2, gap / 2, -gap / 2, -gap / 2),
                           QColor(ACTIVE) if issue.active[lane] else idle)
        if 0 < self.done <= len(self.issues):       # the instruction just issued
            first, last = self.lane_rect(self.done - 1, 0), self.lane_rect(self.done - 1, WARP - 1)
            p.setPen(QPen(QColor(t.accent), max(1.0, t.pen(1.2))))
            p.setBrush(Qt.NoBrush)
            p.drawRect(QRectF(first.topLeft(), last.bottomRight()))
        p.end()


class CoalesceView(_View):
    """32 lanes on top, the 32-byte sectors they touch below, a line from each lane to its sector."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.addrs = None
        self.result: Coalescing | None = None

    def show_access(self, addrs, result: Coalescing) -> None:
        """Draw the lanes' ``addrs`` and the sectors of ``result``."""
        self.addrs, self.result = addrs, result
        self.update()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Paint lanes, sectors and the lines between them."""
        p = self._painter()
        t = self.theme
        if self.result is None:
            return
        fm = self.fontMetrics()
        lane_w = (self.width() - 4) / WARP
        box_h = min(lane_w, self.height() / 5)
        sectors = list(self.result.sectors)
        sec_w = (self.width() - 4) / max(len(sectors), 1)
        y_sec = self.height() - box_h - fm.height() - 2
        font = QFont(self.font())
        p.setPen(QPen(QColor(t.muted), max(1.0, t.pen(0.6))))
        index = {s: k for k, s in enumerate(sectors)}
        for lane, a in enumerate(self.addrs.tolist()):
            k = index[a // 32]
            p.drawLine(QPointF(2 + (lane + 0.5) * lane_w, box_h + 2), QPointF(2 + (k + 0.5) * sec_w, y_sec))
        for lane in range(WARP):
            p.fillRect(QRectF(2 + lane * lane_w + 1, 2, lane_w - 2, box_h), QColor(ACTIVE))
        for k in range(len(sectors)):
            p.fillRect(QRectF(2 + k * sec_w + 1, y_sec, max(1.0, sec_w - 2), box_h), QColor(PATHS["if"]))
        p.setFont(font)
        p.setPen(QColor(t.text))
        first, last = sectors[0] * 32, sectors[-1] * 32 + 31
        p.drawText(QRectF(2, y_sec + box_h, self.width() - 4, fm.height() + 2), Qt.AlignLeft,
                   f"0x{first:x}")
        p.drawText(QRectF(2, y_sec + box_h, self.width() - 4, fm.height() + 2), Qt.AlignRight, f"0x{last:x}")
        p.end()


class CoresView(_View):
    """The GPU's cores as a grid of squares, those with a thread in colour."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.occ: Occupancy | None = None

    def show_occupancy(self, occ: Occupancy) -> None:
        """Draw ``occ``."""
        self.occ = occ
        self.update()

    def grid(self) -> tuple[int, float]:
        """``(columns, cell)``: the squares' layout filling the view."""
        n = self.occ.cores
        aspect = self.width() / max(self.height(), 1)
        cols = max(1, math.ceil(math.sqrt(n * aspect)))
        rows = math.ceil(n / cols)
        return cols, min(self.width() / cols, self.height() / rows)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Paint one square per core: busy first, row by row."""
        p = self._painter()
        if self.occ is None:
            return
        cols, cell = self.grid()
        busy, idle = QColor(ACTIVE), QColor(idle_color(self.theme))
        gap = 1.0 if cell >= 4 else 0.0
        for k in range(self.occ.cores):
            r, c = divmod(k, cols)
            p.fillRect(QRectF(c * cell, r * cell, cell - gap, cell - gap), busy if k < self.occ.busy else idle)
        p.end()
