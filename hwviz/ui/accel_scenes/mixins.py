"""Parts the accelerator scenes share: a timeline whose position is a plain cursor (the
transfer timeline's microseconds, the warp's instructions, the zoo's kinds), and drawing a plot
only when it is on screen."""

from __future__ import annotations


class Cursor:
    """Mixin for a :class:`~hwviz.ui.scene.TimelineScene` whose state is ``self.cursor``, from 0
    to ``self.length()``; the scene redraws what moved in ``_moved()``."""

    cursor = 0

    def position(self) -> int:
        """The cursor."""
        return self.cursor

    def advance(self, n: int) -> None:
        """Move the cursor ``n`` units on."""
        self.seek(self.cursor + n)

    def seek(self, k: int) -> None:
        """Put the cursor at ``k`` (clamped to the run) and redraw."""
        self.cursor = max(0, min(self.length(), int(k)))
        self._moved()

    def _moved(self) -> None:
        raise NotImplementedError


class DrawWhenShown:
    """Mixin for a scene whose ``_draw()`` rebuilds a plot: :meth:`redraw` draws now if the scene
    is on screen, else when it is next shown (every scene is themed at start-up and on each theme
    change, and most of them are hidden then)."""

    _stale = True

    def redraw(self) -> None:
        """Draw now if visible, else at the next show."""
        self._stale = True
        if self.isVisible():
            self._stale = False
            self._draw()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """Draw what changed while hidden."""
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._draw()

    def _draw(self) -> None:
        raise NotImplementedError
