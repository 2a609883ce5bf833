"""Parts of the main window, each a mixin of :class:`~hwviz.ui.main_window.MainWindow`: the
background work (measurements on the worker, the engine's compile) and the language switch and
lessons. They share the main window's translation context."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    """Translate ``text`` in the main window's context."""
    return QCoreApplication.translate("MainWindow", text)
