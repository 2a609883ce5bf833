"""The main window's menus and keys, from one table, so Help > Keyboard shortcuts lists exactly
what the keys do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from hwviz.ui import i18n
from hwviz.ui.theme import THEMES


def tr(text: str) -> str:
    """Translate ``text`` in the menus' context."""
    return QCoreApplication.translate("Menus", text)


def _key_table() -> list[tuple[str, list, str, object]]:
    """(name, key sequences, description, slot factory taking the window) of every key
    that is not a menu entry."""
    return [
        ("play", [Qt.Key_Space], tr("Play or pause; run a measurement"), lambda w: w.toggle_play),
        ("step", [Qt.Key_Right], tr("One step forward"), lambda w: lambda: w.step(1)),
        ("back", [Qt.Key_Left], tr("One step back"), lambda w: lambda: w.step(-1)),
        ("reset", [Qt.Key_Home], tr("Back to the start"), lambda w: lambda: w.seek(0)),
        ("faster", [Qt.Key_Plus, Qt.Key_Equal], tr("Faster"), lambda w: lambda: w.transport.faster(1)),
        ("slower", [Qt.Key_Minus], tr("Slower"), lambda w: lambda: w.transport.faster(-1)),
        ("next_scene", [Qt.Key_PageDown], tr("Next scene; in a lesson, the next slide (clickers send "
                                             "Page Down, Right or Space)"), lambda w: lambda: w.go_scene(1)),
        ("previous_scene", [Qt.Key_PageUp], tr("Previous scene; in a lesson, the previous slide"),
         lambda w: lambda: w.go_scene(-1)),
        ("blank", [Qt.Key_B, Qt.Key_Period], tr("In a lesson: blank the screen, and back"),
         lambda w: lambda: w.lesson and w.lesson.set_blank(not w.lesson.blanked)),
        ("jump", [Qt.Key_G], tr("In a lesson: go to slide number…"), lambda w: lambda: w.lesson and w.lesson.ask_jump()),
        ("escape", [Qt.Key_Escape], tr("Cancel a measurement; leave a lesson or the presenter layout"),
         lambda w: w.escape),
    ]


def _action(win, menu, name: str, text: str, keys, slot, checkable: bool = False) -> QAction:
    a = QAction(text, win, checkable=checkable)
    a.setObjectName(name)
    if keys:
        a.setShortcuts([QKeySequence(k) for k in keys])
    a.triggered.connect(slot)
    if menu is not None:
        menu.addAction(a)
    win.addAction(a)  # keys keep working while the menu bar is hidden (presenter layout)
    return a


def build_menus(win) -> dict[str, QAction]:
    """Create the menus and keys of main window ``win``; return its actions by name."""
    from hwviz.ui import dialogs, export, lesson_player

    acts: dict[str, QAction] = {}
    mb = win.menuBar()
    file_menu = mb.addMenu(tr("&File"))
    acts["save_picture"] = _action(win, file_menu, "save_picture", tr("Save picture…"), [QKeySequence.Save],
                                   lambda: export.save_picture(win))
    acts["save_data"] = _action(win, file_menu, "save_data", tr("Save data…"), ["Ctrl+Shift+S"],
                                lambda: export.save_data(win))
    file_menu.addSeparator()
    acts["open_lesson"] = _action(win, file_menu, "open_lesson", tr("Open lesson…"), ["Ctrl+L"],
                                  lambda: lesson_player.open_lesson_dialog(win))
    file_menu.addSeparator()
    acts["quit"] = _action(win, file_menu, "quit", tr("Quit"), ["Ctrl+Q"], win.close)

    view = mb.addMenu(tr("&View"))
    group = QActionGroup(win)
    names = {"light": tr("Light"), "dark": tr("Dark"), "projector": tr("Projector")}
    for name in THEMES:
        a = _action(win, view, f"theme:{name}", names.get(name, name), None,
                    lambda _=False, n=name: win.set_theme(n), checkable=True)
        group.addAction(a)
        acts[f"theme:{name}"] = a
    view.addSeparator()
    acts["larger"] = _action(win, view, "larger", tr("Larger text"), [QKeySequence.ZoomIn],
                             lambda: win.change_scale(1))
    acts["smaller"] = _action(win, view, "smaller", tr("Smaller text"), [QKeySequence.ZoomOut],
                              lambda: win.change_scale(-1))
    view.addSeparator()
    languages = view.addMenu(tr("Language"))
    group = QActionGroup(win)
    for code, name in i18n.LANGUAGES.items():
        a = _action(win, languages, f"language:{code}", name, None,
                    lambda _=False, c=code: win.set_language(c), checkable=True)
        a.setChecked(code == i18n.current())
        group.addAction(a)
        acts[f"language:{code}"] = a
    view.addSeparator()
    acts["full_screen"] = _action(win, view, "full_screen", tr("Full screen"), [Qt.Key_F11],
                                  win.toggle_full_screen, checkable=True)
    acts["presenter"] = _action(win, view, "presenter", tr("Presenter layout"), [Qt.Key_F5],
                                win.toggle_presenter, checkable=True)

    help_menu = mb.addMenu(tr("&Help"))
    acts["shortcuts"] = _action(win, help_menu, "shortcuts", tr("Keyboard shortcuts"),
                                [Qt.Key_F1, Qt.Key_Question], lambda: dialogs.show_shortcuts(win))
    acts["about"] = _action(win, help_menu, "about", tr("About hwviz"), None, lambda: dialogs.show_about(win))

    for name, keys, text, slot in _key_table():
        acts[name] = _action(win, None, name, text, keys, slot(win))
    return acts


def shortcut_rows(actions: dict[str, QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for every action that has a key, in menu order."""
    rows = []
    for a in actions.values():
        keys = ", ".join(k.toString(QKeySequence.NativeText) for k in a.shortcuts())
        if keys:
            rows.append((keys, a.text().replace("&", "").rstrip("…")))
    return rows
