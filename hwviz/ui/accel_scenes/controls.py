"""The controls column every accelerator scene shares: labelled fields and choices, each with an
inline error line under it, in a column that scrolls on a short screen and hides when presenting."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

# the collapsible, scrolling column Cache Lab's controls live in: generic, reused here
from hwviz.base.errors import ConfigError
from hwviz.ui.widgets.drawer import Drawer, VerticalScroll

#: em the visualisation needs beside the open drawer; narrower, the drawer closes itself
VIEW_EM = 40


class ControlsColumn(QWidget):
    """A column of parameters. ``edited(name, text)`` fires when a field is committed (Enter or
    focus out) or a choice is picked; the scene answers with :meth:`show_error`. It lives in a
    :class:`Drawer` (:func:`lay_out`) that scrolls on a short screen and closes on a narrow one."""

    edited = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("accel_controls")
        self.col = QVBoxLayout(self)
        self.col.setContentsMargins(2, 2, 6, 2)
        self.fields: dict[str, QLineEdit | QComboBox] = {}
        self.errors: dict[str, QLabel] = {}
        self._stretched = False

    def _label(self, text: str) -> None:
        lab = QLabel(text)
        lab.setWordWrap(True)
        self.col.addWidget(lab)

    def add_error_line(self, name: str) -> None:
        """A hidden error line for parameter ``name``, under the widget added last."""
        err = QLabel()
        err.setObjectName("error")
        err.setWordWrap(True)
        err.hide()
        self.errors[name] = err
        self.col.addWidget(err)

    def add_field(self, name: str, label: str, tip: str = "") -> QLineEdit:
        """A text field for parameter ``name``."""
        self._label(label)
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setToolTip(tip)
        edit.editingFinished.connect(lambda: self.edited.emit(name, edit.text()))
        self.fields[name] = edit
        self.col.addWidget(edit)
        self.add_error_line(name)
        return edit

    def add_choice(self, name: str, label: str, items: list[tuple[str, str]]) -> QComboBox:
        """A choice for parameter ``name``: ``items`` are (value, shown text)."""
        self._label(label)
        box = QComboBox()
        box.setObjectName(name)
        for value, text in items:
            box.addItem(text, value)
        box.activated.connect(lambda _i: self.edited.emit(name, box.currentData()))
        self.fields[name] = box
        self.col.addWidget(box)
        self.add_error_line(name)
        return box

    def add_note(self, text: str) -> QLabel:
        """A wrapped line of explanation (for example, where the numbers come from)."""
        lab = QLabel(text)
        lab.setWordWrap(True)
        self.col.addWidget(lab)
        return lab

    def finish(self) -> None:
        """Push the controls to the top once every field is added."""
        if not self._stretched:
            self.col.addStretch(1)
            self._stretched = True

    def load(self, values: dict[str, str]) -> None:
        """Show ``values`` (parameter -> text) without emitting ``edited``, and clear the errors."""
        for name, value in values.items():
            w = self.fields.get(name)
            if isinstance(w, QLineEdit):
                w.setText(value)
            elif isinstance(w, QComboBox):
                i = w.findData(value)
                if i >= 0:
                    w.setCurrentIndex(i)
        for err in self.errors.values():
            err.hide()

    def show_error(self, name: str, text: str) -> None:
        """Show ``text`` under the field ``name`` (empty: hide it)."""
        err = self.errors.get(name)
        if err is not None:
            err.setText(text)
            err.setVisible(bool(text))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """About 16 em wide, so that labels wrap rather than widen the column."""
        hint = super().sizeHint()
        return QSize(min(hint.width(), round(self.fontInfo().pixelSize() * 16)), hint.height())


def text_label(rich: bool = False, name: str = "") -> QLabel:
    """A wrapped label for captions and keys (rich text if ``rich``)."""
    lab = QLabel()
    lab.setWordWrap(True)
    lab.setObjectName(name)
    if rich:
        lab.setTextFormat(Qt.RichText)
    return lab


def column(*items: tuple[QWidget, int]) -> QWidget:
    """A widget stacking ``(widget, stretch)`` items top to bottom, without margins."""
    box = QWidget()
    col = QVBoxLayout(box)
    col.setContentsMargins(0, 0, 0, 0)
    for w, stretch in items:
        col.addWidget(w, stretch)
    return box


def lay_out(scene: QWidget, controls: ControlsColumn, center: QWidget) -> Drawer:
    """``controls`` in a drawer on the left of ``scene``, ``center`` filling the rest (it scrolls
    only when the largest text makes it taller than a short screen); returns the drawer."""
    drawer = Drawer([controls])
    row = QHBoxLayout(scene)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(drawer)
    row.addWidget(VerticalScroll(center), 1)
    return drawer


def fit_drawer(drawer: Drawer, scene_width: int, theme) -> None:
    """Size ``drawer`` for the theme's font and close it when the scene is too narrow to leave
    :data:`VIEW_EM` em beside it (the user can still open it)."""
    drawer.fit()
    drawer.auto_open(scene_width >= drawer.open_width() + VIEW_EM * theme.font_size * 1.33)


class WithDrawer:
    """Mixin for a scene whose ``self.drawer`` (from :func:`lay_out`) holds its controls and
    whose ``self.theme`` is the current theme: the drawer follows the scene's width and hides
    while presenting."""

    def _on_control(self, name: str, text: str) -> None:
        """A control was edited: apply it, or show why not beside the field."""
        try:
            self.set_param(name, text)
        except ConfigError as e:
            self.controls.show_error(name, str(e))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """Close the drawer on a narrow scene, open it on a wide one."""
        super().resizeEvent(event)
        fit_drawer(self.drawer, self.width(), self.theme)

    def set_presenting(self, on: bool) -> None:
        """Presenter layout: no controls."""
        self.drawer.setVisible(not on)


class TextPanel(QWidget):
    """Wrapped text painted directly, for counters that change every frame: a QLabel asks the
    whole window to lay itself out again at each new text; this asks only when its height must
    change (never, among the texts given to :meth:`reserve`)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._text = ""
        self._height = 0
        self._reserved: list[str] = []
        self._reserved_height: dict[int, int] = {}     # width -> height of the tallest reserved text

    def reserve(self, texts: list[str]) -> None:
        """Stay as tall as the tallest of ``texts``, so that showing any of them moves nothing."""
        self._reserved, self._reserved_height = list(texts), {}
        self.set_text(self._text)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """A new font: measure the reserved texts again."""
        if event.type() == QEvent.FontChange:
            self._reserved_height = {}
        super().changeEvent(event)
        sp = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Fixed)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)

    def text(self) -> str:
        """The text shown."""
        return self._text

    def set_text(self, text: str) -> None:
        """Show ``text``; re-layout only if it needs a different height."""
        self._text = text
        need = self.heightForWidth(max(self.width(), 1))
        if need != self._height:
            self._height = need
            self.updateGeometry()
        self.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt hook
        """The height follows the width (the text wraps)."""
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt hook
        """Height of the wrapped text (the tallest reserved one) at ``width``."""
        box = QRect(0, 0, max(width, 1), 10**6)
        fm = self.fontMetrics()
        if width not in self._reserved_height:
            self._reserved_height[width] = max((fm.boundingRect(box, Qt.TextWordWrap, t).height()
                                                for t in self._reserved), default=0)
        return max(fm.boundingRect(box, Qt.TextWordWrap, self._text).height(), self._reserved_height[width]) + 2

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """Wide as the longest line, high as the text at the current width."""
        lines = self._text.split("\n") or [""]
        width = max(self.fontMetrics().horizontalAdvance(line) for line in lines)
        return QSize(min(width, 600), self.heightForWidth(self.width() if self.width() > 1 else width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """Any width: the text wraps."""
        return QSize(100, self.heightForWidth(max(self.width(), 100)))

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt hook
        """Draw the text wrapped in the palette's text colour."""
        p = QPainter(self)
        p.setPen(self.palette().color(QPalette.WindowText))
        p.drawText(self.rect(), Qt.TextWordWrap | Qt.AlignLeft | Qt.AlignTop, self._text)
        p.end()
