"""Parallelism scenes: a picture of the machine, thread scaling, hyperthreading, false sharing and
the GIL. Each measures this machine on the shell's worker (or shows a recorded result) and lights
the logical CPUs a measurement uses on the topology picture."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    """Translate ``text`` in the parallelism scenes' context ("Parallel")."""
    return QCoreApplication.translate("Parallel", text)
