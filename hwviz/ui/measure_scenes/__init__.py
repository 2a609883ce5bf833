"""Live measurement scenes: row vs column, the latency ladder, loops vs vectorized, the memory
mountain. Each measures this machine on the shell's worker, draws points as they arrive, and
shows recorded results (bundled, or opened from a file) badged with where they come from."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    """Translate ``text`` in the measurement scenes' context ("Measure")."""
    return QCoreApplication.translate("Measure", text)
