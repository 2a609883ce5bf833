"""The scenes the navigator lists: only those that work."""

from __future__ import annotations


def scene_classes() -> dict:
    """Scene name -> class, in navigator order."""
    from hwviz.ui.cache_lab.scene import CacheLabScene
    from hwviz.ui.measure_scenes.latency import LatencyScene
    from hwviz.ui.measure_scenes.loops import LoopsScene
    from hwviz.ui.measure_scenes.mountain import MountainScene
    from hwviz.ui.measure_scenes.row_col import RowColScene

    return {c.name: c for c in (CacheLabScene, RowColScene, LatencyScene, LoopsScene, MountainScene)}
