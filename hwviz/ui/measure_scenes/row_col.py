"""``row-col``: an N x N matrix summed by rows and by columns, measured in GB/s against N, with
the slowdown written on the plot, the cache sizes marked, the simulator's prediction beside the
measurement, padding as a toggle, and the class's guess before the run."""

from __future__ import annotations

import math

from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from hwviz.base.checks import whole_text
from hwviz.base.errors import ConfigError
from hwviz.measure.results import Result
from hwviz.ui import palette
from hwviz.ui.measure_scenes import records, tr
from hwviz.ui.measure_scenes.base import MeasureScene
from hwviz.ui.measure_scenes.result_plot import key_html

ROW, COL = palette.RUNS
PADDED = palette.LEVELS[0]
ELEM = 8
#: a guess is a factor from 1 to this (0: no guess)
MAX_GUESS = 100


def matrix_n(size_bytes: int) -> float:
    """The N at which an N x N float64 matrix fills ``size_bytes``."""
    return math.sqrt(size_bytes / ELEM)


def curves(result: Result, padded: bool) -> dict[str, list[dict]]:
    """Measured points by order (``"row"``, ``"col"``), sorted by N."""
    out: dict[str, list[dict]] = {"row": [], "col": []}
    for p in result.points:
        if p.get("simulated") or bool(p.get("padded")) != padded or p.get("order") not in out:
            continue
        out[p["order"]].append(p)
    return {k: sorted(v, key=lambda p: p["n"]) for k, v in out.items()}


def slowdowns(result: Result, padded: bool = False) -> dict[int, float]:
    """N -> column time / row time, for every N measured in both orders."""
    c = curves(result, padded)
    row = {p["n"]: p["gbps"] for p in c["row"]}
    return {p["n"]: row[p["n"]] / p["gbps"] for p in c["col"] if p["n"] in row and p["gbps"] > 0}


def simulated(result: Result) -> list[dict]:
    """The simulator's points stored with the result (none for a plain ``hwviz bench`` file)."""
    sim = result.params.get("simulated")
    return list(sim.get("points", [])) if isinstance(sim, dict) else []


class RowColScene(MeasureScene):
    """Row vs column order, measured and simulated."""

    name = "row-col"
    title = "Row vs column"
    experiment = "row-col"

    def __init__(self, parent=None):
        self.padded = False
        self.guess = 0
        super().__init__(parent)
        self.title = tr("Row vs column")
        self.pad_box = QCheckBox(tr("Padded rows (ld = N + 8)"))
        self.pad_box.toggled.connect(lambda on: self.set_param("padded", "true" if on else "false"))
        self.guess_box = QSpinBox()
        self.guess_box.setRange(0, MAX_GUESS)
        self.guess_box.setSpecialValueText(tr("no guess"))
        self.guess_box.setPrefix("×")
        self.guess_box.valueChanged.connect(lambda v: self.set_param("guess", str(v)))
        self.scene_controls.addWidget(self.pad_box)
        guess = QWidget()   # the label and its field wrap together
        row = QHBoxLayout(guess)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("Guess: column slower by")))
        row.addWidget(self.guess_box)
        self.scene_controls.addWidget(guess)

    # ---- parameters ------------------------------------------------------------------------
    def scene_params(self) -> dict[str, str]:  # noqa: D102 - MeasureScene
        return {"padded": "true" if self.padded else "false", "guess": str(self.guess)}

    def set_scene_param(self, name: str, text: str) -> None:  # noqa: D102 - MeasureScene
        if name == "padded":
            if text not in ("true", "false"):
                raise ConfigError(tr("padded {text!r} must be true or false").format(text=text[:40]))
            self.padded = text == "true"
            self.pad_box.blockSignals(True)
            self.pad_box.setChecked(self.padded)
            self.pad_box.blockSignals(False)
        elif name == "guess":
            self.guess = whole_text(text, tr("guess"), 0, MAX_GUESS)
            self.guess_box.blockSignals(True)
            self.guess_box.setValue(self.guess)
            self.guess_box.blockSignals(False)
        else:
            super().set_scene_param(name, text)

    # ---- running ---------------------------------------------------------------------------
    def extra(self, result: Result, ctx) -> None:
        """After measuring: the simulator's prediction for the same N, stored with the result."""
        from hwviz.measure.row_col_model import predict

        ns = sorted({p["n"] for p in result.points})
        ctx.progress(len(result.points), len(result.points), tr("simulating the same loops"))
        result.params["simulated"] = predict(ns, cancel=ctx.cancel, point=ctx.point)

    def add_point(self, result: Result, point: dict) -> None:  # noqa: D102 - MeasureScene
        if point.get("simulated"):
            result.params.setdefault("simulated", {"points": []})["points"].append(point)
        else:
            result.points.append(point)

    # ---- drawing ---------------------------------------------------------------------------
    def redraw(self) -> None:  # noqa: D102 - MeasureScene
        pl = self.plot
        pl.clear()
        pl.apply_theme(self.theme, tr("GB/s (log scale)"), tr("N (matrix N x N of float64, log scale)"))
        key = []
        if self.shown is None:
            self.side.setText(key_html([("", "", tr("No result yet: press Run."))], self.theme))
            return
        r = self.shown.result
        key += self._texts(r)
        key += self._draw_result(r, dashed=False)
        if self.compare is not None:
            key += self._draw_result(self.compare.result, dashed=True)
        key += self._draw_simulated(r)
        ns = [p["n"] for p in r.points] + ([p["n"] for p in self.compare.result.points] if self.compare else [])
        if ns:
            pl.x_range(min(ns) / 1.5, max(ns) * 2.5)
            pl.x_ticks([p["n"] for p in r.points] or ns, str)
        pl.y_ticks([0.01, 0.1, 1, 10, 100, 1000], lambda v: f"{v:g}")
        self.side.setText(key_html(key, self.theme))

    def _draw_result(self, r: Result, dashed: bool) -> list:
        pl, key = self.plot, []
        where = records.machine_name(r.machine) if dashed else ""
        for label, size in records.cache_markers(r.machine):
            if dashed:
                pl.vline(matrix_n(size), tr("{label} (compared)").format(label=label), row=1)
            else:
                pl.vline(matrix_n(size), label)
        # padding changes where a column's elements fall in the sets; a row's walk it leaves alone
        variants = [(False, "row", ROW), (False, "col", COL)] + ([(True, "col", PADDED)] if self.padded else [])
        for padded, order, color in variants:
            pts = curves(r, padded)[order]
            if not pts:
                continue
            pl.series([p["n"] for p in pts], [p["gbps"] for p in pts], color, dashed=dashed,
                      hollow=[records.busy(p) for p in pts], symbol="o" if order == "row" else "s")
            what = tr("row order") if order == "row" else tr("column order")
            if padded:
                what += tr(", padded (ld = N + 8)")
            key.append((color, "dashed" if dashed else "solid",
                        tr("{what}, measured ({where})").format(what=what, where=where) if dashed
                        else tr("{what}, measured").format(what=what)))
        return key

    def _draw_simulated(self, r: Result) -> list:
        sim = simulated(r)
        if not sim:
            return [("", "", tr("Simulated series: none stored with this result; Run computes them."))]
        key = []
        for pf, style in (("none", "dashed"), ("stream", "dotted")):
            for order, color in (("row", ROW), ("col", COL)):
                pts = sorted((p for p in sim if p["order"] == order and p["prefetch"] == pf), key=lambda p: p["n"])
                if not pts:
                    continue
                item = self.plot.series([p["n"] for p in pts], [p["gbps"] for p in pts], color,
                                        dashed=True, symbol="", thin=True)
                if style == "dotted":
                    item.opts["pen"].setDashPattern([1, 2])
                    item.updateItems()
                what = tr("row") if order == "row" else tr("column")
                pf_text = tr("no prefetcher") if pf == "none" else tr("prefetcher")
                key.append((color, style, tr("{what}, simulated, {pf}").format(what=what, pf=pf_text)))
        key.append(("", "", tr("Simulated on the {preset} preset: each access costs its level's latency, "
                               "one after another. Real CPUs overlap misses and prefetch, so the measured "
                               "curves sit above the model's: the gap is part of the lesson.").format(
            preset=r.params["simulated"].get("preset", "host"))))
        return key

    def _texts(self, r: Result) -> list:
        """The slowdown at each N, the one at the largest N in large type, and the guess."""
        pl, key = self.plot, []
        c = curves(r, False)
        row = {p["n"]: p["gbps"] for p in c["row"]}
        slow = slowdowns(r)
        for n, f in sorted(slow.items()):
            mid = math.sqrt(row[n] * row[n] / f)  # geometric middle of the two points
            pl.text(n, mid, f"×{f:.1f}", anchor=(-0.1, 0.5), bold=True)
        padded = slowdowns(r, True)
        if self.padded and padded:
            n = max(padded)
            key.append(("", "headline", tr("Padded (ld = N + 8): ×{f:.1f} at N = {n}.").format(n=n, f=padded[n])))
        if slow:
            n = max(slow)
            key.insert(0, ("", "headline", tr("At N = {n}, column order is {f:.1f}× slower than row order.").format(
                n=n, f=slow[n])))
        if self.guess:
            text = tr("guess ×{g}").format(g=self.guess)
            if slow:
                n = max(slow)
                pl.text(n, math.sqrt(row[n] * row[n] / slow[n]), text, anchor=(-0.1, -0.4), factor=0.9)
            key.insert(1 if slow else 0, ("", "headline", tr("The class guessed ×{g}.").format(g=self.guess)))
        return key
