"""The scenes the navigator lists: only those that work."""

from __future__ import annotations


def scene_classes() -> dict:
    """Scene name -> class, in navigator order."""
    from hwviz.ui.accel_scenes.gpu import GpuScene
    from hwviz.ui.accel_scenes.roofline import RooflineScene
    from hwviz.ui.accel_scenes.systolic import SystolicScene
    from hwviz.ui.accel_scenes.transfer import TransferScene
    from hwviz.ui.accel_scenes.zoo import ZooScene
    from hwviz.ui.cache_lab.scene import CacheLabScene
    from hwviz.ui.measure_scenes.latency import LatencyScene
    from hwviz.ui.measure_scenes.loops import LoopsScene
    from hwviz.ui.measure_scenes.mountain import MountainScene
    from hwviz.ui.measure_scenes.row_col import RowColScene
    from hwviz.ui.parallel_scenes.python_threads import PythonThreadsScene
    from hwviz.ui.parallel_scenes.threads import ThreadsScene
    from hwviz.ui.parallel_scenes.topology import TopologyScene
    from hwviz.ui.parallel_scenes.smt import SmtScene
    from hwviz.ui.parallel_scenes.false_sharing import FalseSharingScene

    return {c.name: c for c in (CacheLabScene, RowColScene, LatencyScene, LoopsScene, MountainScene,
                                TopologyScene, ThreadsScene, SmtScene, FalseSharingScene,
                                PythonThreadsScene, SystolicScene, RooflineScene, TransferScene, GpuScene, ZooScene)}
