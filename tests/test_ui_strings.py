"""Every user-visible string in hwviz/ui goes through Qt's translation call, so a translation
needs no code change: a literal or f-string handed straight to a widget's text is a failure."""

import ast
from pathlib import Path

import hwviz.ui

#: calls whose first argument a person reads
SINKS = {
    "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QAction", "QGroupBox", "QToolButton",
    "setText", "setToolTip", "setWindowTitle", "setTitle", "setFormat", "setPlaceholderText",
    "setStatusTip", "addTab", "addMenu", "addRow", "show_message", "showMessage", "setLabel",
    "setSpecialValueText", "setSuffix", "setPrefix", "addItem", "setHtml", "message",
    "show_error", "setHeaderLabels", "setHorizontalHeaderLabels", "TextDialog",
}
#: sinks whose text is not the first argument
ARG = {"setLabel": 1}
#: names, not words
ALLOWED = {"hwviz"}


def _has_words(node) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value.strip()
        return any(c.isalpha() for c in text) and text not in ALLOWED
    if isinstance(node, ast.JoinedStr):
        return any(_has_words(v) for v in node.values if isinstance(v, ast.Constant))
    return False


def untranslated(path: Path, root: Path) -> list[str]:
    """``file:line: call("text")`` for each literal passed to a sink in ``path`` (named
    relative to ``root``)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        if name == "emit" and isinstance(f.value, ast.Attribute) and f.value.attr == "message":
            name = "message"
        k = ARG.get(name, 0)
        if name in SINKS and len(node.args) > k and _has_words(node.args[k]):
            out.append(f"{path.relative_to(root)}:{node.lineno}: "
                       f"{name}({ast.unparse(node.args[k])[:60]})")
    return out


def test_every_user_visible_string_is_translated():
    root = Path(hwviz.ui.__file__).parent
    found = [x for p in sorted(root.rglob("*.py")) for x in untranslated(p, root.parent)]
    assert not found, "strings shown without QCoreApplication.translate:\n" + "\n".join(found)


def test_the_check_finds_a_bare_string(tmp_path):
    p = tmp_path / "probe.py"
    p.write_text('label.setText("Hello")\nb = QPushButton(f"Run {n}")\nok = tr("Fine")\nw.setText(tr("Fine"))\n')
    assert untranslated(p, tmp_path) == ["probe.py:1: setText('Hello')", "probe.py:2: QPushButton(f'Run {n}')"]
