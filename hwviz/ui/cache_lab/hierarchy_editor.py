"""Edit the levels of the hierarchy: size, ways, replacement and latency, checked as you type.

Every field is read through the range checks of :mod:`hwviz.base`, so ``inf``, ``nan``, a
21-digit number or a size past what Cache Lab draws is a message under the table, and the last
valid run stays on screen.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit

from hwviz.base.checks import number_text, whole_text
from hwviz.base.units import format_size, parse_size
from hwviz.sim.config import MAX_LATENCY_NS, POLICIES, Hierarchy
from hwviz.ui.cache_lab import tr
from hwviz.ui.cache_lab.controls import error_label

#: most ways a Cache Lab level may have (a fully associative 16 KiB level has 256)
MAX_WAYS = 1024


def smaller_than_above(h: Hierarchy) -> list[str]:
    """A sentence for each level smaller than the level above it (legal, but rarely meant)."""
    return [tr("{low} ({low_size}) is smaller than {high} ({high_size}).").format(
                low=b.name, low_size=format_size(b.size), high=a.name, high_size=format_size(a.size))
            for a, b in zip(h.levels, h.levels[1:]) if b.size < a.size]


class HierarchyEditor(QGroupBox):
    """One row per level; ``edited`` fires when a field is committed. :meth:`hierarchy` builds
    the result or raises :class:`ConfigError`; the scene shows the message with
    :meth:`show_error` and a warning with :meth:`show_warning`."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(tr("Hierarchy"), parent)
        self.grid = QGridLayout(self)
        self.rows: list[tuple[QLineEdit, QLineEdit, QComboBox, QLineEdit]] = []
        self.memory = QLineEdit()
        self.error = error_label()
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.hide()
        self.base: Hierarchy | None = None

    def load(self, h: Hierarchy) -> None:
        """Show ``h``'s levels (rebuilding the rows if the level count changed)."""
        self.base = h
        if len(self.rows) != len(h.levels):
            self._build(len(h.levels))
        for (size, ways, policy, lat), lvl in zip(self.rows, h.levels):
            size.setText(format_size(lvl.size))
            ways.setText(str(lvl.ways))
            policy.setCurrentText(lvl.policy)
            lat.setText(f"{lvl.latency_ns:g}")
        self.memory.setText(f"{h.memory_latency_ns:g}")
        self.show_error("")
        self.show_warning(" ".join(smaller_than_above(h)))

    def _build(self, n: int) -> None:
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None and w not in (self.memory, self.error, self.warning):
                w.deleteLater()
        for c, head in enumerate(("", tr("size"), tr("ways"), tr("policy"), tr("ns"))):
            self.grid.addWidget(QLabel(head), 0, c)
        self.rows = []
        for k in range(n):
            size, ways, lat = QLineEdit(), QLineEdit(), QLineEdit()
            policy = QComboBox()
            policy.addItems(POLICIES)
            for c, w in enumerate((size, ways, policy, lat)):
                w.setObjectName(f"L{k + 1}_{('size', 'ways', 'policy', 'latency')[c]}")
                self.grid.addWidget(w, k + 1, c + 1)
            for w in (size, ways, lat):
                w.editingFinished.connect(self._commit)
            policy.activated.connect(self._commit)
            self.grid.addWidget(QLabel(tr("L{n}").format(n=k + 1)), k + 1, 0)
            self.rows.append((size, ways, policy, lat))
        self.grid.addWidget(QLabel(tr("memory")), n + 1, 0, 1, 4)
        self.grid.addWidget(self.memory, n + 1, 4)
        self.memory.setObjectName("memory_latency")
        self.memory.editingFinished.connect(self._commit)
        self.grid.addWidget(self.error, n + 2, 0, 1, 5)
        self.grid.addWidget(self.warning, n + 3, 0, 1, 5)
        self.fit_fields(self.font().pointSizeF())

    def fit_fields(self, point_size: float) -> None:
        """Size the fields for their longest values at a font of ``point_size``."""
        font = QFont(self.font())
        font.setPointSizeF(point_size)
        fm = QFontMetrics(font)
        for size, ways, _policy, lat in self.rows:
            size.setFixedWidth(fm.horizontalAdvance("1.25MiB") + 14)
            ways.setFixedWidth(fm.horizontalAdvance("128") + 14)
            lat.setFixedWidth(fm.horizontalAdvance("0.125") + 14)
        self.memory.setFixedWidth(fm.horizontalAdvance("0.125") + 14)

    def _commit(self, *_args) -> None:
        self.edited.emit()

    def hierarchy(self) -> Hierarchy:
        """The edited hierarchy, validated; :class:`ConfigError` names the first bad field."""
        levels = []
        for (size, ways, policy, lat), lvl in zip(self.rows, self.base.levels):
            levels.append(replace(
                lvl, size=parse_size(size.text().strip(), f"{lvl.name} size"),
                ways=whole_text(ways.text(), f"{lvl.name} ways", 1, MAX_WAYS),
                policy=policy.currentText(),
                latency_ns=number_text(lat.text(), f"{lvl.name} latency (ns)", 0.0, MAX_LATENCY_NS)))
        mem = number_text(self.memory.text(), tr("memory latency (ns)"), 0.0, MAX_LATENCY_NS)
        name = self.base.name if self.base.name.endswith("(edited)") else f"{self.base.name} (edited)"
        return replace(self.base, levels=tuple(levels), memory_latency_ns=mem, name=name).validate()

    def show_error(self, text: str) -> None:
        """Show why the edit was refused ("" clears it)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def show_warning(self, text: str) -> None:
        """Show a warning about a hierarchy that runs ("" clears it)."""
        self.warning.setText(text)
        self.warning.setVisible(bool(text))
