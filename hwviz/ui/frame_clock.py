"""One ~60 Hz clock for the whole window; simulation rate and paint rate are separate."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal

FRAME_MS = 16


class FrameClock(QObject):
    """Emits ``ticked(dt)`` about 60 times a second while running; tests call :meth:`tick`."""

    ticked = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self._on_timeout)
        self._last = None

    def start(self) -> None:
        """Start ticking."""
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        """Stop ticking."""
        self._timer.stop()

    @property
    def running(self) -> bool:
        """True while ticking."""
        return self._timer.isActive()

    def _on_timeout(self) -> None:
        now = time.perf_counter()
        dt = min(now - (self._last or now), 0.25)  # a stall does not turn into a burst
        self._last = now
        self.ticked.emit(dt)

    def tick(self, dt: float = FRAME_MS / 1000) -> None:
        """Emit one tick of ``dt`` seconds by hand."""
        self.ticked.emit(dt)
