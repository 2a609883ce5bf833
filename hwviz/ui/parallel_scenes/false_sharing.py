"""``false-sharing``: per-thread counters 8 to 256 bytes apart; ns per increment against their
distance with the 64-byte cache line drawn, so the cliff at one line is obvious. Beside it the
line bouncing between two cores' caches (an MSI model) and the line transfers the model predicts
for the measured run; under both the machine with the counting threads' CPUs lit."""

from __future__ import annotations

from statistics import median

from hwviz.measure.results import Result
from hwviz.ui import palette
from hwviz.ui.measure_scenes import records
from hwviz.ui.measure_scenes.result_plot import key_html
from hwviz.ui.parallel_scenes import tr
from hwviz.ui.parallel_scenes.line_bounce import LINE_BYTES, LineBounceView
from hwviz.ui.parallel_scenes.placed import PlacedScene

#: inside one line (the counters fight over it), a line each
SAME, APART = palette.MEMORY, palette.RUNS[0]


def by_distance(result: Result) -> list[dict]:
    """The result's points sorted by distance."""
    return sorted((p for p in result.points if "distance_bytes" in p and "ns_per_op" in p),
                  key=lambda p: p["distance_bytes"])


def same_line(point: dict, line: int = LINE_BYTES) -> bool:
    """True if the point's counters share one cache line (as the point says, else by distance)."""
    return bool(point.get("same_line", point["distance_bytes"] < line))


def cliff(result: Result) -> float | None:
    """How many times slower an increment is inside one line than a line apart (medians of
    both groups), or None without both."""
    pts = by_distance(result)
    inside = [p["ns_per_op"] for p in pts if same_line(p)]
    apart = [p["ns_per_op"] for p in pts if not same_line(p)]
    if not inside or not apart or median(apart) <= 0:
        return None
    return median(inside) / median(apart)


def times(f: float) -> str:
    """A slowdown factor as text: one decimal below 10, none above."""
    return f"{f:.1f}" if f < 10 else f"{f:.0f}"


class FalseSharingScene(PlacedScene):
    """False sharing."""

    name = "false-sharing"
    title = "False sharing"
    experiment = "false-sharing"
    log_x = True

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = tr("False sharing")

    def make_animation(self) -> LineBounceView:  # noqa: D102 - PlacedScene
        return LineBounceView()

    def draw(self) -> None:  # noqa: D102 - PlacedScene
        pl, t = self.plot, self.theme
        pl.clear()
        pl.apply_theme(t, tr("ns per increment"), tr("counter distance, bytes (log scale)"))
        line = int((self.shown.result.params.get("line_bytes") if self.shown else 0) or LINE_BYTES)
        pl.vline(line, tr("{n}-byte cache line").format(n=line), t.text)
        key, top = [], 1.0
        if self.compare is not None:
            top = max(top, self._draw(self.compare.result, dashed=True))
            key.append((t.muted, "dashed", tr("dashed: {machine}").format(
                machine=records.machine_name(self.compare.result.machine))))
        if self.shown is not None and by_distance(self.shown.result):
            top = max(top, self._draw(self.shown.result, dashed=False))
            key = self._key(self.shown.result) + key
        else:
            pl.text(32, 0.5, tr("Measuring…") if self.shown is not None and self.shown.running
                    else tr("No result yet: press Run (Space)."), anchor=(0.5, 0.5), bold=True)
        pl.x_range(6, 340)
        pl.x_ticks([8, 16, 32, 64, 128, 256], lambda v: f"{v:g}")
        pl.y_range(0.0, top * 1.2)
        self.side.setText(key_html(key, t))

    def _draw(self, r: Result, dashed: bool) -> float:
        """Draw ``r``; returns its largest ns per increment."""
        pl = self.plot
        pts = by_distance(r)
        if not pts:
            return 0.0
        xs, ys = [p["distance_bytes"] for p in pts], [p["ns_per_op"] for p in pts]
        pl.series(xs, ys, self.theme.muted, dashed=True, symbol="", thin=True)   # the cliff between
        for color, inside in ((SAME, True), (APART, False)):
            group = [p for p in pts if same_line(p) == inside]
            if group:
                pl.series([p["distance_bytes"] for p in group], [p["ns_per_op"] for p in group], color,
                          dashed=dashed, hollow=[records.busy(p) for p in group])
        f = cliff(r)
        if f is not None and not dashed:
            low = min(p["ns_per_op"] for p in pts if same_line(p))   # under the points inside one line
            pl.text(xs[0], low * 0.9, tr("×{f} slower\ninside one line").format(f=times(f)), SAME,
                    anchor=(0, 0), bold=True)
        return max(ys)

    def _key(self, r: Result) -> list:
        p = r.params
        out = [(SAME, "solid", tr("inside one line: it bounces between the cores")),
               (APART, "solid", tr("a line each: it stays put"))]
        f = cliff(r)
        if f is not None:
            out.append(("", "headline", tr("An increment is {f:.1f}× slower when the counters share a line.").format(f=f)))
        threads, n = p.get("threads"), p.get("increments")
        if threads and n:
            out.append(("", "", tr("{t} threads, {n:,} increments each.").format(t=threads, n=n)))
        predicted = {same_line(q): q for q in reversed(by_distance(r)) if "predicted_transfers" in q}
        if predicted:
            text = "; ".join(tr("{k:,} at {d} B apart").format(k=q["predicted_transfers"], d=q["distance_bytes"])
                             for _inside, q in sorted(predicted.items(), reverse=True))
            out.append(("", "", tr("Line transfers the model predicts for this run: {list}.").format(list=text)))
        if p.get("model"):
            out.append(("", "", tr("Model: {model}").format(model=p["model"])))
        placed = self.placement_text()
        if placed:
            out.append(("", "", placed))
        return out
