"""Scenes beyond the CPU: the systolic array, the roofline, CPU-GPU transfers, GPU warps and the
accelerator zoo. Their models live in :mod:`hwviz.accel` (no Qt)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    """Translate ``text`` in the accelerator scenes' context ("Accel")."""
    return QCoreApplication.translate("Accel", text)
