"""Why hyperthreading helps a latency-bound loop and not a throughput-bound one, as a model: a
core's issue slots over a few cycles, filled by one thread and then by two (SMT siblings), for a
thread with many independent FMA chains and for a thread with one dependent chain.

:func:`issue_slots` is the model (pure, tested); :class:`IssueSlotsView` animates it, cycle by
cycle, and says on screen that it is a model, not a measurement."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from hwviz.ui import palette
from hwviz.ui.parallel_scenes import tr
from hwviz.ui.parallel_scenes.animation import AnimatedView

#: FMAs a core can start per cycle, cycles drawn, cycles from an FMA's issue to its result
SLOTS, CYCLES, LATENCY = 4, 8, 4
#: independent chains per thread: throughput-bound keeps 3/4 of the slots busy on its own
CHAINS = {"throughput": 3 * LATENCY, "latency": 1}
#: thread 1, thread 2
THREAD_COLORS = (palette.RUNS[0], palette.RUNS[1])
#: frames the finished picture is held before the animation starts again
HOLD = 5


def issue_slots(chains: int, threads: int, *, slots: int = SLOTS, cycles: int = CYCLES,
                latency: int = LATENCY) -> list[list[int]]:
    """The model: ``grid[cycle][slot]`` is 0 for an empty slot, else the thread (1, 2, ...) whose
    FMA issued there.

    Each thread runs ``chains`` independent chains of dependent FMAs; a chain's next FMA can issue
    ``latency`` cycles after its previous one (when that result is ready). Each cycle the core
    issues up to ``slots`` ready FMAs, one from each thread in turn, starting with a different
    thread each cycle (SMT shares the slots fairly).
    """
    ready = [[0] * chains for _ in range(threads)]
    grid = []
    for c in range(cycles):
        row: list[int] = []
        issued = True
        while len(row) < slots and issued:
            issued = False
            for k in range(threads):
                t = (c + k) % threads
                i = next((i for i, r in enumerate(ready[t]) if r <= c), None)
                if i is None or len(row) == slots:
                    continue
                ready[t][i] = c + latency
                row.append(t + 1)
                issued = True
        grid.append(row + [0] * (slots - len(row)))
    return grid


def used(grid: list[list[int]], thread: int | None = None) -> int:
    """Slots filled (by ``thread`` only, if given)."""
    return sum(1 for row in grid for s in row if s and (thread is None or s == thread))


def smt_gain(case: str) -> float:
    """The model's speedup of two sibling threads over one for ``case`` (FMAs issued in
    :data:`CYCLES`)."""
    return used(issue_slots(CHAINS[case], 2)) / used(issue_slots(CHAINS[case], 1))


class IssueSlotsView(AnimatedView):
    """Two cases (throughput-bound above, latency-bound below), each as a grid of issue slots
    (rows) over cycles (columns) for one thread and for two; the cycles appear one by one, first
    for one thread, then for two."""

    frames = 2 * CYCLES + HOLD

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grids = {(case, n): issue_slots(chains, n) for case, chains in CHAINS.items() for n in (1, 2)}

    def shown_cycles(self, threads: int) -> int:
        """Cycles of the ``threads``-thread grids drawn at the current frame."""
        k = self.frame + 1 if threads == 1 else self.frame + 1 - CYCLES
        return max(0, min(CYCLES, k))

    def cell_rect(self, case: str, threads: int, cycle: int, slot: int) -> QRectF:
        """Where slot ``slot`` of cycle ``cycle`` is drawn (as last laid out)."""
        x, y, size = self._layout()[(case, threads)]
        return QRectF(x + cycle * size, y + slot * size, size, size)

    # ---- layout --------------------------------------------------------------------------
    def _header(self) -> str:
        return tr("Model, not a measurement: a core starts up to {slots} FMAs per cycle (issue slots, "
                  "rows); an FMA's result is ready {lat} cycles after it starts. Two threads on SMT "
                  "siblings share the slots.").format(slots=SLOTS, lat=LATENCY)

    def _titles(self) -> dict[str, str]:
        return {"throughput": tr("Throughput-bound: {n} FMA chains per thread").format(n=CHAINS["throughput"]),
                "latency": tr("Latency-bound: one FMA chain per thread")}

    def _layout(self) -> dict[tuple[str, int], tuple[float, float, float]]:
        """Top-left corner and cell size of each grid."""
        lh = self.line_height()
        m = lh * 0.4
        width = self.width() - 2 * m
        top = m + self.text_height(self._header(), width, 0.8) + m
        block = (self.height() - top - m) / len(CHAINS)
        above = self._title_height() + 1.1 * lh
        size = max(4.0, min(width / (2 * CYCLES + 2), (block - above - 1.3 * lh) / SLOTS))
        gap = width - 2 * CYCLES * size
        out = {}
        for b, case in enumerate(CHAINS):
            y = top + b * block + above
            for n in (1, 2):
                out[(case, n)] = (m + gap / 3 + (n - 1) * (CYCLES * size + gap / 3), y, size)
        return out

    def _title_height(self) -> float:
        width = self.width() - self.line_height() * 0.8
        return max(self.text_height(t, width, 0.9) for t in self._titles().values())

    # ---- painting ------------------------------------------------------------------------
    def paint(self, p: QPainter) -> None:  # noqa: D102 - AnimatedView
        t, lh = self.theme, self.line_height()
        m = lh * 0.4
        self.text(p, QRectF(m, m, self.width() - 2 * m, self.height()), self._header(), factor=0.8)
        layout = self._layout()
        titles = self._titles()
        for case in CHAINS:
            x, y, size = layout[(case, 1)]
            title_h = self._title_height()
            self.text(p, QRectF(m, y - title_h - 1.1 * lh, self.width() - 2 * m, title_h), titles[case], bold=True)
            for n in (1, 2):
                x, y, size = layout[(case, n)]
                label = tr("1 thread") if n == 1 else tr("2 threads (siblings)")
                room = CYCLES * size * 1.25
                self.text(p, QRectF(x, y - 1.1 * lh, room, lh * 1.1), label, factor=0.85, one_line=True)
                self._grid(p, case, n, x, y, size)
                k = self.shown_cycles(n)
                grid = self.grids[(case, n)][:k]
                count = tr("{u}/{all} slots used").format(u=used(grid), all=SLOTS * CYCLES)
                if n == 2 and k == CYCLES:
                    count = tr("{u}/{all} slots: ×{g:.2f}").format(u=used(grid), all=SLOTS * CYCLES,
                                                                     g=smt_gain(case))
                self.text(p, QRectF(x, y + SLOTS * size + 0.15 * lh, room, lh * 1.1), count,
                          factor=0.85, color=t.text, one_line=True)

    def _grid(self, p: QPainter, case: str, n: int, x: float, y: float, size: float) -> None:
        t = self.theme
        shown = self.shown_cycles(n)
        grid = self.grids[(case, n)]
        font = self.font_at(0.75, bold=True)
        p.setFont(font)
        for c in range(CYCLES):
            for s in range(SLOTS):
                r = QRectF(x + c * size, y + s * size, size, size)
                who = grid[c][s] if c < shown else 0
                fill = THREAD_COLORS[who - 1] if who else t.surface
                self.box(p, r, fill, 0.4, t.muted)
                if who and size >= QFontMetricsF(font).height():
                    p.setPen(QColor(palette.ink_on(fill)))
                    p.drawText(r, Qt.AlignCenter, str(who))
        if 0 < shown:
            c = shown - 1   # the cycle just issued
            p.setPen(QPen(QColor(t.accent), max(2.0, t.pen(1.2))))
            p.setBrush(Qt.NoBrush)
            p.drawRect(QRectF(x + c * size, y, size, SLOTS * size))
