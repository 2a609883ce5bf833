"""What every measurement scene shares: quick or full runs on the shell's worker with points drawn
as they arrive, the recorded result shown until Run, Open / Save / Compare, the badge saying
where the numbers come from, the busy-machine warning, and export."""

from __future__ import annotations

import functools
import threading
from datetime import datetime, timezone

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from hwviz.base.errors import ConfigError
from hwviz.measure.harness import CancelToken, set_threads
from hwviz.measure.results import Result, save_json
from hwviz.ui.measure_scenes import records, tr
from hwviz.ui.measure_scenes.flow import FlowLayout
from hwviz.ui.measure_scenes.records import HERE, RECORDED, Shown
from hwviz.ui.measure_scenes.result_plot import ResultPlot, side_label
from hwviz.ui.scene import ExperimentScene
from hwviz.ui.theme import THEMES, Theme

MODES = ("quick", "full")
#: seconds a job waits for the window to draw a point before measuring the next: drawing then
#: never overlaps a measurement (it would steal the core being measured)
DRAW_WAIT = 0.5


def choose(box: QComboBox, choices, text: str, message: str) -> str:
    """``text`` if it is one of ``choices``, shown in ``box`` (whose items follow ``choices``)
    without emitting its change signal; otherwise ConfigError(``message`` with ``{text}``)."""
    choices = list(choices)
    if text not in choices:
        raise ConfigError(message.format(text=text[:40]))
    box.blockSignals(True)
    box.setCurrentIndex(choices.index(text))
    box.blockSignals(False)
    return text


def run_experiment(name: str, *, quick: bool, cancel: CancelToken, progress, point, topology) -> Result:
    """The measurement a scene runs: :func:`hwviz.measure.experiments.run_experiment` on every
    thread numba has (set in the calling thread: numba's thread count is per thread)."""
    import numba

    from hwviz.measure.experiments import run_experiment as run

    set_threads(numba.config.NUMBA_NUM_THREADS)
    return run(name, quick=quick, cancel=cancel, progress=progress, point=point, topology=topology)


@functools.lru_cache(maxsize=1)
def this_machine():
    """This machine's :class:`~hwviz.measure.topology.Topology`, read once. Read it on the GUI
    thread: asking numba about CUDA registers the asking thread with Python's threading module
    for good, and costs a measurement's time."""
    from hwviz.measure.topology import read_topology

    return read_topology()


class SyncContext:
    """A :class:`~hwviz.ui.worker.JobContext` for running a job in the calling thread
    (``hwviz shot --run quick``): points go straight to the scene."""

    def __init__(self, scene: "MeasureScene"):
        self.cancel = CancelToken()
        self._scene = scene

    def progress(self, done: int, total: int, what: str) -> None:  # noqa: D102 - as JobContext
        pass

    def point(self, p) -> None:  # noqa: D102 - as JobContext
        self._scene.on_point(p)
        self._scene._drawn.set()   # drawn already: this thread is the GUI's, nothing to wait for

    def check(self) -> None:  # noqa: D102 - as JobContext
        self.cancel.check()


class MeasureScene(ExperimentScene):
    """Base of the measurement scenes. Subclasses set ``experiment`` (the ``hwviz bench`` name),
    build their view in :meth:`build_view`, and draw :attr:`shown` in :meth:`redraw`.

    ``runner`` is the measurement (tests replace it with a fast fake); ``extra`` is an optional
    step run after it on the worker (row-col's simulated prediction).
    """

    experiment = ""
    #: the job asks the window to paint what it has before measuring the next point
    settle_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme: Theme = THEMES["light"]
        self.mode = "quick"
        self.runner = run_experiment
        self.shown: Shown | None = records.bundled(self.experiment)
        self.compare: Shown | None = None
        self._drawn = threading.Event()
        self.settle_requested.connect(self._drawn_now)
        self._dirty = True

        self.controls = QWidget()
        #: every control on wrapping rows, the subclass's after the common ones: at large text
        #: scales they take more rows instead of forcing the window wider
        self.scene_controls = FlowLayout(self.controls)
        self.mode_box = QComboBox()
        self.mode_box.addItems([tr("Quick run (a few seconds)"), tr("Full run (up to a few minutes)")])
        self.mode_box.currentIndexChanged.connect(lambda i: self.set_param("mode", MODES[i]))
        self.scene_controls.addWidget(self.mode_box)
        for text, slot in ((tr("Open…"), self.open_dialog), (tr("Save…"), self.save_dialog),
                           (tr("Compare…"), self.compare_dialog)):
            b = QPushButton(text)
            b.clicked.connect(slot)
            self.scene_controls.addWidget(b)
        self.uncompare_button = QPushButton(tr("No comparison"))
        self.uncompare_button.clicked.connect(lambda: self.set_compare(None))
        self.scene_controls.addWidget(self.uncompare_button)

        self.badge = QLabel()
        self.badge.setObjectName("badge")
        self.badge.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.side = side_label()
        side_scroll = QScrollArea()
        side_scroll.setWidgetResizable(True)
        side_scroll.setWidget(self.side)
        side_scroll.setFrameShape(QScrollArea.NoFrame)

        col = QVBoxLayout(self)
        col.setContentsMargins(4, 4, 4, 4)
        col.addWidget(self.controls)
        col.addWidget(self.badge)
        col.addWidget(self.warning)
        col.addWidget(self.error)
        body = QHBoxLayout()
        body.addWidget(self.build_view(), 3)
        body.addWidget(side_scroll, 1)
        col.addLayout(body, 1)
        self.error.hide()
        self.warning.hide()

    # ---- for subclasses --------------------------------------------------------------------
    def build_view(self) -> QWidget:
        """The visualisation widget: by default :attr:`plot`, a plot with log axes."""
        self.plot = ResultPlot(log_x=True, log_y=True)
        return self.plot.widget

    def redraw(self) -> None:
        """Draw :attr:`shown` (and :attr:`compare`) on the view and fill :attr:`side`."""
        raise NotImplementedError

    def extra(self, result: Result, ctx) -> None:
        """Work done on the worker after the measurement, before the result is handed over."""

    def scene_params(self) -> dict[str, str]:
        """The subclass's own parameters as text."""
        return {}

    def set_scene_param(self, name: str, text: str) -> None:
        """Set one of the subclass's parameters; ConfigError for unknown names or bad values."""
        raise ConfigError(tr("unknown parameter {name!r} (choose {names})").format(
            name=name, names=", ".join(self.params())))

    # ---- parameters ------------------------------------------------------------------------
    def params(self) -> dict[str, str]:  # noqa: D102 - Scene
        return {"mode": self.mode, **self.scene_params()}

    def set_param(self, name: str, text: str) -> None:  # noqa: D102 - Scene
        if name != "mode":
            self.set_scene_param(name, text)
            self.invalidate()
            return
        self.mode = choose(self.mode_box, MODES, text, tr("mode {text!r} must be quick or full"))

    def invalidate(self) -> None:
        """The picture must be redrawn: now if the scene is on screen, else when the shell
        shows it (it calls :meth:`refresh`)."""
        self._dirty = True
        if self.isVisible():
            self.refresh()

    # ---- running ---------------------------------------------------------------------------
    def job(self):  # noqa: D102 - ExperimentScene
        name, quick, runner, drawn = self.experiment, self.mode == "quick", self.runner, self._drawn
        topology = this_machine()

        settle = self.settle_requested

        def run(ctx):
            def point(p):
                drawn.clear()
                ctx.point(p)
                drawn.wait(DRAW_WAIT)

            def progress(done, total, what):
                ctx.progress(done, total, what)
                if threading.current_thread() is not threading.main_thread():
                    # on the worker: the window shows the progress before the point is measured,
                    # not during it (on the GUI thread, hwviz shot --run, nothing paints meanwhile)
                    drawn.clear()
                    settle.emit()
                    drawn.wait(DRAW_WAIT)

            result = runner(name, quick=quick, cancel=ctx.cancel, progress=progress, point=point,
                            topology=topology)
            self.extra(result, _Sink(ctx, point))
            return result
        return run

    def run_now(self, quick: bool = True) -> None:
        """Measure in the calling thread and show the result (``hwviz shot --run quick``)."""
        self.set_param("mode", "quick" if quick else "full")
        ctx = SyncContext(self)
        job = self.job()
        self.on_started()
        self.on_finished(job(ctx))

    def on_started(self) -> None:  # noqa: D102 - ExperimentScene
        machine = this_machine().to_dict()
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        self.shown = Shown(Result(self.experiment, machine, {}, [], now), HERE, running=True)
        self.show_error("")
        self.invalidate()

    def on_point(self, point) -> None:  # noqa: D102 - ExperimentScene
        if self.shown is not None and self.shown.running:
            self.add_point(self.shown.result, point)
            self._dirty = True
            self.refresh()
        # the scene's items post their repaint: let it happen, then let the job measure on
        QTimer.singleShot(0, self, self._drawn_now)

    def _drawn_now(self) -> None:
        """Paint the whole window now (scene, progress bar, status), then let the job measure:
        painting while a point is measured would take the GIL and a core from it."""
        self.window().repaint()
        # after whatever the painting posted (layouts, plot range updates): the window is idle
        QTimer.singleShot(0, self, self._drawn.set)

    def add_point(self, result: Result, point: dict) -> None:
        """Add a point that arrived to the running result."""
        result.points.append(point)

    def on_finished(self, result) -> None:  # noqa: D102 - ExperimentScene
        self.shown = Shown(result, HERE)
        self.invalidate()

    def on_failed(self, message: str) -> None:  # noqa: D102 - ExperimentScene
        if self.shown is not None and self.shown.running:
            self.shown.running = False
        self.show_error(tr("{message} The points measured before stay on the plot.").format(message=message))
        self.invalidate()

    # ---- recorded results ------------------------------------------------------------------
    def load_result(self, path: str) -> None:
        """Show the result of this scene's experiment from a ``hwviz.bench/1`` file; ConfigError
        if the file holds none (``hwviz shot --from``)."""
        self.shown = Shown(records.open_result(path, self.experiment), RECORDED, str(path))
        self.show_error("")
        self.invalidate()

    def carry_from(self, old: "MeasureScene") -> None:  # noqa: D102 - Scene
        super().carry_from(old)
        self.shown, self.compare = old.shown, old.compare
        self.invalidate()

    def show_bundled(self) -> None:
        """Show the recorded result shipped with hwviz (a lesson's slide without an action)."""
        self.shown = records.bundled(self.experiment)
        self.compare = None
        self.show_error("")
        self.invalidate()

    def set_compare(self, path: str | None) -> None:
        """Overlay the result in ``path`` (None: remove the overlay)."""
        self.compare = None if path is None else Shown(records.open_result(path, self.experiment), RECORDED, str(path))
        self.invalidate()

    def save_result(self, path: str) -> None:
        """Write the shown result as ``hwviz.bench/1`` JSON."""
        if self.shown is None or self.shown.running:
            raise ConfigError(tr("there is no finished result to save"))
        save_json([self.shown.result], path)

    def _dialog(self, action, title: str, save: bool = False) -> None:
        pattern = tr("hwviz results (*.json)")
        get = QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName
        path, _ = get(self, title, "", pattern)
        if not path:
            return
        try:
            action(path)
            self.show_error("")
        except ConfigError as e:
            self.show_error(str(e))

    def open_dialog(self) -> None:
        """Ask for a result file and show it."""
        self._dialog(self.load_result, tr("Open a recorded result"))

    def save_dialog(self) -> None:
        """Ask for a file name and save the shown result."""
        self._dialog(self.save_result, tr("Save the result"), save=True)

    def compare_dialog(self) -> None:
        """Ask for a second result and overlay it."""
        self._dialog(self.set_compare, tr("Compare with a recorded result"))

    # ---- showing ---------------------------------------------------------------------------
    def apply_theme(self, theme: Theme) -> None:  # noqa: D102 - Scene
        self.theme = theme
        self.invalidate()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """Draw what changed while the scene was hidden."""
        super().showEvent(event)
        self.refresh()

    def refresh(self, animating: bool = False) -> None:  # noqa: D102 - Scene
        if not self._dirty:
            return
        self._dirty = False
        self.badge.setText(self.badge_text())
        points = self.shown.result.points if self.shown else []
        self.show_error(tr("The machine was busy: hollow points spread more than 10 % between "
                           "samples; run again on a quiet machine.")
                        if any(records.busy(p) for p in points) else "", self.warning)
        self.uncompare_button.setEnabled(self.compare is not None)
        self.redraw()

    def show_error(self, text: str, line: QLabel | None = None) -> None:
        """Show ``text`` in the error line (or in ``line``, the warning line); a line is hidden
        while it is empty."""
        line = line or self.error
        line.setText(text)
        line.setVisible(bool(text))

    def badge_text(self) -> str:
        """The badge line: where the shown numbers (and the compared ones) come from."""
        if self.shown is None:
            return tr("No result yet: press Run (Space) to measure this machine.")
        text = records.badge(self.shown)
        if self.compare is not None:
            text += tr("  ·  compared with (dashed): {badge}").format(badge=records.badge(self.compare))
        return text

    def set_presenting(self, on: bool) -> None:  # noqa: D102 - Scene
        self.controls.setVisible(not on)

    def export_data(self) -> dict:  # noqa: D102 - Scene
        out = {"scene": self.name, "source": self.badge_text(), "experiment": self.experiment,
               "file": self.shown.path if self.shown else "",
               "result": self.shown.result.to_dict() if self.shown else None}
        if self.compare is not None:
            out["compare"] = self.compare.result.to_dict()
        return out

    def export_rows(self) -> tuple[list[str], list[list]]:  # noqa: D102 - Scene
        points = self.shown.result.points if self.shown else []
        head: list[str] = []
        for p in points:
            head += [k for k in p if k not in head]
        return head, [[p.get(k, "") for k in head] for p in points]


class _Sink:
    """What :meth:`MeasureScene.extra` reports through: the job's context, and the same point
    hand-over (wait for the drawing) as the measurement."""

    def __init__(self, ctx, point):
        self.cancel, self.progress, self.point = ctx.cancel, ctx.progress, point
