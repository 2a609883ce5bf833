"""Start the GUI, or explain in one line why there is no display to start it on."""

from __future__ import annotations

import ctypes.util
import os
import socket
import sys

from hwviz.base.errors import ConfigError


def display_problem() -> str:
    """Why a window cannot open here, or "" if it (probably) can.

    Qt aborts the process when it cannot reach a display, so this looks first: an explicit
    ``QT_QPA_PLATFORM`` is trusted; on Linux an X display must answer on its socket and Qt's xcb
    plugin needs ``libxcb-cursor``.
    """
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return ""
    if os.environ.get("WAYLAND_DISPLAY"):
        return ""
    display = os.environ.get("DISPLAY", "")
    if not display:
        return "no display (DISPLAY is not set)"
    host, _, rest = display.rpartition(":")
    number = rest.split(".")[0]
    try:
        if host in ("", "unix"):
            with socket.socket(socket.AF_UNIX) as s:
                s.settimeout(1)
                s.connect(f"/tmp/.X11-unix/X{number}")
        else:
            socket.create_connection((host, 6000 + int(number)), timeout=1).close()
    except (OSError, ValueError):
        return f"the X display {display!r} does not answer"
    if not ctypes.util.find_library("xcb-cursor"):
        return "Qt needs libxcb-cursor0 to open an X window (apt install libxcb-cursor0)"
    return ""


def run_gui() -> int:
    """Open the main window and run until it closes.

    Raises :class:`ConfigError` (the CLI prints it and exits 2) when there is no display.
    """
    problem = display_problem()
    if problem:
        raise ConfigError(f"{problem}; run hwviz in a desktop session or under Xvfb (xvfb-run hwviz), "
                          "or render a PNG with `hwviz shot --out FILE.png`")
    from PySide6.QtWidgets import QApplication

    from hwviz.ui.main_window import MainWindow
    from hwviz.ui.settings import Settings, settings_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("hwviz")
    win = MainWindow(Settings(settings_path()))
    win.show()
    return app.exec()
