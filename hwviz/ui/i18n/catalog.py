"""The translation catalog: every string hwviz/ui hands to Qt's translation call, found in the
source, kept in Qt Linguist ``.ts`` files and compiled to ``.qm`` with ``pyside6-lrelease``.

``pyside6-lupdate`` cannot be used for the extraction: each module translates through a small
``tr(text)`` helper whose context ("Menus", "CacheLab", ...) lupdate does not follow, so it files
the strings under the wrong contexts. This module reads the helpers' contexts from the source.

Update after changing strings (keeps every translation already made, drops strings that are
gone, adds new ones as unfinished)::

    python -m hwviz.ui.i18n.catalog

then translate the unfinished entries (``pyside6-linguist hwviz/ui/i18n/hwviz_zh_CN.ts`` or any
editor) and run it again to compile the ``.qm`` files.
"""

from __future__ import annotations

import ast
import logging
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

UI_DIR = Path(__file__).resolve().parents[1]
I18N_DIR = Path(__file__).resolve().parent
#: the translations kept in the repository: language code -> .ts file
TS_FILES = {"zh_CN": I18N_DIR / "hwviz_zh_CN.ts"}


@dataclass
class Message:
    """One source string in one context, where it appears, and its translation ("" if none)."""

    context: str
    source: str
    locations: list[tuple[str, int]]
    translation: str = ""


def _translate_context(fn: ast.FunctionDef) -> str | None:
    """The literal context of ``def tr(text): return QCoreApplication.translate("Ctx", text)``."""
    for node in ast.walk(fn):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "translate" and node.args
                and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
            return node.args[0].value
    return None


def _module_name(path: Path) -> str:
    rel = path.relative_to(UI_DIR.parent.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _contexts(trees: dict[Path, ast.Module]) -> dict[Path, str]:
    """The ``tr`` context of every module: its own ``def tr``, or the one it imports."""
    own: dict[str, str] = {}
    for path, tree in trees.items():
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name == "tr":
                ctx = _translate_context(node)
                if ctx:
                    own[_module_name(path)] = ctx
    out = {}
    for path, tree in trees.items():
        name = _module_name(path)
        if name in own:
            out[path] = own[name]
            continue
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and any(a.name == "tr" and a.asname is None for a in node.names):
                if node.module in own:
                    out[path] = own[node.module]
    return out


def _literal(node) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def extract(root: Path = UI_DIR) -> list[Message]:
    """Every translatable string under ``root``, in order of first appearance.

    Found: ``tr("text")`` in a module with a ``tr`` helper (its own or imported) and
    ``QCoreApplication.translate("Context", "text")``. ``tr(variable)`` is not found: such text
    must also appear as a literal ``tr("...")`` somewhere (see :func:`untracked_calls`).
    """
    files = sorted(root.rglob("*.py"))
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in files}
    contexts = _contexts(trees)
    found: dict[tuple[str, str], Message] = {}
    for path, tree in trees.items():
        rel = path.relative_to(root.parent.parent).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            f = node.func
            if isinstance(f, ast.Name) and f.id == "tr" and path in contexts:
                ctx, text = contexts[path], _literal(node.args[0])
            elif isinstance(f, ast.Attribute) and f.attr == "translate" and len(node.args) >= 2:
                ctx, text = _literal(node.args[0]), _literal(node.args[1])
            else:
                continue
            if ctx is None or text is None:
                continue
            m = found.setdefault((ctx, text), Message(ctx, text, []))
            m.locations.append((rel, node.lineno))
    return sorted(found.values(), key=lambda m: (m.context, m.locations[0]))


def untracked_calls(root: Path = UI_DIR) -> list[str]:
    """``file:line`` of every ``tr(...)`` whose argument is not a literal (its text cannot be
    found in the source, so it would stay English)."""
    out = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and _literal(node.args[0]) is None):
                out.append(f"{path.relative_to(root.parent.parent).as_posix()}:{node.lineno}")
    return out


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> finished translation of a ``.ts`` file ("" where unfinished)."""
    if not path.exists():
        return {}
    out = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr_el = msg.find("translation")
            done = tr_el is not None and tr_el.get("type") not in ("unfinished", "obsolete", "vanished")
            out[(name, msg.findtext("source") or "")] = (tr_el.text or "") if done else ""
    return out


def write_ts(messages: list[Message], path: Path, language: str) -> None:
    """Write ``messages`` as a Qt Linguist 2.1 ``.ts`` file (stable order, so diffs are small)."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_ctx: dict[str, list[Message]] = {}
    for m in messages:
        by_ctx.setdefault(m.context, []).append(m)
    for name in sorted(by_ctx):
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = name
        for m in by_ctx[name]:
            el = ET.SubElement(ctx, "message")
            # files without line numbers: the catalog does not change when code only moves
            for file in dict.fromkeys(f for f, _ in m.locations):
                ET.SubElement(el, "location", filename=f"../../../{file}")
            ET.SubElement(el, "source").text = m.source
            t = ET.SubElement(el, "translation")
            if m.translation:
                t.text = m.translation
            else:
                t.set("type", "unfinished")
    ET.indent(root, space="    ")
    text = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + text + "\n", encoding="utf-8")


def update(path: Path, language: str) -> list[Message]:
    """Rewrite the ``.ts`` file ``path`` from the source, keeping its translations; return the
    messages (unfinished ones have an empty translation)."""
    old = read_ts(path)
    messages = extract()
    for m in messages:
        m.translation = old.get((m.context, m.source), "")
    write_ts(messages, path, language)
    return messages


def lrelease() -> str:
    """The ``pyside6-lrelease`` command of the running Python's PySide6."""
    here = Path(sys.executable).with_name("pyside6-lrelease")
    found = str(here) if here.exists() else shutil.which("pyside6-lrelease")
    if not found:
        raise RuntimeError("pyside6-lrelease not found: install PySide6-Essentials in this environment")
    return found


def compile_qm(ts: Path, qm: Path) -> None:
    """Compile ``ts`` to ``qm`` with ``pyside6-lrelease``."""
    subprocess.run([lrelease(), "-silent", "-nounfinished", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    """Update every ``.ts`` file from the source and compile its ``.qm``; log what is left to
    translate."""
    log = logging.getLogger(__name__)
    for language, ts in TS_FILES.items():
        messages = update(ts, language)
        compile_qm(ts, ts.with_suffix(".qm"))
        left = sum(1 for m in messages if not m.translation)
        log.info("%s: %d strings, %d to translate", ts.name, len(messages), left)
    for where in untracked_calls():
        log.warning("tr() of a variable (its text must also appear as tr(\"...\")): %s", where)
    return 0


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    sys.exit(main())
