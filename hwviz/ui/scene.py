"""What the shell needs from a scene. Two kinds: a timeline (a deterministic model the frame clock
steps, seeks and scrubs) and an experiment (a measurement the worker runs, points arriving one by one)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hwviz.ui.theme import Theme

#: most units one frame may advance unless a scene says otherwise
FRAME_LIMIT = 1 << 15


class Scene(QWidget):
    """Base of every scene. Subclasses set ``name`` and ``title`` and implement the methods.

    Signals: ``changed`` after the model moved or was rebuilt (the transport follows it, and
    re-reads the unit and speed range), ``message(str)`` for the status bar, ``ready_changed``
    when :meth:`is_ready` may have changed.
    """

    name = ""
    title = ""
    kind = ""
    changed = Signal()
    message = Signal(str)
    ready_changed = Signal()

    def is_ready(self) -> bool:
        """True when the transport may act (for example, once the scene's kernels compiled)."""
        return True

    def params(self) -> dict[str, str]:
        """Parameters as text, the names ``hwviz shot --set`` takes."""
        raise NotImplementedError

    def set_param(self, name: str, text: str) -> None:
        """Set one parameter from text; raise ``ConfigError`` for bad input."""
        raise NotImplementedError

    def apply_theme(self, theme: Theme) -> None:
        """Restyle the views."""
        raise NotImplementedError

    def refresh(self, animating: bool = False) -> None:
        """Repaint the visible views if the model changed since the last call; ``animating``
        (called by the frame clock while playing) lets slow views skip frames."""
        raise NotImplementedError

    def set_presenting(self, on: bool) -> None:
        """Presenter layout: hide the controls and give the space to the visualisation."""
        raise NotImplementedError

    def export_data(self) -> dict:
        """The scene's numbers as a JSON-able dict with at least ``scene`` and ``source`` (how the
        numbers were obtained: simulated with which model, measured, recorded, quoted)."""
        raise NotImplementedError

    def export_rows(self) -> tuple[list[str], list[list]]:
        """The scene's numbers as a CSV header and rows."""
        raise NotImplementedError

    def leave(self) -> None:
        """The scene is left or the window closes: stop anything it runs."""

    def carry_from(self, old: "Scene") -> None:
        """Take over the state of ``old``, a scene of the same kind built in another language:
        its parameters (and, in subclasses, where it is)."""
        for key, text in old.params().items():
            self.set_param(key, text)


class TimelineScene(Scene):
    """A deterministic model stepped by the frame clock: play, step, step back, scrub."""

    kind = "timeline"

    def unit(self) -> str:
        """Plural unit of :meth:`position` and :meth:`length`, translated ("accesses", "cycles")."""
        raise NotImplementedError

    def length(self) -> int:
        """Units in the whole run."""
        raise NotImplementedError

    def position(self) -> int:
        """Units run so far."""
        raise NotImplementedError

    def advance(self, n: int) -> None:
        """Run ``n`` more units."""
        raise NotImplementedError

    def seek(self, k: int) -> None:
        """Go to unit ``k`` (backwards too)."""
        raise NotImplementedError

    def step(self, direction: int) -> None:
        """One step forward (``direction`` 1) or back (-1)."""
        if direction > 0:
            self.advance(1)
        else:
            self.seek(max(0, self.position() - 1))

    def rate_range(self) -> tuple[float, float, float]:
        """(slowest, fastest, default) speed in units per second."""
        return 1.0, 1e6, 10.0

    def frame_limit(self) -> int:
        """Most units one frame may advance, so that a frame stays short."""
        return FRAME_LIMIT

    def carry_from(self, old: "Scene") -> None:  # noqa: D102 - Scene
        super().carry_from(old)
        self.seek(min(old.position(), self.length()))


class ExperimentScene(Scene):
    """A measurement run on the shared worker: Run / Cancel, progress, points as they arrive.

    The shell starts :meth:`job` on its :class:`~hwviz.ui.worker.Worker` and forwards the
    worker's signals to :meth:`on_started`, :meth:`on_point`, :meth:`on_finished` and
    :meth:`on_failed`; while a job runs the shell stops every animation.
    """

    kind = "experiment"

    def job(self):
        """A callable ``job(ctx)`` for the worker (see :class:`~hwviz.ui.worker.JobContext`), built
        from the current parameters; raise ``ConfigError`` if they cannot run."""
        raise NotImplementedError

    def on_started(self) -> None:
        """A run began: clear the previous measured points."""

    def on_point(self, point) -> None:
        """One point arrived from the running job."""

    def on_finished(self, result) -> None:
        """The job returned ``result``."""

    def on_failed(self, message: str) -> None:
        """The job raised or was cancelled; ``message`` says why."""
