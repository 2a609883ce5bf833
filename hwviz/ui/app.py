"""Start the GUI, or explain in one line why there is no display to start it on."""

from __future__ import annotations

import ctypes.util
import logging
import os
import signal
import socket
import sys

from hwviz.base.errors import ConfigError


def display_problem() -> str:
    """Why a window cannot open here, or "" if it (probably) can.

    Qt aborts the process when it cannot reach a display, so this looks first: an explicit
    ``QT_QPA_PLATFORM`` must name a platform Qt has; on Linux an X display must answer on its
    socket and Qt's xcb plugin needs ``libxcb-cursor``.
    """
    if os.environ.get("QT_QPA_PLATFORM"):
        return platform_problem(os.environ["QT_QPA_PLATFORM"])
    if not sys.platform.startswith("linux"):
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


def platform_problem(value: str) -> str:
    """Why Qt cannot load any platform that ``QT_QPA_PLATFORM`` names ("" if one exists).
    Qt aborts the process on an unknown one, so this looks in its plugin folder first."""
    from PySide6.QtCore import QLibraryInfo

    folder = os.path.join(QLibraryInfo.path(QLibraryInfo.PluginsPath), "platforms")
    try:
        files = os.listdir(folder)
    except OSError:
        return ""  # plugins elsewhere (a packaged app): let Qt decide
    names = [n.split(":")[0].strip() for n in value.split(";") if n.strip()]
    available = sorted({f.split(".")[0].removeprefix("lib").removeprefix("q") for f in files})
    if any(n in available for n in names):
        return ""
    return f"QT_QPA_PLATFORM={value!r} names no Qt platform here (available: {', '.join(available)})"


def _show_uncaught(win, exc_type, exc, tb) -> None:
    """sys.excepthook for the window's lifetime: an exception in a slot is logged with its
    traceback and shown in the status bar, never passed over in silence."""
    logging.getLogger("hwviz").error("uncaught exception", exc_info=(exc_type, exc, tb))
    from PySide6.QtCore import QCoreApplication

    win.show_message(QCoreApplication.translate(
        "App", "Internal error: {error} (the details are in the terminal's log). The last action may "
        "not have completed.").format(error=f"{exc_type.__name__}: {exc}"))


#: the desktop application id: .desktop and metainfo files, icon name (packaging/linux)
APP_ID = "io.github.hwviz.hwviz"


def app_icon():
    """The window icon: the desktop theme's, else the SVG and PNG sizes shipped with hwviz."""
    from PySide6.QtGui import QIcon

    from hwviz.base.files import shipped

    icon = QIcon.fromTheme(APP_ID)
    if icon.isNull():
        root = shipped("assets/icons/hicolor", "share/icons/hicolor")
        for f in sorted(root.glob(f"*/apps/{APP_ID}.*")):
            icon.addFile(str(f))
    return icon


def run_gui(lesson: str | None = None, language: str | None = None, slide: int = 1) -> int:
    """Open the main window and run until it closes, in ``language`` ("en", "zh_CN"; default:
    the one chosen last time, else the system's); with ``lesson`` (a built-in name or a file),
    open it at ``slide`` in the presenter layout.

    Raises :class:`ConfigError` (the CLI prints it and exits 2) when there is no display or the
    lesson cannot be played.
    """
    problem = display_problem()
    if problem:
        raise ConfigError(f"{problem}; run hwviz in a desktop session or under Xvfb (xvfb-run hwviz), "
                          "or render a PNG with `hwviz shot --out FILE.png`")
    from PySide6.QtWidgets import QApplication

    from hwviz.ui.main_window import MainWindow
    from hwviz.ui.settings import Settings, settings_path

    from PySide6.QtCore import QTimer

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("hwviz")
    app.setDesktopFileName(APP_ID)     # the desktop pairs the window with its .desktop file and icon
    app.setWindowIcon(app_icon())
    from hwviz.ui import i18n

    settings = Settings(settings_path())
    code = i18n.choose(language, settings["language"])
    i18n.install(code)
    win = MainWindow(settings)
    win.show_message(i18n.font_problem(code))
    if lesson is not None:
        from hwviz.ui.lesson_player import open_lesson

        try:
            open_lesson(win, lesson, slide=slide)
        except ConfigError:
            win.close()
            raise
    sys.excepthook = lambda *info: _show_uncaught(win, *info)
    # Ctrl+C in the terminal closes the window (saving the settings); the timer lets Python run
    # its signal handler while Qt's event loop waits
    signal.signal(signal.SIGINT, lambda *_: win.close())
    ticker = QTimer()
    ticker.start(200)
    ticker.timeout.connect(lambda: None)
    win.show()
    code = app.exec()
    ticker.stop()
    sys.excepthook = sys.__excepthook__
    if win.compiler is not None and win.compiler.running:
        # the compile cannot be interrupted and nothing needs it any more: do not wait for it
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
