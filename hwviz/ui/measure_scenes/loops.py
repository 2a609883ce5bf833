"""``loops``: the lecture's ``c = a + b`` as a Python loop, numpy, numba and numba with ``prange``:
ns per element against n, each implementation's code beside its curve, the speedups written
out, and Python at large n extrapolated (dashed, labelled) rather than dropped."""

from __future__ import annotations

import math
from html import escape


from hwviz.base.units import format_ns
from hwviz.measure.results import Result
from hwviz.ui import palette
from hwviz.ui.measure_scenes import records, tr
from hwviz.ui.measure_scenes.base import MeasureScene
from hwviz.ui.measure_scenes.result_plot import key_html

#: implementation -> (colour, the code as the lecture writes it, the short form beside the curve)
IMPLS = {
    "python": (palette.MEMORY, "for i in range(n):\n    c[i] = a[i] + b[i]", "for i in range(n): …"),
    "numpy": (palette.RUNS[0], "c = a + b", "c = a + b"),
    "numba": (palette.LEVELS[0], "@njit\ndef add(a, b, c):\n    for i in range(n):\n        c[i] = a[i] + b[i]",
              "@njit loop"),
    "numba-parallel": (palette.LEVELS[2], "@njit(parallel=True)\ndef add(a, b, c):\n    for i in prange(n):\n"
                       "        c[i] = a[i] + b[i]", "@njit prange"),
}
#: labels beside the curves are kept at least this many decades apart on the y axis
LABEL_GAP = 0.22


def by_impl(result: Result) -> dict[str, list[dict]]:
    """Points per implementation, sorted by n."""
    out: dict[str, list[dict]] = {}
    for p in result.points:
        if "ns_per_op" in p and p.get("impl") in IMPLS:
            out.setdefault(p["impl"], []).append(p)
    return {k: sorted(v, key=lambda p: p["n"]) for k, v in out.items()}


def extrapolated(result: Result) -> list[tuple[int, float]]:
    """(n, ns per element) for Python at the sizes it was not measured at: its per-element cost
    at the largest n it was measured at (an interpreted loop costs the same per element at any
    size)."""
    c = by_impl(result)
    if "python" not in c:
        return []
    last = c["python"][-1]
    ns = sorted({p["n"] for p in result.points if p["n"] > last["n"]})
    return [(n, last["ns_per_op"]) for n in ns]


def speedups(result: Result) -> tuple[int, dict[str, float]]:
    """The largest n Python was measured at, and each implementation's speedup over it there."""
    c = by_impl(result)
    if "python" not in c:
        return 0, {}
    n = c["python"][-1]["n"]
    base = c["python"][-1]["ns_per_op"]
    return n, {impl: base / p["ns_per_op"] for impl, pts in c.items() for p in pts
               if p["n"] == n and impl != "python" and p["ns_per_op"] > 0}


def spread_labels(ys: list[float], gap: float) -> list[float]:
    """``ys`` (log10 values) moved apart so that neighbours are at least ``gap`` apart, each as
    little as it can (labels beside curves that end close together)."""
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    out = list(ys)
    for k in range(1, len(order)):
        i, j = order[k - 1], order[k]
        out[j] = max(out[j], out[i] + gap)
    shift = (sum(out) - sum(ys)) / len(ys) if ys else 0.0   # re-centre the group on the curves
    return [y - shift for y in out]


class LoopsScene(MeasureScene):
    """Loops vs vectorized."""

    name = "loops"
    title = "Loops vs vectorized"
    experiment = "loops"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = tr("Loops vs vectorized")

    def redraw(self) -> None:  # noqa: D102 - MeasureScene
        pl = self.plot
        pl.clear()
        pl.apply_theme(self.theme, tr("ns per element (log scale)"), tr("n, elements per array (log scale)"))
        key = []
        if self.compare is not None:
            self._draw(self.compare.result, dashed=True)
            key.append((self.theme.muted, "dashed", tr("dashed: {machine}").format(
                machine=records.machine_name(self.compare.result.machine))))
        if self.shown is not None:
            key = self._draw(self.shown.result, dashed=False) + key
        ns = [p["n"] for s in (self.shown, self.compare) if s for p in s.result.points]
        if ns:
            pl.x_range(min(ns) / 1.5, max(ns) * 40)   # room on the right for the code
            pl.x_ticks(ns, lambda v: f"{v:,}")
        pl.y_ticks([0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000], lambda v: f"{v:g}")
        self.side.setText(key_html(key, self.theme) + self._code_html())

    def _draw(self, r: Result, dashed: bool) -> list:
        pl, key = self.plot, []
        curves = by_impl(r)
        ends = []
        for impl, pts in curves.items():
            color = IMPLS[impl][0]
            pl.series([p["n"] for p in pts], [p["ns_per_op"] for p in pts], color, dashed=dashed,
                      hollow=[records.busy(p) for p in pts])
            ends.append((impl, pts[-1]["n"], pts[-1]["ns_per_op"]))
        guess = extrapolated(r)
        if guess and not dashed:
            last = curves["python"][-1]
            xs = [last["n"]] + [n for n, _ in guess]
            ys = [last["ns_per_op"]] + [v for _, v in guess]
            pl.series(xs, ys, IMPLS["python"][0], dashed=True, symbol="d", hollow=[False] + [True] * len(guess))
            n, v = guess[-1]
            mid = math.sqrt(last["n"] * n)   # above the middle of the dashed part, on the log axis
            pl.text(mid, v, tr("extrapolated"), IMPLS["python"][0], anchor=(0.5, 1.2), factor=0.8)
            ends = [e for e in ends if e[0] != "python"] + [("python", n, v)]
            key.append((IMPLS["python"][0], "dashed", tr(
                "Python at n = {n:,}: extrapolated, not measured (about {t} a call: too long to wait "
                "for)").format(n=n, t=format_ns(v * n))))
        if not dashed:
            self._end_labels(ends)
            key = self._speedup_lines(r) + key
        return key

    def _end_labels(self, ends: list[tuple[str, int, float]]) -> None:
        """The short code of each implementation beside the end of its curve."""
        if not ends:
            return
        ys = spread_labels([math.log10(v) for _, _, v in ends], LABEL_GAP)
        for (impl, n, _v), y in zip(ends, ys):
            color, _code, short = IMPLS[impl]
            self.plot.text(n * 1.3, 10 ** y, short, color, anchor=(0, 0.5), bold=True)

    def _speedup_lines(self, r: Result) -> list:
        n, fast = speedups(r)
        out = []
        for impl, f in fast.items():
            text = tr("{short}: {f:,.0f}× faster than the Python loop at n = {n:,}")
            out.append((IMPLS[impl][0], "headline", text.format(short=IMPLS[impl][2], f=f, n=n)))
        c = by_impl(r)
        if "numba" in c and "numba-parallel" in c:
            big = c["numba"][-1]
            par = next((p for p in c["numba-parallel"] if p["n"] == big["n"]), None)
            if par is not None and par["ns_per_op"] > 0:
                out.append(("", "", tr("prange vs one thread at n = {n:,}: {f:.2f}× ({t} threads)").format(
                    n=big["n"], f=big["ns_per_op"] / par["ns_per_op"], t=len(r.machine.get("logical_cpus") or []))))
        return out

    def _code_html(self) -> str:
        t = self.theme
        blocks = []
        for impl, (color, code, _short) in IMPLS.items():
            blocks.append(f'<div style="color:{color}; font-weight:bold">{escape(impl)}</div>'
                          f'<pre style="color:{t.text}; margin-top:0">{escape(code)}</pre>')
        return "".join(blocks)
