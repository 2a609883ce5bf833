"""The main window in another language, at run time, and the lessons it plays."""

from __future__ import annotations

from hwviz.ui import i18n
from hwviz.ui.menus import build_menus
from hwviz.ui.transport import TransportBar
from hwviz.ui.window_parts import tr


class LanguageMixin:
    """View > Language: rebuild every text in the language chosen, keeping what is shown."""

    def set_language(self, code: str) -> None:
        """View > Language: the whole interface in ``code`` ("en", "zh_CN") at once, no restart."""
        if self.worker.busy:
            self.show_message(tr("Finish or cancel the measurement before changing the language."))
            self.actions_by_name[f"language:{i18n.current()}"].setChecked(True)
            return
        i18n.install(code)
        self.settings["language"] = code
        self.rebuild_texts()
        if self.lesson is not None:
            self.lesson.language = i18n.caption_language(code)
            self.lesson.show(self.lesson.index)
        self.show_message(i18n.font_problem(code))

    def rebuild_texts(self) -> None:
        """Build the menus, the transport and every scene again in the language installed now,
        keeping what each shows (parameters, position, results) and the window's state."""
        for a in self.actions_by_name.values():
            self.removeAction(a)
            a.deleteLater()
        self.menuBar().clear()
        self.actions_by_name = build_menus(self)
        self.actions_by_name["full_screen"].setChecked(self.isFullScreen())
        self.actions_by_name["presenter"].setChecked(self.presenting)
        self.scene_label.setText(tr("Scene:"))
        self.navigator.setToolTip(tr("Scene (Page Down / Page Up)"))
        old_bar, self.transport = self.transport, self._connect_transport(TransportBar())
        self.centralWidget().layout().replaceWidget(old_bar, self.transport)
        old_bar.deleteLater()
        current = self.navigator.currentIndex()
        self.navigator.blockSignals(True)
        for i, (name, old) in enumerate(list(self.scenes.items())):
            new = self._connect_scene(type(old)())
            new.apply_theme(self.theme)
            new.carry_from(old)
            new.set_presenting(self.presenting)
            self.scenes[name] = new
            self.stack.insertWidget(i, new)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.navigator.setItemText(i, new.title)
        self.navigator.setCurrentIndex(current)
        self.navigator.blockSignals(False)
        self.stack.setCurrentIndex(current)
        self.set_theme(self.theme.name, self.theme.scale)
        self.setWindowTitle(tr("hwviz: {scene}").format(scene=self.scene.title))
        self.transport.setVisible(not self.presenting)
        self._show_transport()
        self.after_move()


class LessonMixin:
    """Open and leave a lesson (:mod:`hwviz.ui.lesson_player`) in the presenter layout."""

    def start_lesson(self, player, full_screen: bool = True) -> None:
        """Play a lesson (a :class:`~hwviz.ui.lesson_player.LessonPlayer`) in the presenter
        layout; the slide keys move through it until Esc."""
        if self.lesson is not None:
            self.end_lesson()
        self.lesson = player
        player.attach(self.centralWidget().layout(), self.theme.font_size)
        if full_screen and not self.presenting:
            self.toggle_presenter()
        else:
            self.set_presenting(True)

    def end_lesson(self) -> None:
        """Leave the lesson and the presenter layout."""
        self.lesson.detach()
        self.lesson = None
        if self.presenting:
            self.toggle_presenter()
