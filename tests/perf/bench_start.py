"""Start-up of the app, cold (empty numba cache) and warm, against an empty Qt window.

    python tests/perf/bench_start.py [--repeats 3]

For each of a cold start (a fresh, empty ``NUMBA_CACHE_DIR``, as after ``pip install``) and a
warm one (numba's cache filled), in fresh processes:

* first paint: from launching ``python`` to the end of the first paint of Cache Lab;
* can play: from launching to Cache Lab having run its first accesses after Space was pressed
  at first paint (the window's own play path, with the frame clock running);
* shot: the wall time of ``hwviz shot --scene cache-lab --steps 300``.

The peer is the first paint of an empty QMainWindow started the same way, so the ratio says
what hwviz adds to Python + Qt start-up on this machine. Targets (the shell issue): first paint
within 1 s, Cache Lab playing within 5 s and the shot within 15 s, cold.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

CHILD = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(["bench"])
marks = {}
def done():
    print(marks.get("paint", 0), marks.get("play", 0))
    win.close()
    app.quit()
def poll():
    if win.scene.position() > 0:
        marks["play"] = time.time()
        done()
    else:
        QTimer.singleShot(5, poll)
class FirstPaint(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Paint and "paint" not in marks:
            marks["paint"] = time.time()
            obj.removeEventFilter(self)
            if sys.argv[1] == "hwviz":
                QTimer.singleShot(0, lambda: (win.toggle_play(), poll()))
            else:
                QTimer.singleShot(0, done)
        return False
f = FirstPaint()
if sys.argv[1] == "hwviz":
    from hwviz.ui.main_window import MainWindow
    from hwviz.ui.settings import Settings
    win = MainWindow(Settings())
    target = win.scene
else:
    win = QMainWindow()
    win.setCentralWidget(QLabel("empty"))
    target = win.centralWidget()
target.installEventFilter(f)
win.resize(1920, 1080)
win.show()
app.exec()
import os
os._exit(0)  # a compile still running in the background is not waited for, as in the app
"""


def launch(kind: str, env: dict) -> tuple[float, float]:
    """(first paint, can play) seconds from launching a process (can play is 0 for the peer)."""
    t0 = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD, kind], capture_output=True, text=True, env=env,
                         timeout=300)
    if out.returncode:
        raise SystemExit(out.stderr)
    paint, play = (float(x) for x in out.stdout.split())
    return paint - t0, (play - t0 if play else 0.0)


def shot(env: dict, folder: str) -> float:
    """Seconds of ``hwviz shot --scene cache-lab --steps 300``."""
    t0 = time.time()
    subprocess.run([sys.executable, "-m", "hwviz", "shot", "--scene", "cache-lab", "--steps", "300",
                    "--out", os.path.join(folder, "shot.png")], check=True, env=env, capture_output=True,
                   timeout=600)
    return time.time() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=3)
    a = ap.parse_args()
    base = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as folder:
        warm_env = dict(base, NUMBA_CACHE_DIR=os.path.join(folder, "warm"))
        subprocess.run([sys.executable, "-c", "from hwviz.sim.simulator import warmup; warmup()"],
                       env=warm_env, check=True)
        empty = statistics.median(launch("empty", base)[0] for _ in range(a.repeats))
        print(f"empty Qt window: first paint {empty * 1e3:.0f} ms")
        for label in ("cold", "warm"):
            paints, plays, shots = [], [], []
            for k in range(a.repeats):
                env = dict(base, NUMBA_CACHE_DIR=os.path.join(folder, f"cold{k}")) if label == "cold" else warm_env
                paint, play = launch("hwviz", env)
                paints.append(paint)
                plays.append(play)
                env = dict(base, NUMBA_CACHE_DIR=os.path.join(folder, f"coldshot{k}")) if label == "cold" else warm_env
                shots.append(shot(env, folder))
            p, q, s = (statistics.median(x) for x in (paints, plays, shots))
            print(f"{label}: first paint {p * 1e3:.0f} ms (ratio to empty {p / empty:.1f}), "
                  f"Cache Lab plays at {q:.2f} s, hwviz shot --steps 300 {s:.1f} s "
                  f"(targets: 1 s, 5 s, 15 s)")


if __name__ == "__main__":
    main()
