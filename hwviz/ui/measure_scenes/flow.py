"""A layout that lines its widgets up like words: as many on a row as fit, then the next row.
The scenes' controls wrap instead of forcing the window wider at large text scales."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto new rows; its height follows its width."""

    def __init__(self, parent=None, spacing: int = 6):
        super().__init__(parent)
        self._items = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:  # noqa: N802, D102 - Qt hook
        self._items.append(item)

    def count(self) -> int:  # noqa: D102 - Qt hook
        return len(self._items)

    def itemAt(self, i: int):  # noqa: N802, D102 - Qt hook
        return self._items[i] if 0 <= i < len(self._items) else None

    def takeAt(self, i: int):  # noqa: N802, D102 - Qt hook
        return self._items.pop(i) if 0 <= i < len(self._items) else None

    def expandingDirections(self):  # noqa: N802, D102 - Qt hook
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802, D102 - Qt hook
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802, D102 - Qt hook
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802, D102 - Qt hook
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802, D102 - Qt hook
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802, D102 - Qt hook
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, move: bool) -> int:
        """Lay the items out in ``rect`` (only measure unless ``move``); return the height used."""
        x, y, row = rect.x(), rect.y(), 0
        gap = self.spacing()
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, row = rect.x(), y + row + gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + gap
            row = max(row, hint.height())
        return y + row - rect.y()
