"""The transport bar: what the current scene has, in the scene's own unit.

A timeline scene gets Reset, Back, Play/Pause, Step, a scrub slider, its position and a speed
in round steps (1, 2, 5, 10, 20, 50 ... units a second); an experiment scene gets Run, Cancel and a
progress bar naming the point being measured. The bar only emits what the user asked for.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QProgressBar, QSizePolicy, QSlider,
                               QStackedWidget, QToolButton, QWidget)


#: most positions the scrub slider has (longer timelines are scaled onto it)
SCRUB_TICKS = 100_000


def tr(text: str) -> str:
    """Translate ``text`` in the transport's context."""
    return QCoreApplication.translate("Transport", text)


def round_steps(lo: float, hi: float) -> list[float]:
    """The speeds 1, 2, 5 x 10^k from ``lo`` to ``hi`` (both included when they are such steps)."""
    out = []
    k = math.floor(math.log10(max(lo, 1e-12)))
    while True:
        for m in (1, 2, 5):
            v = m * 10.0 ** k
            if v > hi * (1 + 1e-9):
                return out or [lo]
            if v >= lo * (1 - 1e-9):
                out.append(v)
        k += 1


def format_count(x: float) -> str:
    """``"20"``, ``"5 k"``, ``"2 M"``, ``"1 G"``: a round speed, short."""
    for scale, suffix in ((1e9, " G"), (1e6, " M"), (1e3, " k")):
        if x >= scale:
            return f"{x / scale:g}{suffix}"
    return f"{x:g}"


class TransportBar(QWidget):
    """Play/step/scrub/speed for timelines, Run/Cancel/progress for experiments."""

    play_toggled = Signal(bool)
    step_requested = Signal(int)      # +1 forward, -1 back
    reset_requested = Signal()
    scrubbed = Signal(int)
    run_requested = Signal()
    cancel_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.unit = ""
        self._shown = (0, 0)
        self._steps = [1.0]
        self._updating = False
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_timeline())
        self.pages.addWidget(self._build_experiment())
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.addWidget(self.pages)
        self.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)

    def _button(self, text: str, tip: str, lay: QHBoxLayout) -> QToolButton:
        # tool buttons: no style-imposed minimum width, so symbols alone make a narrow bar
        b = QToolButton()
        b.setText(text)
        b.setToolButtonStyle(Qt.ToolButtonTextOnly)
        b.setToolTip(tip)
        b.setFocusPolicy(Qt.NoFocus)
        lay.addWidget(b)
        return b

    def _build_timeline(self) -> QWidget:
        page = QWidget()
        lay = QHBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.reset_button = self._button("", tr("Back to the start (Home)"), lay)
        self.back_button = self._button("", tr("One step back (Left)"), lay)
        self.play_button = self._button("", tr("Play or pause (Space)"), lay)
        self.play_button.setCheckable(True)
        self.step_button = self._button("", tr("One step forward (Right)"), lay)
        self.scrub = QSlider(Qt.Horizontal)
        self.scrub.setToolTip(tr("Scrub through the run"))
        self.scrub.setFocusPolicy(Qt.NoFocus)
        self.scrub.setMinimumWidth(60)
        self.position_label = QLabel()
        self.speed = QSlider(Qt.Horizontal)
        self.speed.setToolTip(tr("Speed (+ / -)"))
        self.speed.setFocusPolicy(Qt.NoFocus)
        self.speed.setMinimumWidth(60)
        self.speed.setMaximumWidth(220)
        self.rate_label = QLabel()
        lay.addWidget(self.scrub, 3)
        lay.addWidget(self.position_label)
        lay.addSpacing(8)
        lay.addWidget(self.speed, 1)
        lay.addWidget(self.rate_label)
        self.compact = False
        self._label_buttons()
        self.play_button.toggled.connect(self._on_play)
        self.step_button.clicked.connect(lambda: self.step_requested.emit(1))
        self.back_button.clicked.connect(lambda: self.step_requested.emit(-1))
        self.reset_button.clicked.connect(self.reset_requested)
        self.scrub.valueChanged.connect(self._on_scrub)
        self.speed.valueChanged.connect(self._show_rate)
        return page

    def _build_experiment(self) -> QWidget:
        page = QWidget()
        lay = QHBoxLayout(page)
        lay.setContentsMargins(0, 0, 0, 0)
        self.run_button = self._button(tr("▶ Run"), tr("Measure now (Space)"), lay)
        self.cancel_button = self._button(tr("Cancel"), tr("Stop the measurement (Esc)"), lay)
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setMinimumWidth(60)
        lay.addWidget(self.progress, 1)
        self.run_button.clicked.connect(self.run_requested)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.set_running(False)
        return page

    # ---- timeline ------------------------------------------------------------------------
    def show_timeline(self, unit: str, rate_range: tuple[float, float, float]) -> None:
        """Show the timeline controls for a scene counting in ``unit`` at speeds in ``rate_range``
        (slowest, fastest, default); the speed stays where it was if it is still in range."""
        self.pages.setCurrentIndex(0)
        lo, hi, default = rate_range
        steps = round_steps(lo, hi)
        if steps != self._steps or unit != self.unit:
            keep = self.rate if self.unit == unit else default
            self._steps, self.unit = steps, unit
            self._updating = True
            self.speed.setRange(0, len(steps) - 1)
            self.speed.setValue(min(range(len(steps)), key=lambda i: abs(math.log(steps[i] / keep))))
            self._updating = False
            self.position_label.setMinimumWidth(0)
            self._show_rate()

    @property
    def rate(self) -> float:
        """Units per second."""
        return self._steps[min(self.speed.value(), len(self._steps) - 1)]

    @property
    def playing(self) -> bool:
        """True while playing."""
        return self.play_button.isChecked()

    def set_playing(self, on: bool) -> None:
        """Show (and announce) play or pause."""
        self.play_button.setChecked(on)

    def faster(self, notches: int = 1) -> None:
        """One round speed step faster (negative: slower)."""
        self.speed.setValue(self.speed.value() + notches)

    def set_position(self, pos: int, length: int) -> None:
        """Follow the model without emitting ``scrubbed``."""
        self._shown = (pos, length)
        self._updating = True
        ticks = min(length, SCRUB_TICKS)  # a timeline in ns can pass a slider's int range
        self.scrub.setRange(0, ticks)
        self.scrub.setValue(round(pos * ticks / length) if length else 0)
        self._updating = False
        form = tr("{pos} / {length}") if self.compact else tr("{pos} / {length} {unit}")
        text = form.format(pos=f"{pos:,}", length=f"{length:,}", unit=self.unit)
        if text != self.position_label.text():
            fm = self.position_label.fontMetrics()
            longest = form.format(pos=f"{length:,}", length=f"{length:,}", unit=self.unit)
            width = fm.horizontalAdvance(longest) + 8
            if self.position_label.minimumWidth() < width:  # grow once, not every frame
                self.position_label.setMinimumWidth(width)
            self.position_label.setText(text)

    def _label_buttons(self) -> None:
        """Words and symbols, or (compact, on a narrow window) the symbols alone."""
        texts = ((self.reset_button, "|◀", tr("Reset")), (self.back_button, "◀", tr("Back")),
                 (self.play_button, "❚❚" if self.playing else "▶", tr("Pause") if self.playing else tr("Play")),
                 (self.step_button, "▶|", tr("Step")))
        for button, symbol, word in texts:
            button.setText(symbol if self.compact else f"{symbol} {word}")

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """Go compact when the words do not fit, back when they do."""
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        want = not self.compact and self.sizeHint().width() > self.width()
        if want or (self.compact and self._full_width() + 40 < self.width()):
            self.compact = want
            self._label_buttons()
            self._show_rate()
            self.position_label.setMinimumWidth(0)
            self.set_position(*self._shown)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """A new font (theme, text scale) may change what fits."""
        super().changeEvent(event)
        if event.type() == QEvent.FontChange:
            self._fit()

    def _words_width(self) -> int:
        """The width the words on the buttons and the units add to the compact bar."""
        fm = self.reset_button.fontMetrics()
        extra = sum(fm.horizontalAdvance(" " + w) for w in (tr("Reset"), tr("Back"), tr("Pause"), tr("Step")))
        return extra + fm.horizontalAdvance(" " + self.unit) * 2

    def _full_width(self) -> int:
        """The width the bar would need with words on its buttons."""
        return self.sizeHint().width() + self._words_width()

    def minimumSizeHint(self):  # noqa: N802 - Qt hook
        """The compact bar's minimum: a narrow window makes the bar compact, never wider."""
        hint = super().minimumSizeHint()
        if self.pages.currentIndex() == 0:
            fm = self.fontMetrics()
            length = f"{self._shown[1]:,}"
            texts = ("|◀", "◀", "❚❚", "▶|", f"{length} / {length}", "500 k/s")
            spacing = self.layout().spacing() * 12 + 40
            hint.setWidth(sum(fm.horizontalAdvance(t) + 16 for t in texts) + 2 * 60 + spacing)
        return hint

    def _on_play(self, on: bool) -> None:
        self._label_buttons()
        self.play_toggled.emit(on)

    def _on_scrub(self, value: int) -> None:
        if not self._updating:
            ticks, length = self.scrub.maximum(), self._shown[1]
            self.scrubbed.emit(round(value * length / ticks) if ticks else 0)

    def _show_rate(self, _value: int = 0) -> None:
        form = tr("{rate}/s") if self.compact else tr("{rate} {unit}/s")
        self.rate_label.setText(form.format(rate=format_count(self.rate), unit=self.unit))

    # ---- experiment ----------------------------------------------------------------------
    def show_experiment(self) -> None:
        """Show Run, Cancel and the progress bar."""
        self.pages.setCurrentIndex(1)

    def set_running(self, on: bool, text: str = "") -> None:
        """Enable Cancel while a measurement runs, Run otherwise; ``text`` in the progress bar
        (its last progress stays visible when a run ends)."""
        self.run_button.setEnabled(not on)
        self.cancel_button.setEnabled(on)
        if on:
            self.progress.setRange(0, 0)  # busy until the first progress report
        elif self.progress.maximum() == 0:
            self.progress.setRange(0, 1)
        if self.progress.value() < 0:  # a reset bar draws no text
            self.progress.setValue(0)
        self.progress.setFormat(text or (tr("Starting…") if on else tr("Ready to measure")))

    def set_progress(self, done: int, total: int, what: str) -> None:
        """Show ``done`` of ``total`` points, naming the one being measured."""
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress.setFormat(tr("{done} of {total}: {what}").format(done=done, total=total, what=what))
