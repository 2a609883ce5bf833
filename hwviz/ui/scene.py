"""What the main window needs from a scene: a model it can step, seek and restyle."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from hwviz.ui.theme import Theme


class Scene(QWidget):
    """Base of every scene. Subclasses set ``name`` and ``title`` and implement the methods.

    Signals: ``changed`` after the model moved or was rebuilt (the transport follows it),
    ``message(str)`` for the status bar.
    """

    name = ""
    title = ""
    changed = Signal()
    message = Signal(str)

    def length(self) -> int:
        """Steps in the whole run."""
        raise NotImplementedError

    def position(self) -> int:
        """Steps run so far."""
        raise NotImplementedError

    def advance(self, n: int) -> None:
        """Run ``n`` more steps."""
        raise NotImplementedError

    def seek(self, k: int) -> None:
        """Go to step ``k`` (backwards too)."""
        raise NotImplementedError

    def params(self) -> dict[str, str]:
        """Parameters as text, the names ``hwviz shot --set`` takes."""
        raise NotImplementedError

    def set_param(self, name: str, text: str) -> None:
        """Set one parameter from text; raise ``ConfigError`` for bad input."""
        raise NotImplementedError

    def apply_theme(self, theme: Theme) -> None:
        """Restyle the views."""
        raise NotImplementedError

    def refresh(self, animating: bool = False) -> None:
        """Repaint the visible views if the model changed since the last call; ``animating``
        (called by the frame clock while playing) lets slow views skip frames."""
        raise NotImplementedError
