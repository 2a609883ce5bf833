"""The lesson file format and its reader.

A lesson is a TOML file::

    title = { en = "Hardware for deep learning", zh = "深度学习的硬件" }

    [[slide]]
    scene = "cache-lab"                      # a scene name (``hwviz shot --scene``)
    params = { pattern = "column-major" }    # the names ``hwviz shot --set`` takes
    play = 256                               # optional action: play to step N,
    # run = "quick"                          #   or run the measurement (quick or full),
    # open = "result.json"                   #   or show a recorded result (path relative to the lesson)
    caption = { en = "Down a column...", zh = "按列访问……" }

Every problem is one :class:`ConfigError` naming the file, the line of the slide and what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from hwviz.base.checks import input_file, whole
from hwviz.base.errors import ConfigError
from hwviz.base.toml_file import read_toml

LANGUAGES = ("en", "zh")
#: a lesson is a few kilobytes of captions; anything far larger is the wrong file
MAX_LESSON_BYTES = 1 << 20
MAX_STEPS = 10**9
_TOP_KEYS = {"title", "slide"}
_SLIDE_KEYS = {"scene", "params", "play", "run", "open", "caption"}
_ACTIONS = ("play", "run", "open")
BUILTIN_DIR = Path(__file__).with_name("builtin")


@dataclass(frozen=True)
class Slide:
    """One slide: ``scene`` with ``params`` (name -> text, as ``--set`` takes them), at most one
    action (``play`` steps, ``run`` "quick"/"full", ``open`` an absolute result path), and its
    caption by language. ``line`` is where its ``[[slide]]`` starts in the file."""

    scene: str
    params: dict = field(default_factory=dict)
    play: int | None = None
    run: str | None = None
    open: str | None = None
    caption: dict = field(default_factory=dict)
    line: int = 0

    def caption_in(self, language: str) -> str:
        """The caption in ``language`` ("en" or "zh"), else in English."""
        return self.caption.get(language) or self.caption.get("en", "")


@dataclass(frozen=True)
class Lesson:
    """A lesson read from ``path``: its title by language and its slides in order."""

    path: Path
    title: dict
    slides: tuple[Slide, ...]

    def title_in(self, language: str) -> str:
        """The title in ``language``, else in English."""
        return self.title.get(language) or self.title.get("en", "")

    def where(self, index: int) -> str:
        """``"file.toml, line 12 (slide 3)"`` for slide ``index`` (0-based)."""
        return f"{self.path.name}, line {self.slides[index].line} (slide {index + 1})"


def builtin_lessons() -> dict[str, Path]:
    """Name -> file of the lessons shipped with hwviz."""
    return {p.stem: p for p in sorted(BUILTIN_DIR.glob("*.toml"))}


def find_lesson(name_or_path: str) -> Path:
    """A built-in lesson's file by name, else ``name_or_path`` as a file path."""
    return builtin_lessons().get(name_or_path) or Path(name_or_path)


def _slide_lines(text: str) -> list[int]:
    """The 1-based line of every ``[[slide]]`` header, in order."""
    return [i for i, line in enumerate(text.splitlines(), 1) if re.match(r"\s*\[\[\s*slide\s*\]\]", line)]


def _texts(value, where: str, what: str, required: bool) -> dict:
    """A ``{ en = "...", zh = "..." }`` table (a plain string counts as English)."""
    if isinstance(value, str):
        value = {"en": value}
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: {what} must be a table like {{ en = \"...\", zh = \"...\" }}")
    for lang, text in value.items():
        if lang not in LANGUAGES:
            raise ConfigError(f"{where}: {what} has language {lang!r} (use {' or '.join(LANGUAGES)})")
        if not isinstance(text, str):
            raise ConfigError(f"{where}: {what}.{lang} must be text in quotes")
    if required and not str(value.get("en", "")).strip():
        raise ConfigError(f"{where}: {what} needs English text (en = \"...\")")
    return dict(value)


def _param_text(value, where: str, name: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float, str)):
        return str(value)
    raise ConfigError(f"{where}: params.{name} must be text or a number, not {type(value).__name__}")


def _slide(t, where: str, line: int, base: Path, scenes) -> Slide:
    if not isinstance(t, dict):
        raise ConfigError(f"{where}: a slide must be a [[slide]] table")
    extra = sorted(set(t) - _SLIDE_KEYS)
    if extra:
        raise ConfigError(f"{where}: unknown key {extra[0]!r} (allowed: {', '.join(sorted(_SLIDE_KEYS))})")
    scene = t.get("scene")
    if not isinstance(scene, str) or not scene:
        raise ConfigError(f"{where}: every slide names its scene (scene = \"cache-lab\")")
    if scenes is not None and scene not in scenes:
        raise ConfigError(f"{where}: unknown scene {scene!r} (choose {', '.join(scenes)})")
    params = t.get("params", {})
    if not isinstance(params, dict):
        raise ConfigError(f"{where}: params must be a table like {{ rows = 16 }}")
    actions = [a for a in _ACTIONS if a in t]
    if len(actions) > 1:
        raise ConfigError(f"{where}: one action per slide ({' and '.join(actions)} given)")
    play = run = opened = None
    if "play" in t:
        play = whole(t["play"], f"{where}: play", 0, MAX_STEPS)
    if "run" in t and t["run"] not in ("quick", "full"):
        raise ConfigError(f"{where}: run must be \"quick\" or \"full\", not {t['run']!r:.40}")
    run = t.get("run")
    if "open" in t:
        if not isinstance(t["open"], str) or not t["open"].strip():
            raise ConfigError(f"{where}: open must name a result file in quotes")
        opened = str(input_file((base / t["open"]).resolve(), f"{where}: result file"))
    return Slide(scene=scene, params={k: _param_text(v, where, k) for k, v in params.items()},
                 play=play, run=run, open=opened,
                 caption=_texts(t.get("caption", ""), where, "caption", required=True), line=line)


def load_lesson(path: str | Path, scenes=None) -> Lesson:
    """Read and check a lesson file. ``scenes``: the scene names that exist (None: not checked).

    Raises
    ------
    ConfigError
        Naming the file, the slide's line and the problem.
    """
    data, text = read_toml(path, "lesson file", MAX_LESSON_BYTES)
    p = Path(path)
    extra = sorted(set(data) - _TOP_KEYS)
    if extra:
        raise ConfigError(f"{p.name}: unknown key {extra[0]!r} (allowed: title, [[slide]])")
    title = _texts(data.get("title", p.stem), f"{p.name}: title", "title", required=True)
    tables = data.get("slide")
    if not isinstance(tables, list) or not tables:
        raise ConfigError(f"{p.name}: no [[slide]] tables; add one per slide")
    lines = _slide_lines(text)
    slides = []
    for i, t in enumerate(tables):
        line = lines[i] if i < len(lines) else 0
        slides.append(_slide(t, f"{p.name}, line {line} (slide {i + 1})", line, p.resolve().parent, scenes))
    return Lesson(path=p, title=title, slides=tuple(slides))
