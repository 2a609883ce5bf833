"""Cache Lab: a loop's accesses walking through a cache hierarchy, one access at a time or a
million a second, or two loops racing on one simulated clock."""

from __future__ import annotations

from dataclasses import asdict

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from hwviz.base.errors import ConfigError
from hwviz.sim.lab import LabSession
from hwviz.sim.simulator import compiled_ready
from hwviz.ui.cache_lab import tr
from hwviz.ui.cache_lab.cache_view import LevelView
from hwviz.ui.cache_lab.controls import ControlsPanel
from hwviz.ui.widgets.drawer import Drawer, VerticalScroll
from hwviz.ui.cache_lab.hierarchy_editor import HierarchyEditor, smaller_than_above
from hwviz.ui.cache_lab.legend import LegendView
from hwviz.ui.cache_lab.side_panel import SidePanel
from hwviz.ui.cache_lab.time_view import TimeView
from hwviz.ui.scene import TimelineScene
from hwviz.ui.theme import THEMES, Theme

#: width the visualisation needs beside the open drawer, in pixels per point of the theme's font
#: (60 em): narrower, the drawer closes itself
VIEW_WIDTH_PER_PT = 80


class CacheLabScene(TimelineScene):
    """The Cache Lab scene; its model is a :class:`LabSession`."""

    name = "cache-lab"
    title = "Cache Lab"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.title = tr("Cache Lab")
        self.session = LabSession()
        self.theme = THEMES["light"]
        self._dirty = True
        self.presenting = False

        self.controls = ControlsPanel()
        self.editor = HierarchyEditor()
        self.drawer = Drawer([self.controls, self.editor])

        self.sides = [SidePanel(0), SidePanel(1)]
        center = QWidget()
        ccol = QVBoxLayout(center)
        ccol.setContentsMargins(0, 0, 0, 0)
        srow = QHBoxLayout()
        for s in self.sides:
            srow.addWidget(s, 1)
        ccol.addLayout(srow, 1)
        self.legend = LegendView()
        ccol.addWidget(self.legend)

        self.levels_box = QWidget()
        self.levels_layout = QVBoxLayout(self.levels_box)
        self.levels_layout.setContentsMargins(0, 0, 0, 0)
        self.level_views: list[LevelView] = []
        self.time_view = TimeView()
        right = QWidget()
        rcol = QVBoxLayout(right)
        rcol.setContentsMargins(0, 0, 0, 0)
        rcol.addWidget(self.levels_box)
        rcol.addWidget(self.time_view, 1)
        self.right = VerticalScroll(right)  # the last resort on a short screen: it scrolls

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.drawer)
        row.addWidget(center, 5)
        row.addWidget(self.right, 4)
        self._row, self._center = row, center

        self.controls.edited.connect(self._on_control)
        self.editor.edited.connect(self._on_hierarchy)
        self._rebuild()

    # ---- Scene interface -----------------------------------------------------------------
    def unit(self) -> str:  # noqa: D102 - see TimelineScene
        return tr("ns simulated") if self.session.racing else tr("accesses")

    def length(self) -> int:  # noqa: D102
        return self.session.length

    def position(self) -> int:  # noqa: D102
        return self.session.position

    def advance(self, n: int) -> None:  # noqa: D102
        self.session.advance(n)
        self._dirty = True

    def seek(self, k: int) -> None:  # noqa: D102
        self.session.seek(k)
        self._dirty = True

    def step(self, direction: int) -> None:  # noqa: D102
        self.session.step(direction)
        self._dirty = True

    def rate_range(self) -> tuple[float, float, float]:  # noqa: D102
        return self.session.rate_range()

    def frame_limit(self) -> int:  # noqa: D102
        return self.session.frame_limit(compiled_ready())

    def params(self) -> dict[str, str]:  # noqa: D102
        return self.session.params.as_text()

    def set_param(self, name: str, text: str) -> None:  # noqa: D102
        self.session.set_params(self.session.params.with_text(name, text))
        self._rebuild()

    def set_presenting(self, on: bool) -> None:  # noqa: D102
        self.presenting = on
        self.drawer.setVisible(not on)

    def export_data(self) -> dict:  # noqa: D102
        s = self.session
        return {"scene": self.name,
                "source": f"simulated: hwviz cache model, hierarchy {s.hierarchy.name!r}",
                "params": s.params.as_text(), "unit": "ns" if s.racing else "accesses",
                "position": s.position, "length": s.length,
                "hierarchy": asdict(s.hierarchy),
                "runs": [{"pattern": r.pattern.name, "accesses_done": r.pos, "accesses": r.length,
                          "time_ns": float(r.time_ns[r.pos]), "stats": r.stats().to_dict()} for r in s.runs]}

    def export_rows(self) -> tuple[list[str], list[list]]:  # noqa: D102
        header = ["pattern", "level", "accesses", "hits", "misses", "hit_rate", "compulsory",
                  "capacity", "conflict", "served", "latency_ns", "time_ns"]
        rows = []
        for r in self.session.runs:
            d = r.stats().to_dict()
            for lv in d["levels"]:
                rows.append([r.pattern.name] + [lv[k] for k in ("name", "accesses", "hits", "misses", "hit_rate",
                                                               "compulsory", "capacity", "conflict", "served",
                                                               "latency_ns", "time_ns")])
            m = d["memory"]
            rows.append([r.pattern.name, "memory", "", "", "", "", "", "", "", m["served"], m["latency_ns"],
                         m["time_ns"]])
        return header, rows

    def apply_theme(self, theme: Theme) -> None:  # noqa: D102
        self.theme = theme
        for s in self.sides:
            s.apply_theme(theme)
        for v in self.level_views:
            v.apply_theme(theme)
        self.legend.apply_theme(theme)
        self.time_view.apply_theme(theme)
        self.editor.fit_fields(theme.font_size)
        self.drawer.fit()
        self._fit_drawer()
        self._dirty = True
        self.refresh()

    def refresh(self, animating: bool = False) -> None:  # noqa: D102
        if not self._dirty:
            return
        self._dirty = False
        s = self.session
        for side, run in zip(self.sides, s.runs):
            side.show_state(s)
        stats = [r.stats() for r in s.runs]
        if not s.racing:
            for k, v in enumerate(self.level_views):
                v.show_level(s.runs[0], k, stats[0].levels[k])
        self.time_view.show_session(s, stats, animating)

    # ---- layout --------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """Close the controls drawer when the window gets narrow, open it when it gets wide."""
        super().resizeEvent(event)
        self._fit_drawer()

    def _fit_drawer(self) -> None:
        self.drawer.auto_open(self.width() >= self.drawer.open_width() + VIEW_WIDTH_PER_PT * self.theme.font_size)

    # ---- building ------------------------------------------------------------------------
    def _rebuild(self) -> None:
        """New session contents: point every view at the new runs."""
        s = self.session
        for side, run in zip(self.sides, s.runs):
            side.set_run(run, s.racing)
        self.sides[1].setVisible(s.racing)
        n = len(s.hierarchy.levels)
        while len(self.level_views) < n:
            v = LevelView()
            v.apply_theme(self.theme)
            self.level_views.append(v)
            self.levels_layout.addWidget(v)
        for v in self.level_views[n:]:
            v.deleteLater()
        del self.level_views[n:]
        self.levels_box.setVisible(not s.racing)
        # racing: two matrices share the middle, and the right holds only the times
        self._row.setStretchFactor(self._center, 6 if s.racing else 5)
        self.legend.set_session(s)
        self.time_view.set_session(s)
        self.controls.load(s.params)
        if self.editor.base is not s.hierarchy:
            self.editor.load(s.hierarchy)
        self._dirty = True
        self.refresh()
        self.changed.emit()

    def _on_control(self, name: str, text: str) -> None:
        before = self.session.params
        try:
            self.set_param(name, text)
        except ConfigError as e:
            if name not in ("rows", "cols", "ld", "tile", "stride"):
                self.controls.load(self.session.params)  # a choice snaps back; typed text stays
            self.controls.show_error(name, str(e))
            return
        p = self.session.params
        if any(getattr(p, f) != getattr(before, f) for f in ("pattern", "race_pattern") if f != name):
            self.message.emit(tr("A race needs two different loops: now {a} against {b}.").format(
                a=p.pattern, b=p.race_pattern))

    def _on_hierarchy(self) -> None:
        try:
            h = self.editor.hierarchy()
            if h == self.session.hierarchy:
                self.editor.show_error("")
                return
            self.session.set_hierarchy(h)
        except ConfigError as e:
            self.editor.show_error(str(e))
            return
        self.editor.base = self.session.hierarchy
        self.editor.show_error("")
        self.editor.show_warning(" ".join(smaller_than_above(self.session.hierarchy)))
        self._rebuild()
        self.message.emit(tr("Running on the edited hierarchy ({name}).").format(name=self.session.hierarchy.name))
