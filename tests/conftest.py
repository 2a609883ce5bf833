"""Test configuration: no display is needed (Qt renders offscreen); GUI tests must leave no
window open and no thread running."""

import gc
import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _running_qthreads():
    from PySide6.QtCore import QThread

    return [o for o in gc.get_objects() if isinstance(o, QThread) and o.isRunning()]


@pytest.fixture
def no_leftovers(qapp):
    """Fail a test that leaves a visible window or a running QThread behind."""
    yield
    qapp.processEvents()
    windows = [w for w in qapp.topLevelWidgets() if w.isVisible()]
    threads = _running_qthreads()
    assert not windows, f"windows left open: {windows}"
    assert not threads, f"threads left running: {threads}"
