"""The one background worker: runs a long job off the GUI thread, one at a time.

numba's workqueue threading layer aborts the process on concurrent parallel calls, so there is
never more than one measurement at once. A job is a callable ``job(ctx)`` that reports through
its :class:`JobContext` and checks ``ctx.cancel`` between chunks of at most ~100 ms; the worker
turns that into Qt signals delivered on the GUI thread. It never touches widgets.
"""

from __future__ import annotations

import logging
import traceback
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal

from hwviz.base.errors import ConfigError
from hwviz.measure.harness import Cancelled, CancelToken


class JobContext:
    """What a job gets: the cancel token and two ways to report."""

    def __init__(self, thread: "_JobThread"):
        self.cancel = CancelToken()
        self._thread = thread

    def progress(self, done: int, total: int, what: str) -> None:
        """``done`` of ``total`` steps, and what is being done now."""
        self._thread.progress.emit(done, total, what)

    def point(self, point) -> None:
        """One result that the scene can draw at once."""
        self._thread.point_ready.emit(point)

    def check(self) -> None:
        """Raise :class:`~hwviz.measure.harness.Cancelled` if the job was cancelled."""
        self.cancel.check()


class _JobThread(QThread):
    progress = Signal(int, int, str)
    point_ready = Signal(object)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, job: Callable[[JobContext], object], parent=None):
        super().__init__(parent)
        self.job = job
        self.ctx = JobContext(self)

    def run(self) -> None:  # noqa: D102 - QThread hook
        try:
            result = self.job(self.ctx)
        except Cancelled:
            self.failed.emit(QCoreApplication.translate("Worker", "Cancelled."))
        except ConfigError as e:
            self.failed.emit(str(e))
        except Exception as e:  # noqa: BLE001 - a failing job is reported, the app goes on
            logging.getLogger("hwviz").error("job failed:\n%s", traceback.format_exc())
            self.failed.emit(QCoreApplication.translate("Worker", "The job failed: {error}").format(
                error=f"{type(e).__name__}: {e}"))
        else:
            self.succeeded.emit(result)


class Worker(QObject):
    """Runs one job at a time in a QThread; the signals arrive on the GUI thread.

    Signals: ``started``, ``progress(done, total, what)``, ``point_ready(point)``,
    ``finished(result)``, ``failed(message)`` (also for a cancelled job).
    """

    started = Signal()
    progress = Signal(int, int, str)
    point_ready = Signal(object)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._thread: _JobThread | None = None

    @property
    def busy(self) -> bool:
        """True while a job runs (until its last signal was delivered)."""
        return self._thread is not None

    def start(self, job: Callable[[JobContext], object]) -> None:
        """Run ``job`` in the background; raises ``RuntimeError`` if one is running."""
        if self.busy:
            raise RuntimeError("a job is already running")
        t = _JobThread(job)
        # a job that was shut down may still have signals queued: they are dropped
        t.progress.connect(lambda d, n, w: self._thread is t and self.progress.emit(d, n, w))
        t.point_ready.connect(lambda p: self._thread is t and self.point_ready.emit(p))
        t.succeeded.connect(lambda r: self._done(t, self.finished, r))
        t.failed.connect(lambda m: self._done(t, self.failed, m))
        self._thread = t
        t.start()
        self.started.emit()

    def _done(self, t: _JobThread, signal, value) -> None:
        if self._thread is not t:  # shut down meanwhile: nobody waits for this any more
            return
        t.wait()
        self._thread = None
        t.deleteLater()
        signal.emit(value)

    def cancel(self) -> None:
        """Ask the running job to stop (it does at its next check, within about a second)."""
        if self._thread is not None:
            self._thread.ctx.cancel.cancel()

    def shutdown(self) -> None:
        """Cancel the running job and wait for its thread to end (window closing, scene left)."""
        t = self._thread
        if t is None:
            return
        t.ctx.cancel.cancel()
        t.wait()
        self._thread = None
        t.deleteLater()
