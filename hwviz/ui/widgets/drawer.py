"""What keeps a scene on a small screen: a controls drawer that closes to a narrow strip, a
vertical scroll area for a column taller than a short screen, and views whose height follows
their width."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QSizePolicy, QToolButton, QVBoxLayout, QWidget


def tr(text: str) -> str:
    """Translate ``text`` in the shared widgets' context."""
    return QCoreApplication.translate("Widgets", text)


class HeightFollowsWidth:
    """Mixin for a painted QWidget whose height follows its width (wrapped text): it sets a
    fixed height from ``height_for(width)`` on resize and on :meth:`_refit`. A height-for-width
    item would make the parent layouts ignore their other items' minimums."""

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """Take the height the new width needs."""
        super().resizeEvent(event)
        self._refit()

    def _refit(self) -> None:
        h = self.height_for(self.width())
        if h != self.height():
            self.setFixedHeight(h)


class VerticalScroll(QScrollArea):
    """Shows ``content`` at the area's width and at least the area's height; scrolls vertically
    only when the content's minimum height is taller (a plain resizable scroll area would give
    the content its preferred height and scroll much sooner)."""

    def __init__(self, content: QWidget, parent=None):
        super().__init__(parent)
        self.setWidget(content)
        self.setWidgetResizable(False)
        self.setFrameShape(QFrame.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        content.installEventFilter(self)

    def _fit(self) -> None:
        content = self.widget()
        need = content.minimumSizeHint().height()
        bar = self.verticalScrollBar().sizeHint().width() if need > self.height() else 0
        content.resize(self.width() - bar, max(self.height(), need))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """Fit the content to the new size."""
        super().resizeEvent(event)
        self._fit()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt hook
        """Refit when the content's size hints change."""
        if obj is self.widget() and event.type() == QEvent.LayoutRequest:
            self._fit()
        return False

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """As narrow as the content allows, and short: the rest scrolls."""
        return QSize(self.widget().minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width(), 60)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt hook
        """The content's preferred size."""
        return self.widget().sizeHint()


class Drawer(QWidget):
    """The controls in a scrolling column with a toggle on top; closed, only the toggle shows.

    :meth:`auto_open` follows the window (narrow: closed); the toggle lets the user override it
    until the window next crosses the threshold.
    """

    def __init__(self, panels: list[QWidget], parent=None):
        super().__init__(parent)
        self.toggle = QToolButton()
        self.toggle.setObjectName("drawer_toggle")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.toggled.connect(self.set_open)
        inner = QWidget()
        col = QVBoxLayout(inner)
        col.setContentsMargins(0, 0, 0, 0)
        for p in panels:
            col.addWidget(p)
        col.addStretch(1)
        self.inner = inner
        self.scroll = VerticalScroll(inner)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.toggle, 0, Qt.AlignLeft | Qt.AlignTop)
        lay.addWidget(self.scroll, 1)
        lay.addStretch(0)  # closed, the toggle stays at the top
        self._auto: bool | None = None
        self.set_open(True)

    @property
    def is_open(self) -> bool:
        """True while the controls show."""
        return self.scroll.isVisibleTo(self)

    def set_open(self, on: bool) -> None:
        """Show (True) or hide the controls."""
        self.scroll.setVisible(on)
        self.toggle.blockSignals(True)
        self.toggle.setChecked(on)
        self.toggle.blockSignals(False)
        self.toggle.setText("«" if on else "»")
        self.toggle.setToolTip(tr("Hide the controls") if on else tr("Show the controls"))
        self.setSizePolicy(QSizePolicy.Fixed if on else QSizePolicy.Maximum, QSizePolicy.Preferred)

    def auto_open(self, wide: bool) -> None:
        """The window is ``wide`` enough for the controls, or not: open or close the drawer when
        that changes."""
        if wide != self._auto:
            self._auto = wide
            self.set_open(wide)

    def fit(self) -> None:
        """Size the column for its contents at the current font."""
        self.inner.adjustSize()
        self.scroll.setFixedWidth(self.open_width())

    def open_width(self) -> int:
        """Width of the open drawer."""
        return self.inner.sizeHint().width() + self.scroll.verticalScrollBar().sizeHint().width() + 6
