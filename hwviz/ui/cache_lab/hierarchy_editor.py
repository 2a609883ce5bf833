"""Edit the levels of the hierarchy: size, ways, replacement and latency, checked as you type."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit

from hwviz.base.errors import ConfigError
from hwviz.base.units import format_size, parse_size
from hwviz.sim.config import POLICIES, Hierarchy


def _number(text: str, what: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ConfigError(f"{what} {text.strip()!r} is not a number") from None


class HierarchyEditor(QGroupBox):
    """One row per level; ``edited`` fires when a field is committed. :meth:`hierarchy` builds
    the result or raises :class:`ConfigError`; the scene shows the message with
    :meth:`show_error`."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__("Hierarchy", parent)
        self.grid = QGridLayout(self)
        self.rows: list[tuple[QLineEdit, QLineEdit, QComboBox, QLineEdit]] = []
        self.memory = QLineEdit()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
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
        self.error.clear()

    def _build(self, n: int) -> None:
        while self.grid.count():
            w = self.grid.takeAt(0).widget()
            if w is not None and w not in (self.memory, self.error):
                w.deleteLater()
        for c, head in enumerate(("", "size", "ways", "policy", "ns")):
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
            self.grid.addWidget(QLabel(f"L{k + 1}"), k + 1, 0)
            self.rows.append((size, ways, policy, lat))
        self.grid.addWidget(QLabel("memory"), n + 1, 0)
        self.grid.addWidget(self.memory, n + 1, 4)
        self.memory.setObjectName("memory_latency")
        self.memory.editingFinished.connect(self._commit)
        self.grid.addWidget(self.error, n + 2, 0, 1, 5)
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
        """The edited hierarchy, validated."""
        levels = []
        for (size, ways, policy, lat), lvl in zip(self.rows, self.base.levels):
            w = _number(ways.text(), f"{lvl.name} ways")
            if w != int(w):
                raise ConfigError(f"{lvl.name} ways {ways.text().strip()!r} is not a whole number")
            levels.append(replace(lvl, size=parse_size(size.text(), f"{lvl.name} size"), ways=int(w),
                                  policy=policy.currentText(),
                                  latency_ns=_number(lat.text(), f"{lvl.name} latency")))
        mem = _number(self.memory.text(), "memory latency")
        name = self.base.name if self.base.name.endswith("(edited)") else f"{self.base.name} (edited)"
        return replace(self.base, levels=tuple(levels), memory_latency_ns=mem, name=name).validate()

    def show_error(self, text: str) -> None:
        """Show why the edit was refused ("" clears it)."""
        self.error.setText(text)
