"""A real main window for the GUI tests, with its settings in a temporary folder."""

import pytest

from hwviz.sim.simulator import warmup


@pytest.fixture
def window(qtbot, tmp_path, no_leftovers):
    from hwviz.ui.main_window import MainWindow
    from hwviz.ui.settings import Settings

    warmup()
    win = MainWindow(Settings(tmp_path / "settings.json"), ready=True)
    win.resize(1600, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    win.deleteLater()


def press(qtbot, win, key, times=1):
    """Press ``key`` on the window ``times`` times."""
    for _ in range(times):
        qtbot.keyClick(win, key)
