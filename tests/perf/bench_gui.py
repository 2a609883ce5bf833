"""Frame time of every scene at 1920 x 1080 in the projector theme.

    python tests/perf/bench_gui.py [--frames 300]

(Start-up, cold and warm, against an empty Qt window, is measured by ``tests/perf/bench_start.py``.)

Cache Lab animating 64 x 64 matrices: row-major at 60 accesses/s, column-major at 10,000/s, and
matmul-ijk (three 64 x 64 matrices, 532,480 accesses) at 1,000,000/s. Each frame runs the
simulation for 1/60 s at the given rate, then refreshes the views and lets Qt paint what they
marked for update (as the event loop does), and waits out the rest of its 1/60 s; prints the
medians of the whole frame and of its paint part. Every other scene in the registry: a timeline
scene plays at its default speed from the start; a scene without a timeline repaints whole, as
when a point arrives. Target: paint under 8 ms a frame, leaving the other half of a 60 Hz frame
to the simulation.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def frame_times(frames: int, rate: float, pattern: str) -> tuple[list[float], list[float]]:
    """(frame, paint) seconds of ``frames`` animated frames of ``pattern`` at ``rate`` accesses/s."""
    from PySide6.QtWidgets import QApplication

    from hwviz.sim.simulator import warmup
    from hwviz.ui.main_window import MainWindow
    from hwviz.ui.settings import Settings

    app = QApplication.instance() or QApplication(["bench"])
    warmup()
    win = MainWindow(Settings(), ready=True)
    for name, value in (("rows", "64"), ("cols", "64"), ("pattern", pattern)):
        win.scene.set_param(name, value)
    win.set_theme("projector")
    win.resize(1920, 1080)
    win.show()
    app.processEvents()
    per_frame = max(1, round(rate / 60))
    whole, paint = [], []
    for _ in range(frames):
        if win.scene.position() + per_frame > win.scene.length():
            win.seek(0)
        t0 = time.perf_counter()
        win.scene.advance(per_frame)
        t1 = time.perf_counter()
        win.transport.set_position(win.scene.position(), win.scene.length())
        win.scene.refresh(animating=True)
        app.processEvents()  # paints what the views marked for update, as the event loop would
        t2 = time.perf_counter()
        whole.append(t2 - t0)
        paint.append(t2 - t1)
        time.sleep(max(0.0, 1 / 60 - (time.perf_counter() - t0)))  # paced like the frame clock
    win.close()
    return whole, paint


def scene_paint_times(frames: int) -> dict[str, list[float]]:
    """Paint seconds per frame of every registered scene but Cache Lab (measured above), at
    1920 x 1080 in the projector theme."""
    from PySide6.QtWidgets import QApplication

    from hwviz.ui.main_window import MainWindow
    from hwviz.ui.scene import TimelineScene
    from hwviz.ui.settings import Settings

    app = QApplication.instance() or QApplication(["bench"])
    win = MainWindow(Settings(), ready=True)
    win.set_theme("projector")
    win.resize(1920, 1080)
    win.show()
    out = {}
    for k, name in enumerate(win.scenes):
        if name == "cache-lab":
            continue
        win.navigator.setCurrentIndex(k)
        app.processEvents()
        scene, paint = win.scene, []
        per_frame = max(1, round(scene.rate_range()[2] / 60)) if isinstance(scene, TimelineScene) else 0
        for _ in range(frames):
            t0 = time.perf_counter()
            if per_frame:
                if scene.position() + per_frame > scene.length():
                    scene.seek(0)
                scene.advance(per_frame)
                win.transport.set_position(scene.position(), scene.length())
                scene.refresh(animating=True)
            elif hasattr(scene, "invalidate"):   # a measurement scene: whole, as when a point arrives
                scene.invalidate()
            else:
                scene.update()
            app.processEvents()
            paint.append(time.perf_counter() - t0)
            time.sleep(max(0.0, 1 / 60 - (time.perf_counter() - t0)))
        out[name] = paint
    win.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=300)
    a = ap.parse_args()
    for pattern, rate in (("row-major", 60), ("column-major", 1e4), ("matmul-ijk", 1e6)):
        whole, paint = frame_times(a.frames, rate, pattern)
        print(f"{pattern:>12} 64 x 64 at {rate:>9,.0f} accesses/s: median frame {statistics.median(whole) * 1e3:.2f} ms "
              f"(paint {statistics.median(paint) * 1e3:.2f} ms), 95th percentile "
              f"{sorted(whole)[int(0.95 * len(whole))] * 1e3:.2f} ms (target: paint under 8 ms)")
    for name, paint in scene_paint_times(a.frames).items():
        print(f"{name:>14}: median frame (simulation and paint) {statistics.median(paint) * 1e3:.2f} ms "
              f"(target: under 8 ms)")


if __name__ == "__main__":
    main()
