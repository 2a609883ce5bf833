"""Simulated time: per level and in total, AMAT, the race gap, and time against accesses."""

from __future__ import annotations

from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from hwviz.sim.lab import LabSession
from hwviz.ui import palette
from hwviz.ui.theme import THEMES, Theme

PLOT_POINTS = 2000  # the curve is monotonic, so this many samples draw it faithfully


def format_ns(ns: float) -> str:
    """``"850 ns"``, ``"12.4 µs"``, ``"3.20 ms"``."""
    if abs(ns) < 1e3:
        return f"{ns:.0f} ns"
    if abs(ns) < 1e6:
        return f"{ns / 1e3:.3g} µs"
    return f"{ns / 1e6:.3g} ms"


class TimeView(QWidget):
    """A table of simulated time and a plot of cumulative time, one curve per run."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme: Theme = THEMES["light"]
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = QLabel()
        self.table.setTextFormat(pg.QtCore.Qt.RichText)
        self.table.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # clip, never widen
        self.gap = QLabel()
        self.gap.setWordWrap(True)
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.plot.setMinimumHeight(140)
        self.plot.showGrid(x=True, y=True, alpha=0.3)
        lay.addWidget(self.table)
        lay.addWidget(self.gap)
        lay.addWidget(self.plot, 1)
        self.curves = []

    def set_session(self, session: LabSession) -> None:
        """New runs: new curves."""
        for c in self.curves:
            self.plot.removeItem(c)
        self.curves = []
        self.curves = [self.plot.plot() for _ in session.runs]
        self.gap.setVisible(len(session.runs) > 1)
        self._style()
        self.show_session(session)

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.theme = theme
        self._style()

    def _style(self) -> None:
        t = self.theme
        self.plot.setBackground(t.surface)
        font = self.font()
        font.setPointSizeF(t.font_size * 0.9)
        for name in ("left", "bottom"):
            ax = self.plot.getAxis(name)
            ax.setPen(pg.mkPen(t.text, width=max(1.0, t.pen(0.6))))
            ax.setTextPen(t.text)
            ax.setTickFont(font)
        style = {"color": t.text, "font-size": f"{t.font_size:.0f}pt"}
        self.plot.setLabel("left", "simulated time (µs)", **style)
        self.plot.setLabel("bottom", "accesses", **style)
        for k, c in enumerate(self.curves):
            c.setPen(pg.mkPen(palette.RUNS[k], width=max(2.0, t.pen(1.6))))
        font = self.gap.font()
        font.setPointSizeF(t.font_size * 1.25)
        font.setBold(True)
        self.gap.setFont(font)

    def show_session(self, session: LabSession) -> None:
        """Update the numbers and the curves."""
        runs = session.runs
        stats = [r.stats() for r in runs]
        names = [lvl.name for lvl in runs[0].hierarchy.levels] + ["memory"]
        head = "".join(f"<th colspan=2 align=right>&nbsp;&nbsp;{escape(r.pattern.name)}</th>" for r in runs)
        rows = [f"<tr><th align=left>served by</th>{head}</tr>"]
        lats = [lvl.latency_ns for lvl in runs[0].hierarchy.levels] + [runs[0].hierarchy.memory_latency_ns]
        for k, (name, lat) in enumerate(zip(names, lats)):
            cells = ""
            for s in stats:
                served = s.levels[k].served if k < len(s.levels) else s.memory_served
                cells += (f"<td align=right>&nbsp;&nbsp;{served:,} x</td>"
                          f"<td align=right>&nbsp;{format_ns(served * lat)}</td>")
            rows.append(f"<tr><td>{escape(name)} ({lat:g} ns)</td>{cells}</tr>")
        rows.append("<tr><th align=left>total</th>" + "".join(
            f"<td></td><th align=right>{format_ns(s.time_ns)}</th>" for s in stats) + "</tr>")
        rows.append("<tr><td>AMAT</td>" + "".join(
            f"<td></td><td align=right>{s.amat_ns:.2f} ns</td>" for s in stats) + "</tr>")
        self.table.setText("<table cellspacing=0 cellpadding=1>" + "".join(rows) + "</table>")
        if len(runs) > 1:
            a, b = stats
            gap = session.gap_ns()
            slower, faster = (runs[1], runs[0]) if gap >= 0 else (runs[0], runs[1])
            ratio = max(a.time_ns, b.time_ns) / max(1e-9, min(a.time_ns, b.time_ns))
            self.gap.setText(f"{slower.pattern.name} is {format_ns(abs(gap))} behind "
                             f"{faster.pattern.name} ({ratio:.1f}x the time)" if a.time_ns and b.time_ns
                             else "Press Space: both loops start together.")
        for run, curve in zip(runs, self.curves):
            idx = np.unique(np.linspace(0, run.pos, min(run.pos + 1, PLOT_POINTS)).astype(np.int64))
            curve.setData(idx, run.time_ns[idx] / 1e3)
