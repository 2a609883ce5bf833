"""A pytest plugin for scripted screenshots: a teacher's ten-line test file regenerates every
picture for the slides.

Installed with hwviz (entry point ``pytest11``), so any test file can ask for the ``hwviz_shot``
fixture::

    def test_slides(hwviz_shot):
        hwviz_shot("cache-lab", params={"pattern": "column-major"}, steps=256)
        hwviz_shot("row-col", size="1366x768")
        hwviz_shot("systolic", params={"dataflow": "ws"}, steps=12, name="ws")
        hwviz_shot(lesson="d2l-hardware", slide=3, language="zh_CN")

Each call renders offscreen and returns the PNG's path: in ``--hwviz-shots DIR`` when given, else
in the test's temporary folder. Loading the plugin imports neither Qt nor numba: pytest runs
that never ask for the fixture pay nothing.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest


def pytest_addoption(parser):
    """``--hwviz-shots DIR``: where ``hwviz_shot`` writes its PNGs (default: each test's tmp_path)."""
    parser.getgroup("hwviz").addoption(
        "--hwviz-shots", metavar="DIR", default=None,
        help="folder for the PNGs hwviz_shot renders (default: the test's temporary folder)")


def _file_name(scene: str | None, lesson: str | None, slide: int, size: str, language: str,
               name: str | None) -> str:
    if name:
        return re.sub(r"[^A-Za-z0-9_.-]", "_", name) + ".png"
    stem = f"{Path(lesson).stem}-slide{slide}" if lesson else scene
    suffix = "" if size == "1920x1080" else f"-{size.split('x')[0]}"
    lang = "" if language == "en" else f"-{language}"
    return re.sub(r"[^A-Za-z0-9_.-]", "_", f"{stem}{suffix}{lang}") + ".png"


@pytest.fixture(scope="session")
def hwviz_app():
    """The QApplication the shots render in (pytest-qt's, if it made one first)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["hwviz"])


@pytest.fixture
def hwviz_shot(request, tmp_path, hwviz_app):
    """A function rendering one hwviz scene (or lesson slide) to a PNG; returns its path.

    Arguments: ``scene`` (name), ``params`` (dict of the names ``hwviz shot --set`` takes),
    ``steps`` (timeline steps first), ``run`` ("quick"/"full": measure first), ``from_file`` (a
    recorded result), ``size`` ("1920x1080"), ``theme`` ("projector"), ``presenter``,
    ``lesson`` and ``slide`` (a lesson's slide instead of a scene), ``language`` ("en",
    "zh_CN"), ``name`` (the PNG's name without ``.png``; default: the scene or lesson slide,
    then the width unless 1920 and the language unless English, e.g. ``row-col-1366``). Bad arguments raise :class:`hwviz.base.errors.ConfigError` with one sentence.
    """
    folder = Path(request.config.getoption("--hwviz-shots") or tmp_path)

    def shot(scene: str = "cache-lab", *, params: dict | None = None, steps: int = 0,
             run: str | None = None, from_file: str | None = None, size: str = "1920x1080",
             theme: str = "projector", presenter: bool = False, lesson: str | None = None,
             slide: int = 1, language: str = "en", name: str | None = None) -> Path:
        from hwviz.ui.shot import take_shot

        folder.mkdir(parents=True, exist_ok=True)
        out = folder / _file_name(scene, lesson, slide, size, language, name)
        sets = [f"{k}={v}" for k, v in (params or {}).items()]
        take_shot(scene, sets, steps, theme, size, str(out), presenter=presenter, from_file=from_file,
                  run=run, lesson=lesson, slide=slide, language=language)
        return out

    return shot
