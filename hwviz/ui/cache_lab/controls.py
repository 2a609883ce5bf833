"""Cache Lab's parameter controls; every change goes through the scene, which may refuse it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QSpinBox, QWidget

from hwviz.sim.config import PREFETCHERS
from hwviz.sim.lab import ELEM_SIZES, MAX_DIM, MIN_DIM, LabParams
from hwviz.sim.patterns import NAMES
from hwviz.sim.presets import PRESETS


class ControlsPanel(QWidget):
    """A form with one control per :class:`LabParams` field; emits ``edited(name, text)``."""

    edited = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.widgets: dict[str, QWidget] = {}

        def combo(name, label, items):
            w = QComboBox()
            w.addItems([str(x) for x in items])
            w.activated.connect(lambda _i, n=name, w=w: self.edited.emit(n, w.currentText()))
            self._add(form, name, label, w)

        def spin(name, label, lo, hi, special=""):
            w = QSpinBox()
            w.setRange(lo, hi)
            if special:
                w.setSpecialValueText(special)
            w.setKeyboardTracking(False)
            w.valueChanged.connect(lambda v, n=name: self._spun(n, v))
            self._add(form, name, label, w)

        combo("pattern", "Pattern", NAMES)
        spin("rows", "Rows", MIN_DIM, MAX_DIM)
        spin("cols", "Columns", MIN_DIM, MAX_DIM)
        combo("elem", "Element (B)", ELEM_SIZES)
        spin("ld", "Leading dim.", 0, 2 * MAX_DIM, special="= cols")
        spin("tile", "Tile (tiled)", 1, MAX_DIM)
        spin("stride", "Stride (strided)", 1, 4096)
        combo("preset", "Preset", PRESETS)
        combo("prefetch", "Prefetcher", PREFETCHERS)
        race = QCheckBox("race a second pattern")
        race.toggled.connect(lambda on: self._spun("race", "true" if on else "false"))
        self._add(form, "race", "Race", race)
        combo("race_pattern", "Against", NAMES)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        self._loading = False

    def _add(self, form: QFormLayout, name: str, label: str, w: QWidget) -> None:
        w.setObjectName(name)
        self.widgets[name] = w
        form.addRow(label, w)

    def _spun(self, name: str, value) -> None:
        if not self._loading:
            self.edited.emit(name, str(value))

    def load(self, params: LabParams) -> None:
        """Show ``params`` without emitting ``edited``."""
        self._loading = True
        for name, text in params.as_text().items():
            w = self.widgets[name]
            if isinstance(w, QComboBox):
                w.setCurrentText(text)
            elif isinstance(w, QSpinBox):
                w.setValue(int(text))
            else:
                w.setChecked(text == "true")
        self.widgets["race_pattern"].setEnabled(params.race)
        square = params.pattern.startswith("matmul") and (not params.race or params.race_pattern.startswith("matmul"))
        self.widgets["cols"].setEnabled(not square)  # matmul uses rows x rows matrices
        self.widgets["cols"].setToolTip("matmul uses n = rows" if square else "")
        self._loading = False

    def show_error(self, text: str) -> None:
        """Show why the last change was refused ("" clears it)."""
        self.error.setText(text)
