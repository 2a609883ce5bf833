"""Compile the numba kernels in a background thread so the window appears at once."""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal


class WarmupWorker(QThread):
    """Runs :func:`hwviz.sim.simulator.warmup`; emits ``succeeded`` or ``failed(message)``."""

    succeeded = Signal()
    failed = Signal(str)

    def run(self) -> None:  # noqa: D102 - QThread hook
        from hwviz.sim.simulator import warmup

        try:
            warmup()
        except Exception as e:  # noqa: BLE001 - any compile failure is reported, not raised
            self.failed.emit(f"The simulator could not be compiled: {e}")
            return
        self.succeeded.emit()
