"""Cache Lab's parameter controls; every change goes through the scene, which may refuse it.

Number fields are plain text fields: what the user typed stays visible, and a value the model
refuses gets its message right under the field, never a silent clamp.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from hwviz.sim.config import PREFETCHERS
from hwviz.sim.lab_params import ELEM_SIZES, LabParams
from hwviz.sim.patterns import NAMES
from hwviz.sim.presets import PRESETS
from hwviz.ui.cache_lab import tr


def error_label() -> QLabel:
    """An empty, word-wrapped label styled as an error (see ``theme.apply_theme``)."""
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.hide()
    return label


class ControlsPanel(QWidget):
    """A form with one control per :class:`LabParams` field; emits ``edited(name, text)``."""

    edited = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form = form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._loading = False

        def combo(name, label, items):
            w = QComboBox()
            w.addItems([str(x) for x in items])
            w.activated.connect(lambda _i, n=name, w=w: self.edited.emit(n, w.currentText()))
            self._add(name, label, w)

        def field(name, label, tip):
            w = QLineEdit()
            w.setToolTip(tip)
            w.editingFinished.connect(lambda n=name, w=w: self._typed(n, w))
            self._add(name, label, w)

        combo("pattern", tr("Pattern"), NAMES)
        field("rows", tr("Rows"), tr("4 to 128"))
        field("cols", tr("Columns"), tr("4 to 128; matrix multiplication uses rows"))
        combo("elem", tr("Element (B)"), ELEM_SIZES)
        field("ld", tr("Leading dim."), tr("0 (no padding) or from the columns to 256"))
        field("tile", tr("Tile"), tr("Tile size of the tiled pattern: divides rows and columns"))
        field("stride", tr("Stride"), tr("Elements between accesses of the strided pattern, 1 to 4096"))
        combo("preset", tr("Preset"), PRESETS)
        combo("prefetch", tr("Prefetcher"), PREFETCHERS)
        race = QCheckBox(tr("race a second loop"))
        race.toggled.connect(lambda on: self._loading or self.edited.emit("race", "true" if on else "false"))
        self._add("race", tr("Race"), race)
        combo("race_pattern", tr("Against"), NAMES)

    def _add(self, name: str, label: str, w: QWidget) -> None:
        w.setObjectName(name)
        self.widgets[name] = w
        self.form.addRow(label, w)
        self.errors[name] = error_label()
        self.form.addRow(self.errors[name])

    def _typed(self, name: str, w: QLineEdit) -> None:
        if not self._loading and w.isModified():
            w.setModified(False)
            self.edited.emit(name, w.text())

    def load(self, params: LabParams) -> None:
        """Show ``params`` without emitting ``edited``, and clear every message."""
        self._loading = True
        for name, text in params.as_text().items():
            w = self.widgets[name]
            if isinstance(w, QComboBox):
                w.setCurrentText(text)
            elif isinstance(w, QLineEdit):
                w.setText(text)
                w.setModified(False)
            else:
                w.setChecked(text == "true")
            self.show_error(name, "")
        self.widgets["race_pattern"].setEnabled(params.race)
        square = params.pattern.startswith("matmul") and (not params.race or params.race_pattern.startswith("matmul"))
        self.widgets["cols"].setEnabled(not square)  # matmul uses rows x rows matrices
        self._loading = False

    def show_error(self, name: str, text: str) -> None:
        """Show why a change of ``name`` was refused under its field ("" clears it)."""
        label = self.errors[name]
        label.setText(text)
        label.setVisible(bool(text))

    def error_text(self) -> str:
        """Every message shown, joined ("" when none)."""
        return " ".join(e.text() for e in self.errors.values() if e.text())
