"""``hwviz shot``: render a scene offscreen after N steps and write a PNG."""

from __future__ import annotations

import logging
import os
import re
import time

from hwviz.base.errors import ConfigError


#: the smallest window every scene is laid out for (a 1024 x 768 projector)
MIN_SIZE = (1024, 768)
#: seconds a shot runs on the plain-Python engine before it compiles the fast one
PURE_SECONDS = 3.0


def parse_window_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` -> (1920, 1080)."""
    m = re.fullmatch(r"\s*(\d{1,5})\s*[xX]\s*(\d{1,5})\s*", text)
    if not m or not (MIN_SIZE[0] <= int(m[1]) <= 7680 and MIN_SIZE[1] <= int(m[2]) <= 4320):
        raise ConfigError(f"size {text[:40]!r} must be WIDTHxHEIGHT from {MIN_SIZE[0]}x{MIN_SIZE[1]} to 7680x4320")
    return int(m[1]), int(m[2])


def parse_sets(items: list[str]) -> list[tuple[str, str]]:
    """``["rows=16", ...]`` -> [("rows", "16"), ...]."""
    out = []
    for item in items:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise ConfigError(f"--set {item!r} must look like name=value")
        out.append((name.strip(), value.strip()))
    return out


def _quiet_offscreen(_mode, _context, message: str) -> None:
    # the offscreen platform warns about window hints it ignores; nothing else is expected here
    if "propagateSizeHints" not in message:
        logging.getLogger("hwviz").warning(message)


def _run_steps(win, steps: int) -> None:
    """Advance the scene ``steps`` units in frame-sized chunks; after a few seconds on the
    plain-Python engine, compile (or load from numba's cache) the fast one and go on."""
    from hwviz.sim.simulator import compiled_ready, warmup

    scene, left = win.scene, steps
    deadline = time.monotonic() + PURE_SECONDS
    while left > 0 and scene.position() < scene.length():
        n = min(left, scene.frame_limit())
        scene.advance(n)
        left -= n
        if left and not compiled_ready() and time.monotonic() > deadline:
            warmup()


def take_shot(scene: str, sets: list[str], steps: int, theme: str, size: str, out: str,
              presenter: bool = False, from_file: str | None = None, run: str | None = None,
              lesson: str | None = None, slide: int = 1, language: str = "en") -> str:
    """Render ``scene`` with ``sets`` applied after ``steps`` steps; write the PNG ``out`` of
    exactly the size asked for, optionally in the presenter layout. A measurement scene shows
    the result in ``from_file``, or measures first (``run`` quick or full), or shows its bundled
    recorded result. With ``lesson`` (a built-in name or a file), render its slide ``slide``
    (from 1) instead. Everything is in ``language`` ("en" or "zh_CN").

    Everything is checked before a window is built; bad input raises :class:`ConfigError`.
    """
    from hwviz.base.files import output_path, write_atomic
    from hwviz.ui.scenes import scene_classes
    from hwviz.ui.theme import THEMES

    w, h = parse_window_size(size)
    pairs = parse_sets(sets)
    if scene not in scene_classes():
        raise ConfigError(f"unknown scene {scene!r} (choose {', '.join(scene_classes())})")
    if theme not in THEMES:
        raise ConfigError(f"unknown theme {theme!r} (choose {', '.join(THEMES)})")
    if not 0 <= steps <= 10**9:
        raise ConfigError(f"steps {steps} must be from 0 to 1,000,000,000")
    if from_file is not None and run is not None:
        raise ConfigError("give --from or --run, not both")
    if run not in (None, "quick", "full"):
        raise ConfigError(f"--run {run!r} must be quick or full")
    if lesson is not None and (sets or steps or from_file or run or presenter):
        raise ConfigError("--lesson renders a slide as the lesson sets it: leave out --set, --steps, "
                          "--from, --run and --presenter")
    if not out.lower().endswith(".png"):
        raise ConfigError(f"output {out!r} must end in .png")
    output_path(out)

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QCoreApplication, QEvent, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from hwviz.ui import i18n
    from hwviz.ui.export import png_bytes
    from hwviz.ui.lesson_player import open_lesson
    from hwviz.ui.main_window import MainWindow
    from hwviz.ui.scene import TimelineScene
    from hwviz.ui.settings import Settings

    app = QApplication.instance() or QApplication(["hwviz"])
    qInstallMessageHandler(_quiet_offscreen)
    before = i18n.current()
    i18n.install(language)
    win = MainWindow(Settings(), ready=True)
    try:
        win.navigator.setCurrentIndex(list(win.scenes).index(scene))
        for name, value in pairs:
            win.scene.set_param(name, value)
        if steps and not isinstance(win.scene, TimelineScene):
            raise ConfigError(f"scene {scene!r} has no timeline to step (leave out --steps)")
        if (from_file or run) and not hasattr(win.scene, "load_result"):
            raise ConfigError(f"scene {scene!r} measures nothing (--from and --run are for measurement scenes)")
        if from_file:
            win.scene.load_result(from_file)
        win.set_theme(theme)
        if lesson is not None:
            open_lesson(win, lesson, slide=slide, full_screen=False, synchronous=True)
        else:
            win.set_presenting(presenter)
        win.resize(w, h)
        win.show()
        app.processEvents()
        if (win.width(), win.height()) != (w, h):
            raise ConfigError(f"the window cannot be laid out at {w}x{h} (it needs at least "
                              f"{win.width()}x{win.height()}); choose a larger size or a smaller text scale")
        if steps:
            _run_steps(win, steps)
            win.advance(0)
        if run:
            win.scene.run_now(quick=run == "quick")
        app.processEvents()
        write_atomic(out, png_bytes(win.grab().toImage()))
    finally:
        win.close()
        win.deleteLater()
        # delete it now: processEvents() leaves deferred deletes alone, and every window kept
        # alive would be restyled by the next shot's theme (many shots in one process slow down)
        QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
        app.processEvents()
        i18n.install(before)
    return out
