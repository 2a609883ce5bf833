"""The main window's background work: a measurement on the shared worker (one at a time, the
window animating nothing else meanwhile) and the simulator's first compile."""

from __future__ import annotations

from hwviz.base.errors import ConfigError
from hwviz.ui.scene import ExperimentScene
from hwviz.ui.warmup import EngineCompiler
from hwviz.ui.window_parts import tr

#: the engine's compile starts this long after the window is built, so the window paints first
COMPILE_DELAY_MS = 300


class JobsMixin:
    """Run, cancel and follow the current experiment scene's measurement."""

    def run_experiment(self) -> None:
        """Run the current experiment scene's measurement on the worker."""
        s = self.scene
        if not isinstance(s, ExperimentScene) or self.worker.busy:
            return
        if not s.is_ready():
            self.show_message(tr("{scene} is not ready yet.").format(scene=s.title))
            return
        try:
            job = s.job()
        except ConfigError as e:
            self.show_message(str(e))
            return
        self.transport.set_playing(False)
        self.clock.stop()  # animating would steal the core being measured
        self._job_owner = s
        s.on_started()
        self.transport.set_running(True)
        self.show_message(tr("Measuring: the window animates nothing else until the run ends."))
        # paint the cleared scene and the bars now: painting while the first point is measured
        # would take the other core's share of the CPU from it (on a 2-vCPU VM, its SMT sibling)
        self.repaint()
        self.worker.start(job)

    def cancel_experiment(self) -> None:
        """Ask the running measurement to stop."""
        self.worker.cancel()

    def _on_job_progress(self, done: int, total: int, what: str) -> None:
        self.transport.set_progress(done, total, what)

    def _on_job_finished(self, result) -> None:
        owner, self._job_owner = self._job_owner, None
        self.transport.set_running(False, tr("Finished"))
        if owner is not None:
            owner.on_finished(result)
            self.show_message(tr("Measurement finished."))

    def _on_job_failed(self, message: str) -> None:
        owner, self._job_owner = self._job_owner, None
        self.transport.set_running(False, message)
        if owner is not None:
            owner.on_failed(message)
        self.show_message(message)

    def stop_job(self) -> None:
        """Cancel and join a running measurement (scene left, window closing)."""
        if self.worker.busy:
            self.worker.shutdown()
            self._on_job_failed(tr("Cancelled: the scene was left."))


class CompileMixin:
    """Compile the simulator's engine in the background and say how far it got."""

    def _start_compiler(self) -> None:
        self.compiler = EngineCompiler(self)
        self.compiler.progress.connect(self._on_compile_progress)
        self.compiler.succeeded.connect(self._on_compiled)
        self.compiler.failed.connect(self._on_compile_failed)
        self.compile_label.setText(tr("Compiling the simulator…"))
        self.compile_label.setToolTip(tr("Only slow the first time: numba keeps what it compiled. "
                                         "Cache Lab already runs, more slowly, until it is done."))
        self.compile_label.show()
        self.compile_bar.show()
        self.compile_bar.setRange(0, 0)
        self._fit_status_bar()
        self.compiler.start()

    def _on_compile_progress(self, done: int, total: int, what: str) -> None:
        self.compile_bar.setRange(0, max(total, 1))
        self.compile_bar.setValue(done)
        self.compile_bar.setFormat(f"{done}/{total}")
        self.compile_label.setText(tr("Compiling the simulator: {what}").format(what=what))

    def _on_compiled(self) -> None:
        self.compile_label.hide()
        self.compile_bar.hide()
        self.show_message(tr("The simulator is compiled: Cache Lab now runs at full speed."))
        for s in self.scenes.values():
            s.ready_changed.emit()

    def _on_compile_failed(self, message: str) -> None:
        self.compile_label.hide()
        self.compile_bar.hide()
        self.show_message(message)
