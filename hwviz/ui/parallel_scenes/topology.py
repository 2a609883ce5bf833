"""``topology``: a picture of this machine (packages, the last-level cache, cores with their private
caches, logical CPUs with SMT siblings side by side) and its facts: CPU, counts, SMT, numba's
threading layer, whether threads can be pinned. Open… draws the machine a result file was recorded
on; Compare… draws a second machine beside it. Run reads this machine again."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from html import escape

from PySide6.QtWidgets import QHBoxLayout, QWidget

from hwviz.base.errors import ConfigError
from hwviz.base.units import format_size
from hwviz.measure.results import Result, load_json
from hwviz.ui.measure_scenes import records
from hwviz.ui.measure_scenes.base import MeasureScene, this_machine
from hwviz.ui.measure_scenes.records import HERE, RECORDED, Shown
from hwviz.ui.measure_scenes.result_plot import key_html
from hwviz.ui.parallel_scenes import tr
from hwviz.ui.widgets.topology_model import read_machine
from hwviz.ui.widgets.topology_view import TopologyView

EXPERIMENT = "topology"
#: the picture is the whole scene: its text may grow this much past the theme's size
ZOOM = 1.6


def here_result() -> Result:
    """This machine's description, read now, as a result with no points."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return Result(EXPERIMENT, this_machine().to_dict(), {"pinning": hasattr(os, "sched_setaffinity")}, [], now)


def any_result(path: str) -> Result:
    """The first result in a ``hwviz.bench/1`` file, whatever its experiment: every result
    carries the machine it was measured on. ConfigError if the file holds none."""
    results = load_json(path)
    if not results:
        raise ConfigError(tr("{file} holds no result").format(file=os.path.basename(path)))
    return results[0]


def pinning_text(result: Result) -> str:
    """Whether threads could be pinned on the result's machine, and how we know."""
    known = result.params.get("pinning", result.params.get("pinned"))
    if known is None:
        return tr("not recorded in this file")
    return tr("yes (os.sched_setaffinity)") if known else tr("no: the OS places the threads")


def facts(result: Result) -> list[tuple[str, str]]:
    """(name, value) lines describing the result's machine."""
    m = result.machine
    sib = [s for s in m.get("smt_siblings") or [] if len(s) > 1]
    smt = (tr("yes: {k} logical CPUs per core").format(k=max(len(s) for s in sib)) if sib
           else tr("no: one logical CPU per core"))
    out = [(tr("CPU"), str(m.get("cpu_model") or tr("unknown"))),
           (tr("packages"), str(m.get("packages", "?"))),
           (tr("physical cores"), str(m.get("physical_cores", "?"))),
           (tr("logical CPUs"), str(len(m.get("logical_cpus") or []))),
           (tr("SMT (hyperthreading)"), smt),
           (tr("numba threading layer"), str(m.get("numba_threading_layer") or tr("not recorded"))),
           (tr("threads can be pinned"), pinning_text(result))]
    for c in m.get("caches") or []:
        if c.get("shared_cpus") and min(c["shared_cpus"]) == min(m.get("logical_cpus") or [0]):
            out.append((f"L{c['level']} {c.get('type', '')}",
                        tr("{size}, shared by {n} logical CPU(s)").format(
                            size=format_size(int(c["size_bytes"])), n=len(c["shared_cpus"]))))
    if m.get("os"):
        out.append((tr("system"), tr("{os}, Python {py}").format(os=m["os"], py=m.get("python", "?"))))
    return out


class TopologyScene(MeasureScene):
    """This machine's picture, or a recorded result's machine."""

    name = "topology"
    title = "Machine topology"
    experiment = EXPERIMENT

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = tr("Machine topology")
        self.mode_box.hide()   # reading the topology has no quick or full run

    def build_view(self) -> QWidget:  # noqa: D102 - MeasureScene
        self.machine_view = TopologyView()
        self.compare_view = TopologyView()
        for v in (self.machine_view, self.compare_view):
            v.max_zoom = ZOOM
        view = QWidget()
        row = QHBoxLayout(view)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.machine_view, 1)
        row.addWidget(self.compare_view, 1)
        return view

    def job(self):  # noqa: D102 - MeasureScene
        result = here_result()   # read on the GUI thread (see this_machine)
        return lambda ctx: result

    def load_result(self, path: str) -> None:  # noqa: D102 - MeasureScene
        self.shown = Shown(any_result(path), RECORDED, str(path))
        self.show_error("")
        self.invalidate()

    def set_compare(self, path: str | None) -> None:  # noqa: D102 - MeasureScene
        self.compare = None if path is None else Shown(any_result(path), RECORDED, str(path))
        self.invalidate()

    def refresh(self, animating: bool = False) -> None:  # noqa: D102 - MeasureScene
        if self.shown is None:   # first shown: this machine, read now
            self.shown = Shown(here_result(), HERE)
        super().refresh(animating)

    def badge_text(self) -> str:  # noqa: D102 - MeasureScene
        if self.shown is not None and self.shown.origin == HERE and not self.shown.running:
            return tr("this machine, read from the operating system on {date}").format(
                date=self.shown.result.created[:10])
        return super().badge_text()

    def redraw(self) -> None:  # noqa: D102 - MeasureScene
        self.machine_view.set_theme(self.theme)
        self.machine_view.set_machine(self.shown.result.machine if self.shown else None)
        self.compare_view.setVisible(self.compare is not None)
        blocks = [self._facts_html(self.shown)] if self.shown else []
        if self.compare is not None:
            self.compare_view.set_theme(self.theme)
            self.compare_view.set_machine(self.compare.result.machine)
            blocks.append(self._facts_html(self.compare, tr("right: ")))
        self.side.setText("".join(blocks))

    def _facts_html(self, shown: Shown, prefix: str = "") -> str:
        t = self.theme
        head = key_html([("", "headline", prefix + records.machine_name(shown.result.machine))], t)
        rows = "".join(f'<div style="margin-bottom:4px"><b>{escape(k)}</b>: {escape(v)}</div>'
                       for k, v in facts(shown.result))
        problem = read_machine(shown.result.machine).problem
        extra = f"<p>{escape(problem)}</p>" if problem else ""
        return f'{head}<div style="color:{t.text}">{rows}</div>{extra}'

    def export_rows(self) -> tuple[list[str], list[list]]:  # noqa: D102 - MeasureScene
        m = read_machine(self.shown.result.machine if self.shown else None)
        names = sorted({c.name for core in m.cores for c in core.caches})
        rows = [[i, " ".join(str(c) for c in core.cpus)] +
                [next((c.size_bytes for c in core.caches if c.name == n), "") for n in names]
                for i, core in enumerate(m.cores)]
        return ["core", "logical_cpus"] + [f"{n}_bytes" for n in names], rows
