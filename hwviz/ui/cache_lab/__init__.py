"""Cache Lab: a loop's accesses walking through a cache hierarchy (see :mod:`.scene`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    """Translate ``text`` in Cache Lab's context ("CacheLab")."""
    return QCoreApplication.translate("CacheLab", text)
