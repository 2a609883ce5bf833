"""Cache Lab: a loop's accesses walking through a cache hierarchy, one access at a time or a
million a second, optionally racing a second loop on the same clock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from hwviz.base.errors import ConfigError
from hwviz.base.units import format_ns
from hwviz.sim.lab import LabRun, LabSession
from hwviz.ui import palette
from hwviz.ui.cache_lab.cache_view import LevelView
from hwviz.ui.cache_lab.code_view import CodeView
from hwviz.ui.cache_lab.controls import ControlsPanel
from hwviz.ui.cache_lab.hierarchy_editor import HierarchyEditor
from hwviz.ui.cache_lab.legend import LegendView
from hwviz.ui.cache_lab.matrix_view import MatrixView
from hwviz.ui.cache_lab.time_view import TimeView
from hwviz.ui.scene import Scene
from hwviz.ui.theme import THEMES, Theme


class SidePanel(QWidget):
    """One run: its title, its matrices and its loop."""

    def __init__(self, index: int, parent=None):
        super().__init__(parent)
        self.index = index
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.matrix = MatrixView()
        self.code = CodeView()
        lay.addWidget(self.matrix, 1)
        lay.addWidget(self.code)

    def set_run(self, run: LabRun) -> None:
        """Show ``run``."""
        self.run = run
        self.matrix.set_run(run)
        self.code.set_run(run)

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.matrix.apply_theme(theme)
        self.code.apply_theme(theme)

    def show_state(self, time_ns: float, racing: bool) -> None:
        """Repaint after the run moved."""
        run = self.run
        self.matrix.show_state(f"{run.pattern.name}   {format_ns(time_ns)}",
                               palette.RUNS[self.index] if racing else "")
        self.code.update()


class CacheLabScene(Scene):
    """The Cache Lab scene; its model is a :class:`LabSession`."""

    name = "cache-lab"
    title = "Cache Lab"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = LabSession()
        self.theme = THEMES["light"]
        self._dirty = True

        self.controls = ControlsPanel()
        self.editor = HierarchyEditor()
        self._left = left = QWidget()
        lcol = QVBoxLayout(left)
        lcol.addWidget(self.controls)
        lcol.addWidget(self.editor)
        lcol.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidget(left)
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)

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

        right = QWidget()
        rcol = QVBoxLayout(right)
        rcol.setContentsMargins(0, 0, 0, 0)
        self.levels_box = QWidget()
        self.levels_layout = QVBoxLayout(self.levels_box)
        self.levels_layout.setContentsMargins(0, 0, 0, 0)
        self.level_views: list[LevelView] = []
        self.time_view = TimeView()
        rcol.addWidget(self.levels_box)
        rcol.addWidget(self.time_view, 1)

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.scroll)
        row.addWidget(center, 5)
        row.addWidget(right, 4)
        self._row = row
        self._center, self._right = center, right

        self.controls.edited.connect(self._on_control)
        self.editor.edited.connect(self._on_hierarchy)
        self._rebuild()

    # ---- Scene interface -----------------------------------------------------------------
    def length(self) -> int:  # noqa: D102 - see Scene
        return self.session.length

    def position(self) -> int:  # noqa: D102
        return self.session.position

    def advance(self, n: int) -> None:  # noqa: D102
        self.session.step(n)
        self._dirty = True

    def seek(self, k: int) -> None:  # noqa: D102
        self.session.seek(k)
        self._dirty = True

    def params(self) -> dict[str, str]:  # noqa: D102
        return self.session.params.as_text()

    def set_param(self, name: str, text: str) -> None:  # noqa: D102
        self.session.set_params(self.session.params.with_text(name, text))
        self._rebuild()

    def apply_theme(self, theme: Theme) -> None:  # noqa: D102
        self.theme = theme
        for s in self.sides:
            s.apply_theme(theme)
        for v in self.level_views:
            v.apply_theme(theme)
        self.legend.apply_theme(theme)
        self.time_view.apply_theme(theme)
        self.editor.fit_fields(theme.font_size)
        self._left.adjustSize()
        self.scroll.setFixedWidth(self._left.sizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width() + 6)
        self._dirty = True
        self.refresh()

    def refresh(self, animating: bool = False) -> None:  # noqa: D102
        if not self._dirty:
            return
        self._dirty = False
        runs = self.session.runs
        racing = len(runs) > 1
        for side, run in zip(self.sides, runs):
            side.show_state(float(run.time_ns[run.pos]), racing)
        stats = [r.stats() for r in runs]
        if not racing:
            for k, v in enumerate(self.level_views):
                v.show_level(runs[0], k, stats[0].levels[k])
        self.time_view.show_session(self.session, stats, animating)

    # ---- building ------------------------------------------------------------------------
    def _rebuild(self) -> None:
        """New session contents: point every view at the new runs."""
        s = self.session
        racing = len(s.runs) > 1
        for side, run in zip(self.sides, s.runs):
            side.set_run(run)
        self.sides[1].setVisible(racing)
        n = len(s.hierarchy.levels)
        while len(self.level_views) < n:
            v = LevelView()
            v.apply_theme(self.theme)
            self.level_views.append(v)
            self.levels_layout.addWidget(v)
        for v in self.level_views[n:]:
            v.deleteLater()
        del self.level_views[n:]
        self.levels_box.setVisible(not racing)
        # racing: two matrices share the middle, and the right holds only the times
        self._row.setStretchFactor(self._center, 6 if racing else 5)
        self._row.setStretchFactor(self._right, 4)
        self.legend.set_levels([lvl.name for lvl in s.hierarchy.levels])
        self.time_view.set_session(s)
        self.controls.load(s.params)
        if self.editor.base is not s.hierarchy:
            self.editor.load(s.hierarchy)
        self._dirty = True
        self.refresh()
        self.changed.emit()

    def _on_control(self, name: str, text: str) -> None:
        try:
            self.set_param(name, text)
        except ConfigError as e:
            self.controls.load(self.session.params)
            self.controls.show_error(str(e))
            return
        self.controls.show_error("")

    def _on_hierarchy(self) -> None:
        try:
            h = self.editor.hierarchy()
            if h == self.session.hierarchy:
                return
            self.session.set_hierarchy(h)
        except ConfigError as e:
            self.editor.show_error(str(e))
            return
        self.editor.base = self.session.hierarchy
        self.editor.show_error("")
        self._rebuild()
        self.message.emit(f"Running on the edited hierarchy ({self.session.hierarchy.name}).")
