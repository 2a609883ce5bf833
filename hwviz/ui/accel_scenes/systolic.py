"""The systolic array: a GEMM folded onto an R x C array of multiply-accumulate cells, cycle by
cycle, in the three dataflows, with the fold map and the batching curve beside it."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QWidget

from hwviz.accel.systolic.plan import AXES, DATAFLOW_NAMES, DATAFLOWS
from hwviz.accel.systolic_session import SystolicSession, batching_curve
from hwviz.ui import palette
from hwviz.ui.accel_scenes import tr
from hwviz.ui.accel_scenes.controls import (ControlsColumn, TextPanel, WithDrawer, column, fit_drawer, lay_out,
                                            text_label)
from hwviz.ui.accel_scenes.systolic_view import LEFT_IN, TOP_IN, ArrayView, FoldMapView, band_shades, pe_colors
from hwviz.ui.widgets.drawer import VerticalScroll
from hwviz.ui.scene import TimelineScene
from hwviz.ui.theme import THEMES, Theme
from hwviz.ui.widgets.plot_style import curve_pen, new_plot, style_plot

SOURCE = "simulated: hwviz's systolic-array model; cycle counts, utilisation and mapping efficiency " \
         "are SCALE-Sim v2's closed form with no memory stalls"


def phase_name(phase: str) -> str:
    """A fold's phase in words."""
    return {"load": tr("loading the stationary tile"), "fill": tr("filling"), "steady": tr("every mapped PE busy"),
            "drain": tr("draining"), "idle": tr("padding passing through")}[phase]



def dataflow_names() -> dict[str, str]:
    """Each dataflow of :data:`~hwviz.accel.systolic.plan.DATAFLOW_NAMES` in words."""
    names = {"os": tr("output stationary"), "ws": tr("weight stationary"), "is": tr("input stationary")}
    return {d: names[d] for d in DATAFLOW_NAMES}

class SystolicScene(WithDrawer, TimelineScene):
    """The systolic-array scene; its model is a :class:`SystolicSession`."""

    name = "systolic"
    title = "Systolic array"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = tr("Systolic array")
        self.session = SystolicSession()
        self.theme = THEMES["light"]
        self._dirty = True

        self.controls = ControlsColumn()
        self.controls.add_field("array", tr("Array (rows x columns)"), tr("e.g. 8x8 or 32x32; up to 64 x 64 animated"))
        self.controls.add_choice("dataflow", tr("Dataflow"), [(d, f"{d}: {dataflow_names()[d]}") for d in DATAFLOWS])
        self.controls.add_field("gemm", tr("GEMM M,N,K (A is M x K, B is K x N)"), tr("e.g. 12,10,16"))
        self.controls.add_field("seed", tr("Seed of the operands (integers 0-9)"))
        self.controls.add_note(tr("Cycle counts follow SCALE-Sim v2 (ARM / Georgia Tech) with no memory stalls; "
                                  "the values are really computed and end equal to numpy's A @ B."))
        self.controls.finish()
        self.controls.edited.connect(self._on_control)

        self.counters = TextPanel()
        self.counters.setObjectName("systolic_counters")
        self.legend = text_label(rich=True)
        self.array_view = ArrayView()
        self.fold_title, self.batch_title = text_label(), text_label()
        self.fold_map = FoldMapView()
        self.fold_map.setToolTip(self.fold_map.tooltip_text())
        self.batch_plot = new_plot()
        self.batch_plot.setMinimumHeight(120)
        self.batch_plot.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        right = column((self.fold_title, 0), (self.fold_map, 2), (self.batch_title, 0), (self.batch_plot, 3))
        both = QWidget()
        row = QHBoxLayout(both)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(column((self.counters, 0), (self.array_view, 1), (self.legend, 0)), 5)
        row.addWidget(VerticalScroll(right), 3)      # a short screen scrolls this column, not the array
        self.drawer = lay_out(self, self.controls, both)
        self._rebuild()

    # ---- Scene interface -----------------------------------------------------------------
    def unit(self) -> str:  # noqa: D102 - see TimelineScene
        return tr("cycles")

    def length(self) -> int:  # noqa: D102
        return self.session.length

    def position(self) -> int:  # noqa: D102
        return self.session.position

    def advance(self, n: int) -> None:  # noqa: D102
        self.seek(self.session.position + n)

    def seek(self, k: int) -> None:  # noqa: D102
        self.session.seek(k)
        self._dirty = True

    def rate_range(self) -> tuple[float, float, float]:  # noqa: D102
        return 1.0, 1000.0, 5.0

    def params(self) -> dict[str, str]:  # noqa: D102
        return self.session.params.as_text()

    def set_param(self, name: str, text: str) -> None:  # noqa: D102
        self.session.set_params(self.session.params.with_text(name, text))
        self._rebuild()

    def export_data(self) -> dict:  # noqa: D102
        s, st = self.session, self.session.state()
        values, complete = s.output()
        return {"scene": self.name, "source": SOURCE, "params": s.params.as_text(), "unit": "cycles",
                "position": s.position, "length": s.length, "closed_form": s.plan.to_dict(),
                "fold": st.fold.index, "phase": st.phase, "macs_done": st.macs_done,
                "active_pes": int(st.active.sum()),
                "product": np.where(complete, values, np.nan).tolist() if complete.all() else None}

    def export_rows(self) -> tuple[list[str], list[list]]:  # noqa: D102
        st = self.session.state()
        rows = [[int(i), int(j), bool(st.active[i, j]), bool(st.used[i, j]), float(st.value[i, j]),
                 float(st.held[i, j])] for i, j in np.ndindex(st.held.shape)]
        return ["row", "col", "active", "mapped", "value", "held"], rows

    def apply_theme(self, theme: Theme) -> None:  # noqa: D102
        self.theme = theme
        self.array_view.apply_theme(theme)
        self.fold_map.apply_theme(theme)
        fit_drawer(self.drawer, self.width(), theme)
        self._draw_batching()
        self._legend()
        self._dirty = True
        self.refresh()

    def refresh(self, animating: bool = False) -> None:  # noqa: D102
        if not self._dirty:
            return
        self._dirty = False
        s = self.session
        st = s.state()
        self.array_view.show_state(st)
        self.fold_map.show_fold(s.plan, st.fold.index)
        self.counters.set_text(self.counter_text(st))

    # ---- text ----------------------------------------------------------------------------
    def counter_text(self, st) -> str:
        """The counters under the transport's cycle: fold, phase, busy PEs, MACs, utilisation."""
        s, plan = self.session, self.session.plan
        return "\n".join([
            tr("Cycle {k:,} of {total:,}: fold {f} of {n}, {phase}").format(
                k=s.position, total=s.length, f=st.fold.index + 1, n=plan.folds, phase=phase_name(st.phase)),
            tr("PEs busy: {busy} of {pes}; MACs done: {done:,} of {macs:,}").format(
                busy=int(st.active.sum()), pes=plan.rows * plan.cols, done=st.macs_done, macs=plan.macs),
            tr("Utilisation so far {u:.1f} % (whole run {total:.1f} %); mapping efficiency {me:.1f} %").format(
                u=s.utilization_so_far(st), total=plan.utilization, me=plan.mapping_efficiency),
            tr("SCALE-Sim v2: {folds} folds x {per:,} cycles - 1 = {cycles:,} cycles").format(
                folds=plan.folds, per=plan.fold_cycles, cycles=plan.cycles),
        ])

    def _legend(self) -> None:
        c = pe_colors(self.theme)
        rows_axis, cols_axis, time_axis = AXES[self.session.plan.dataflow]
        left, top = {"os": ("A", "B"), "ws": ("A", tr("B's tile")), "is": ("B", tr("A's tile"))}[self.session.plan.dataflow]
        items = [(c["active"], tr("multiplying")), (c["idle"], tr("idle")), (c["padding"], tr("padding")),
                 (LEFT_IN, tr("{x} enters, moves right").format(x=left)),
                 (TOP_IN, tr("{x} enters, moves down").format(x=top))]
        sw = "".join(f'<span style="color:{col}">&#9632;</span>&nbsp;{text}&nbsp;&nbsp; ' for col, text in items)
        axes = tr("{r} on the array's rows, {c} on its columns, {t} streams in time").format(
            r=rows_axis, c=cols_axis, t=time_axis)
        lines = [sw, axes]
        if self.session.plan.dataflow != "os":
            held = tr("weight") if self.session.plan.dataflow == "ws" else tr("input")
            ramp = "".join(f'<span style="color:{col}">&#9632;</span>' for col in band_shades(self.theme))
            lines.append(tr("Top band: the {held} a PE holds; below: the partial sum moving down. "
                            "Small PEs: shade {ramp} low to high {held}, hover for numbers").format(held=held, ramp=ramp))
        self.legend.setText("<br>".join(lines))

    # ---- building ------------------------------------------------------------------------
    def _draw_batching(self) -> None:
        plan = self.session.plan
        batch, util = batching_curve(plan)
        p = self.batch_plot
        p.clear()
        style_plot(p, self.theme, tr("utilisation %"), tr("batch: rows of A (M)"))
        p.plot(batch, util, pen=curve_pen(palette.RUNS[0], self.theme))
        if plan.m <= batch[-1]:
            p.plot([plan.m], [util[plan.m - 1]], pen=None, symbol="o", symbolSize=max(8, self.theme.pen(5)),
                   symbolBrush=palette.LEVELS[0], symbolPen=None)
        p.setYRange(0, 100, padding=0.02)
        self.batch_title.setText(tr("Batching: utilisation as A gets more rows ({df}, {r} x {c}, N={n}, K={k}; "
                                    "SCALE-Sim v2)").format(df=plan.dataflow, r=plan.rows, c=plan.cols,
                                                            n=plan.n, k=plan.k))

    def _rebuild(self) -> None:
        plan = self.session.plan
        self.controls.load(self.session.params.as_text())
        self.fold_title.setText(tr("Fold map: {rf} x {cf} tiles in run order, hatched: padding "
                                   "(mapping efficiency {me:.1f} %)").format(
            rf=plan.row_folds, cf=plan.col_folds, me=plan.mapping_efficiency))
        self._draw_batching()
        self._legend()
        self._dirty = True
        self.refresh()
        self.changed.emit()

    def _on_control(self, name: str, text: str) -> None:
        if self.session.params.as_text().get(name) == text:
            self.controls.show_error(name, "")
            return
        super()._on_control(name, text)

