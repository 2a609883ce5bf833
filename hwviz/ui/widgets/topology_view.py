"""A picture of a machine in the spirit of hwloc's ``lstopo``: packages holding the last-level
cache, cores with their private caches, each core's logical CPUs side by side; every cache box
carries its size. The logical CPUs a measurement uses light up. Cores wrap onto rows; a large
machine is drawn smaller (down to boxes without text) but never cut off."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from hwviz.ui import palette
from hwviz.ui.theme import HIGHLIGHT, THEMES, Theme
from hwviz.ui.widgets.topology_model import Core, Machine, read_machine, tr

#: below this font size (points) the boxes inside a core carry no text; a caption says the sizes
MIN_TEXT_PT = 6.5
#: how much of a level's colour tints its cache boxes
CACHE_TINT = 0.35
#: the picture grows at most this much taller than its natural size (it always fills the width)
MAX_STRETCH = 1.6
#: a core grid with fewer empty cells is preferred if it draws the machine at least this large
NEAR_BEST = 0.85


@dataclass
class _Box:
    """One thing to paint: a rectangle, its fill, and its centred text (``cpu`` >= 0: a logical
    CPU, filled by whether it is lit)."""

    rect: QRectF
    fill: str
    text: str = ""
    pt: float = 0.0
    bold: bool = False
    cpu: int = -1
    top: bool = False   # text at the top edge (a box that holds others)


@dataclass
class _Metrics:
    """Natural sizes at the theme's font: a text line, the padding, a CPU box."""

    line: float
    pad: float
    cpu_w: float
    fm: QFontMetricsF

    def text_w(self, text: str) -> float:
        return self.fm.horizontalAdvance(text) + 2 * self.pad


def _grid_size(cols: int, cell: float, pad: float) -> float:
    return cols * cell + (cols + 1) * pad


class TopologyView(QWidget):
    """Paints one machine; :meth:`set_active` lights the logical CPUs a measurement uses."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.theme: Theme = THEMES["light"]
        self.machine: Machine = read_machine(None)
        self._active: set[int] = set()
        self._boxes: list[_Box] = []
        self._cpu_rects: dict[int, QRectF] = {}
        self._caption = ""
        self._laid_out = False
        #: the text may grow to this many times the theme's size where there is room
        self.max_zoom = 1.0
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(240, 140)

    # ---- the contract ------------------------------------------------------------------------
    def set_machine(self, machine) -> None:
        """Draw ``machine`` (a ``Topology`` or its dict); one that cannot be read is said so."""
        self.machine = read_machine(machine)
        self._relayout()

    def set_active(self, cpus: Iterable[int] | None) -> None:
        """Light these logical CPUs (None or empty: none)."""
        self._active = {int(c) for c in cpus or ()}
        self.update()

    def active(self) -> set[int]:
        """The logical CPUs lit now."""
        return set(self._active)

    def set_theme(self, theme: Theme) -> None:
        """Repaint in ``theme``'s colours and font size."""
        self.theme = theme
        self._relayout()

    def cpu_rect(self, cpu: int) -> QRectF:
        """Where logical CPU ``cpu`` is drawn (empty if it is not)."""
        self._ensure_layout()
        return QRectF(self._cpu_rects.get(cpu, QRectF()))

    def problem(self) -> str:
        """Why the machine cannot be drawn ("" when it can)."""
        return self.machine.problem

    def caption(self) -> str:
        """The line under the picture (sizes that did not fit in the boxes, how it was read)."""
        self._ensure_layout()
        return self._caption

    # ---- layout ------------------------------------------------------------------------------
    def _relayout(self) -> None:
        self._laid_out = False
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """Lay the picture out again for the new size."""
        super().resizeEvent(event)
        self._laid_out = False

    def _ensure_layout(self) -> None:
        if not self._laid_out:
            self._layout(QRectF(self.rect()))
            self._laid_out = True

    def _font(self, pt: float, bold: bool = False) -> QFont:
        f = QFont(self.font())
        f.setPointSizeF(max(1.0, pt))
        f.setBold(bold)
        return f

    def _metrics(self, pt: float) -> _Metrics:
        fm = QFontMetricsF(self._font(pt))
        pad = fm.height() * 0.3
        widest = max((c for core in self.machine.cores for c in core.cpus), default=0)
        return _Metrics(fm.height() * 1.3, pad, fm.horizontalAdvance(tr("CPU {n}").format(n=widest)) + 2 * pad, fm)

    @staticmethod
    def _rows(core: Core) -> list[list]:
        """A core's caches as drawn: one row per level, highest first, same-level side by side."""
        rows: dict[int, list] = {}
        for c in core.caches:
            rows.setdefault(c.level, []).append(c)
        return [rows[k] for k in sorted(rows, reverse=True)]

    def _core_size(self, m: _Metrics) -> tuple[float, float]:
        w = h = 0.0
        for core in self.machine.cores:
            rows = self._rows(core)
            row_w = max((sum(m.text_w(c.label) for c in r) + (len(r) - 1) * m.pad for r in rows), default=0)
            w = max(w, row_w, len(core.cpus) * m.cpu_w + (len(core.cpus) - 1) * m.pad)
            h = max(h, (len(rows) + 1) * m.line + len(rows) * m.pad)
        return w + 2 * m.pad, h + 2 * m.pad

    def _choose(self, area: QRectF, m: _Metrics) -> tuple[float, tuple[int, int, int]]:
        """The scale (natural size -> area) and (package, group, core) columns that draw the
        machine largest; among those within :data:`NEAR_BEST` of it, the one leaving the fewest
        cells of the core grid empty (8 cores: 4 x 2 rather than 3 + 3 + 2)."""
        pk = self.machine.packages
        n_groups = max(len(p.groups) for p in pk)
        n_cores = max(len(g.cores) for p in pk for g in p.groups)
        has_llc = any(g.llc for p in pk for g in p.groups)
        core_w, core_h = self._core_size(m)
        found = []
        for cc in range(1, n_cores + 1):
            gw = _grid_size(cc, core_w, m.pad)
            gh = _grid_size(math.ceil(n_cores / cc), core_h, m.pad) + (m.line if has_llc else 0)
            for gc in range(1, n_groups + 1):
                pw = _grid_size(gc, gw, m.pad)
                ph = _grid_size(math.ceil(n_groups / gc), gh, m.pad) + m.line
                for pc in range(1, len(pk) + 1):
                    w = _grid_size(pc, pw, m.pad)
                    h = _grid_size(math.ceil(len(pk) / pc), ph, m.pad)
                    s = min(area.width() / w, area.height() / h)
                    found.append((s, -cc * math.ceil(n_cores / cc) + n_cores, (pc, gc, cc)))
        top = max(f[0] for f in found)
        s, _, cols = max((f for f in found if f[0] >= NEAR_BEST * top), key=lambda f: (f[1], f[0]))
        return s, cols

    def _layout(self, rect: QRectF) -> None:
        self._boxes, self._cpu_rects, self._caption = [], {}, ""
        if self.machine.problem:
            return
        base = self.theme.font_size
        notes = [self.machine.note] if self.machine.note else []
        area = rect.adjusted(2, 2, -2, -2)
        cap_h = QFontMetricsF(self._font(base * 0.9)).height() * 1.2
        if notes:
            area.setBottom(area.bottom() - cap_h)
        scale, cols = self._choose(area, self._metrics(base))
        zoom = min(self.max_zoom, scale)
        pt = base * zoom
        text = pt >= MIN_TEXT_PT
        if not text:   # the sizes go in a caption: make room for it and choose again
            notes.append(self._sizes_line())
            area.setBottom(rect.bottom() - 2 - cap_h * len(notes))
            scale, cols = self._choose(area, self._metrics(base))
            zoom = min(self.max_zoom, scale)
            pt = base * zoom
        self._caption = "  ·  ".join(notes)
        if scale > MAX_STRETCH * zoom:   # a small machine on a large widget: do not blow the boxes up
            h = area.height() * MAX_STRETCH * zoom / scale
            area = QRectF(area.left(), area.top() + (area.height() - h) / 2, area.width(), h)
        m = self._metrics(pt)
        self._place(area, m, cols, pt, text)

    def _sizes_line(self) -> str:
        core = self.machine.cores[0]
        sizes = ", ".join(c.label for c in core.caches) or tr("caches unknown")
        return tr("Each core: {sizes}; too many CPUs to number them at this size").format(sizes=sizes)

    def _cells(self, area: QRectF, n: int, cols: int, pad: float) -> list[QRectF]:
        rows = math.ceil(n / cols)
        w = (area.width() - (cols + 1) * pad) / cols
        h = (area.height() - (rows + 1) * pad) / rows
        return [QRectF(area.left() + pad + (i % cols) * (w + pad), area.top() + pad + (i // cols) * (h + pad),
                       w, h) for i in range(n)]

    def _place(self, area: QRectF, m: _Metrics, cols: tuple[int, int, int], pt: float, text: bool) -> None:
        t, (pc, gc, cc) = self.theme, cols
        box_fill = palette.mix(t.muted, t.surface, 0.08)
        for pkg, cell in zip(self.machine.packages, self._cells(area, len(self.machine.packages), pc, m.pad)):
            self._boxes.append(_Box(cell, box_fill, pkg.label, pt, True, top=True))
            inner = cell.adjusted(0, m.line, 0, 0)
            for group, gcell in zip(pkg.groups, self._cells(inner, len(pkg.groups), gc, m.pad)):
                cores_area = gcell
                if group.llc is not None:
                    self._boxes.append(_Box(gcell, self._cache_fill(group.llc.level), group.llc.label,
                                            pt, True, top=True))
                    cores_area = gcell.adjusted(0, m.line, 0, 0)
                for core, ccell in zip(group.cores, self._cells(cores_area, len(group.cores), cc, m.pad)):
                    self._place_core(core, ccell, m, pt, text)

    def _place_core(self, core: Core, cell: QRectF, m: _Metrics, pt: float, text: bool) -> None:
        self._boxes.append(_Box(cell, self.theme.surface))
        inner = cell.adjusted(m.pad, m.pad, -m.pad, -m.pad)
        rows = self._rows(core)
        y, h = inner.top(), (inner.height() - len(rows) * m.pad) / (len(rows) + 1)   # rows alike
        for row in rows:
            x, w = inner.left(), (inner.width() - (len(row) - 1) * m.pad) / len(row)
            for c in row:
                self._boxes.append(_Box(QRectF(x, y, w, h), self._cache_fill(c.level),
                                        c.label if text else "", pt))
                x += w + m.pad
            y += h + m.pad
        n = len(core.cpus)
        w = (inner.width() - (n - 1) * m.pad) / n
        for i, cpu in enumerate(core.cpus):
            r = QRectF(inner.left() + i * (w + m.pad), y, w, max(2.0, inner.bottom() - y))
            self._cpu_rects[cpu] = r
            self._boxes.append(_Box(r, "", tr("CPU {n}").format(n=cpu) if text else "", pt, cpu=cpu))

    def _cache_fill(self, level: int) -> str:
        colors = palette.LEVELS
        return palette.mix(colors[min(level, len(colors)) - 1], self.theme.surface, CACHE_TINT)

    # ---- painting ----------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """Paint the boxes, lit CPUs in the accent colour; or say why there is no picture."""
        self._ensure_layout()
        t = self.theme
        p = QPainter(self)
        p.setRenderHint(QPainter.Antialiasing)
        p.fillRect(self.rect(), QColor(t.surface))
        if self.machine.problem:
            p.setPen(QColor(t.text))
            p.setFont(self._font(t.font_size, True))
            p.drawText(QRectF(self.rect()).adjusted(12, 12, -12, -12), Qt.AlignCenter | Qt.TextWordWrap,
                       self.machine.problem)
            p.end()
            return
        outline = QPen(QColor(t.text), max(1.0, t.pen(0.5)))
        for b in self._boxes:
            lit = b.cpu in self._active
            fill = HIGHLIGHT if lit else (b.fill or t.surface)
            p.setPen(QPen(QColor(t.text), max(2.0, t.pen(1.2))) if lit else outline)
            p.setBrush(QColor(fill))
            p.drawRect(b.rect)
            if b.text:
                p.setPen(QColor(palette.ink_on(fill) if lit else t.text))
                p.setFont(self._font(b.pt * (0.9 if b.cpu >= 0 or not b.top else 1.0), b.bold or lit))
                where = b.rect.adjusted(4, 1, -4, -1)
                flags = (Qt.AlignHCenter | Qt.AlignTop) if b.top else Qt.AlignCenter
                p.drawText(where, flags | Qt.TextSingleLine, b.text)
        if self._caption:
            p.setPen(QColor(t.text))
            p.setFont(self._font(t.font_size * 0.9))
            p.drawText(QRectF(self.rect()).adjusted(4, 0, -4, -2), Qt.AlignBottom | Qt.AlignLeft | Qt.TextWordWrap,
                       self._caption)
        p.end()
