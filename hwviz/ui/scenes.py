"""The scenes the navigator lists: only those that work."""

from __future__ import annotations


def scene_classes() -> dict:
    """Scene name -> class, in navigator order."""
    from hwviz.ui.cache_lab.scene import CacheLabScene

    return {c.name: c for c in (CacheLabScene,)}
