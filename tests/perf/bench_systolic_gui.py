"""Frame time of the systolic scene animating a 32 x 32 array at 1920 x 1080, against an empty
window repainted the same way in the same run.

    python tests/perf/bench_systolic_gui.py [--frames 300]

Each frame moves the array one cycle (60 cycles/s), recomputes the array's state
(``SystolicTimeline.state_at``), refreshes the counters and fold map, and lets Qt paint what was
marked for update, as the frame clock does; then waits out the rest of its 1/60 s. The peer is
a 1920 x 1080 main window with an empty central widget, repainted whole every frame. Prints the
medians and 95th percentiles for each dataflow. Target: under 8 ms a frame (half of 60 Hz).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _paced(frames: int, step) -> list[float]:
    """Seconds ``step()`` took in each of ``frames`` frames paced at 60 Hz."""
    out = []
    for _ in range(frames):
        t0 = time.perf_counter()
        step()
        out.append(time.perf_counter() - t0)
        time.sleep(max(0.0, 1 / 60 - (time.perf_counter() - t0)))
    return out


def empty_window(app, frames: int) -> list[float]:
    """Frame seconds of an empty 1920 x 1080 window repainted whole."""
    from PySide6.QtWidgets import QMainWindow, QWidget

    win = QMainWindow()
    win.setCentralWidget(QWidget())
    win.resize(1920, 1080)
    win.show()
    app.processEvents()

    def step():
        win.centralWidget().update()
        app.processEvents()

    times = _paced(frames, step)
    win.close()
    return times


def systolic(app, frames: int, dataflow: str) -> list[float]:
    """Frame seconds of the systolic scene, 32 x 32 array, GEMM 64 x 64 x 64, projector theme."""
    from hwviz.ui.main_window import MainWindow
    from hwviz.ui.settings import Settings

    win = MainWindow(Settings(), ready=True)
    win.navigator.setCurrentIndex(list(win.scenes).index("systolic"))
    scene = win.scene
    for name, value in (("array", "32x32"), ("gemm", "64,64,64"), ("dataflow", dataflow)):
        scene.set_param(name, value)
    win.set_theme("projector")
    win.resize(1920, 1080)
    win.show()
    app.processEvents()
    scene.seek(scene.session.plan.fold_cycles // 3)   # mid-fold: most PEs busy, every value written

    def step():
        if scene.position() >= scene.length():
            scene.seek(0)
        scene.advance(1)
        win.transport.set_position(scene.position(), scene.length())
        scene.refresh(animating=True)
        app.processEvents()

    times = _paced(frames, step)
    win.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=300)
    a = ap.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["bench"])

    def line(name: str, t: list[float]) -> str:
        return (f"{name:>28}: median {statistics.median(t) * 1e3:6.2f} ms, 95th percentile "
                f"{sorted(t)[int(0.95 * len(t))] * 1e3:6.2f} ms")

    base = empty_window(app, a.frames)
    print(line("empty window (peer)", base))
    for dataflow in ("os", "ws", "is"):
        t = systolic(app, a.frames, dataflow)
        print(line(f"systolic 32 x 32, {dataflow}", t) +
              f", {statistics.median(t) / statistics.median(base):.1f}x the peer (target: under 8 ms)")


if __name__ == "__main__":
    main()
