"""What the parallel scenes' small explanatory animations share: a frame counter stepped by a
QTimer that runs only while the view is on screen and no measurement is running (animating would
steal the core being measured), the theme, and the fonts they paint with."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.ui.theme import THEMES, Theme

#: milliseconds between frames: slow enough to follow while the teacher talks
FRAME_MS = 600
#: a one-line label shrinks to fit its room down to this share of its size
SMALLEST = 0.6


class AnimatedView(QWidget):
    """Paints frame :attr:`frame` of :attr:`frames` (subclasses set it and paint in
    :meth:`paint`); loops while shown and not paused."""

    frames = 1

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme: Theme = THEMES["light"]
        self.frame = self.frames - 1   # the finished picture first (and in a still shot)
        self.paused = False
        self._timer = QTimer(self)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.tick)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(280, 220)

    # ---- frames --------------------------------------------------------------------------
    def tick(self) -> None:
        """The next frame (back to the first after the last)."""
        self.set_frame((self.frame + 1) % self.frames)

    def set_frame(self, k: int) -> None:
        """Show frame ``k`` (tests and the timer)."""
        self.frame = max(0, min(int(k), self.frames - 1))
        self.update()

    @property
    def animating(self) -> bool:
        """True while the timer steps the frames."""
        return self._timer.isActive()

    def set_paused(self, on: bool) -> None:
        """Stop the timer while a measurement runs; start it again after."""
        self.paused = on
        self._follow()

    def _follow(self) -> None:
        if self.isVisible() and not self.paused:
            self._timer.start()
        else:
            self._timer.stop()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt hook
        super().showEvent(event)
        self._follow()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt hook
        super().hideEvent(event)
        self._follow()

    def set_theme(self, theme: Theme) -> None:
        """Repaint in ``theme``."""
        self.theme = theme
        self.update()

    # ---- painting ------------------------------------------------------------------------
    def font_at(self, factor: float = 0.9, bold: bool = False) -> QFont:
        """The widget's font at ``factor`` times the theme's size."""
        f = QFont(self.font())
        f.setPointSizeF(self.theme.font_size * factor)
        f.setBold(bold)
        return f

    def line_height(self, factor: float = 0.9) -> float:
        """Height of a line of text at ``factor``."""
        return QFontMetricsF(self.font_at(factor)).height()

    def text_height(self, text: str, width: float, factor: float = 0.9) -> float:
        """Height of ``text`` word-wrapped to ``width``."""
        fm = QFontMetricsF(self.font_at(factor))
        return fm.boundingRect(QRectF(0, 0, width, 1e4), int(Qt.TextWordWrap), text).height()

    def text(self, p: QPainter, rect: QRectF, text: str, *, factor: float = 0.9, bold: bool = False,
             color: str | None = None, align=Qt.AlignLeft | Qt.AlignTop, one_line: bool = False) -> None:
        """``text`` word-wrapped in ``rect``; ``one_line``: on one line, in a smaller font if it
        must (down to :data:`SMALLEST` of ``factor``, then cut short with "…") to fit the width."""
        if one_line:
            wide = QFontMetricsF(self.font_at(factor, bold)).horizontalAdvance(text)
            factor *= max(SMALLEST, min(1.0, 0.95 * rect.width() / max(wide, 1.0)))   # hinting: a little room
            text = QFontMetricsF(self.font_at(factor, bold)).elidedText(text, Qt.ElideRight, rect.width())
        p.setFont(self.font_at(factor, bold))
        p.setPen(QColor(color or self.theme.text))
        p.drawText(rect, int(align) | (0 if one_line else int(Qt.TextWordWrap)), text)

    def box(self, p: QPainter, rect: QRectF, fill: str, width: float = 1.0, color: str | None = None) -> None:
        """A filled rectangle outlined in the theme's text colour (or ``color``)."""
        p.setPen(QPen(QColor(color or self.theme.text), max(1.0, self.theme.pen(width))))
        p.setBrush(QColor(fill))
        p.drawRect(rect)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor(self.theme.surface))
        self.paint(p)
        p.end()

    def paint(self, p: QPainter) -> None:
        """Paint frame :attr:`frame`."""
        raise NotImplementedError
