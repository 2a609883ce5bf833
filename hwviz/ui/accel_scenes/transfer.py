"""CPU-GPU transfers as a profiler-like timeline: one batched copy against many small ones, a
scalar copied back every step against once per epoch, pageable against pinned memory."""

from __future__ import annotations

import math


from hwviz.accel.transfer import SCENARIOS, TransferParams, load_links, scenario
from hwviz.base.checks import number_text, whole_text
from hwviz.base.errors import ConfigError
from hwviz.base.units import format_size, parse_size
from hwviz.ui.accel_scenes import tr
from hwviz.ui.accel_scenes.controls import ControlsColumn, WithDrawer, column, fit_drawer, lay_out, text_label
from hwviz.ui.accel_scenes.mixins import Cursor
from hwviz.ui.accel_scenes.transfer_view import KIND_COLORS, TransferView, kind_names
from hwviz.ui.palette import mix
from hwviz.ui.scene import TimelineScene
from hwviz.ui.theme import THEMES, Theme

DEFAULTS = {"scenario": "batched", "pcie": "4.0", "copy_latency_us": "10", "launch_latency_us": "5",
            "kernel_us": "200", "size": "4MiB", "copies": "64", "steps": "20", "host_gbps": "10"}
#: (parameter, what, lowest, highest) of the numeric fields
_NUMBERS = {"copy_latency_us": ("per-copy latency (µs)", 0.0, 1e6), "launch_latency_us": ("launch latency (µs)", 0.0, 1e6),
            "kernel_us": ("kernel time (µs)", 0.001, 1e7), "host_gbps": ("host memcpy (GB/s)", 0.01, 1e4)}
_WHOLES = {"copies": ("copies", 1, 4096), "steps": ("steps", 1, 1000)}


def number_labels() -> dict[str, str]:
    """The label of each number field of :data:`_NUMBERS`."""
    labels = {"copy_latency_us": tr("Per-copy latency (µs)"), "launch_latency_us": tr("Launch latency (µs)"),
              "kernel_us": tr("Kernel time (µs)"), "host_gbps": tr("Host memcpy (GB/s)")}
    return {name: labels[name] for name in _NUMBERS}


def scenario_names() -> dict[str, str]:
    """Each scenario in words."""
    return {"batched": tr("one batched copy vs many small"), "scalar": tr("a scalar back every step vs once"),
            "pinned": tr("pageable vs pinned memory")}


class TransferScene(Cursor, WithDrawer, TimelineScene):
    """The transfer scene: two modelled timelines of one scenario and their totals; playing
    sweeps a cursor along them (position: microseconds of modelled time)."""

    name = "transfer"
    title = "CPU-GPU transfers"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = tr("CPU-GPU transfers")
        self.links = load_links()
        self.values = dict(DEFAULTS)
        self.theme = THEMES["light"]
        self.controls = ControlsColumn()
        self.controls.add_choice("scenario", tr("Scenario"), [(s, scenario_names()[s]) for s in SCENARIOS])
        self.controls.add_choice("pcie", tr("PCIe x16 generation"), [
            (g, tr("PCIe {g}: {bw:.1f} GB/s each way").format(g=g, bw=link.bandwidth.value / 1e9))
            for g, link in self.links.items()])
        for name, label in number_labels().items():
            self.controls.add_field(name, label)
        self.controls.add_field("size", tr("Bytes copied each way"))
        self.controls.add_field("copies", tr("Small copies (batched scenario)"))
        self.controls.add_field("steps", tr("Steps (scalar scenario)"))
        self.controls.finish()
        self.controls.edited.connect(self._on_control)

        self.view = TransferView()
        self.legend = text_label(rich=True)
        self.caption = text_label(name="transfer_caption")
        self.drawer = lay_out(self, self.controls, column((self.view, 1), (self.legend, 0), (self.caption, 0)))
        self._redraw()

    # ---- the model -----------------------------------------------------------------------
    def model_params(self) -> TransferParams:
        """The model's inputs from the current parameters."""
        v = self.values
        return TransferParams(bandwidth=self.links[v["pcie"]].bandwidth.value,
                              copy_latency=float(v["copy_latency_us"]) * 1e-6,
                              launch_latency=float(v["launch_latency_us"]) * 1e-6,
                              kernel_time=float(v["kernel_us"]) * 1e-6, size=parse_size(v["size"]),
                              copies=int(v["copies"]), steps=int(v["steps"]),
                              host_bandwidth=float(v["host_gbps"]) * 1e9)

    def timelines(self):
        """``(habit, better)`` of the chosen scenario."""
        return scenario(self.values["scenario"], self.model_params())

    # ---- TimelineScene interface ---------------------------------------------------------
    def unit(self) -> str:  # noqa: D102 - see TimelineScene
        return tr("µs modelled")

    def length(self) -> int:  # noqa: D102
        return max(1, math.ceil(max(tl.total for tl in self._shown) * 1e6))

    def _moved(self) -> None:
        self.view.set_cursor(self.cursor * 1e-6)

    def rate_range(self) -> tuple[float, float, float]:  # noqa: D102
        # the default plays the longer timeline in about ten seconds
        return 1.0, 1e7, max(1.0, self.length() / 10)

    def frame_limit(self) -> int:  # noqa: D102
        return 1 << 30

    # ---- Scene interface -----------------------------------------------------------------
    def params(self) -> dict[str, str]:  # noqa: D102 - see Scene
        return dict(self.values)

    def set_param(self, name: str, text: str) -> None:  # noqa: D102
        text = str(text).strip()
        if name == "scenario":
            if text not in SCENARIOS:
                raise ConfigError(f"scenario {text!r} must be one of {', '.join(SCENARIOS)}")
        elif name == "pcie":
            if text not in self.links:
                raise ConfigError(f"PCIe generation {text!r} must be one of {', '.join(self.links)}")
        elif name in _NUMBERS:
            what, lo, hi = _NUMBERS[name]
            text = f"{number_text(text, what, lo, hi):g}"
        elif name in _WHOLES:
            text = str(whole_text(text, *_WHOLES[name]))
        elif name == "size":
            size = parse_size(text, "bytes copied")
            if not 1 <= size <= 1 << 40:
                raise ConfigError(f"bytes copied {text[:40]!r} must be from 1 B to 1 TiB")
            text = format_size(size)
        else:
            raise ConfigError(f"unknown parameter {name!r} (known: {', '.join(DEFAULTS)})")
        self.values[name] = text
        self._redraw()

    def apply_theme(self, theme: Theme) -> None:  # noqa: D102
        self.theme = theme
        self.view.apply_theme(theme)
        fit_drawer(self.drawer, self.width(), theme)
        self._redraw()

    def refresh(self, animating: bool = False) -> None:  # noqa: D102
        """Nothing moves between frames: the timelines are redrawn when a parameter changes."""

    def export_data(self) -> dict:  # noqa: D102
        return {"scene": self.name, "source": self.source_text(), "params": self.params(),
                "timelines": [{"name": tl.name, "total_s": tl.total, "gpu_busy_s": tl.gpu_busy,
                               "gpu_idle_fraction": tl.gpu_idle_fraction,
                               "events": [vars(e) for e in tl.events]} for tl in self.timelines()]}

    def export_rows(self) -> tuple[list[str], list[list]]:  # noqa: D102
        rows = [[tl.name, e.row, e.kind, e.start, e.end, e.bytes] for tl in self.timelines() for e in tl.events]
        return ["timeline", "row", "kind", "start_s", "end_s", "bytes"], rows

    # ---- text ----------------------------------------------------------------------------
    def source_text(self) -> str:
        """Where the figures come from."""
        link = self.links[self.values["pcie"]].bandwidth
        return ("modelled: copies take latency + bytes / bandwidth; PCIe x16 " + self.values["pcie"] +
                f" {link.quoted} per direction ({link.status}: {link.note}; {link.source.title}); "
                "latencies, kernel time and host memcpy bandwidth are assumed")

    def _redraw(self) -> None:
        self._shown = self.timelines()
        self.view.show_timelines(self._shown)
        self.seek(self.length())            # the whole picture first; Play sweeps it from 0
        t = self.theme
        names = kind_names()
        self.legend.setText("&nbsp;&nbsp; ".join(
            f'<span style="color:{c or mix(t.muted, t.surface, 0.3)}">&#9632;</span>&nbsp;{names[k]}'
            for k, c in KIND_COLORS.items()))
        link = self.links[self.values["pcie"]].bandwidth
        self.caption.setText(tr(
            "Modelled, not measured: a copy takes latency + bytes / bandwidth. PCIe {gen} x16: {bw} each way "
            "({status}: {note}; {source}). Latencies, kernel time and host memcpy speed are assumptions: set "
            "yours, or measure them with hwviz bench transfer on a machine with a CUDA GPU.").format(
            gen=self.values["pcie"], bw=link.quoted, status=link.status, note=link.note, source=link.source.title))
        self.controls.load(self.values)
        self.changed.emit()

