"""Play/pause, step, step back, reset, speed (1 to 1,000,000 steps/s) and a scrub slider."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSlider, QWidget

NOTCHES_PER_DECADE = 10
MAX_NOTCH = 6 * NOTCHES_PER_DECADE  # 10**6 steps/s


def format_rate(rate: float) -> str:
    """``"1 access/s"``, ``"250 accesses/s"``, ``"1.0 M accesses/s"``."""
    if rate < 1.5:
        return "1 access/s"
    if rate < 1000:
        return f"{rate:.0f} accesses/s"
    if rate < 1e6 - 1:
        return f"{rate / 1e3:.3g} k accesses/s"
    return f"{rate / 1e6:.3g} M accesses/s"


class TransportBar(QWidget):
    """The transport controls; it only emits what the user asked for."""

    play_toggled = Signal(bool)
    step_requested = Signal()
    step_back_requested = Signal()
    reset_requested = Signal()
    scrubbed = Signal(int)
    rate_changed = Signal(float)

    def __init__(self, parent=None):
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        self.reset_button = QPushButton("Reset")
        self.back_button = QPushButton("◀ Back")
        self.play_button = QPushButton("▶ Play")
        self.play_button.setCheckable(True)
        self.step_button = QPushButton("Step ▶")
        for b, tip in ((self.reset_button, "Back to the start (Home)"),
                       (self.back_button, "One access back (Left)"),
                       (self.play_button, "Play or pause (Space)"),
                       (self.step_button, "One access forward (Right)")):
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.NoFocus)
            lay.addWidget(b)
        self.scrub = QSlider(Qt.Horizontal)
        self.scrub.setToolTip("Scrub through the run")
        self.scrub.setFocusPolicy(Qt.NoFocus)
        self.position_label = QLabel()
        self.speed = QSlider(Qt.Horizontal)
        self.speed.setRange(0, MAX_NOTCH)
        self.speed.setValue(NOTCHES_PER_DECADE)
        self.speed.setToolTip("Simulation speed (+ / -)")
        self.speed.setFocusPolicy(Qt.NoFocus)
        self.speed.setMaximumWidth(260)
        self.rate_label = QLabel()
        lay.addWidget(self.scrub, 3)
        lay.addWidget(self.position_label)
        lay.addSpacing(12)
        lay.addWidget(QLabel("Speed"))
        lay.addWidget(self.speed, 1)
        lay.addWidget(self.rate_label)
        self.play_button.toggled.connect(self._on_play)
        self.step_button.clicked.connect(self.step_requested)
        self.back_button.clicked.connect(self.step_back_requested)
        self.reset_button.clicked.connect(self.reset_requested)
        self.scrub.valueChanged.connect(self._on_scrub)
        self.speed.valueChanged.connect(self._on_speed)
        self._updating = False
        self._on_speed(self.speed.value())

    @property
    def rate(self) -> float:
        """Steps per second."""
        return 10 ** (self.speed.value() / NOTCHES_PER_DECADE)

    @property
    def playing(self) -> bool:
        """True while playing."""
        return self.play_button.isChecked()

    def set_playing(self, on: bool) -> None:
        """Show (and announce) play or pause."""
        self.play_button.setChecked(on)

    def faster(self, notches: int = 3) -> None:
        """Speed up by about 2x per 3 notches (negative slows down)."""
        self.speed.setValue(self.speed.value() + notches)

    def set_position(self, pos: int, length: int) -> None:
        """Follow the model without emitting ``scrubbed``."""
        self._updating = True
        self.scrub.setRange(0, length)
        self.scrub.setValue(pos)
        self._updating = False
        text = f"{pos:,} / {length:,}"
        if text != self.position_label.text():
            fm = self.position_label.fontMetrics()
            width = fm.horizontalAdvance(f"{length:,} / {length:,}") + 8
            if self.position_label.minimumWidth() < width:  # grow once, not every frame
                self.position_label.setMinimumWidth(width)
            self.position_label.setText(text)

    def _on_play(self, on: bool) -> None:
        self.play_button.setText("Pause" if on else "▶ Play")
        self.play_toggled.emit(on)

    def _on_scrub(self, value: int) -> None:
        if not self._updating:
            self.scrubbed.emit(value)

    def _on_speed(self, _value: int) -> None:
        self.rate_label.setText(format_rate(self.rate))
        self.rate_changed.emit(self.rate)
