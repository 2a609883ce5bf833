"""An nsys-like picture of two timelines, one above the other on one time axis: per timeline a
CPU row, a copy-engine row and a GPU-compute row, the totals and the GPU's idle share written
beside them."""

from __future__ import annotations

import re

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.accel.transfer import ROWS, Timeline
from hwviz.base.units import format_ns
from hwviz.ui import palette
from hwviz.ui.accel_scenes import tr
from hwviz.ui.theme import THEMES, Theme

#: bar colours (Okabe-Ito): copies in blue / sky blue, kernels green, launches orange,
#: staging vermillion, waiting grey
KIND_COLORS = {"h2d": "#0072B2", "d2h": "#56B4E9", "kernel": "#009E73", "launch": "#E69F00",
               "staging": "#D55E00", "wait": None}


def kind_names() -> dict[str, str]:
    """What each bar is, in words (the legend)."""
    return {"h2d": tr("copy host to device"), "d2h": tr("copy device to host"), "kernel": tr("kernel"),
            "launch": tr("kernel launch"), "staging": tr("staging copy (pageable)"), "wait": tr("CPU waiting")}


def row_names() -> dict[str, str]:
    """The rows' names."""
    return {"cpu": tr("CPU"), "copy": tr("copy engine"), "gpu": tr("GPU compute")}



def timeline_name(name: str) -> str:
    """A modelled timeline's name (:mod:`hwviz.accel.transfer`) in words."""
    fixed = {"one copy each way": tr("one copy each way"),
             "loss copied back every step": tr("loss copied back every step"),
             "losses copied back once": tr("losses copied back once"), "pinned memory": tr("pinned memory"),
             "pageable memory (staged)": tr("pageable memory (staged)")}
    m = re.fullmatch(r"(\d+) copies each way", name)
    return fixed[name] if name in fixed else tr("{n} copies each way").format(n=m[1])

class TransferView(QWidget):
    """Two timelines on one time axis (the longer one fills the width)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme = THEMES["light"]
        self.timelines: tuple[Timeline, ...] = ()
        self.cursor = 0.0
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(300, 240)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """Wide and short, like a profiler's timeline."""
        return QSize(900, 420)

    def apply_theme(self, theme: Theme) -> None:
        """Repaint in ``theme``."""
        self.theme = theme
        self.update()

    def show_timelines(self, timelines: tuple[Timeline, ...]) -> None:
        """Draw ``timelines`` (the habit first, the better way second)."""
        self.timelines = timelines
        self.update()

    def set_cursor(self, seconds: float) -> None:
        """Show what happened up to ``seconds``: bars are cut there and a line marks it."""
        if seconds != self.cursor:
            self.cursor = seconds
            self.update()

    def summary(self, tl: Timeline) -> str:
        """The line written over a timeline: its name, total and the GPU's idle share."""
        return tr("{name}: total {total}, GPU busy {busy}, GPU idle {idle:.0f} %").format(
            name=timeline_name(tl.name), total=format_ns(tl.total * 1e9), busy=format_ns(tl.gpu_busy * 1e9),
            idle=100 * tl.gpu_idle_fraction)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Paint the rows, the bars, the summaries and the time axis."""
        p = QPainter(self)
        t = self.theme
        p.fillRect(self.rect(), QColor(t.surface))
        if not self.timelines:
            return
        font = QFont(self.font())
        p.setFont(font)
        fm = QFontMetrics(font)
        line = fm.height()
        names = row_names()
        label_w = max(fm.horizontalAdvance(n) for n in names.values()) + line
        span = max(tl.total for tl in self.timelines)
        axis_h = line * 2
        block = (self.height() - axis_h) / len(self.timelines)
        row_h = max(6.0, (block - line * 1.6) / len(ROWS))
        x0, width = label_w, self.width() - label_w - line
        for k, tl in enumerate(self.timelines):
            top = k * block
            p.setPen(QColor(t.text))
            bold = QFont(font)
            bold.setBold(True)
            p.setFont(bold)
            p.drawText(QRectF(0, top, self.width(), line * 1.4), Qt.AlignLeft | Qt.AlignVCenter, self.summary(tl))
            p.setFont(font)
            for r, row in enumerate(ROWS):
                y = top + line * 1.5 + r * row_h
                p.setPen(QColor(t.text))
                p.drawText(QRectF(0, y, label_w - line / 2, row_h), Qt.AlignRight | Qt.AlignVCenter, names[row])
                p.setPen(QPen(QColor(t.muted), 1))
                p.drawLine(int(x0), int(y + row_h), int(x0 + width), int(y + row_h))
                for e in tl.events:
                    if e.row != row or e.start > self.cursor:
                        continue
                    color = KIND_COLORS[e.kind] or palette.mix(t.muted, t.surface, 0.3)
                    end = min(e.end, self.cursor)
                    bar = QRectF(x0 + width * e.start / span, y + row_h * 0.15,
                                 max(1.0, width * (end - e.start) / span), row_h * 0.7)
                    p.fillRect(bar, QColor(color))
        if self.cursor < span:
            x = x0 + width * self.cursor / span
            p.setPen(QPen(QColor(t.accent), max(1.0, t.pen(1))))
            p.drawLine(int(x), 0, int(x), int(self.height() - axis_h))
        self._axis(p, x0, width, span, self.height() - axis_h, fm)
        p.end()

    def _axis(self, p: QPainter, x0: float, width: float, span: float, y: float, fm: QFontMetrics) -> None:
        """A time axis with about five ticks."""
        t = self.theme
        p.setPen(QPen(QColor(t.text), max(1.0, t.pen(0.6))))
        p.drawLine(int(x0), int(y + 2), int(x0 + width), int(y + 2))
        for k in range(6):
            x = x0 + width * k / 5
            p.drawLine(int(x), int(y + 2), int(x), int(y + 6))
            text = format_ns(span * k / 5 * 1e9)
            w = fm.horizontalAdvance(text)
            p.drawText(int(min(max(x - w / 2, 0), self.width() - w)), int(y + 6 + fm.ascent()), text)
