"""``smt``: when hyperthreading helps. The measured speedup of two threads on one core's SMT
siblings versus on two separate cores, for a throughput-bound, a latency-bound and a memory-bound
workload; beside it the issue-slot model that explains the difference; under both the machine
with the CPUs of the chosen placement lit. On a machine without SMT the scene says so and shows a
result recorded on one that has it."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QComboBox

from hwviz.measure.results import Result
from hwviz.ui import palette
from hwviz.ui.measure_scenes import records
from hwviz.ui.measure_scenes.base import choose, this_machine
from hwviz.ui.measure_scenes.result_plot import key_html
from hwviz.ui.parallel_scenes import tr
from hwviz.ui.parallel_scenes.issue_slots import IssueSlotsView
from hwviz.ui.parallel_scenes.placed import PlacedScene, has_smt

WORKLOADS = ("throughput", "latency", "memory")
#: placement -> bar colour (Okabe-Ito: orange, bluish green)
PLACEMENTS = {"siblings": palette.LEVELS[2], "cores": palette.LEVELS[0]}
BAR_WIDTH, OFFSET = 0.36, 0.2
#: the bar labels' font, times the theme's size, where they fit
LABEL_FACTOR = 0.8


def speedups(result: Result) -> dict[tuple[str, str], float]:
    """``{(workload, placement): speedup}`` for the two-thread points of an ``smt`` result."""
    return {(p["workload"], p["placement"]): float(p["speedup"]) for p in result.points
            if p.get("workload") in WORKLOADS and p.get("placement") in PLACEMENTS and "speedup" in p}


def workload_names() -> dict[str, str]:
    """Each workload as the axis names it."""
    return {"throughput": tr("throughput"), "latency": tr("latency"), "memory": tr("memory")}


class SmtScene(PlacedScene):
    """When hyperthreading helps."""

    name = "smt"
    title = "Hyperthreading (SMT)"
    experiment = "smt"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.light = "siblings"
        #: the bars as last drawn: (workload, placement) -> height
        self.bars: dict[tuple[str, str], float] = {}
        self.title = tr("Hyperthreading (SMT)")
        self.light_box = QComboBox()
        self.light_box.addItems([tr("Light the SMT siblings"), tr("Light the two cores")])
        self.light_box.currentIndexChanged.connect(lambda i: self.set_param("light", list(PLACEMENTS)[i]))
        self.scene_controls.addWidget(self.light_box)

    def make_animation(self) -> IssueSlotsView:  # noqa: D102 - PlacedScene
        return IssueSlotsView()

    # ---- parameters ------------------------------------------------------------------------
    def scene_params(self) -> dict[str, str]:  # noqa: D102 - MeasureScene
        return {"light": self.light}

    def set_scene_param(self, name: str, text: str) -> None:  # noqa: D102 - MeasureScene
        if name != "light":
            super().set_scene_param(name, text)
            return
        self.light = choose(self.light_box, PLACEMENTS, text, tr("light {text!r} must be siblings or cores"))

    def lit_cpus(self) -> list[int] | None:  # noqa: D102 - PlacedScene
        if self.shown is None:
            return None
        for p in self.shown.result.points:
            if p.get("placement") == self.light:
                return p.get("cpus")
        return self.shown.result.params.get(self.light)

    # ---- drawing ---------------------------------------------------------------------------
    def draw(self) -> None:  # noqa: D102 - PlacedScene
        pl, t = self.plot, self.theme
        pl.clear()
        pl.apply_theme(t, tr("speedup of two threads over one"), tr("limited by"))
        self.bars = {}
        names = workload_names()
        pl.x_ticks(range(len(WORKLOADS)), lambda i: names[WORKLOADS[int(i)]])
        pl.hline(1.0, "")
        pl.hline(2.0, "")
        marks = {1.0: tr("1 no gain"), 2.0: tr("2 twice")}
        key = []
        if self.compare is not None:
            self._bars(self.compare.result, dashed=True)
            key.append((t.muted, "dashed", tr("dashed outlines: {machine}").format(
                machine=records.machine_name(self.compare.result.machine))))
        top = 2.0
        if self.shown is not None and self.shown.result.points:
            self.bars = self._bars(self.shown.result, dashed=False)
            top = max([top, *self.bars.values()])
            key = self._key(self.shown.result) + key
        else:
            pl.text(1.0, 1.5, self._empty_text(), anchor=(0.5, 0.5), bold=True)
        pl.x_range(-0.6, len(WORKLOADS) - 0.4)
        pl.y_range(0.0, top * 1.15)
        pl.y_ticks([k / 2 for k in range(int(top * 2.3) + 1)], lambda v: marks.get(v, f"{v:g}"))
        self.side.setText(key_html(key + self._notes(), t))

    def _bars(self, r: Result, dashed: bool) -> dict[tuple[str, str], float]:
        pl, t = self.plot, self.theme
        got = speedups(r)
        for k, (placement, color) in enumerate(PLACEMENTS.items()):
            xs, hs = [], []
            for i, w in enumerate(WORKLOADS):
                if (w, placement) in got:
                    xs.append(i + (2 * k - 1) * OFFSET)
                    hs.append(got[(w, placement)])
            if not xs:
                continue
            pen = pg.mkPen(t.text if dashed else color, width=max(1.5, t.pen(1.0)),
                           style=pg.QtCore.Qt.DashLine if dashed else pg.QtCore.Qt.SolidLine)
            brush = None if dashed else pg.mkBrush(color)
            pl.widget.addItem(pg.BarGraphItem(x=xs, height=hs, width=BAR_WIDTH * (0.8 if dashed else 1.0),
                                              pen=pen, brush=brush))
            if not dashed:
                for x, h in zip(xs, hs):
                    pl.text(x, h, tr("×{s:.1f}").format(s=h), anchor=(0.5, 1.0), factor=self._label_factor(), bold=True)
        return got

    def _label_factor(self) -> float:
        """Font size of the bar labels (times the theme's): smaller when the bars are narrower
        than a label."""
        font = QFont(self.plot.widget.font())
        font.setPointSizeF(self.theme.font_size * LABEL_FACTOR)
        font.setBold(True)
        wide = QFontMetricsF(font).horizontalAdvance(tr("×{s:.1f}").format(s=2.0))
        # the plot's width before its axes settle: a label may take about 80 % of it per bar
        bar = self.plot.widget.getPlotItem().vb.width() * BAR_WIDTH / (len(WORKLOADS) + 0.2)
        return LABEL_FACTOR * max(0.6, min(1.0, 0.8 * bar / wide))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """Size the bar labels for the new width."""
        super().resizeEvent(event)
        self.invalidate()

    def badge_text(self) -> str:  # noqa: D102 - MeasureScene
        if self.shown is None and not has_smt(this_machine().to_dict()):
            return tr("This machine has no SMT (one logical CPU per core): nothing to measure here. "
                      "Open… a result recorded on a machine with SMT.")
        return super().badge_text()

    def _empty_text(self) -> str:
        if self.shown is not None and self.shown.running:
            return tr("Measuring…")
        if has_smt(this_machine().to_dict()) and self.shown is None:
            return tr("No result yet: press Run (Space).")
        return tr("No SMT result to show: Open… one\nrecorded on a machine with SMT")

    def _key(self, r: Result) -> list:
        p, names = r.params, workload_names()
        sib, cores = p.get("siblings") or [], p.get("cores") or []
        out = [(PLACEMENTS["siblings"], "solid", tr("two threads on one core's SMT siblings (CPUs {c})").format(
                   c=", ".join(map(str, sib)))),
               (PLACEMENTS["cores"], "solid", tr("two threads on two separate cores (CPUs {c})").format(
                   c=", ".join(map(str, cores))))]
        got = speedups(r)
        for w in WORKLOADS:
            if (w, "siblings") in got and (w, "cores") in got:
                out.append(("", "", tr("{w}-bound: siblings ×{s:.2f}, cores ×{c:.2f}").format(
                    w=names[w], s=got[(w, "siblings")], c=got[(w, "cores")])))
        lat, thr = p.get("fma_latency_ns"), p.get("fma_throughput_ns")
        if lat and thr:
            out.append(("", "", tr("FMA: {lat:.2f} ns in one dependent chain, {thr:.2f} ns each with many "
                                   "chains: about {k:.0f} in flight keep the core busy.").format(
                lat=lat, thr=thr, k=lat / thr)))
        return out

    def _notes(self) -> list:
        out = []
        if not has_smt(this_machine().to_dict()):
            text = tr("This machine runs one logical CPU per core (no SMT): siblings cannot be measured here.")
            if self.shown is None or not self.shown.result.points:
                text += " " + tr("No result recorded on a machine with SMT ships with hwviz yet: use Open… to "
                                 "show one (record it there with hwviz bench smt --json FILE).")
            out.append(("", "headline", text))
        elif self.shown is not None and self.shown.result.note and not self.shown.result.points:
            out.append(("", "headline", self.shown.result.note))
        placed = self.placement_text()
        if placed:
            out.append(("", "", placed))
        return out
