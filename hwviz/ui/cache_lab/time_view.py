"""Simulated time: per level and in total, AMAT, the race gap, and time against accesses."""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from hwviz.base.units import format_ns
from hwviz.sim.lab import LabSession
from hwviz.sim.stats import Stats
from hwviz.ui import palette
from hwviz.ui.cache_lab import tr
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


def race_sentence(session: LabSession) -> str:
    """Where the race stands: who finished when, how far the other has come."""
    runs = session.runs
    if session.clock_ns == 0:
        return tr("Press Space: both loops start together.")
    done = sorted((r for r in runs if r.finished), key=lambda r: r.total_ns)
    if len(done) == len(runs):
        a, b = done
        return tr("{a} finished at {ta}, {b} at {tb}: {ratio:.1f}x the time.").format(
            a=a.pattern.name, ta=format_ns(a.total_ns), b=b.pattern.name, tb=format_ns(b.total_ns),
            ratio=b.total_ns / max(a.total_ns, 1e-9))
    going = [r for r in runs if not r.finished]
    progress = ", ".join(tr("{name} {pct:.0f} % done").format(name=r.pattern.name, pct=100 * r.pos / r.length)
                         for r in going)
    if done:
        return tr("{a} finished at {t}; {rest}.").format(a=done[0].pattern.name, t=format_ns(done[0].total_ns),
                                                          rest=progress)
    return progress + "."


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
        self.plot.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Ignored)  # takes what the levels leave
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
        self.finish = pg.ScatterPlotItem(size=14, symbol="star")
        self.curves.append(self.finish)
        self.plot.addItem(self.finish)
        # fixed ranges from zero: the axes redraw only when the curve outgrows them
        self.plot.setXRange(0, max(r.length for r in session.runs), padding=0.02)
        self._top = 1.0
        self.plot.setYRange(0, self._top, padding=0.02)
        self._plotted = 0.0
        self._style()

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.theme = theme
        self._style()

    def time_label(self) -> str:
        """The vertical axis' title: shorter when the plot is too short for the whole of it."""
        font = self.font()
        font.setPointSizeF(self.theme.font_size)
        long = tr("simulated time (µs)")
        fits = QFontMetrics(font).horizontalAdvance(long) + 20 <= self.plot.height()
        return long if fits else tr("µs")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """Retitle the time axis for the new height."""
        super().resizeEvent(event)
        if self.curves:
            self._style()

    def _style(self) -> None:
        t = self.theme
        self.plot.setBackground(t.surface)
        self.plot.setMinimumHeight(int(t.font_size * 10))
        font = self.font()
        font.setPointSizeF(t.font_size * 0.9)
        for name in ("left", "bottom"):
            ax = self.plot.getAxis(name)
            ax.setPen(pg.mkPen(t.text, width=max(1.0, t.pen(0.6))))
            ax.setTextPen(t.text)
            ax.setTickFont(font)
        style = {"color": t.text, "font-size": f"{t.font_size:.0f}pt"}
        self.plot.setLabel("left", self.time_label(), **style)
        self.plot.setLabel("bottom", tr("accesses"), **style)
        for k, c in enumerate(self.curves[:-1]):
            c.setPen(pg.mkPen(palette.RUNS[k], width=max(2.0, t.pen(1.6))))
        if self.curves:
            self.finish.setBrush(pg.mkBrush(t.text))
            self.finish.setPen(pg.mkPen(t.surface))
        self.table.apply_theme(t)

    def show_session(self, session: LabSession, stats: list[Stats], animating: bool = False) -> None:
        """Update the numbers and the curves; while ``animating`` the curves follow at most
        PLOT_HZ times a second (they move slowly, and the plot is the costliest view)."""
        runs = session.runs
        h = runs[0].hierarchy
        names = [lvl.name for lvl in h.levels] + [tr("memory")]
        lats = [lvl.latency_ns for lvl in h.levels] + [h.memory_latency_ns]
        racing = len(runs) > 1
        # racing: times only, so two runs fit; alone: how many accesses each level served too
        heads = [x for r in runs for x in ([r.pattern.name] if racing else ["", r.pattern.name])]
        rows = [["*" + tr("served by")] + heads]
        for k, (name, lat) in enumerate(zip(names, lats)):
            row = [f"{name} ({lat:g} ns)"]
            for s in stats:
                served = s.levels[k].served if k < len(s.levels) else s.memory_served
                row += [format_ns(served * lat)] if racing else [f"{served:,} x", format_ns(served * lat)]
            rows.append(row)
        pad = [] if racing else [""]
        rows.append(["*" + tr("total")] + [x for s in stats for x in pad + [format_ns(s.time_ns)]])
        rows.append([tr("AMAT")] + [x for s in stats for x in pad + [f"{s.amat_ns:.2f} ns"]])
        gap = race_sentence(session) if racing else ""
        # narrow: level names without latencies, and no "served" counts
        short = [[r[0].split(" (")[0]] + (r[1:] if racing else r[2:]) for r in rows]
        self.table.show_rows(rows, gap, short)
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
        done = [r for r in runs if racing and r.finished]  # a race marks each finish with a star
        self.finish.setData([r.length for r in done], [r.total_ns / 1e3 for r in done])
