"""What the measuring parallel scenes share: a plot above the picture of the machine the result
was measured on, whose logical CPUs light up as each point arrives (the CPUs the point's threads
were pinned to), and the sentence saying whether threads were pinned or placed by the OS."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from hwviz.measure.results import Result
from hwviz.ui.measure_scenes.base import MeasureScene, this_machine
from hwviz.ui.measure_scenes.result_plot import ResultPlot
from hwviz.ui.parallel_scenes import tr
from hwviz.ui.widgets.topology_view import TopologyView

#: plot : machine picture, in height
PLOT_SHARE, MACHINE_SHARE = 3, 2


def last_cpus(result: Result | None) -> list[int] | None:
    """The logical CPUs of the last point measured (None: not pinned, or no point yet)."""
    if result is None or not result.points:
        return None
    cpus = result.points[-1].get("cpus")
    return [int(c) for c in cpus] if cpus else None


def placement_text(result: Result) -> str:
    """One sentence: were the threads pinned (and to which CPUs, last), or placed by the OS?"""
    pinned = result.params.get("pinned")
    cpus = last_cpus(result)
    if cpus:
        return tr("Lit: the logical CPUs the last point's threads were pinned to ({cpus}).").format(
            cpus=", ".join(str(c) for c in cpus))
    if pinned is False or (result.points and "cpus" in result.points[-1]):
        return tr("Threads were placed by the OS (they could not be pinned), so no CPU is lit.")
    return tr("This result does not say where its threads ran, so no CPU is lit.")


class MachineScene(MeasureScene):
    """A measurement scene whose view is its plot with the machine's picture under it.
    Subclasses draw the plot in :meth:`draw_plot` and call :meth:`draw_machine` from
    :meth:`redraw`."""

    log_x, log_y = False, False

    def build_view(self) -> QWidget:  # noqa: D102 - MeasureScene
        self.plot = ResultPlot(log_x=self.log_x, log_y=self.log_y)
        self.machine_view = TopologyView()
        view = QWidget()
        col = QVBoxLayout(view)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.plot.widget, PLOT_SHARE)
        col.addWidget(self.machine_view, MACHINE_SHARE)
        return view

    def draw_machine(self) -> None:
        """The shown result's machine (this one before any result), with the last point's CPUs
        lit."""
        r = self.shown.result if self.shown else None
        self.machine_view.set_theme(self.theme)
        self.machine_view.set_machine(r.machine if r else this_machine())
        self.machine_view.set_active(last_cpus(r))
