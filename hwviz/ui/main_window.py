"""The main window: scene navigator, transport bar, status bar, menus, keyboard control."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QLabel, QMainWindow,
                               QStackedWidget, QTabBar, QVBoxLayout, QWidget)

from hwviz.base.errors import ConfigError
from hwviz.ui.about import show_about
from hwviz.ui.frame_clock import FrameClock
from hwviz.ui.scene import Scene
from hwviz.ui.scenes import scene_classes
from hwviz.ui.settings import Settings
from hwviz.ui.theme import SCALES, THEMES, apply_theme, theme
from hwviz.ui.transport import TransportBar
from hwviz.ui.warmup import WarmupWorker

#: most steps one frame may run, so a frame never takes much longer than its paint
MAX_STEPS_PER_FRAME = 1 << 15


class MainWindow(QMainWindow):
    """The app's window. ``settings`` persist on close; ``ready`` False compiles the simulator
    in the background first (the transport waits for it)."""

    def __init__(self, settings: Settings | None = None, ready: bool = False):
        super().__init__()
        self.settings = settings or Settings()
        self.setWindowTitle("hwviz")
        self.clock = FrameClock(self)
        self.clock.ticked.connect(self._on_tick)
        self._due = 0.0
        self.ready = ready
        self.warmup: WarmupWorker | None = None

        self.navigator = QTabBar()
        self.navigator.setFocusPolicy(Qt.NoFocus)
        self.navigator.setExpanding(False)
        self.stack = QStackedWidget()
        self.scenes: dict[str, Scene] = {}
        for name, cls in scene_classes().items():
            s = cls()
            self.scenes[name] = s
            self.stack.addWidget(s)
            self.navigator.addTab(s.title)
            s.changed.connect(self._on_scene_changed)
            s.message.connect(self.show_message)
        self.transport = TransportBar()
        self.message_label = QLabel()
        self.statusBar().addWidget(self.message_label, 1)

        central = QWidget()
        col = QVBoxLayout(central)
        col.setContentsMargins(4, 0, 4, 0)
        col.addWidget(self.navigator)
        col.addWidget(self.stack, 1)
        col.addWidget(self.transport)
        self.setCentralWidget(central)

        self._build_menus()
        self._build_shortcuts()
        t = self.transport
        t.play_toggled.connect(self._on_play)
        t.step_requested.connect(lambda: self.step(1))
        t.step_back_requested.connect(lambda: self.step(-1))
        t.reset_requested.connect(lambda: self.seek(0))
        t.scrubbed.connect(self.seek)
        self.navigator.currentChanged.connect(self._on_navigate)
        self._restore()
        if not self.ready:
            self._start_warmup()

    # ---- building ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("Quit", self)
        quit_action.setShortcut(QKeySequence.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view = self.menuBar().addMenu("&View")
        self.theme_actions = QActionGroup(self)
        for name in THEMES:
            a = QAction(name.capitalize(), self, checkable=True)
            a.triggered.connect(lambda _=False, n=name: self.set_theme(n))
            self.theme_actions.addAction(a)
            view.addAction(a)
        view.addSeparator()
        for text, keys, delta in (("Larger text", QKeySequence.ZoomIn, 1),
                                  ("Smaller text", QKeySequence.ZoomOut, -1)):
            a = QAction(text, self)
            a.setShortcut(keys)
            a.triggered.connect(lambda _=False, d=delta: self.change_scale(d))
            view.addAction(a)
        a = QAction("Full screen", self, checkable=True)
        a.setShortcut(QKeySequence(Qt.Key_F11))
        a.triggered.connect(self.toggle_full_screen)
        view.addAction(a)
        self.full_screen_action = a
        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction("About hwviz", lambda: show_about(self))

    def _build_shortcuts(self) -> None:
        t = self.transport
        for key, slot in ((Qt.Key_Space, lambda: t.set_playing(not t.playing)),
                          (Qt.Key_Right, lambda: self.step(1)),
                          (Qt.Key_Left, lambda: self.step(-1)),
                          (Qt.Key_Home, lambda: self.seek(0)),
                          (Qt.Key_Plus, t.faster), (Qt.Key_Equal, t.faster),
                          (Qt.Key_Minus, lambda: t.faster(-3)),
                          (Qt.Key_PageDown, lambda: self.go_scene(1)),
                          (Qt.Key_PageUp, lambda: self.go_scene(-1))):
            QShortcut(QKeySequence(key), self, activated=slot)

    def _restore(self) -> None:
        st = self.settings
        messages = [st.message] if st.message else []
        geometry = QByteArray.fromBase64(st["geometry"].encode("ascii", "ignore"))
        if geometry and not self.restoreGeometry(geometry):
            messages.append("The saved window position could not be used.")
        if not geometry:  # first run: most of the screen
            screen = self.screen().availableGeometry()
            self.resize(int(screen.width() * 0.85), int(screen.height() * 0.85))
        for name, values in st["scenes"].items():
            scene = self.scenes.get(name)
            if scene is None or not isinstance(values, dict):
                continue
            try:
                for key, text in values.items():
                    scene.set_param(key, str(text))
            except ConfigError as e:
                messages.append(f"Saved {scene.title} settings were not used: {e}.")
        names = list(self.scenes)
        self.navigator.setCurrentIndex(names.index(st["scene"]) if st["scene"] in names else 0)
        self._on_navigate(self.navigator.currentIndex())
        name = st["theme"] if st["theme"] in THEMES else "light"
        scale = min(SCALES, key=lambda s: abs(s - float(st["scale"])))
        self.set_theme(name, scale)
        if messages:
            self.show_message(" ".join(messages))

    def _start_warmup(self) -> None:
        self.transport.setEnabled(False)
        self.show_message("Compiling the simulator in the background (only slow the first time)...")
        self.warmup = WarmupWorker(self)
        self.warmup.succeeded.connect(self._on_ready)
        self.warmup.failed.connect(self.show_message)
        self.warmup.start()

    def _on_ready(self) -> None:
        self.ready = True
        self.transport.setEnabled(True)
        self.show_message("Ready. Space plays, Right steps, Left steps back, Home resets, +/- speed.")

    # ---- state ---------------------------------------------------------------------------
    @property
    def scene(self) -> Scene:
        """The scene on screen."""
        return self.stack.currentWidget()

    def show_message(self, text: str) -> None:
        """Show ``text`` in the status bar until the next message."""
        self.message_label.setText(text)

    def set_theme(self, name: str, scale: float | None = None) -> None:
        """Switch to theme ``name`` (light, dark, projector), optionally at a font scale."""
        scale = self.settings["scale"] if scale is None else scale
        t = theme(name, scale)
        self.theme = t
        self.settings["theme"], self.settings["scale"] = name, scale
        apply_theme(QApplication.instance(), t)
        for a in self.theme_actions.actions():
            a.setChecked(a.text().lower() == name)
        for s in self.scenes.values():
            s.apply_theme(t)

    def change_scale(self, delta: int) -> None:
        """One step larger (``delta`` 1) or smaller (-1) text."""
        i = min(range(len(SCALES)), key=lambda k: abs(SCALES[k] - self.theme.scale))
        i = max(0, min(len(SCALES) - 1, i + delta))
        self.set_theme(self.theme.name, SCALES[i])
        self.show_message(f"Text scale {SCALES[i]:.0%}")

    def toggle_full_screen(self) -> None:
        """F11: full screen on or off."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.full_screen_action.setChecked(self.isFullScreen())

    def go_scene(self, delta: int) -> None:
        """Next (1) or previous (-1) scene, wrapping around."""
        n = self.navigator.count()
        self.navigator.setCurrentIndex((self.navigator.currentIndex() + delta) % n)

    # ---- running -------------------------------------------------------------------------
    def step(self, n: int) -> None:
        """Step ``n`` accesses forward, or back if negative."""
        if not self._check_ready():
            return
        self.transport.set_playing(False)
        if n < 0:
            self.seek(self.scene.position() + n)
        else:
            self.advance(n)

    def advance(self, n: int) -> None:
        """Run ``n`` more accesses and repaint."""
        self.scene.advance(n)
        self._after_move()

    def seek(self, k: int) -> None:
        """Go to access ``k``."""
        if not self._check_ready():
            return
        self.scene.seek(k)
        self._after_move()

    def _check_ready(self) -> bool:
        if not self.ready:
            self.show_message("Still compiling the simulator; the controls unlock when it is done.")
        return self.ready

    def _after_move(self, animating: bool = False) -> None:
        s = self.scene
        self.transport.set_position(s.position(), s.length())
        s.refresh(animating)

    def _on_play(self, on: bool) -> None:
        if on and not self._check_ready():
            self.transport.set_playing(False)
            return
        if on and self.scene.position() >= self.scene.length():
            self.scene.seek(0)
        self._due = 0.0
        if on:
            self.clock.start()
        else:
            self.clock.stop()

    def _on_tick(self, dt: float) -> None:
        s = self.scene
        if self.transport.playing:
            self._due = min(self._due + self.transport.rate * dt, MAX_STEPS_PER_FRAME)
            n = int(self._due)
            self._due -= n
            if n:
                s.advance(n)
            if s.position() >= s.length():
                self.transport.set_playing(False)
        self._after_move(self.transport.playing)

    def _on_scene_changed(self) -> None:
        if self.sender() is self.scene:
            self._after_move()

    def _on_navigate(self, row: int) -> None:
        self.transport.set_playing(False)
        self.stack.setCurrentIndex(row)
        self.settings["scene"] = self.scene.name
        self.setWindowTitle(f"hwviz: {self.scene.title}")
        self._after_move()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """Stop the clock, wait for the compile thread, save the settings."""
        self.transport.set_playing(False)
        self.clock.stop()
        if self.warmup is not None:
            self.warmup.wait()
        self.settings["geometry"] = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self.settings["scenes"] = {n: s.params() for n, s in self.scenes.items()}
        problem = self.settings.save()
        if problem:
            self.show_message(problem)
        super().closeEvent(event)
