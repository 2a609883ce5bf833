"""The accelerator scene tests' shared fixtures: one scene shown on its own, the whole shell, and
the check that bad input is refused without a change."""

import pytest
from ui_helpers import window  # noqa: F401 - a fixture, used by ``shell``

from hwviz.base.errors import ConfigError
from hwviz.ui.theme import THEMES


def shown(qtbot, cls, theme, size=(1366, 700)):
    """A ``cls`` scene in ``theme``, shown at ``size`` and exposed; the caller closes it."""
    s = cls()
    qtbot.addWidget(s)
    s.apply_theme(theme)
    s.resize(*size)
    s.show()
    qtbot.waitExposed(s)
    return s


def scene_fixture(cls, theme: str, size=(1366, 700)):
    """A ``scene`` fixture: a ``cls`` scene shown in the theme called ``theme``, closed after the test."""

    @pytest.fixture
    def scene(qtbot, no_leftovers):
        s = shown(qtbot, cls, THEMES[theme], size)
        yield s
        s.close()

    return scene


@pytest.fixture
def own_config(tmp_path, monkeypatch):
    """The settings folder in a temporary folder (asked for before the window is built)."""
    monkeypatch.setenv("HWVIZ_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture
def shell(own_config, window):  # noqa: F811 - the imported fixture
    """The main window with every scene, its settings in a temporary folder."""
    return window


def go(win, name):
    """Show the scene called ``name`` in ``win``; returns it."""
    win.navigator.setCurrentIndex(list(win.scenes).index(name))
    return win.scene


def assert_refused(scene, name: str, text: str) -> None:
    """Setting ``name`` to ``text`` raises a ConfigError and leaves every parameter as it was."""
    before = scene.params()
    with pytest.raises(ConfigError):
        scene.set_param(name, text)
    assert scene.params() == before
