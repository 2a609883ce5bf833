"""Dialogs that fit the screen: keyboard shortcuts and About."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget


def tr(text: str) -> str:
    """Translate ``text`` in the dialogs' context."""
    return QCoreApplication.translate("Dialogs", text)


class TextDialog(QDialog):
    """Rich text in a scrolling view and an OK button, never larger than 85 % of the screen."""

    def __init__(self, title: str, html: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QTextBrowser()
        self.text.setOpenExternalLinks(True)
        self.text.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok)
        buttons.accepted.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        doc = self.text.document()
        doc.setTextWidth(min(900, int(screen.width() * 0.8)))
        w = int(min(doc.idealWidth() + 60, screen.width() * 0.85))
        h = int(min(doc.size().height() + buttons.sizeHint().height() + 60, screen.height() * 0.85))
        self.resize(max(w, 300), max(h, 200))


def shortcuts_html(rows: list[tuple[str, str]]) -> str:
    """The shortcut table as HTML."""
    body = "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;&nbsp;</td><td>{escape(t)}</td></tr>" for k, t in rows)
    return f"<table cellpadding='4'>{body}</table>"


def show_shortcuts(win) -> TextDialog:
    """Help > Keyboard shortcuts (F1, ?): every key the window answers to."""
    from hwviz.ui.menus import shortcut_rows

    d = TextDialog(tr("Keyboard shortcuts"), shortcuts_html(shortcut_rows(win.actions_by_name)), win)
    d.open()
    return d


def show_about(win) -> TextDialog:
    """Help > About: the version and where every quoted number comes from."""
    from hwviz.ui.about import about_html

    d = TextDialog(tr("About hwviz"), about_html(), win)
    d.open()
    return d
