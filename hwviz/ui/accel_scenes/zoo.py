"""The accelerator zoo: throughput per watt of catalogued CPUs, GPUs, DSPs, FPGAs and AI ASICs
against flexibility, stepped kind by kind with the lecture's points as captions."""

from __future__ import annotations

import math
import re

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QHBoxLayout, QVBoxLayout, QWidget

from hwviz.accel.catalog import load_catalog
from hwviz.accel.zoo import FAMILIES, zoo
from hwviz.base.checks import whole_text
from hwviz.base.errors import ConfigError
from hwviz.ui import palette
from hwviz.ui.accel_scenes import tr
from hwviz.ui.accel_scenes.controls import TextPanel, text_label
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
        self.powered = [z for z in self.points if z.per_watt]
        self.texts: list[pg.TextItem] = []          # a label and a dot per powered device, built by _draw
        self.dots: list[QGraphicsEllipseItem] = []
        self.caption = TextPanel()
        self.caption.setObjectName("zoo_caption")
        self.numbers = text_label(rich=True)
        self.numbers.setText(tr("<i>Numbers: the catalog (hwviz/accel/catalog.toml), each at the device's fastest "
                                "precision (int8 or bf16/fp16: not like for like); per watt = throughput / "
                                "catalogued power.</i>"))
        self.unpowered = TextPanel()
        col = QVBoxLayout()
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.plot, 3)
        col.addWidget(self.unpowered)
        col.addWidget(self.caption)
        col.addWidget(self.numbers)
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
        if self._stale or not self.texts:
            self.redraw()
        else:
            self._focus()

    def _draw(self) -> None:
        """Build the plot for the theme: one dot and one label per device with a power."""
        p, t = self.plot, self.theme
        p.clear()
        style_plot(p, t, tr("throughput per watt, GOPS/W (log)"),
                   tr("less flexible  ←  kind of processor  →  more flexible"))
        names = family_names()
        p.getAxis("bottom").setTicks([[(k, names[f]) for k, f in enumerate(FAMILIES)]])
        font = QFont(self.font())
        font.setPointSizeF(t.font_size * 0.8)
        self.dots, self.texts = [], []
        for k, fam in enumerate(FAMILIES):
            members = [z for z in self.powered if z.family == fam]
            for n, z in enumerate(members):
                x = k + (n - (len(members) - 1) / 2) * 0.22
                y = z.per_watt / 1e9
                label = tr("{name}\n{v:,.0f} GOPS/W ({prec}, {status})").format(
                    name=re.sub(r" \([^)]*\)$", "", z.device.name), v=y, prec=z.precision, status=z.power.status
                    if z.power.status != "spec" else z.throughput.status)
                # left, right, above: so that neighbours' labels do not overlap
                item = pg.TextItem(label, color=t.text, anchor=((1.08, 0.5), (-0.08, 0.5), (0.5, 1.25))[n % 3])
                item.setFont(font)
                item.setPos(x, math.log10(y))
                p.addItem(item)
                self.texts.append(item)
                # a dot sized in pixels, not in data units: restyling it costs nothing to lay out
                dot = QGraphicsEllipseItem()
                dot.setFlag(QGraphicsItem.ItemIgnoresTransformations)
                dot.setPen(QPen(Qt.NoPen))
                dot.setPos(x, math.log10(y))
                p.addItem(dot)
                self.dots.append(dot)
        p.setXRange(-1.5, len(FAMILIES) - 0.1, padding=0)   # room for the left-hand labels
        ys = [z.per_watt / 1e9 for z in self.powered]
        if ys:
            p.setYRange(math.log10(min(ys)) - 0.8, math.log10(max(ys)) + 0.8, padding=0)
        self.caption.reserve([captions()[f] for f in ("all",) + FAMILIES])
        self.unpowered.reserve([self._unpowered_text(f) for f in ("all",) + FAMILIES])
        self._focus()

    def _focus(self) -> None:
        """Colour and label the family in focus (all at step 0), grey the others: no rebuilding,
        so a step costs a few item updates."""
        t, focus = self.theme, self.family
        grey = palette.mix(t.muted, t.surface, 0.35)
        on = [focus in ("all", z.family) for z in self.powered]
        size = max(12, t.pen(7))
        for z, o, dot, item in zip(self.powered, on, self.dots, self.texts):
            r = size * (0.7 if focus == z.family else 0.5)
            dot.setRect(-r, -r, 2 * r, 2 * r)
            dot.setBrush(QColor(COLORS[z.family] if o else grey))
            item.setVisible(o)
        self.caption.set_text(captions()[focus])
        self.unpowered.set_text(self._unpowered_text(focus))

    def _unpowered_text(self, focus: str) -> str:
        """The devices of ``focus`` (all at step 0) that have no catalogued power, so no dot."""
        missing = [z.device.name for z in self.points if not z.per_watt and focus in ("all", z.family)]
        return tr("No power in the catalog, so no dot: {list}.").format(list="; ".join(missing)) if missing else ""
