"""Paint time of the memory mountain at 1920 x 1080 in the projector theme, on the bundled result
(14 sizes x 16 strides), in each view.

    python tests/perf/bench_mountain.py [--frames 200]

Two figures a view: a repaint (the pointer moves, the window is exposed), which copies the kept
picture and draws the cursor; and a point arriving during a run (the scene redraws: new data,
so the whole picture is painted again). Frames are paced at 60 Hz, as ``bench_gui.py`` paces
them. Prints the medians, each against the target (8 ms, half of a 60 Hz frame) and against the
baseline: 27 ms a repaint of the surface before the picture was kept (README, Performance).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS, BASELINE_MS = 8.0, 27.0


def paint_times(frames: int, view: str) -> dict[str, float]:
    """Median milliseconds of a repaint and of a point's arrival in the mountain's ``view``."""
    from PySide6.QtWidgets import QApplication

    from hwviz.ui.main_window import MainWindow
    from hwviz.ui.settings import Settings

    app = QApplication.instance() or QApplication(["bench"])
    win = MainWindow(Settings(), ready=True)
    win.set_theme("projector")
    win.resize(1920, 1080)
    win.show()
    win.navigator.setCurrentIndex(list(win.scenes).index("mountain"))
    scene = win.scene
    scene.set_param("view", view)
    app.processEvents()
    out = {}
    for name, frame in (("repaint", scene.view.update), ("a point arrives", scene.redraw)):
        times = []
        for k in range(frames):
            scene.view.pick(k % len(scene.view.sizes), 0)   # the cursor moves each frame
            t0 = time.perf_counter()
            frame()
            scene.view.repaint()
            app.processEvents()   # and whatever else the frame marked for painting
            times.append(time.perf_counter() - t0)
            time.sleep(max(0.0, 1 / 60 - (time.perf_counter() - t0)))
        out[name] = statistics.median(times) * 1e3
    win.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--frames", type=int, default=200)
    a = ap.parse_args()
    for view in ("surface", "heatmap"):
        for name, ms in paint_times(a.frames, view).items():
            print(f"{view:>8}, {name:>15}: median {ms:6.2f} ms; target {TARGET_MS:g} ms (ratio "
                  f"{ms / TARGET_MS:.2f}); baseline {BASELINE_MS:g} ms (ratio {ms / BASELINE_MS:.2f})")


if __name__ == "__main__":
    main()
