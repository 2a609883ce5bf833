"""``threads``: thread scaling. Speedup against thread count for a compute-bound kernel (GFLOP/s,
FMA chains) and a memory-bound one (GB/s, streaming read) beside the ideal line; where the memory
curve flattens (bandwidth saturates) and the counts beyond the physical cores are marked and
explained in one sentence each; the machine's picture lights the CPUs of the point just measured."""

from __future__ import annotations

import pyqtgraph as pg

from hwviz.base.units import format_size
from hwviz.measure.results import Result
from hwviz.ui import palette
from hwviz.ui.measure_scenes import records
from hwviz.ui.measure_scenes.loops import spread_labels
from hwviz.ui.measure_scenes.result_plot import key_html
from hwviz.ui.parallel_scenes import tr
from hwviz.ui.parallel_scenes.machine_scene import MachineScene, placement_text

#: bound -> (colour, rate key, unit)
BOUNDS = {"compute": (palette.RUNS[0], "gflops", "GFLOP/s"), "memory": (palette.MEMORY, "gbps", "GB/s")}
#: the memory curve has flattened once its speedup falls below this share of the ideal
SATURATED = 0.75
#: end labels are kept this share of the thread range apart, with this share of it free on the right
LABEL_GAP, LABEL_ROOM = 0.08, 0.3
#: width of the sentences on the plot, in multiples of the font size (pixels per point ~ 1.33)
SENTENCE_EM = 22


def curves(result: Result) -> dict[str, list[dict]]:
    """Points per bound, sorted by thread count."""
    out: dict[str, list[dict]] = {}
    for p in result.points:
        if p.get("bound") in BOUNDS and "speedup" in p:
            out.setdefault(p["bound"], []).append(p)
    return {k: sorted(v, key=lambda p: p["threads"]) for k, v in out.items()}


def saturation(result: Result) -> dict | None:
    """The first memory-bound point (past one thread) whose speedup is below
    :data:`SATURATED` of the ideal: where the bandwidth has run out. None if it never does."""
    return next((p for p in curves(result).get("memory", [])
                 if p["threads"] > 1 and p["speedup"] < SATURATED * p["threads"]), None)


def physical_cores(result: Result) -> int:
    """The physical cores of the machine the result was measured on."""
    return int(result.params.get("physical_cores") or result.machine.get("physical_cores") or 0)


def beyond_cores(result: Result) -> tuple[dict, dict] | None:
    """(compute point at the physical core count, compute point at the most threads) when the
    result has thread counts beyond the physical cores; else None."""
    pts = curves(result).get("compute", [])
    n = physical_cores(result)
    at = [p for p in pts if p["threads"] <= n]
    if not at or pts[-1]["threads"] <= n:
        return None
    return at[-1], pts[-1]



def kernel_text(bound: str, params: dict) -> str:
    """What the compute- or memory-bound kernel did, in words, from a result's parameters (the
    English sentence a file recorded before the numbers were stored)."""
    if bound == "compute" and "fma_chains" in params:
        return tr("{acc} independent FMA chains per thread, {iters:,} steps each (2 flops a step)").format(
            acc=params["fma_chains"], iters=params["fma_steps"])
    if bound == "memory" and "memory_bytes" in params:
        return tr("streaming read of a {size} array, split into one contiguous share per thread").format(
            size=format_size(params["memory_bytes"]))
    return str(params.get(f"{bound}_kernel") or "")

class ThreadsScene(MachineScene):
    """Thread scaling on a picture of the machine."""

    name = "threads"
    title = "Thread scaling"
    experiment = "threads"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = tr("Thread scaling")

    def redraw(self) -> None:  # noqa: D102 - MeasureScene
        pl = self.plot
        pl.clear()
        pl.apply_theme(self.theme, tr("speedup over one thread"), tr("threads"))
        key = []
        shows = [(s, dashed) for s, dashed in ((self.compare, True), (self.shown, False)) if s is not None]
        ks = [1] + [p["threads"] for s, _ in shows for p in s.result.points if "threads" in p]
        top = max(ks)
        pl.series([1, top], [1, top], self.theme.muted, dashed=True, symbol="", thin=True)   # under the data
        pl.text(top, top, tr("ideal"), self.theme.muted, anchor=(1, 1.1))
        for shown, dashed in shows:
            key = self._draw(shown.result, dashed) + key
        pl.x_ticks(ks, lambda v: f"{v:g}")
        pl.x_range(0.5, top + max(0.5, top * LABEL_ROOM))
        pl.y_range(0, top * 1.15)     # room for the ideal line's label above its end
        if self.shown is not None:
            self._explain(self.shown.result, 0.5, top * 1.05)
            key.append(("", "", placement_text(self.shown.result)))
        key.append((self.theme.muted, "dashed", tr("ideal: k threads run k times faster")))
        self.side.setText(key_html(key, self.theme))
        self.draw_machine()

    def _draw(self, r: Result, dashed: bool) -> list:
        pl, key, ends = self.plot, [], []
        for bound, pts in curves(r).items():
            color, rate, unit = BOUNDS[bound]
            pl.series([p["threads"] for p in pts], [p["speedup"] for p in pts], color, dashed=dashed,
                      hollow=[records.busy(p) for p in pts])
            last = pts[-1]
            what = tr("compute-bound") if bound == "compute" else tr("memory-bound")
            if dashed:
                key.append((color, "dashed", tr("{what} on {machine}: {v:.1f} {unit} at {k} threads").format(
                    what=what, machine=records.machine_name(r.machine), v=last.get(rate, 0.0), unit=unit,
                    k=last["threads"])))
                continue
            ends.append((last, f"{last.get(rate, 0.0):.1f} {unit}", color))
            kernel = kernel_text(bound, r.params)
            key.append((color, "solid", tr("{what}: {v:.1f} {unit} at {k} threads, {s:.2f}× one thread").format(
                what=what, v=last.get(rate, 0.0), unit=unit, k=last["threads"], s=last["speedup"])))
            if kernel:
                key.append(("", "", kernel))
        self._end_labels(ends)
        return key

    def _end_labels(self, ends: list) -> None:
        """Each curve's rate right of its last point, kept a line apart."""
        top = max((p["threads"] for p, _, _ in ends), default=1)
        ys = spread_labels([p["speedup"] for p, _, _ in ends], LABEL_GAP * top)
        for (p, text, color), y in zip(ends, ys):
            self.plot.text(p["threads"], y, text, color, anchor=(-0.08, 0.5), bold=True)

    def _explain(self, r: Result, left: float, top: float) -> None:
        """Mark where the memory curve flattens (①) and the counts beyond the physical cores (②),
        and explain each in one sentence in the top left corner (always empty: no curve rises
        above the ideal line)."""
        lines = []
        sat = saturation(r)
        if sat is not None:
            self.plot.text(sat["threads"], sat["speedup"], "①", BOUNDS["memory"][0], anchor=(1.2, -0.1), bold=True)
            lines.append(tr("① Memory-bound: {v:.1f} GB/s at {k} threads, only {s:.1f}× one thread. The "
                            "threads share one memory bus, and its bandwidth has run out.").format(
                v=sat.get("gbps", 0.0), k=sat["threads"], s=sat["speedup"]))
        over = beyond_cores(r)
        if over is not None:
            at, last = over
            n = physical_cores(r)
            self.plot.vline(n + 0.5, tr("② {n} physical cores").format(n=n))
            lines.append(tr("② Beyond {n} cores the extra threads share a core with another thread: "
                            "compute goes from {a:.1f}× to only {b:.1f}×.").format(
                n=n, a=at["speedup"], b=last["speedup"]))
        if lines:
            item = self.plot.text(left, top, "\n".join(lines), self.theme.text, anchor=(0, 0), factor=0.8)
            item.setTextWidth(self.theme.font_size * SENTENCE_EM)
            item.fill = pg.mkBrush(self.theme.surface)
