"""False sharing as a model: two cores take turns incrementing their own counters. When both
counters sit in one 64-byte cache line, each write needs the line in the writer's cache in state
M (modified), so the other copy is invalidated (I) and the line moves between the caches on every
turn; a line each stays put.

:func:`msi_writes` is the model (pure, tested); :class:`LineBounceView` animates it."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from hwviz.ui import palette
from hwviz.ui.parallel_scenes import tr
from hwviz.ui.parallel_scenes.animation import AnimatedView
from hwviz.ui.parallel_scenes.issue_slots import THREAD_COLORS

#: writes animated: the cores take turns
STEPS = 8
#: frames the last step is held before the animation starts again
HOLD = 3
LINE_BYTES, WORD = 64, 8


@dataclass(frozen=True)
class Step:
    """After one write: who wrote, each core's state of the line it writes (``"M"``, ``"S"``,
    ``"I"``), whether the line came from memory, and whether it moved from the other cache."""

    writer: int
    states: tuple[str, ...]
    from_memory: bool
    transfer: bool


def msi_writes(writers: list[int], cores: int = 2, shared: bool = True) -> list[Step]:
    """The MSI model for ``writers`` (the core making each write, in order). ``shared``: every
    core's counter is in one line; else each core has a line of its own."""
    states = ["I"] * cores
    out = []
    for w in writers:
        if shared:
            held = any(states[c] != "I" for c in range(cores) if c != w)
            moved, from_memory = states[w] == "I" and held, states[w] == "I" and not held
            states = ["I"] * cores
        else:
            moved, from_memory = False, states[w] == "I"
        states[w] = "M"
        out.append(Step(w, tuple(states), from_memory, moved))
    return out


def transfers(steps: list[Step]) -> int:
    """Cache-to-cache moves of the line in ``steps``."""
    return sum(s.transfer for s in steps)


class LineBounceView(AnimatedView):
    """Two rows: counters 8 B apart (one line, bouncing) and 64 B apart (a line each, quiet);
    each row shows core 0's and core 1's cache with the line, its MSI state and the transfers."""

    frames = STEPS + HOLD

    def __init__(self, parent=None):
        super().__init__(parent)
        turns = [k % 2 for k in range(STEPS)]
        self.rows = {8: msi_writes(turns, shared=True), 64: msi_writes(turns, shared=False)}

    @property
    def step(self) -> int:
        """The write shown (0-based)."""
        return min(self.frame, STEPS - 1)

    def _header(self) -> str:
        return tr("Model (MSI), not a measurement: two cores take turns adding 1 to their own counter. "
                  "A write needs the line in state M in the writer's cache, so the other copy becomes I.")

    def paint(self, p: QPainter) -> None:  # noqa: D102 - AnimatedView
        lh = self.line_height()
        m = lh * 0.4
        w = self.width() - 2 * m
        head = self.text_height(self._header(), w, 0.8)
        self.text(p, QRectF(m, m, w, head), self._header(), factor=0.8)
        top = m + head + m
        block = (self.height() - top - m) / 2
        titles = {8: tr("Counters 8 B apart: both in one 64-byte line"),
                  64: tr("Counters 64 B apart: a line each")}
        for b, (distance, steps) in enumerate(self.rows.items()):
            y = top + b * block
            self.text(p, QRectF(m, y, w, lh * 1.2), titles[distance], bold=True, one_line=True)
            self._row(p, QRectF(m, y + 1.3 * lh, w, block - 1.4 * lh), distance, steps[:self.step + 1])

    def _row(self, p: QPainter, r: QRectF, distance: int, steps: list[Step]) -> None:
        t, lh = self.theme, self.line_height()
        now = steps[-1]
        box_w = r.width() * 0.4
        box_h = max(lh * 2.5, min(r.height() - 1.4 * lh, lh * 4.5))
        for core in (0, 1):
            x = r.left() if core == 0 else r.right() - box_w
            box = QRectF(x, r.top(), box_w, box_h)
            state = now.states[core]
            self.box(p, box, t.surface, 0.8)
            writing = core == now.writer
            label = tr("core {c} writes").format(c=core) if writing else tr("core {c}").format(c=core)
            self.text(p, QRectF(box.left() + 4, box.top() + 2, box_w - 8, lh * 1.1), label, factor=0.8, one_line=True,
                      bold=writing, color=THREAD_COLORS[core] if writing else t.text)
            line = QRectF(box.left() + 6, box.top() + lh * 1.3, box_w - 12, min(lh * 1.4, box_h - lh * 2.6))
            self._line(p, line, distance, core, state)
            state_text = {"M": tr("M: modified"), "S": tr("S: shared"), "I": tr("I: invalid")}[state]
            self.text(p, QRectF(box.left() + 4, line.bottom() + 2, box_w - 8, lh * 1.2), state_text, one_line=True,
                      factor=0.8, bold=state == "M")
        if now.transfer:
            self._arrow(p, r, box_w, box_h, now.writer)
        count = tr("writes: {w}  ·  line transfers: {t}").format(w=len(steps), t=transfers(steps))
        self.text(p, QRectF(r.left(), r.top() + box_h + 2, r.width(), lh * 1.2), count, factor=0.85,
                  bold=True, align=Qt.AlignHCenter | Qt.AlignTop, one_line=True)

    def _line(self, p: QPainter, r: QRectF, distance: int, core: int, state: str) -> None:
        """One 64-byte line as eight 8-byte words; the counters in it coloured by their core."""
        t = self.theme
        words = LINE_BYTES // WORD
        size = r.width() / words
        mine = {0: 0, 1: distance // WORD} if distance < LINE_BYTES else {core: 0}
        for k in range(words):
            cell = QRectF(r.left() + k * size, r.top(), size, r.height())
            owner = next((c for c, word in mine.items() if word == k), None)
            fill = THREAD_COLORS[owner] if owner is not None else t.surface
            if state == "I":
                fill = palette.mix(fill, t.surface, 0.25)
            self.box(p, cell, fill, 0.4, t.muted)
            if owner is not None and cell.width() >= self.line_height(0.7):
                self.text(p, cell, tr("c{n}").format(n=owner), factor=0.7, bold=True,
                          color=palette.ink_on(fill), align=Qt.AlignCenter)

    def _arrow(self, p: QPainter, r: QRectF, box_w: float, box_h: float, to: int) -> None:
        """The line moving from the other cache to the writer's."""
        t, lh = self.theme, self.line_height()
        y = r.top() + box_h * 0.45
        a, b = QPointF(r.left() + box_w + 6, y), QPointF(r.right() - box_w - 6, y)
        if to == 0:
            a, b = b, a
        color = QColor(palette.MEMORY)
        p.setPen(QPen(color, max(2.0, t.pen(1.4))))
        p.drawLine(QLineF(a, b))
        d = 1 if b.x() > a.x() else -1
        head = lh * 0.5
        p.setBrush(color)
        p.drawPolygon(QPolygonF([b, QPointF(b.x() - d * head, y - head * 0.6), QPointF(b.x() - d * head, y + head * 0.6)]))
        below = QRectF(min(a.x(), b.x()), y + head * 0.7, abs(b.x() - a.x()), lh * 2.3)
        self.text(p, below, tr("line moves"), factor=0.75, bold=True, color=t.text,
                  align=Qt.AlignHCenter | Qt.AlignTop, one_line=True)
