"""Simulated time: per level and in total, AMAT, the race gap, and time against accesses."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from hwviz.base.units import format_ns
from hwviz.sim.lab import LabSession
from hwviz.sim.stats import Stats
from hwviz.ui import palette
from hwviz.ui.cache_lab.time_table import TimeTable
from hwviz.ui.theme import THEMES, Theme

PLOT_HZ = 20
PLOT_POINTS = 2000  # the curve is monotonic, so this many samples draw it faithfully


def nice_ceiling(x: float) -> float:
    """The smallest of 1, 2, 5 x 10**k at or above ``x`` (1 for x <= 0)."""
    if x <= 0:
        return 1.0
    k = 10 ** np.floor(np.log10(x))
    return float(next(m * k for m in (1, 2, 5, 10) if m * k >= x))


class TimeView(QWidget):
    """A table of simulated time and a plot of cumulative time, one curve per run."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme: Theme = THEMES["light"]
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.table = TimeTable()
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.plot.showGrid(x=False, y=True, alpha=0.3)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).enableAutoSIPrefix(False)
        self._top = 0.0
        self._plotted = 0.0
        lay.addWidget(self.table)
        lay.addWidget(self.plot, 1)
        self.curves = []

    def set_session(self, session: LabSession) -> None:
        """New runs: new curves (filled by the next :meth:`show_session`)."""
        for c in self.curves:
            self.plot.removeItem(c)
        self.curves = [self.plot.plot() for _ in session.runs]
        # fixed ranges: the axes redraw only when the curve outgrows them, not every frame
        self.plot.setXRange(0, session.length, padding=0.02)
        self._top = 0.0
        self._plotted = 0.0
        self._style()

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.theme = theme
        self._style()

    def _style(self) -> None:
        t = self.theme
        self.plot.setBackground(t.surface)
        self.plot.setMinimumHeight(int(t.font_size * 16))
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
        self.table.apply_theme(t)

    def show_session(self, session: LabSession, stats: list[Stats], animating: bool = False) -> None:
        """Update the numbers and the curves; while ``animating`` the curves follow at most
        PLOT_HZ times a second (they move slowly, and the plot is the costliest view)."""
        runs = session.runs
        h = runs[0].hierarchy
        names = [lvl.name for lvl in h.levels] + ["memory"]
        lats = [lvl.latency_ns for lvl in h.levels] + [h.memory_latency_ns]
        racing = len(runs) > 1
        # racing: times only, so two runs fit; alone: how many accesses each level served too
        rows = [["*served by"] + [x for r in runs for x in ([r.pattern.name] if racing else ["", r.pattern.name])]]
        for k, (name, lat) in enumerate(zip(names, lats)):
            row = [f"{name} ({lat:g} ns)"]
            for s in stats:
                served = s.levels[k].served if k < len(s.levels) else s.memory_served
                row += [format_ns(served * lat)] if racing else [f"{served:,} x", format_ns(served * lat)]
            rows.append(row)
        pad = [] if racing else [""]
        rows.append(["*total"] + [x for s in stats for x in pad + [format_ns(s.time_ns)]])
        rows.append(["AMAT"] + [x for s in stats for x in pad + [f"{s.amat_ns:.2f} ns"]])
        gap = ""
        if len(runs) > 1:
            a, b = stats
            d = session.gap_ns()
            slower, faster = (runs[1], runs[0]) if d >= 0 else (runs[0], runs[1])
            ratio = max(a.time_ns, b.time_ns) / max(1e-9, min(a.time_ns, b.time_ns))
            gap = (f"{slower.pattern.name} is {format_ns(abs(d))} behind {faster.pattern.name} "
                   f"({ratio:.1f}x the time)" if a.time_ns and b.time_ns
                   else "Press Space: both loops start together.")
        self.table.show_rows(rows, gap)
        now = time.perf_counter()
        if animating and now - self._plotted < 1 / PLOT_HZ:
            return
        self._plotted = now
        top = max(float(r.time_ns[r.pos]) for r in runs) / 1e3
        if top > self._top or top < self._top / 8:
            self._top = nice_ceiling(top * 1.15)
            self.plot.setYRange(0, self._top, padding=0.02)
        for run, curve in zip(runs, self.curves):
            idx = np.unique(np.linspace(0, run.pos, min(run.pos + 1, PLOT_POINTS)).astype(np.int64))
            curve.setData(idx, run.time_ns[idx] / 1e3)
