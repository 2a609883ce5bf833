"""The roofline: GFLOP/s against FLOP/byte on log-log axes for the devices ticked, each roof
labelled with its ridge point, this machine's roof from its own measurements, and common kernels
at their intensities."""

from __future__ import annotations

import math
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem

from hwviz.accel.catalog import PRECISIONS, load_catalog
from hwviz.accel.roofline import ELEMENT_BYTES, Roof, device_roof, kernels, machine_roof, parse_conv, recorded_results
from hwviz.base.checks import whole_text
from hwviz.base.errors import ConfigError
from hwviz.ui.accel_scenes import tr
from hwviz.ui.accel_scenes.controls import ControlsColumn, WithDrawer, column, fit_drawer, lay_out, text_label
from hwviz.ui.accel_scenes.mixins import DrawWhenShown
from hwviz.ui.accel_scenes.paths import RESULTS_DIR
from hwviz.ui.scene import ExperimentScene
from hwviz.ui.theme import THEMES, Theme
from hwviz.ui.widgets.plot_style import curve_pen, new_plot, style_plot

#: roof colours, Okabe-Ito; this machine's roof is black (the theme's text colour), dashed
COLORS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")
DEFAULTS = {"devices": "lecture-cpu-high-end,lecture-gpu-high-end,nvidia-a100-sxm4-80gb,nvidia-h100-sxm5",
            "precision": "fp32", "n": "1024", "conv": "56,56,64,64"}
#: intensities drawn, FLOP/byte
X_RANGE = (1 / 64, 4096.0)



def origin_name(origin: str) -> str:
    """A roof's status (spec, derived, measured) in words."""
    return {"spec": tr("spec"), "derived": tr("derived"), "measured": tr("measured")}[origin]

class RooflineScene(DrawWhenShown, WithDrawer, ExperimentScene):
    """Roofs of catalogued devices and of this machine (Run measures it: threads and STREAM)."""

    name = "roofline"
    title = "Roofline"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = tr("Roofline")
        self.catalog = load_catalog()
        self.theme = THEMES["light"]
        self.values = dict(DEFAULTS)
        results, name = recorded_results(RESULTS_DIR)
        self.machine: Roof | None = machine_roof(results, tr("recorded in {file}").format(file=name)) if results else None

        self.controls = ControlsColumn()
        self.controls.add_choice("precision", tr("Precision"), [(p, p) for p in PRECISIONS if p != "peak"])
        self.controls.add_field("n", tr("Matrix multiply n"))
        self.controls.add_field("conv", tr("Convolution H,W,Cin,Cout (3x3 kernel)"))
        self.controls.col.addWidget(QLabel(tr("Devices")))
        self.device_list = QListWidget()
        self.device_list.setObjectName("devices")
        self.device_list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.device_list.setTextElideMode(Qt.ElideRight)
        for d in self.catalog.devices:
            item = QListWidgetItem(d.name)
            item.setToolTip(d.name)
            item.setData(Qt.UserRole, d.id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            self.device_list.addItem(item)
        self.device_list.itemChanged.connect(self._on_ticked)
        self.controls.col.addWidget(self.device_list, 1)
        self.controls.add_error_line("devices")
        self.controls.edited.connect(self._on_control)

        self.plot = new_plot()
        self.plot.setLogMode(x=True, y=True)
        self.key = text_label(rich=True, name="roofline_key")
        self.caption = text_label(name="roofline_caption")
        self.drawer = lay_out(self, self.controls, column((self.plot, 1), (self.key, 0), (self.caption, 0)))
        self.texts: list[pg.TextItem] = []
        self.redraw()

    # ---- parameters ----------------------------------------------------------------------
    def params(self) -> dict[str, str]:  # noqa: D102 - see Scene
        return dict(self.values)

    def set_param(self, name: str, text: str) -> None:  # noqa: D102
        text = str(text).strip()
        if name == "devices":
            ids = [i for i in text.replace(" ", "").split(",") if i]
            for i in ids:
                self.catalog.device(i)
            text = ",".join(ids)
        elif name == "precision":
            if text not in PRECISIONS or text == "peak":
                raise ConfigError(f"precision {text!r} must be one of {', '.join(p for p in PRECISIONS if p != 'peak')}")
        elif name == "n":
            text = str(whole_text(text, "matrix multiply n", 1, 1 << 20))
        elif name == "conv":
            text = ",".join(map(str, parse_conv(text)))
        else:
            raise ConfigError(f"unknown parameter {name!r} (known: {', '.join(DEFAULTS)})")
        self.values[name] = text
        self.redraw()

    def roofs(self) -> list[Roof]:
        """The roofs drawn: ticked devices that have a figure at the precision, then this machine."""
        out = []
        for i in self.values["devices"].split(","):
            if i:
                r = device_roof(self.catalog.device(i), self.values["precision"])
                if r is not None:
                    out.append(r)
        return out + ([self.machine] if self.machine else [])

    def kernel_list(self):
        """The kernels at the chosen sizes and precision."""
        return kernels(int(self.values["n"]), parse_conv(self.values["conv"]),
                       ELEMENT_BYTES[self.values["precision"]])

    # ---- drawing -------------------------------------------------------------------------
    def _text(self, text: str, x: float, y: float, color: str, anchor=(0, 1), bold: bool = False) -> None:
        """A label at data position (x, y) (the plot is log-log: pyqtgraph wants log10 there)."""
        item = pg.TextItem(text, color=color, anchor=anchor)
        font = QFont(self.font())
        font.setPointSizeF(self.theme.font_size * 0.85)
        font.setBold(bold)
        item.setFont(font)
        item.setPos(math.log10(x), math.log10(y))
        self.plot.addItem(item)
        self.texts.append(item)

    def _draw(self) -> None:
        p, t = self.plot, self.theme
        p.clear()
        self.texts = []
        style_plot(p, t, tr("GFLOP/s"), tr("arithmetic intensity, FLOP/byte"))
        p.showGrid(x=True, y=True, alpha=0.25)
        xs = np.geomspace(*X_RANGE, 200)
        roofs = self.roofs()
        for k, r in enumerate(roofs):
            color = self.roof_color(k, r)
            ys = np.minimum(r.peak, xs * r.bandwidth) / 1e9
            p.plot(xs, ys, pen=curve_pen(color, t, dashed=r is self.machine))
            p.plot([r.ridge], [r.peak / 1e9], pen=None, symbol="d", symbolSize=max(10, t.pen(6)),
                   symbolBrush=color, symbolPen=None)
            self._text(tr("ridge {ridge:.3g}").format(ridge=r.ridge), r.ridge, r.peak / 1e9, color, anchor=(1, 1))
        top = max((r.peak for r in roofs), default=1e12) / 1e9
        low = min((r.attainable(X_RANGE[0]) for r in roofs), default=1e9) / 1e9
        for k, kern in enumerate(self.kernel_list()):
            x = kern.intensity
            if not X_RANGE[0] <= x <= X_RANGE[1]:
                continue
            p.addItem(pg.InfiniteLine(pos=math.log10(x), angle=90,
                                      pen=pg.mkPen(t.muted, width=t.pen(1), style=Qt.DotLine)))
            for r in roofs:
                p.plot([x], [r.attainable(x) / 1e9], pen=None, symbol="o", symbolSize=max(8, t.pen(4)),
                       symbolBrush=t.surface, symbolPen=pg.mkPen(t.text, width=t.pen(1)))
            # staggered so that neighbouring kernels' tags do not overlap
            self._text(f"K{k + 1}", x, top * 12 / 3 ** (k % 2), t.text, anchor=(0.5, 0.5), bold=True)
        p.setXRange(math.log10(X_RANGE[0]), math.log10(X_RANGE[1]), padding=0.02)
        p.setYRange(math.log10(max(low / 2, 1e-3)), math.log10(top * 20), padding=0.02)
        self.key.setText(self.key_html(roofs))
        self.caption.setText(self.caption_text())
        self._sync_list()

    def roof_color(self, k: int, roof: Roof) -> str:
        """The colour of the ``k``-th roof: this machine's is the theme's text colour."""
        return self.theme.text if roof is self.machine else COLORS[k % len(COLORS)]

    def key_html(self, roofs: list[Roof]) -> str:
        """One line per roof (colour, name, status, peak, bandwidth, ridge), and one for the kernels."""
        lines = []
        for k, r in enumerate(roofs):
            tag = tr("reached: measured") if r is self.machine else tr("advertised: {status}").format(status=origin_name(r.origin))
            dash = "&#9548;&#9548;" if r is self.machine else "&#9473;&#9473;"
            lines.append(tr('<span style="color:{c}">{dash}</span> {name} [{tag}]: {peak:,.0f} GFLOP/s, '
                            '{bw:,.0f} GB/s, ridge {ridge:.3g} FLOP/B').format(
                c=self.roof_color(k, r), dash=dash, name=escape(r.label), tag=tag, peak=r.peak / 1e9,
                bw=r.bandwidth / 1e9, ridge=r.ridge))
        kern = "; ".join(tr("<b>K{k}</b> {name} {ai:.3g}").format(k=k + 1, name=escape(kn.name), ai=kn.intensity)
                         for k, kn in enumerate(self.kernel_list()))
        lines.append(tr("{kernels} FLOP/B. Left of a device's ridge, a kernel is memory-bound there.").format(
            kernels=kern))
        return "<br>".join(lines)

    def caption_text(self) -> str:
        """Where the numbers come from, and which devices have no roof at this precision."""
        prec = self.values["precision"]
        missing = [self.catalog.device(i).name for i in self.values["devices"].split(",")
                   if i and device_roof(self.catalog.device(i), prec) is None]
        parts = [tr("Roof = min(peak, intensity x bandwidth) (Williams et al. 2009). Advertised figures: "
                    "hwviz/accel/catalog.toml, each with its source. Kernels move each operand once; "
                    "{prec}, {b} bytes an element.").format(prec=prec, b=ELEMENT_BYTES[prec])]
        if self.machine:
            parts.append(tr("This machine (dashed): {note}.").format(note=self.machine.note))
        else:
            parts.append(tr("This machine: no threads + STREAM result recorded; press Run to measure it."))
        if missing:
            parts.append(tr("No {prec} peak or no bandwidth in the catalog for: {names}.").format(
                prec=prec, names=", ".join(missing)))
        return " ".join(parts)

    def _sync_list(self) -> None:
        ticked = set(self.values["devices"].split(","))
        self.device_list.blockSignals(True)
        for k in range(self.device_list.count()):
            item = self.device_list.item(k)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in ticked else Qt.Unchecked)
        self.device_list.blockSignals(False)
        self.controls.load({k: v for k, v in self.values.items() if k != "devices"})

    def _on_ticked(self, _item) -> None:
        ids = [self.device_list.item(k).data(Qt.UserRole) for k in range(self.device_list.count())
               if self.device_list.item(k).checkState() == Qt.Checked]
        self.set_param("devices", ",".join(ids))


    # ---- Scene interface -----------------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:  # noqa: D102
        self.theme = theme
        fit_drawer(self.drawer, self.width(), theme)
        self.redraw()

    def refresh(self, animating: bool = False) -> None:  # noqa: D102
        """Nothing moves between frames: the plot is redrawn when a parameter changes."""

    def export_data(self) -> dict:  # noqa: D102
        return {"scene": self.name,
                "source": "quoted: hwviz/accel/catalog.toml (each figure's source and status); this machine "
                          + (self.machine.note if self.machine else "not measured"),
                "params": self.params(),
                "roofs": [{"label": r.label, "peak_flops": r.peak, "bandwidth_bytes_per_s": r.bandwidth,
                           "ridge_flop_per_byte": r.ridge, "origin": r.origin, "note": r.note} for r in self.roofs()],
                "kernels": [{"name": k.name, "flops": k.flops, "bytes": k.bytes, "intensity": k.intensity,
                             "note": k.note} for k in self.kernel_list()]}

    def export_rows(self) -> tuple[list[str], list[list]]:  # noqa: D102
        rows = []
        for r in self.roofs():
            for k in self.kernel_list():
                rows.append([r.label, r.origin, r.peak, r.bandwidth, r.ridge, k.name, k.intensity,
                             r.attainable(k.intensity), r.bound(k.intensity)])
        return ["device", "origin", "peak_flops", "bandwidth", "ridge", "kernel", "intensity", "attainable_flops",
                "bound"], rows

    # ---- measuring this machine ----------------------------------------------------------
    def job(self):  # noqa: D102 - ExperimentScene
        from hwviz.measure.experiments import run_experiment

        def run(ctx):
            out = []
            for k, name in enumerate(("threads", "stream")):
                ctx.progress(k, 2, name)
                out.append(run_experiment(name, quick=True, cancel=ctx.cancel))
            ctx.progress(2, 2, "done")
            return out
        return run

    def on_finished(self, result) -> None:  # noqa: D102
        self.machine = machine_roof(result, tr("measured here"))
        self.redraw()
        self.message.emit(tr("This machine measured: its roof is drawn dashed."))

    def on_failed(self, message: str) -> None:  # noqa: D102
        self.message.emit(message)
