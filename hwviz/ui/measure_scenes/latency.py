"""``latency``: the latency ladder. A pointer chase's ns per load against the working set, with the
plateaus of each cache level and memory, the cache sizes marked, the lecture's numbers as
reference lines, and Calibrate: the plateaus become the simulator's ``host`` latencies."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from hwviz.base.errors import ConfigError
from hwviz.base.units import format_size
from hwviz.measure.calibration import cache_levels, host_latencies, plateaus
from hwviz.measure.results import Result
from hwviz.sim.host_latency import forget_latency, load_latency, save_latency
from hwviz.ui import palette
from hwviz.ui.measure_scenes import records, tr
from hwviz.ui.measure_scenes.base import MeasureScene, this_machine
from hwviz.ui.measure_scenes.result_plot import key_html

MEASURED = palette.RUNS[0]
COMPARED = palette.PREFETCHED
NS_TICKS = (0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500)


def lecture_numbers() -> list[tuple[str, float]]:
    """The lecture's latencies (the textbook preset's quoted ones; its L3 is hwviz's choice and
    is left out)."""
    from hwviz.sim.presets import textbook

    h = textbook()
    return [(lv.name, lv.latency_ns) for lv in h.levels if lv.name in ("L1", "L2")] + \
        [(tr("memory"), h.memory_latency_ns)]


def level_color(name: str) -> str:
    """L1, L2, L3, L4 in the levels' colours, memory in memory's."""
    if name.startswith("L") and name[1:].isdigit() and 0 < int(name[1:]) <= len(palette.LEVELS):
        return palette.LEVELS[int(name[1:]) - 1]
    return palette.MEMORY


def same_machine(machine: dict) -> bool:
    """True if ``machine`` (a result's) has this machine's CPU model and cache sizes."""
    here = this_machine().to_dict()
    return machine.get("cpu_model") == here["cpu_model"] and cache_levels(machine) == cache_levels(here)


class LatencyScene(MeasureScene):
    """The latency ladder and Calibrate."""

    name = "latency"
    title = "Latency ladder"
    experiment = "latency"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = tr("Latency ladder")
        self.calibrate_button = QPushButton(tr("Calibrate the simulator"))
        self.calibrate_button.clicked.connect(self._calibrate_clicked)
        self.typical_button = QPushButton(tr("Typical latencies"))
        self.typical_button.clicked.connect(self._typical_clicked)
        self.scene_controls.addWidget(self.calibrate_button)
        self.scene_controls.addWidget(self.typical_button)

    # ---- calibrate -------------------------------------------------------------------------
    def calibrate(self) -> str:
        """Keep the shown result's plateaus for the ``host`` preset; return where they were
        written. ConfigError if the result was not measured on this machine or lacks a plateau."""
        if self.shown is None or self.shown.running:
            raise ConfigError(tr("there is no finished latency result to calibrate with"))
        r = self.shown.result
        if not same_machine(r.machine):
            raise ConfigError(tr("this result was recorded on {machine}, not on this machine: measure "
                                 "here (Run) to calibrate").format(machine=records.machine_name(r.machine)))
        path = save_latency(host_latencies(r))
        self.invalidate()
        return str(path)

    def _calibrate_clicked(self) -> None:
        try:
            path = self.calibrate()
        except ConfigError as e:
            self.show_error(str(e))
            return
        self.show_error("")
        self.message.emit(tr("The host preset now uses the latencies measured here (kept in {path}).").format(
            path=path))

    def _typical_clicked(self) -> None:
        try:
            forget_latency()
        except ConfigError as e:
            self.show_error(str(e))
            return
        self.invalidate()

    # ---- drawing ---------------------------------------------------------------------------
    def redraw(self) -> None:  # noqa: D102 - MeasureScene
        pl = self.plot
        pl.clear()
        pl.apply_theme(self.theme, tr("ns per dependent load (log scale)"), tr("working set (log scale)"))
        key = []
        for name, ns in lecture_numbers():
            pl.hline(ns, tr("lecture: {name} {ns:g} ns").format(name=name, ns=ns), level_color(name))
        if self.shown is not None:
            key += self._draw(self.shown.result, dashed=False)
        if self.compare is not None:
            key += self._draw(self.compare.result, dashed=True)
        key.append((self.theme.muted, "dotted", tr("the lecture's numbers (Dean and Norvig's list)")))
        key.append(("", "", self._host_status()))
        sizes = [p["size_bytes"] for s in (self.shown, self.compare) if s for p in s.result.points]
        if sizes:
            pl.x_range(min(sizes) / 1.3, max(sizes) * 1.3)
            # powers of four from the smallest size: a compared sweep's sizes would crowd them
            ticks = [min(sizes) * 4 ** k for k in range(40) if min(sizes) * 4 ** k <= max(sizes)]
            pl.x_ticks(ticks, format_size)
        pl.y_ticks(NS_TICKS, lambda v: f"{v:g}")
        pl.y_range(0.4, 400)
        self.side.setText(key_html(key, self.theme))

    def _draw(self, r: Result, dashed: bool) -> list:
        pl = self.plot
        color = COMPARED if dashed else MEASURED
        for label, size in records.cache_markers(r.machine):
            if dashed:
                pl.vline(size, tr("{label} (compared)").format(label=label), COMPARED, row=1)
            else:
                pl.vline(size, label)
        pts = sorted((p for p in r.points if "ns_per_op" in p), key=lambda p: p["size_bytes"])
        if not pts:
            return []
        pl.series([p["size_bytes"] for p in pts], [p["ns_per_op"] for p in pts], color, dashed=dashed,
                  hollow=[records.busy(p) for p in pts])
        key = [(color, "dashed" if dashed else "solid",
                tr("measured on {machine}").format(machine=records.machine_name(r.machine)) if dashed
                else tr("measured: ns per load of a random pointer chase"))]
        if dashed:
            return key
        try:
            found = plateaus(r)
        except ConfigError as e:
            return key + [("", "", str(e))]
        for k, p in enumerate(found):
            color = level_color(p.name)
            name = tr("memory") if p.name == "memory" else p.name   # cache levels: L1, L2 ...
            item = pl.series([p.lo_bytes / 1.15, p.hi_bytes * 1.15], [p.ns, p.ns], color, symbol="")
            item.setZValue(-1)
            last = k == len(found) - 1  # right-aligned, so that it ends inside the plot
            pl.text(p.hi_bytes * 1.15 if last else p.lo_bytes / 1.15, p.ns,
                    tr("{name} ≈ {ns:.3g} ns").format(name=name, ns=p.ns), color,
                    anchor=(1 if last else 0, 1.1), bold=True)
            key.append((color, "solid", tr("{name} plateau: {ns:.3g} ns ({n} points)").format(
                name=name, ns=p.ns, n=p.points)))
        return key

    def _host_status(self) -> str:
        lat, problem = load_latency()
        if lat is None:
            return problem or tr("The simulator's host preset uses typical latencies; Calibrate puts "
                                 "this machine's in their place.")
        levels = ", ".join(f"{k} {v:.3g} ns" for k, v in lat.levels.items())
        return tr("The simulator's host preset uses latencies measured on this machine on {date}: "
                  "{levels}, memory {mem:.3g} ns.").format(date=lat.date, levels=levels, mem=lat.memory_ns)
