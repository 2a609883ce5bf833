"""Playing a lesson in the main window: the caption across the top in large type, the scene below
in the presenter layout, a slide counter, a blank screen, and the keys presentation clickers send.

A slide always shows the same state: its scene's parameters are put back to their defaults, the
slide's own are applied, and then its action (play to a step, run a measurement, show a recorded
result; without one, a measurement scene shows its bundled recorded result).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QIntValidator
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QWidget

from hwviz.base.errors import ConfigError
from hwviz.lessons.reader import Lesson, Slide, find_lesson, load_lesson
from hwviz.ui import i18n
from hwviz.ui.scene import TimelineScene

#: the caption's type size against the theme's base size
CAPTION_SCALE = 1.45


def tr(text: str) -> str:
    """Translate ``text`` in the lessons' context."""
    return QCoreApplication.translate("Lesson", text)


class CaptionBar(QWidget):
    """The slide's caption in large type, the slide counter, and the jump field (G)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption = QLabel()
        self.caption.setObjectName("lessonCaption")
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.PlainText)
        self.counter = QLabel()
        self.counter.setObjectName("lessonCounter")
        self.counter.setAlignment(Qt.AlignRight | Qt.AlignTop)
        self.jump = QLineEdit()
        self.jump.setPlaceholderText(tr("slide"))
        self.jump.setMaximumWidth(120)
        self.jump.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 8, 4)
        row.addWidget(self.caption, 1)
        row.addWidget(self.jump, 0, Qt.AlignTop)
        row.addWidget(self.counter, 0, Qt.AlignTop)

    def set_font_size(self, points: float) -> None:
        """Size the caption (and, smaller, the counter) from the theme's base size."""
        for label, factor in ((self.caption, CAPTION_SCALE), (self.counter, 1.0)):
            f = QFont(label.font())
            f.setPointSizeF(points * factor)
            label.setFont(f)


class LessonPlayer:
    """Plays ``lesson`` in main window ``win``, in ``language`` ("en" or "zh")."""

    def __init__(self, win, lesson: Lesson, language: str = "en"):
        self.win, self.lesson, self.language = win, lesson, language
        self.index = 0
        self.blanked = False
        #: run a slide's measurement in the calling thread (``hwviz shot``), not on the worker
        self.synchronous = False
        #: every scene's parameters before the lesson: put back when it ends
        self.before = {n: s.params() for n, s in win.scenes.items()}
        self.bar = CaptionBar()
        self.bar.jump.setValidator(QIntValidator(1, len(lesson.slides), self.bar.jump))
        self.bar.jump.returnPressed.connect(self._jump_entered)
        self.blank = QWidget()
        self.blank.setObjectName("lessonBlank")
        self.blank.setAttribute(Qt.WA_StyledBackground, True)
        self.blank.setStyleSheet("background: black;")
        self.blank.hide()

    def attach(self, layout, font_size: float) -> None:
        """Put the caption above the scene and the (hidden) blank screen beside it in the
        window's central ``layout``."""
        layout.insertWidget(0, self.bar)
        layout.insertWidget(2, self.blank, 1)
        self.bar.set_font_size(font_size)

    def detach(self) -> None:
        """Take the caption and the blank screen away and put the scenes' parameters back as
        they were before the lesson; the scene shows again."""
        self.set_blank(False)
        self._restore_before()
        for w in (self.bar, self.blank):
            w.hide()
            w.setParent(None)
            w.deleteLater()

    # ---- checking --------------------------------------------------------------------------
    def check(self) -> None:
        """Apply every slide once, so a bad parameter, action or result file is found when the
        lesson opens (ConfigError naming the file, the slide's line and the problem)."""
        try:
            for i in range(len(self.lesson.slides)):
                self._apply(i, act=False)
        finally:
            self._restore_before()

    def _restore_before(self) -> None:
        for name, values in self.before.items():
            self._set_all(name, values)

    def _set_all(self, name: str, values: dict) -> None:
        scene = self.win.scenes[name]
        for key, text in values.items():
            scene.set_param(key, text)

    def _apply(self, index: int, act: bool) -> None:
        slide: Slide = self.lesson.slides[index]
        where = self.lesson.where(index)
        scene = self.win.scenes[slide.scene]
        self._set_all(slide.scene, self.win.defaults[slide.scene])
        for key, text in slide.params.items():
            if key not in self.win.defaults[slide.scene]:
                names = ", ".join(self.win.defaults[slide.scene]) or tr("none")
                raise ConfigError(f"{where}: scene {slide.scene!r} has no parameter {key!r} (it has: {names})")
            try:
                scene.set_param(key, text)
            except ConfigError as e:
                raise ConfigError(f"{where}: {e}") from None
        if slide.play is not None and not isinstance(scene, TimelineScene):
            raise ConfigError(f"{where}: scene {slide.scene!r} has no timeline to play (use run or open)")
        if (slide.run or slide.open) and not hasattr(scene, "load_result"):
            raise ConfigError(f"{where}: scene {slide.scene!r} measures nothing (run and open are for measurement scenes)")
        if slide.open:
            try:
                scene.load_result(slide.open)
            except ConfigError as e:
                raise ConfigError(f"{where}: {e}") from None
        if act:
            self._act(slide, scene)

    def _act(self, slide: Slide, scene) -> None:
        if isinstance(scene, TimelineScene):
            scene.seek(min(slide.play or 0, scene.length()))
        elif hasattr(scene, "show_bundled") and not slide.open and not slide.run:
            scene.show_bundled()
        if slide.run and self.synchronous:
            scene.run_now(quick=slide.run == "quick")
        elif slide.run:
            scene.set_param("mode", slide.run)
            self.win.run_experiment()

    # ---- showing ---------------------------------------------------------------------------
    def show(self, index: int) -> None:
        """Show slide ``index`` (0-based, clamped to the lesson)."""
        self.index = max(0, min(index, len(self.lesson.slides) - 1))
        slide = self.lesson.slides[self.index]
        self.win.stop_job()
        names = list(self.win.scenes)
        self.win.navigator.setCurrentIndex(names.index(slide.scene))
        self._apply(self.index, act=True)
        self.win.after_move()
        self.bar.caption.setText(slide.caption_in(self.language))
        self.bar.counter.setText(f"{self.index + 1} / {len(self.lesson.slides)}")
        self.set_blank(False)

    def move(self, delta: int) -> None:
        """Next (1) or previous (-1) slide; a blank screen comes back first."""
        if self.blanked:
            self.set_blank(False)
            return
        if 0 <= self.index + delta < len(self.lesson.slides):
            self.show(self.index + delta)

    def set_blank(self, on: bool) -> None:
        """B or "." : a black screen (the class looks at the teacher), and back."""
        self.blanked = on
        self.blank.setVisible(on)
        self.bar.setVisible(not on)
        self.win.stack.setVisible(not on)

    def ask_jump(self) -> None:
        """G: a field for the slide number; Enter jumps, Esc leaves it."""
        self.bar.jump.clear()
        self.bar.jump.show()
        self.bar.jump.setFocus()

    def _jump_entered(self) -> None:
        text = self.bar.jump.text()
        self.bar.jump.hide()
        self.win.setFocus()
        if text.isdigit():
            self.show(int(text) - 1)

    def cancel_jump(self) -> bool:
        """Esc while the jump field is open: close it (True if it was open)."""
        if self.bar.jump.isHidden():
            return False
        self.bar.jump.hide()
        self.win.setFocus()
        return True


def open_lesson(win, name_or_path: str, language: str | None = None, slide: int = 1,
                full_screen: bool = True, synchronous: bool = False) -> LessonPlayer:
    """Open a built-in lesson by name or a lesson file in ``win`` at ``slide`` (1-based), in the
    presenter layout (full screen unless told otherwise), captions in ``language`` ("en", "zh";
    default: the interface's); ``synchronous``: measure in the calling thread (``hwviz shot``).
    ConfigError if it cannot be read or a slide does not fit its scene (the window is left as it
    was)."""
    lesson = load_lesson(find_lesson(name_or_path), scenes=list(win.scenes))
    if not 1 <= slide <= len(lesson.slides):
        raise ConfigError(f"slide {slide} must be from 1 to {len(lesson.slides)} ({lesson.path.name})")
    player = LessonPlayer(win, lesson, language or i18n.caption_language(i18n.current()))
    player.synchronous = synchronous
    player.check()
    win.start_lesson(player, full_screen)
    player.show(slide - 1)
    return player


def open_lesson_dialog(win) -> None:
    """File > Open lesson…: ask for a lesson file; a problem is one message in the window."""
    path, _ = QFileDialog.getOpenFileName(win, tr("Open a lesson"), "", tr("hwviz lessons (*.toml)"))
    if not path:
        return
    try:
        open_lesson(win, path)
    except ConfigError as e:
        win.show_message(str(e))
