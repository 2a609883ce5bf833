"""``hwviz shot``: render a scene offscreen after N steps and write a PNG."""

from __future__ import annotations

import logging
import os
import re

from hwviz.base.errors import ConfigError


def parse_window_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` -> (1920, 1080)."""
    m = re.fullmatch(r"\s*(\d+)\s*[xX]\s*(\d+)\s*", text)
    if not m or not (320 <= int(m[1]) <= 7680 and 240 <= int(m[2]) <= 4320):
        raise ConfigError(f"size {text!r} must be WIDTHxHEIGHT from 320x240 to 7680x4320")
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


def take_shot(scene: str, sets: list[str], steps: int, theme: str, size: str, out: str) -> str:
    """Render ``scene`` with ``sets`` applied after ``steps`` steps; write the PNG ``out``.

    Everything is checked before a window is built; bad input raises :class:`ConfigError`.
    """
    from hwviz.measure.results import check_writable
    from hwviz.ui.scenes import scene_classes
    from hwviz.ui.theme import THEMES

    w, h = parse_window_size(size)
    pairs = parse_sets(sets)
    if scene not in scene_classes():
        raise ConfigError(f"unknown scene {scene!r} (choose {', '.join(scene_classes())})")
    if theme not in THEMES:
        raise ConfigError(f"unknown theme {theme!r} (choose {', '.join(THEMES)})")
    if steps < 0:
        raise ConfigError(f"steps {steps} must be >= 0")
    if not out.lower().endswith(".png"):
        raise ConfigError(f"output {out!r} must end in .png")
    check_writable(out)

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from hwviz.sim.simulator import warmup
    from hwviz.ui.main_window import MainWindow
    from hwviz.ui.settings import Settings

    app = QApplication.instance() or QApplication(["hwviz"])
    qInstallMessageHandler(_quiet_offscreen)
    win = MainWindow(Settings(), ready=True)
    try:
        win.navigator.setCurrentIndex(list(win.scenes).index(scene))
        for name, value in pairs:
            win.scene.set_param(name, value)
        warmup()
        win.set_theme(theme)
        win.resize(w, h)
        win.show()
        app.processEvents()
        win.advance(steps)
        app.processEvents()
        image = win.grab()
        if not image.save(out, "PNG"):
            raise ConfigError(f"could not write {out}")
    finally:
        win.close()
        win.deleteLater()
        app.processEvents()
    return out
