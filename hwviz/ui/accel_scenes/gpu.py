"""Keeping a GPU busy: a warp meeting an ``if`` (stepped instruction by instruction), a warp's
loads grouped into memory transactions, and a small vector on thousands of cores."""

from __future__ import annotations


from hwviz.accel.catalog import load_catalog
from hwviz.accel.gpu import CONDITIONS, PATTERNS, WARP, Occupancy, addresses, coalesce, divergence, lane_utilization
from hwviz.base.checks import whole_text
from hwviz.base.errors import ConfigError
from hwviz.base.units import format_size
from hwviz.ui.accel_scenes import tr
from hwviz.ui.accel_scenes.controls import ControlsColumn, WithDrawer, column, fit_drawer, lay_out, text_label
from hwviz.ui.accel_scenes.mixins import Cursor
from hwviz.ui.accel_scenes.gpu_views import CoalesceView, CoresView, WarpView
from hwviz.ui.scene import TimelineScene
from hwviz.ui.theme import THEMES, Theme

DEFAULTS = {"condition": "lane < 16", "if_len": "4", "else_len": "4", "pattern": "consecutive", "stride": "2",
            "elem": "4", "n": "1000", "device": "lecture-gpu-high-end"}
_WHOLES = {"if_len": ("instructions in the if path", 1, 16), "else_len": ("instructions in the else path", 1, 16),
           "stride": ("stride (elements)", 1, 1024), "n": ("vector length", 1, 10**9)}
SOURCE = ("modelled: SIMT execution (CUDA C++ Programming Guide), 32-byte sectors (CUDA C++ Best Practices "
          "Guide, coalesced access to global memory), cores from hwviz/accel/catalog.toml")



def pattern_names() -> dict[str, str]:
    """Each access pattern of :data:`hwviz.accel.gpu.PATTERNS` in words."""
    names = {"consecutive": tr("consecutive"), "strided": tr("strided"), "random": tr("random")}
    return {p: names[p] for p in PATTERNS}

class GpuScene(Cursor, WithDrawer, TimelineScene):
    """Three small models of the lecture's advice for GPUs; the timeline steps the warp."""

    name = "gpu"
    title = "GPU warps"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = tr("GPU warps")
        self.catalog = load_catalog()
        self.gpus = [d for d in self.catalog.of_kind("gpu") if "cores" in d.figures]
        self.values = dict(DEFAULTS)
        self.theme = THEMES["light"]

        self.controls = ControlsColumn()
        self.controls.add_choice("condition", tr("Branch: if (...)"), [(c, c) for c in CONDITIONS])
        self.controls.add_field("if_len", tr("Instructions in the if path"))
        self.controls.add_field("else_len", tr("Instructions in the else path"))
        self.controls.add_choice("pattern", tr("Loads: lanes read"), list(pattern_names().items()))
        self.controls.add_field("stride", tr("Stride (elements, strided)"))
        self.controls.add_choice("elem", tr("Element size"), [("4", tr("4 bytes (float)")), ("8", tr("8 bytes (double)"))])
        self.controls.add_field("n", tr("Vector length (one thread each)"))
        self.controls.add_choice("device", tr("GPU (cores from the catalog)"),
                                 [(d.id, d.name) for d in self.gpus])
        self.controls.finish()
        self.controls.edited.connect(self._on_control)

        self.warp_title, self.coal_title, self.cores_title = text_label(), text_label(), text_label()
        self.warp_view, self.coal_view, self.cores_view = WarpView(), CoalesceView(), CoresView()
        self.caption = text_label()
        self.caption.setText(tr("Modelled, not measured: SIMT execution (CUDA C++ Programming Guide), 32-byte "
                                "sectors (CUDA C++ Best Practices Guide); cores from the catalog."))
        self.drawer = lay_out(self, self.controls, column(
            (self.warp_title, 0), (self.warp_view, 1), (self.coal_title, 0), (self.coal_view, 1),
            (self.cores_title, 0), (self.cores_view, 1), (self.caption, 0)))
        self._rebuild()

    # ---- models --------------------------------------------------------------------------
    def issues(self):
        """The warp's issued instructions."""
        v = self.values
        return divergence(v["condition"], int(v["if_len"]), int(v["else_len"]))

    def access(self):
        """``(addresses, coalescing)`` of the warp's load."""
        v = self.values
        elem = int(v["elem"])
        a = addresses(v["pattern"], int(v["stride"]), elem, seed=1)
        return a, coalesce(a, elem)

    def occupancy(self) -> Occupancy:
        """The vector on the chosen GPU."""
        return Occupancy(int(self.values["n"]), int(self.catalog.device(self.values["device"]).figures["cores"].value))

    # ---- TimelineScene interface ---------------------------------------------------------
    def unit(self) -> str:  # noqa: D102 - see TimelineScene
        return tr("instructions")

    def length(self) -> int:  # noqa: D102
        return len(self._issues)


    def rate_range(self) -> tuple[float, float, float]:  # noqa: D102
        return 1.0, 20.0, 2.0

    # ---- Scene interface -----------------------------------------------------------------
    def params(self) -> dict[str, str]:  # noqa: D102
        return dict(self.values)

    def set_param(self, name: str, text: str) -> None:  # noqa: D102
        text = str(text).strip()
        if name == "condition" and text not in CONDITIONS:
            raise ConfigError(f"condition {text!r} must be one of {', '.join(CONDITIONS)}")
        if name == "pattern" and text not in PATTERNS:
            raise ConfigError(f"access pattern {text!r} must be one of {', '.join(PATTERNS)}")
        if name == "elem" and text not in ("4", "8"):
            raise ConfigError(f"element size {text!r} must be 4 or 8 bytes")
        if name == "device" and text not in [d.id for d in self.gpus]:
            raise ConfigError(f"GPU {text!r} must be one of {', '.join(d.id for d in self.gpus)}")
        if name in _WHOLES:
            text = str(whole_text(text, *_WHOLES[name]))
        elif name not in DEFAULTS:
            raise ConfigError(f"unknown parameter {name!r} (known: {', '.join(DEFAULTS)})")
        self.values[name] = text
        self._rebuild()

    def apply_theme(self, theme: Theme) -> None:  # noqa: D102
        self.theme = theme
        for v in (self.warp_view, self.coal_view, self.cores_view):
            v.apply_theme(theme)
        fit_drawer(self.drawer, self.width(), theme)

    def refresh(self, animating: bool = False) -> None:  # noqa: D102
        """The views repaint when their model is set; nothing else moves."""

    def export_data(self) -> dict:  # noqa: D102
        a, c = self.access()
        o = self.occupancy()
        return {"scene": self.name, "source": SOURCE, "params": self.params(),
                "divergence": {"issued": len(self._issues), "done": self.cursor,
                               "lane_utilization": lane_utilization(self._issues)},
                "coalescing": {"addresses": a.tolist(), "transactions": c.transactions, "bytes_moved": c.moved,
                               "bytes_used": c.useful, "efficiency": c.efficiency},
                "occupancy": {"threads": o.n, "cores": o.cores, "busy": o.busy, "share": o.share, "waves": o.waves}}

    def export_rows(self) -> tuple[list[str], list[list]]:  # noqa: D102
        a, _ = self.access()
        first = {i.path: i.active for i in self._issues}
        rows = [[lane, bool(first.get("if", [False] * WARP)[lane]), int(a[lane])] for lane in range(WARP)]
        return ["lane", "takes_if", "load_address"], rows

    # ---- drawing -------------------------------------------------------------------------
    def _moved(self) -> None:
        issues = self._issues
        self.warp_view.show_issues(issues, self.cursor)
        so_far = lane_utilization(issues[:self.cursor]) if self.cursor else 0.0
        v = self.values
        self.warp_title.setText(tr("Divergence: if ({cond}) {{ {a} instructions }} else {{ {b} }}: the warp issues "
                                   "{n}; {done} done, lanes busy {so:.0f} % so far, {u:.0f} % in all").format(
            cond=v["condition"], a=v["if_len"], b=v["else_len"], n=len(issues), done=self.cursor,
            so=100 * so_far, u=100 * lane_utilization(issues)))

    def _rebuild(self) -> None:
        self._issues = self.issues()
        self.cursor = self.length()
        self._moved()
        a, c = self.access()
        self.coal_view.show_access(a, c)
        self.coal_title.setText(tr("Coalescing ({pattern}, {elem} B elements): {t} transactions of 32 B move "
                                   "{moved} for {used} used ({eff:.0f} %)").format(
            pattern=pattern_names()[self.values["pattern"]], elem=self.values["elem"], t=c.transactions,
            moved=format_size(c.moved), used=format_size(c.useful), eff=100 * c.efficiency))
        o = self.occupancy()
        dev = self.catalog.device(self.values["device"])
        self.cores_view.show_occupancy(o)
        self.cores_title.setText(tr("Occupancy: {n:,} threads on {dev} ({cores:,} cores, {src}): {share:.0f} % "
                                    "busy{waves}").format(
            n=o.n, dev=dev.name, cores=o.cores, src=tr("source: {key}").format(key=dev.figures["cores"].source.key),
            share=100 * o.share, waves=tr(", {w:,} rounds").format(w=o.waves) if o.waves > 1 else ""))
        self.controls.load(self.values)
        self.changed.emit()

