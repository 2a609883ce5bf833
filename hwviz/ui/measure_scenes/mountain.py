"""``mountain``: the memory mountain. Read throughput over working set x stride, built point by
point as it is measured, as a surface in perspective or a flat heatmap, the ridges named after
the cache level each working set fits in, and a readout of the point under the pointer."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from hwviz.base.units import format_size
from hwviz.measure.calibration import cache_levels
from hwviz.measure.results import Result
from hwviz.ui.measure_scenes import records, tr
from hwviz.ui.measure_scenes.base import MeasureScene, choose
from hwviz.ui.measure_scenes.mountain_view import HEATMAP, SURFACE, MountainView, level_of
from hwviz.ui.measure_scenes.result_plot import key_html

VIEWS = (SURFACE, HEATMAP)


def grid(result: Result) -> tuple[list[int], list[int], np.ndarray]:
    """(sizes, strides, GB/s[size, stride]) with NaN where a point is missing; the axes come
    from the result's parameters when it has them (a run in progress), else from its points."""
    pts = [p for p in result.points if "gbps" in p]
    sizes = sorted(set(result.params.get("sizes") or []) | {p["size_bytes"] for p in pts})
    strides = sorted(set(result.params.get("strides") or []) | {p["stride"] for p in pts})
    z = np.full((len(sizes), len(strides)), np.nan)
    si, ti = {s: k for k, s in enumerate(sizes)}, {s: k for k, s in enumerate(strides)}
    for p in pts:
        z[si[p["size_bytes"]], ti[p["stride"]]] = p["gbps"]
    return sizes, strides, z


class MountainScene(MeasureScene):
    """The memory mountain."""

    name = "mountain"
    title = "Memory mountain"
    experiment = "mountain"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = tr("Memory mountain")
        self.view_box = QComboBox()
        self.view_box.addItems([tr("Surface in perspective"), tr("Flat heatmap")])
        self.view_box.currentIndexChanged.connect(lambda i: self.set_param("view", VIEWS[i]))
        self.scene_controls.addWidget(QLabel(tr("View:")))
        self.scene_controls.addWidget(self.view_box)

    def build_view(self) -> QWidget:  # noqa: D102 - MeasureScene
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        self.view = MountainView()
        self.view.picked.connect(lambda i, j: self._readout())
        self.readout = QLabel()
        self.readout.setWordWrap(True)
        col.addWidget(self.view, 1)
        col.addWidget(self.readout)
        return box

    def scene_params(self) -> dict[str, str]:  # noqa: D102 - MeasureScene
        return {"view": self.view.mode}

    def set_scene_param(self, name: str, text: str) -> None:  # noqa: D102 - MeasureScene
        if name != "view":
            super().set_scene_param(name, text)
            return
        self.view.mode = choose(self.view_box, VIEWS, text, tr("view {text!r} must be surface or heatmap"))
        self.view.update()

    def redraw(self) -> None:  # noqa: D102 - MeasureScene
        self.view.theme = self.theme
        key = []
        if self.shown is None:
            self.view.set_data([], [], np.zeros((0, 0)), [])
        else:
            r = self.shown.result
            sizes, strides, z = grid(r)
            levels = cache_levels(r.machine)
            self.view.set_data(sizes, strides, z, levels)
            key += self._summary(r, sizes, strides, z, levels)
        if self.compare is not None:
            key += self._compare_lines()
        key.append(("", "", tr("Hover over the mountain, or click it and use the arrow keys, to read one point.")))
        self.side.setText(key_html(key, self.theme))
        self._readout()

    def _summary(self, r, sizes, strides, z, levels) -> list:
        out = []
        for label, size in records.cache_markers(r.machine):
            out.append(("", "", tr("{label}: working sets up to {size} fit").format(
                label=label, size=format_size(size))))
        if np.isfinite(z).any():
            i, j = np.unravel_index(np.nanargmax(z), z.shape)
            out.insert(0, ("", "headline", tr("Peak {v:.1f} GB/s at {size}, stride {s}").format(
                v=z[i, j], size=format_size(sizes[i]), s=strides[j])))
            low = np.nanmin(z)
            out.insert(1, ("", "headline", tr("Lowest {v:.2f} GB/s: {f:.0f}× below the peak").format(
                v=low, f=z[i, j] / low if low > 0 else float("inf"))))
        busy = sum(records.busy(p) for p in r.points)
        if busy:
            out.append(("", "", tr("{n} points spread more than 10 % (drawn as measured; see the "
                                   "warning)").format(n=busy)))
        return out

    def _compare_lines(self) -> list:
        """The compared result, in numbers: the peak per level on each machine."""
        out = [("", "headline", tr("Compared with {badge}").format(badge=records.badge(self.compare)))]
        for shown in (self.shown, self.compare):
            if shown is None:
                continue
            r = shown.result
            sizes, _strides, z = grid(r)
            levels = cache_levels(r.machine)
            for k, (label, _size) in enumerate(levels + [(tr("memory"), 0)]):
                rows = [i for i, s in enumerate(sizes) if level_of(s, levels) == k]
                if rows and np.isfinite(z[rows]).any():
                    out.append(("", "", tr("{machine}: {label} peak {v:.1f} GB/s").format(
                        machine=records.machine_name(r.machine), label=label, v=np.nanmax(z[rows]))))
        return out

    def _readout(self) -> None:
        v = self.view
        if v.cursor is None or self.shown is None:
            self.readout.setText(tr("Point: none picked"))
            return
        i, j = v.cursor
        val = v.z[i, j]
        where = v.levels[level_of(v.sizes[i], v.levels)][0] if level_of(v.sizes[i], v.levels) < len(v.levels) \
            else tr("memory")
        value = tr("{v:.2f} GB/s").format(v=val) if np.isfinite(val) else tr("not measured yet")
        self.readout.setText(tr("Point: {size}, stride {s}: {value} (served by {where})").format(
            size=format_size(v.sizes[i]), s=v.strides[j], value=value, where=where))
