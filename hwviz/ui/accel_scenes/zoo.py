"""The accelerator zoo: throughput per watt of catalogued CPUs, GPUs, DSPs, FPGAs and AI ASICs
against flexibility, stepped kind by kind with the lecture's points as captions."""

from __future__ import annotations

import math
import re
from html import escape

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from hwviz.accel.catalog import load_catalog
from hwviz.accel.zoo import FAMILIES, zoo
from hwviz.base.checks import whole_text
from hwviz.base.errors import ConfigError
from hwviz.ui import palette
from hwviz.ui.accel_scenes import tr
from hwviz.ui.accel_scenes.mixins import Cursor, DrawWhenShown
from hwviz.ui.accel_scenes.zoo_text import captions, family_names
from hwviz.ui.scene import TimelineScene
from hwviz.ui.theme import THEMES, Theme
from hwviz.ui.widgets.plot_style import new_plot, style_plot

#: one Okabe-Ito colour per family
COLORS = {"asic": "#D55E00", "fpga": "#CC79A7", "dsp": "#E69F00", "gpu": "#009E73", "cpu": "#0072B2"}
SOURCE = "quoted: hwviz/accel/catalog.toml (each figure's source and status); per watt derived as throughput / power"


class ZooScene(Cursor, DrawWhenShown, TimelineScene):
    """Position 0 shows every kind; 1 to 5 step through them, least flexible first."""

    name = "accelerators"
    title = "Accelerator zoo"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = tr("Accelerator zoo")
        self.points = zoo(load_catalog())
        self.theme = THEMES["light"]
        self.plot = new_plot()
        self.plot.setLogMode(x=False, y=True)
        self.texts: list[pg.TextItem] = []
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setObjectName("zoo_caption")
        self.unpowered = QLabel()
        self.unpowered.setWordWrap(True)
        self.unpowered.setTextFormat(Qt.RichText)
        col = QVBoxLayout()
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.plot, 3)
        col.addWidget(self.unpowered)
        col.addWidget(self.caption)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        box = QWidget()
        box.setLayout(col)
        row.addWidget(box)
        self._moved()

    # ---- TimelineScene interface ---------------------------------------------------------
    def unit(self) -> str:  # noqa: D102 - see TimelineScene
        return tr("kinds")

    def length(self) -> int:  # noqa: D102
        return len(FAMILIES)


    def rate_range(self) -> tuple[float, float, float]:  # noqa: D102
        return 0.1, 1.0, 0.2

    @property
    def family(self) -> str:
        """The family shown (``all`` at position 0)."""
        return "all" if self.cursor == 0 else FAMILIES[self.cursor - 1]

    # ---- Scene interface -----------------------------------------------------------------
    def params(self) -> dict[str, str]:  # noqa: D102
        return {"step": str(self.cursor)}

    def set_param(self, name: str, text: str) -> None:  # noqa: D102
        if name != "step":
            raise ConfigError(f"unknown parameter {name!r} (known: step)")
        self.seek(whole_text(text, "step", 0, self.length()))
        self.changed.emit()

    def apply_theme(self, theme: Theme) -> None:  # noqa: D102
        self.theme = theme
        self.redraw()

    def refresh(self, animating: bool = False) -> None:  # noqa: D102
        """The plot is redrawn when the step changes."""

    def set_presenting(self, on: bool) -> None:  # noqa: D102
        """No controls to hide: the transport steps the kinds."""

    def export_data(self) -> dict:  # noqa: D102
        return {"scene": self.name, "source": SOURCE, "step": self.cursor, "family": self.family,
                "devices": [{"id": p.device.id, "family": p.family, "precision": p.precision,
                             "throughput_ops": p.throughput.value, "throughput_status": p.throughput.status,
                             "power_w": p.power.value if p.power else None, "ops_per_watt": p.per_watt,
                             "source": p.throughput.source.title} for p in self.points]}

    def export_rows(self) -> tuple[list[str], list[list]]:  # noqa: D102
        return (["device", "family", "precision", "ops_per_s", "watts", "ops_per_watt"],
                [[p.device.id, p.family, p.precision, p.throughput.value, p.power.value if p.power else "",
                  p.per_watt or ""] for p in self.points])

    # ---- drawing -------------------------------------------------------------------------
    def _moved(self) -> None:
        self.redraw()

    def _draw(self) -> None:
        p, t = self.plot, self.theme
        p.clear()
        self.texts = []
        style_plot(p, t, tr("throughput per watt, GOPS/W (log)"),
                   tr("less flexible  ←  kind of processor  →  more flexible"))
        names = family_names()
        p.getAxis("bottom").setTicks([[(k, names[f]) for k, f in enumerate(FAMILIES)]])
        focus = self.family
        font = QFont(self.font())
        font.setPointSizeF(t.font_size * 0.8)
        powered = [z for z in self.points if z.per_watt]
        for k, fam in enumerate(FAMILIES):
            members = [z for z in powered if z.family == fam]
            for n, z in enumerate(members):
                x = k + (n - (len(members) - 1) / 2) * 0.22
                on = focus in ("all", fam)
                color = COLORS[fam] if on else palette.mix(t.muted, t.surface, 0.35)
                y = z.per_watt / 1e9
                p.plot([x], [y], pen=None, symbol="o", symbolSize=max(12, t.pen(7)) * (1.4 if focus == fam else 1),
                       symbolBrush=color, symbolPen=None)
                if on:
                    label = tr("{name}\n{v:,.0f} GOPS/W ({prec}, {status})").format(
                        name=re.sub(r" \([^)]*\)$", "", z.device.name), v=y, prec=z.precision, status=z.power.status
                        if z.power.status != "spec" else z.throughput.status)
                    # alternate sides, so that neighbours' labels do not overlap
                    item = pg.TextItem(label, color=t.text, anchor=(1.08, 0.5) if n % 2 == 0 else (-0.08, 0.5))
                    item.setFont(font)
                    item.setPos(x, math.log10(y))
                    p.addItem(item)
                    self.texts.append(item)
        p.setXRange(-1.5, len(FAMILIES) - 0.1, padding=0)   # room for the left-hand labels
        ys = [z.per_watt / 1e9 for z in powered]
        if ys:
            p.setYRange(math.log10(min(ys)) - 0.8, math.log10(max(ys)) + 0.8, padding=0)
        missing = [z for z in self.points if not z.per_watt and focus in ("all", z.family)]
        self.unpowered.setText(tr("No power in the catalog, so no point: {list}.").format(list="; ".join(
            f"{escape(z.device.name)} {z.throughput.quoted} ({z.precision})" for z in missing)) if missing else "")
        self.unpowered.setVisible(bool(missing))
        self.caption.setText(tr("{text}<br><i>Numbers: the catalog (hwviz/accel/catalog.toml), each "
                                "at the device's fastest precision (int8 or bf16/fp16: not like for like); per watt "
                                "= throughput / catalogued power.</i>").format(
            text=escape(captions()[focus])))
