"""Compile the simulator's numba engine in the background while the window is already usable.

The compile cannot be interrupted, so it runs in a daemon thread: closing the window never waits
for it (the process ends without it). Until it finishes, Cache Lab runs the same engine code as
plain Python (:func:`hwviz.sim.simulator.best_engine`).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Signal


class EngineCompiler(QObject):
    """Runs :func:`hwviz.sim.simulator.warmup` in a daemon thread.

    Signals (delivered on the GUI thread): ``progress(done, total, what)`` before each stage,
    ``succeeded``, ``failed(message)``.
    """

    progress = Signal(int, int, str)
    succeeded = Signal()
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.thread = threading.Thread(target=self._run, name="hwviz-compile", daemon=True)

    def start(self) -> None:
        """Begin compiling."""
        self.thread.start()

    @property
    def running(self) -> bool:
        """True while compiling."""
        return self.thread.is_alive()

    def _run(self) -> None:
        from hwviz.sim.simulator import warmup

        try:
            warmup(progress=lambda done, total, what: self.progress.emit(done, total, what))
        except Exception as e:  # noqa: BLE001 - any compile failure is reported, not raised
            self.failed.emit(QCoreApplication.translate(
                "Compiler", "The simulator could not be compiled ({error}); Cache Lab keeps running "
                "on the slower plain-Python engine.").format(error=e))
            return
        self.succeeded.emit()
