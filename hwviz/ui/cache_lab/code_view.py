"""The loop being run, as Python source, with the line that made the last access highlighted."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.sim.lab import LabRun
from hwviz.ui import palette
from hwviz.ui.theme import THEMES, Theme


class CodeView(QWidget):
    """Source lines, a highlight band on the current line, and the element just accessed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_OpaquePaintEvent)  # paints every pixel: parents need not repaint
        self.theme: Theme = THEMES["light"]
        self.run: LabRun | None = None
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def set_run(self, run: LabRun) -> None:
        """Show ``run``'s loop."""
        self.run = run
        self._resize()
        self.update()

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.theme = theme
        self._resize()
        self.update()

    def _font(self) -> QFont:
        f = QFont("monospace")
        f.setStyleHint(QFont.TypeWriter)
        f.setPointSizeF(self.theme.font_size)
        return f

    def _resize(self) -> None:
        if self.run is not None:
            h = QFontMetrics(self._font()).lineSpacing()
            self.setFixedHeight(int(h * (len(self.run.loop.lines) + 1.6)) + 8)

    def current_line(self) -> int | None:
        """Index of the highlighted source line, None before the first access."""
        cur = self.run.current() if self.run else None
        return cur[0] if cur else None

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Draw the source, the highlight and the current element."""
        p = QPainter(self)
        t = self.theme
        p.fillRect(self.rect(), QColor(t.surface))
        if self.run is None:
            return
        font = self._font()
        p.setFont(font)
        fm = QFontMetrics(font)
        h = fm.lineSpacing()
        cur = self.run.current()
        if cur is not None:
            band = QColor(palette.mix(palette.LEVELS[1], t.surface, 0.45))
            p.fillRect(QRect(0, 4 + cur[0] * h, self.width(), h), band)
        p.setPen(QColor(t.text))
        for i, line in enumerate(self.run.loop.lines):
            p.drawText(8, 4 + i * h + fm.ascent(), line)
        y = 4 + len(self.run.loop.lines) * h + h // 2
        font.setBold(True)
        p.setFont(font)
        text = f"now: {cur[1]}" if cur else "now: (not started)"
        p.drawText(8, y + fm.ascent(), text)
