"""The main window: scene navigator, transport, status bar, menus, keyboard, presenter layout.

It drives any scene through :mod:`hwviz.ui.scene`: a timeline scene is stepped by the frame clock,
an experiment scene runs on the shared :class:`~hwviz.ui.worker.Worker`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel, QMainWindow,
                               QProgressBar, QStackedWidget, QVBoxLayout, QWidget)

from hwviz.base.errors import ConfigError
from hwviz.ui.frame_clock import FrameClock
from hwviz.ui.menus import build_menus
from hwviz.ui.scene import ExperimentScene, Scene, TimelineScene
from hwviz.ui.scenes import scene_classes
from hwviz.ui.settings import Settings
from hwviz.ui.theme import SCALES, THEMES, apply_theme, theme
from hwviz.ui.transport import TransportBar
from hwviz.ui.window_parts import tr
from hwviz.ui.window_parts.jobs import COMPILE_DELAY_MS, CompileMixin, JobsMixin
from hwviz.ui.window_parts.language import LanguageMixin, LessonMixin
from hwviz.ui.worker import Worker


#: how long a status message stays
MESSAGE_MS = 20_000


class SceneStack(QStackedWidget):
    """The scenes, sized by the one on screen: a scene that needs more room elsewhere must not
    make the window larger (each scene fits itself to the window)."""

    def sizeHint(self):  # noqa: N802 - Qt hook
        w = self.currentWidget()
        return w.sizeHint() if w is not None else super().sizeHint()

    def minimumSizeHint(self):  # noqa: N802 - Qt hook
        w = self.currentWidget()
        return w.minimumSizeHint() if w is not None else super().minimumSizeHint()


class MainWindow(JobsMixin, CompileMixin, LanguageMixin, LessonMixin, QMainWindow):
    """The app's window. ``settings`` persist on close. Unless ``ready`` is True, the simulator's
    engine compiles in the background; Cache Lab runs on the plain-Python engine meanwhile."""

    def __init__(self, settings: Settings | None = None, ready: bool = False):
        super().__init__()
        self.settings = settings or Settings()
        self.setWindowTitle("hwviz")
        self.clock = FrameClock(self)
        self.clock.ticked.connect(self._on_tick)
        self._due = 0.0
        self.presenting = False
        self.worker = Worker(self)
        self._job_owner: ExperimentScene | None = None

        # a list, not tabs: it fits a 1024-pixel projector however many scenes there are
        self.navigator = QComboBox()
        self.navigator.setFocusPolicy(Qt.NoFocus)
        self.navigator.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.navigator.setToolTip(tr("Scene (Page Down / Page Up)"))
        self.stack = SceneStack()
        self.scenes: dict[str, Scene] = {}
        for name, cls in scene_classes().items():
            self.scenes[name] = self._connect_scene(cls())
            self.stack.addWidget(self.scenes[name])
            self.navigator.addItem(self.scenes[name].title)
        self.transport = self._connect_transport(TransportBar())
        self._build_status_bar()

        central = QWidget()
        col = QVBoxLayout(central)
        col.setContentsMargins(4, 0, 4, 0)
        col.setSpacing(2)
        col.addWidget(self.stack, 1)
        col.addWidget(self.transport)
        self.setCentralWidget(central)

        self.actions_by_name = build_menus(self)
        # beside the menus: no row of its own on a 768-pixel screen (kept referenced: the
        # binding does not hand the corner widget's ownership to the menu bar)
        self._corner = corner = QWidget()
        row = QHBoxLayout(corner)
        row.setContentsMargins(4, 0, 4, 0)
        self.scene_label = QLabel(tr("Scene:"))
        row.addWidget(self.scene_label)
        row.addWidget(self.navigator)
        self.menuBar().setCornerWidget(corner, Qt.TopRightCorner)
        self._connect()
        #: every scene's parameters as built: a lesson's slide starts from them
        self.defaults = {n: s.params() for n, s in self.scenes.items()}
        self.lesson = None   # the LessonPlayer of an open lesson
        self._restore()
        self.compiler = None   # the EngineCompiler, once started
        self._compile_timer = QTimer(self)
        self._compile_timer.setSingleShot(True)
        self._compile_timer.timeout.connect(self._start_compiler)
        if not ready:
            # after the first paint: compiling holds the interpreter most of the time
            self._compile_timer.start(COMPILE_DELAY_MS)

    # ---- building ------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.statusBar().addWidget(self.message_label, 1)
        self.compile_label = QLabel()
        self.compile_bar = QProgressBar()
        self.compile_bar.setMaximumWidth(200)
        for w in (self.compile_label, self.compile_bar):
            w.hide()
            self.statusBar().addPermanentWidget(w)
        self.statusBar().hide()  # shown only while it has something to say
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.setInterval(MESSAGE_MS)
        self._message_timer.timeout.connect(lambda: self.show_message(""))

    def _fit_status_bar(self) -> None:
        busy = bool(self.message_label.text()) or not self.compile_bar.isHidden()
        self.statusBar().setVisible(busy and not self.presenting)

    def _connect_scene(self, s: Scene) -> Scene:
        s.changed.connect(self._on_scene_changed)
        s.ready_changed.connect(self._on_scene_changed)
        s.message.connect(self.show_message)
        return s

    def _connect_transport(self, t: TransportBar) -> TransportBar:
        t.play_toggled.connect(self._on_play)
        t.step_requested.connect(self.step)
        t.reset_requested.connect(lambda: self.seek(0))
        t.scrubbed.connect(self.seek)
        t.run_requested.connect(self.run_experiment)
        t.cancel_requested.connect(self.cancel_experiment)
        return t

    def _connect(self) -> None:
        w = self.worker
        w.progress.connect(self._on_job_progress)
        w.point_ready.connect(lambda p: self._job_owner and self._job_owner.on_point(p))
        w.finished.connect(self._on_job_finished)
        w.failed.connect(self._on_job_failed)
        self.navigator.currentIndexChanged.connect(self._on_navigate)

    def _restore(self) -> None:
        """Apply the settings value by value; whatever is invalid falls back to its default."""
        st = self.settings
        messages = [st.message] if st.message else []
        geometry = QByteArray.fromBase64(st["geometry"].encode("ascii", "ignore"))
        restored = bool(geometry) and self.restoreGeometry(geometry)
        if geometry and not restored:
            messages.append(tr("The saved window position could not be used."))
        if not restored:  # first run: most of the screen
            screen = self.screen().availableGeometry()
            self.resize(int(screen.width() * 0.85), int(screen.height() * 0.85))
        for name, values in st["scenes"].items():
            scene = self.scenes.get(name)
            if scene is None or not isinstance(values, dict):
                continue
            for key, text in values.items():
                try:
                    scene.set_param(key, str(text)[:100])
                except ConfigError as e:
                    messages.append(tr("Saved {scene} setting not used: {error}.").format(scene=scene.title, error=e))
                except Exception as e:  # noqa: BLE001 - a settings file must never stop the window
                    logging.getLogger("hwviz").exception("saved setting %s=%r", key, text)
                    messages.append(tr("Saved {scene} setting {key} not used ({error}).").format(
                        scene=scene.title, key=key, error=type(e).__name__))
        names = list(self.scenes)
        self.navigator.setCurrentIndex(names.index(st["scene"]) if st["scene"] in names else 0)
        self._on_navigate(self.navigator.currentIndex())
        name = st["theme"] if st["theme"] in THEMES else "light"
        self.set_theme(name, min(SCALES, key=lambda s: abs(s - float(st["scale"]))))
        if messages:
            self.show_message(" ".join(messages))

    # ---- state ---------------------------------------------------------------------------
    @property
    def scene(self) -> Scene:
        """The scene on screen."""
        return self.stack.currentWidget()

    def show_message(self, text: str) -> None:
        """Show ``text`` in the status bar for a while (until the next message, at most
        :data:`MESSAGE_MS`); the bar takes no room when it is empty."""
        self.message_label.setText(text)
        if text:
            self._message_timer.start()
        self._fit_status_bar()

    def set_theme(self, name: str, scale: float | None = None) -> None:
        """Switch to theme ``name`` (light, dark, projector), optionally at a font scale."""
        scale = self.settings["scale"] if scale is None else scale
        t = theme(name, scale)
        self.theme = t
        self.settings["theme"], self.settings["scale"] = name, scale
        apply_theme(QApplication.instance(), t)
        for n, a in self.actions_by_name.items():
            if n.startswith("theme:"):
                a.setChecked(n == f"theme:{name}")
        for s in self.scenes.values():
            s.apply_theme(t)
        if self.lesson is not None:
            self.lesson.bar.set_font_size(t.font_size)

    def change_scale(self, delta: int) -> None:
        """One step larger (``delta`` 1) or smaller (-1) text."""
        i = min(range(len(SCALES)), key=lambda k: abs(SCALES[k] - self.theme.scale))
        i = max(0, min(len(SCALES) - 1, i + delta))
        self.set_theme(self.theme.name, SCALES[i])
        self.show_message(tr("Text scale {scale}").format(scale=f"{SCALES[i]:.0%}"))

    def toggle_full_screen(self) -> None:
        """F11: full screen on or off."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.actions_by_name["full_screen"].setChecked(self.isFullScreen())

    def set_presenting(self, on: bool) -> None:
        """Presenter layout: no menu bar, navigator, transport or status bar, and the scene
        without its controls; the keys keep working."""
        self.presenting = on
        for w in (self.menuBar(), self.transport):
            w.setVisible(not on)
        self._fit_status_bar()
        for s in self.scenes.values():
            s.set_presenting(on)
        self.actions_by_name["presenter"].setChecked(on)

    def toggle_presenter(self) -> None:
        """F5: presenter layout, full screen, on or off."""
        on = not self.presenting
        self.set_presenting(on)
        if on and not self.isFullScreen():
            self._was_full_screen = False
            self.showFullScreen()
        elif not on and not getattr(self, "_was_full_screen", True):
            self.showNormal()
        self.actions_by_name["full_screen"].setChecked(self.isFullScreen())

    def escape(self) -> None:
        """Esc: close the slide-number field, cancel a measurement, leave a lesson, or leave the
        presenter layout."""
        if self.lesson is not None and self.lesson.cancel_jump():
            return
        if self.worker.busy:
            self.cancel_experiment()
        elif self.lesson is not None:
            self.end_lesson()
        elif self.presenting:
            self.toggle_presenter()

    def go_scene(self, delta: int) -> None:
        """Next (1) or previous (-1) scene, wrapping around; in a lesson, the next or previous
        slide."""
        if self.lesson is not None:
            self.lesson.move(delta)
            return
        n = self.navigator.count()
        self.navigator.setCurrentIndex((self.navigator.currentIndex() + delta) % n)

    # ---- timeline scenes -----------------------------------------------------------------
    def _timeline(self) -> TimelineScene | None:
        """The current scene if it is a timeline that may act now; else None, with a message."""
        s = self.scene
        if not isinstance(s, TimelineScene):
            return None
        if not s.is_ready():
            self.show_message(tr("{scene} is not ready yet; the controls unlock when it is.").format(scene=s.title))
            return None
        return s

    def step(self, direction: int) -> None:
        """One step forward (1) or back (-1); in a lesson, the next or previous slide."""
        if self.lesson is not None:
            self.lesson.move(direction)
            return
        s = self._timeline()
        if s is None:
            return
        self.transport.set_playing(False)
        s.step(direction)
        self.after_move()

    def advance(self, n: int) -> None:
        """Run ``n`` more units and repaint."""
        self.scene.advance(n)
        self.after_move()

    def seek(self, k: int) -> None:
        """Go to unit ``k``."""
        s = self._timeline()
        if s is None:
            return
        s.seek(k)
        self.after_move()

    def toggle_play(self) -> None:
        """Space: play or pause a timeline, run a measurement; in a lesson, the next slide."""
        if self.lesson is not None:
            self.lesson.move(1)
        elif isinstance(self.scene, ExperimentScene):
            if not self.worker.busy:
                self.run_experiment()
        else:
            self.transport.set_playing(not self.transport.playing)

    def after_move(self, animating: bool = False) -> None:
        s = self.scene
        if isinstance(s, TimelineScene):
            self.transport.set_position(s.position(), s.length())
        s.refresh(animating)

    def _on_play(self, on: bool) -> None:
        s = self.scene
        if on and (self._timeline() is None or self.worker.busy):
            self.transport.set_playing(False)
            return
        if on and s.position() >= s.length():
            s.seek(0)
        self._due = 0.0
        if on:
            self.clock.start()
        else:
            self.clock.stop()

    def _on_tick(self, dt: float) -> None:
        s = self.scene
        if not isinstance(s, TimelineScene):
            self.clock.stop()
            return
        if self.transport.playing:
            limit = s.frame_limit()
            self._due = min(self._due + self.transport.rate * dt, limit)
            n = int(self._due)
            self._due -= n
            if n:
                s.advance(n)
            if s.position() >= s.length():
                self.transport.set_playing(False)
        self.after_move(self.transport.playing)

    # ---- navigation and closing ----------------------------------------------------------
    def _on_scene_changed(self) -> None:
        if self.sender() is self.scene:
            self._show_transport()
            self.after_move()

    def _show_transport(self) -> None:
        s = self.scene
        if isinstance(s, TimelineScene):
            self.transport.show_timeline(s.unit(), s.rate_range())
        else:
            self.transport.show_experiment()
            self.transport.set_running(self.worker.busy)
        self.transport.setEnabled(s.is_ready())

    def _on_navigate(self, row: int) -> None:
        self.transport.set_playing(False)
        previous = self.scene
        self.stop_job()
        previous.leave()
        self.stack.setCurrentIndex(row)
        self.stack.updateGeometry()
        self.settings["scene"] = self.scene.name
        self.setWindowTitle(tr("hwviz: {scene}").format(scene=self.scene.title))
        self._show_transport()
        self.after_move()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt hook
        """Stop the clock and any measurement, save the settings. A compile still running is
        left to end with the process (it cannot be interrupted, and nothing waits for it)."""
        self.transport.set_playing(False)
        self.clock.stop()
        self.stop_job()
        if self.lesson is not None:
            self.lesson.detach()   # the scenes' own parameters back, to be saved
        for s in self.scenes.values():
            s.leave()
        self.settings["geometry"] = bytes(self.saveGeometry().toBase64()).decode("ascii")
        self.settings["scenes"] = {n: s.params() for n, s in self.scenes.items()}
        problem = self.settings.save()
        if problem:
            self.show_message(problem)
        self._message_timer.stop()
        self._compile_timer.stop()
        super().closeEvent(event)
