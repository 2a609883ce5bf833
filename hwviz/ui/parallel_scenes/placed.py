"""A parallel measurement scene with an explanatory animation beside its plot (paused while a
measurement runs), above the picture of the machine (see :class:`MachineScene`): while running
the CPUs of the point measured last are lit, after it those of the point the scene chooses."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from hwviz.base.errors import ConfigError
from hwviz.measure.results import load_json
from hwviz.ui.measure_scenes import records
from hwviz.ui.measure_scenes.base import this_machine
from hwviz.ui.measure_scenes.records import RECORDED, Shown
from hwviz.ui.parallel_scenes import tr
from hwviz.ui.parallel_scenes.animation import AnimatedView
from hwviz.ui.parallel_scenes.machine_scene import PLOT_SHARE, MachineScene, placement_text


def bundled_with_points(experiment: str) -> Shown | None:
    """A recorded result of ``experiment`` with points among the bundled files (the default file
    first), or None: a machine without SMT records an empty ``smt`` result, which shows nothing."""
    files = sorted(records.BUNDLED_DIR.glob("*.json"), key=lambda f: f.name != records.BUNDLED_FILE)
    for path in files:
        try:
            found = [r for r in load_json(path) if r.experiment == experiment and r.points]
        except ConfigError:
            continue
        if found:
            return Shown(found[0], RECORDED, str(path))
    return None


def has_smt(machine: dict) -> bool:
    """True if some core of ``machine`` runs more than one logical CPU."""
    return any(len(s) > 1 for s in machine.get("smt_siblings") or [])


class PlacedScene(MachineScene):
    """Subclasses make the animation in :meth:`make_animation`, draw in :meth:`draw`, and say
    which CPUs a finished result lights in :meth:`lit_cpus`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.shown = bundled_with_points(self.experiment)

    def make_animation(self) -> AnimatedView:
        """The animation beside the plot."""
        raise NotImplementedError

    def draw(self) -> None:
        """Draw :attr:`shown` (and :attr:`compare`) on :attr:`plot` and fill :attr:`side`."""
        raise NotImplementedError

    def lit_cpus(self) -> list[int] | None:
        """The logical CPUs to light for the finished result shown (default: the last point's)."""
        points = self.shown.result.points if self.shown else []
        return points[-1].get("cpus") if points else None

    def build_view(self) -> QWidget:  # noqa: D102 - MeasureScene
        view = super().build_view()
        self.animation = self.make_animation()
        col = view.layout()
        col.removeWidget(self.plot.widget)
        row = QHBoxLayout()
        row.addWidget(self.plot.widget, 1)
        row.addWidget(self.animation, 1)
        col.insertLayout(0, row, PLOT_SHARE)
        return view

    def show_bundled(self) -> None:  # noqa: D102 - MeasureScene
        super().show_bundled()
        self.shown = bundled_with_points(self.experiment)
        self.invalidate()

    # ---- the animation pauses while a measurement runs -------------------------------------
    def on_started(self) -> None:  # noqa: D102 - MeasureScene
        self.animation.set_paused(True)
        super().on_started()

    def on_finished(self, result) -> None:  # noqa: D102 - MeasureScene
        super().on_finished(result)
        self.animation.set_paused(False)

    def on_failed(self, message: str) -> None:  # noqa: D102 - MeasureScene
        super().on_failed(message)
        self.animation.set_paused(False)

    # ---- drawing ---------------------------------------------------------------------------
    def redraw(self) -> None:  # noqa: D102 - MeasureScene
        self.animation.set_theme(self.theme)
        self.draw_machine()
        if self.shown is None:
            self.machine_view.set_machine(this_machine().to_dict())
        elif not self.shown.running:
            self.machine_view.set_active(self.lit_cpus())
        self.draw()

    def placement_text(self) -> str:
        """Where the shown result's threads ran, in words ("" before any result)."""
        if self.shown is None or self.shown.running:
            return ""
        cpus = self.lit_cpus()
        if cpus:
            return tr("Lit on the machine below: logical CPUs {cpus}.").format(cpus=", ".join(map(str, cpus)))
        return placement_text(self.shown.result)
