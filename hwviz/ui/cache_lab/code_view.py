"""The loop being run, as Python source, with the line that made the last access highlighted,
and under it what that access did: the element, hit or miss, the level that served it, and what
it evicted."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.sim.lab import LabRun
from hwviz.ui import palette
from hwviz.ui.cache_lab import tr
from hwviz.ui.theme import THEMES, Theme


def level_name(run: LabRun, level: int) -> str:
    """Name of level ``level`` of ``run``'s hierarchy, or "memory"."""
    levels = run.hierarchy.levels
    return levels[level].name if level < len(levels) else tr("memory")


def describe_line(l1: str, level: int, where: str, ns: float, evicted: str, short: bool) -> str:
    """One line's outcome: a hit in first level ``l1`` (``level`` 0), or a miss served by
    ``where`` after ``ns``; ``evicted`` names what the first level evicted ("" for nothing)."""
    if level == 0:
        text = tr("{l1} hit").format(l1=l1)
    elif short:
        text = tr("{l1} miss, from {where}").format(l1=l1, where=where)
    else:
        text = tr("{l1} miss, served by {where} ({ns:g} ns)").format(l1=l1, where=where, ns=ns)
    if evicted:
        text += ", " + (tr("evicted {element}") if short else tr("evicted the line of {element}")).format(
            element=evicted)
    return text


def outcome_text(run: LabRun, short: bool = False) -> str:
    """What the last access did, e.g. "L1 miss, served by L2 (7 ns), evicted the line of
    A[0][0]"; ``short`` drops the latency and says "evicted A[0][0]"."""
    lats = [lvl.latency_ns for lvl in run.hierarchy.levels] + [run.hierarchy.memory_latency_ns]
    return "; ".join(describe_line(level_name(run, 0), o.level, level_name(run, o.level), lats[o.level],
                                   o.evicted_element, short) for o in run.outcome())


def widest_outcome(run: LabRun) -> str:
    """The longest short outcome ``run`` can show (one line, the last element evicted), so the
    font is sized once and does not jump from access to access."""
    m = run.matrices[-1]
    where = max([lvl.name for lvl in run.hierarchy.levels] + [tr("memory")], key=len)
    return describe_line(level_name(run, 0), 1, where, 0, f"{m.name}[{m.rows - 1}][{m.cols - 1}]", True)


#: smallest font the code shrinks to, as a share of the theme's, before it would be cut (at the
#: largest text scale in the projector theme this is still 12 pt)
MIN_SCALE = 0.4


class CodeView(QWidget):
    """Source lines, a highlight band on the current line, and two "now" lines: the element
    just accessed, then what the access did. Short of room, the "now" lines take their short
    forms and the font shrinks (down to :data:`MIN_SCALE` of the theme's size) until everything fits."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_OpaquePaintEvent)  # paints every pixel: parents need not repaint
        self.theme: Theme = THEMES["light"]
        self.run: LabRun | None = None
        self._scale_key, self._scale = None, (1.0, False)
        self.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Maximum)  # never widens the window

    def set_run(self, run: LabRun) -> None:
        """Show ``run``'s loop."""
        self.run = run
        self.updateGeometry()
        self.update()

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.theme = theme
        self.updateGeometry()
        self.update()

    def _font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        f = QFont("monospace")
        f.setStyleHint(QFont.TypeWriter)
        f.setPointSizeF(self.theme.font_size * scale)
        f.setBold(bold)
        return f

    def _rows(self, split: bool) -> int:
        return (len(self.run.loop.lines) if self.run else 1) + (3 if split else 2)

    def _height(self, scale: float, split: bool = False) -> int:
        h = QFontMetrics(self._font(scale)).lineSpacing()
        return h * self._rows(split) + h // 2 + 8

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """Every line at the theme's font."""
        fm = QFontMetrics(self._font())
        lines = self.run.loop.lines if self.run else [""]
        return QSize(max(fm.horizontalAdvance(x) for x in lines) + 16, self._height(1.0))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """Every line at the smallest font, the outcome on two lines."""
        return QSize(60, self._height(MIN_SCALE, split=True))

    def scale(self) -> tuple[float, bool]:
        """(share of the theme's font, outcome split over two lines): the largest font at which
        the code and the longest outcome fit, on one line if possible (at least :data:`MIN_SCALE`)."""
        if self.run is None:
            return 1.0, False
        key = (self.width(), self.height(), self.theme, id(self.run))
        if key != self._scale_key:  # a layout change, not every frame
            self._scale_key, self._scale = key, (MIN_SCALE, True)
            for split in (False, True):
                s = 1.0
                while s > MIN_SCALE and (self._height(s, split) > self.height() or self._too_wide(s, split)):
                    s = round(s - 0.05, 2)
                if not (self._height(s, split) > self.height() or self._too_wide(s, split)):
                    self._scale = (s, split)
                    break
        return self._scale

    def _too_wide(self, s: float, split: bool) -> bool:
        fm, bold = QFontMetrics(self._font(s)), QFontMetrics(self._font(s, bold=True))
        widest = widest_outcome(self.run)
        parts = widest.rpartition(", ")[::2] if split else (widest,)
        return (any(fm.horizontalAdvance(x) > self.width() - 16 for x in self.run.loop.lines)
                or any(bold.horizontalAdvance(x) > self.width() - 16 for x in parts))

    def current_line(self) -> int | None:
        """Index of the highlighted source line, None before the first access."""
        cur = self.run.current() if self.run else None
        return cur[0] if cur else None

    def now_lines(self, scale: tuple[float, bool] | None = None) -> list[str]:
        """The "now" lines as drawn at the current size (short forms, and the outcome over two
        lines, when needed)."""
        cur = self.run.current() if self.run else None
        if cur is None:
            return [tr("now: (not started)"), ""]
        s, split = self.scale() if scale is None else scale
        fm = QFontMetrics(self._font(s, bold=True))
        room = self.width() - 16
        first = tr("now: {access}").format(access=cur[1])
        if fm.horizontalAdvance(first) > room:
            first = tr("now: {access}").format(access=cur[1].split()[0])
        second = outcome_text(self.run)
        if fm.horizontalAdvance(second) > room:
            second = outcome_text(self.run, short=True)
        if split and fm.horizontalAdvance(second) > room and ", " in second:
            head, _, tail = second.rpartition(", ")
            return [first, head + ",", tail]
        return [first, second]

    def overflow(self) -> list[str]:
        """Text that does not fit, even in its short form at the smallest font (empty when
        all fits)."""
        if self.run is None:
            return []
        s, split = self.scale()
        fm, bold = QFontMetrics(self._font(s)), QFontMetrics(self._font(s, bold=True))
        room = self.width() - 16
        out = [x for x in self.run.loop.lines if fm.horizontalAdvance(x) > room]
        out += [x for x in self.now_lines((s, split)) if bold.horizontalAdvance(x) > room]
        return out + ([tr("(too short)")] if self._height(s, split) > self.height() else [])

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Draw the source, the highlight and the "now" lines."""
        p = QPainter(self)
        t = self.theme
        p.fillRect(self.rect(), QColor(t.surface))
        if self.run is None:
            return
        s, split = self.scale()
        p.setFont(self._font(s))
        fm = QFontMetrics(self._font(s))
        h = fm.lineSpacing()
        line = self.current_line()
        if line is not None:
            p.fillRect(QRect(0, 4 + line * h, self.width(), h), QColor(palette.code_band(t.surface)))
        p.setPen(QColor(t.text))
        for i, text in enumerate(self.run.loop.lines):
            p.drawText(8, 4 + i * h + fm.ascent(), text)
        y = 4 + len(self.run.loop.lines) * h + h // 2
        p.setFont(self._font(s, bold=True))
        for k, text in enumerate(self.now_lines((s, split))):
            p.drawText(8, y + k * h + fm.ascent(), text)
