"""Languages of the interface: English (the source) and 简体中文, switched at run time.

The translations are Qt Linguist files beside this module (``hwviz_<code>.ts``, compiled to
``.qm`` by :mod:`hwviz.ui.i18n.catalog`); Qt's own (standard buttons, file dialogs) come from the
Qt installation.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFontDatabase

from hwviz.base.errors import ConfigError

#: code -> the language's name in itself (menus show it so, whatever the current language)
LANGUAGES = {"en": "English", "zh_CN": "简体中文"}
I18N_DIR = Path(__file__).resolve().parent
_installed: list[QTranslator] = []
_current = ["en"]


def tr(text: str) -> str:
    """Translate ``text`` in the language switch's context."""
    return QCoreApplication.translate("Language", text)


def system_language() -> str:
    """The language the system's locale asks for, where hwviz has it; else English."""
    return "zh_CN" if QLocale.system().name().startswith("zh") else "en"


def choose(asked: str | None, saved: str | None) -> str:
    """The language to start in: the command line's, else the one chosen last time (View >
    Language), else the system's."""
    for code in (asked, saved):
        if code in LANGUAGES:
            return code
    return system_language()


def current() -> str:
    """The code of the language installed now."""
    return _current[0]


def caption_language(code: str) -> str:
    """The key of a lesson's captions for interface language ``code`` ("en" or "zh")."""
    return "zh" if code.startswith("zh") else "en"


def install(code: str) -> None:
    """Make ``code`` the application's language (widgets built afterwards use it).

    Raises
    ------
    ConfigError
        For an unknown code, or a translation file that cannot be loaded.
    """
    if code not in LANGUAGES:
        raise ConfigError(f"language {code!r} must be one of {', '.join(LANGUAGES)}")
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    _current[0] = code
    if code == "en":
        return
    ours = QTranslator(app)
    if not ours.load(str(I18N_DIR / f"hwviz_{code}.qm")):
        _current[0] = "en"
        raise ConfigError(f"the {LANGUAGES[code]} translation (hwviz_{code}.qm) cannot be loaded; "
                          "reinstall hwviz")
    qt = QTranslator(app)
    for t in (ours, qt) if qt.load(f"qtbase_{code}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)) else (ours,):
        app.installTranslator(t)
        _installed.append(t)


def font_problem(code: str) -> str:
    """A sentence when no installed font has the language's characters (else "")."""
    if code != "zh_CN" or QFontDatabase.families(QFontDatabase.SimplifiedChinese):
        return ""
    return tr("No Chinese font is installed, so Chinese text shows as boxes: install one "
              "(Debian and Ubuntu: sudo apt install fonts-noto-cjk) and restart hwviz.")
