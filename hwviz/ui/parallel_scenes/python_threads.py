"""``python-threads``: the GIL and the lecture's advice. ``c = a + b`` split over k workers as Python
threads (a pure-Python loop: the GIL lets one run at a time), as processes (they pay start-up and
copying) and as numba ``prange`` threads (no GIL): ns per element against workers, or against n,
each curve captioned with what its numbers show."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QComboBox

from hwviz.measure.results import Result
from hwviz.ui import palette
from hwviz.ui.measure_scenes import records
from hwviz.ui.measure_scenes.base import choose
from hwviz.ui.measure_scenes.loops import spread_labels
from hwviz.ui.measure_scenes.result_plot import key_html
from hwviz.ui.parallel_scenes import tr
from hwviz.ui.parallel_scenes.machine_scene import MachineScene, placement_text

IMPLS = {"threads": palette.MEMORY, "processes": palette.LEVELS[2], "numba": palette.RUNS[0]}
AXES = ("workers", "n")
#: labels beside the curves are kept at least this many decades apart
LABEL_GAP = 0.25


def by_impl(result: Result) -> dict[str, list[dict]]:
    """Points per implementation."""
    out: dict[str, list[dict]] = {}
    for p in result.points:
        if p.get("impl") in IMPLS and "ns_per_element" in p:
            out.setdefault(p["impl"], []).append(p)
    return out


def at(points: list[dict], **fixed) -> list[dict]:
    """The points whose fields equal ``fixed``, sorted by the other axis."""
    sel = [p for p in points if all(p.get(k) == v for k, v in fixed.items())]
    axis = "n" if "workers" in fixed else "workers"
    return sorted(sel, key=lambda p: p[axis])


def _point(points: list[dict], workers: int, n: int) -> dict | None:
    return next((p for p in points if p["workers"] == workers and p["n"] == n), None)


def advice(result: Result) -> dict[str, str]:
    """Per implementation, one short caption of what the numbers show (the lecture's advice)."""
    out = {}
    for impl, pts in by_impl(result).items():   # each at the sizes it was measured at
        k = max(p["workers"] for p in pts)
        n_big, n_small = max(p["n"] for p in pts), min(p["n"] for p in pts)
        big = _point(pts, k, n_big)
        if big is None:
            continue
        if impl == "threads":
            out[impl] = tr("Python threads: {s:.1f}× with {k} workers at n = {n:,}. The GIL lets one "
                           "thread run Python at a time, so they take turns.").format(s=big["speedup"], k=k, n=n_big)
        elif impl == "processes":
            small = _point(pts, k, n_small)
            out[impl] = tr("Processes: {s:.1f}× with {k} workers at n = {n:,}").format(
                s=big["speedup"], k=k, n=n_big)
            if small is not None and n_small != n_big:
                out[impl] += tr(", {s:.1f}× at n = {n:,}").format(s=small["speedup"], n=n_small)
            out[impl] += tr(". Each pays start-up and copying the arrays: worth it only for big work.")
        else:
            out[impl] = tr("numba prange: {s:.1f}× with {k} threads at n = {n:,}: real threads without "
                           "the GIL. Try numba.").format(s=big["speedup"], k=k, n=n_big)
    return out


def short_caption(impl: str, speedup: float) -> str:
    """The label beside a curve's end: its speedup and the reason, in a few words."""
    text = {"threads": tr("threads {s:.1f}×: the GIL"), "processes": tr("processes {s:.1f}×: start-up, copying"),
            "numba": tr("numba {s:.1f}×: no GIL")}[impl]
    return text.format(s=speedup)


class PythonThreadsScene(MachineScene):
    """The GIL, processes and numba on one plot."""

    name = "python-threads"
    title = "Python threads and the GIL"
    experiment = "python-threads"
    log_y = True

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = tr("Python threads and the GIL")
        self.axis = "workers"
        self.axis_box = QComboBox()
        self.axis_box.addItems([tr("against workers"), tr("against n")])
        self.axis_box.currentIndexChanged.connect(lambda i: self.set_param("x", AXES[i]))
        self.scene_controls.addWidget(self.axis_box)

    def scene_params(self) -> dict[str, str]:  # noqa: D102 - MeasureScene
        return {"x": self.axis}

    def set_scene_param(self, name: str, text: str) -> None:  # noqa: D102 - MeasureScene
        if name != "x":
            super().set_scene_param(name, text)
            return
        self.axis = choose(self.axis_box, AXES, text, tr("x {text!r} must be workers or n"))

    def redraw(self) -> None:  # noqa: D102 - MeasureScene
        pl, by_n = self.plot, self.axis == "n"
        pl.clear()
        pl.log_x = by_n
        pl.widget.setLogMode(x=by_n, y=True)
        pl.apply_theme(self.theme, tr("ns per element (log scale)"),
                       tr("n, elements per array (log scale)") if by_n else tr("workers"))
        key, xs = [], []
        if self.compare is not None:
            xs += self._draw(self.compare.result, True)
            key.append((self.theme.muted, "dashed", tr("dashed: {machine}").format(
                machine=records.machine_name(self.compare.result.machine))))
        if self.shown is not None:
            xs += self._draw(self.shown.result, False)
            r = self.shown.result
            says = advice(r)
            key = [(IMPLS[i], "solid", says[i]) for i in IMPLS if i in says] + key + self._facts(r)
        if xs:
            pl.x_ticks(xs, (lambda v: f"{v:,}") if by_n else (lambda v: f"{v:g}"))
            lo, hi = min(xs), max(xs)
            # room on the right for the captions: about 40 % of the axis on either scale
            if by_n:
                pl.x_range(lo / 1.5, hi * max(8.0, (hi / lo) ** 0.7))
            else:
                pl.x_range(lo - 0.3, hi + (hi - lo + 1) * 0.6)
        else:
            key.append(("", "", tr("Press Run: c = a + b split over k workers as Python threads, as "
                                   "processes and as numba prange threads.")))
        pl.y_ticks([0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000, 3000], lambda v: f"{v:g}")
        self.side.setText(key_html(key, self.theme))
        self.draw_machine()

    def _draw(self, r: Result, dashed: bool) -> list:
        """Draw the curves (at the largest n, or at the most workers); return their x values."""
        pl, ends, xs = self.plot, [], []
        for impl, pts in by_impl(r).items():
            color = IMPLS[impl]
            if self.axis == "n":
                sel = at(pts, workers=max(p["workers"] for p in pts))
                x = [p["n"] for p in sel]
            else:
                sel = at(pts, n=max(p["n"] for p in pts))
                x = [p["workers"] for p in sel]
            pl.series(x, [p["ns_per_element"] for p in sel], color, dashed=dashed,
                      hollow=[records.busy(p) for p in sel])
            xs += x
            ends.append((impl, x[-1], sel[-1]))
        if not dashed and ends:
            ys = spread_labels([math.log10(max(e[2]["ns_per_element"], 1e-9)) for e in ends], LABEL_GAP)
            for (impl, x, p), y in zip(ends, ys):
                label = short_caption(impl, p["speedup"])
                pl.text(x * 1.15 if self.axis == "n" else x + 0.15, 10 ** y, label, IMPLS[impl],
                        anchor=(0, 0.5), bold=True)
        return xs

    def _facts(self, r: Result) -> list:
        out = []
        where = (tr("each implementation at the largest n it was measured at")
                 if self.axis == "workers" and r.points else
                 tr("each implementation at its most workers") if r.points else "")
        if where:
            out.append(("", "", tr("Curves: {where}; the speedup is over one worker of the same kind.").format(
                where=where)))
        start = r.params.get("pool_start_seconds")
        if start is not None:
            out.append(("", "", tr("Starting the process pool ({method}) took {t:.2f} s, once.").format(
                method=r.params.get("start_method", "?"), t=float(start))))
        errors = [float(p.get("max_abs_error", 0.0)) for p in r.points]
        if errors:
            worst = max(errors)
            out.append(("", "", tr("Every c equals numpy's a + b.") if worst == 0 else
                        tr("Largest difference from numpy's a + b: {e:.3g}.").format(e=worst)))
        out.append(("", "", placement_text(r)))
        return out
