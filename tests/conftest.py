"""Test configuration: no display is needed (Qt renders offscreen); GUI tests must leave no
window open and no QThread, QTimer or Python thread running, and a failure says where the
leftover was started."""

import atexit
import os
import shutil
import tempfile
import threading
import traceback
import weakref

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# the developer's own settings and calibration (the host preset reads it) never reach the tests
os.environ["HWVIZ_CONFIG_DIR"] = tempfile.mkdtemp(prefix="hwviz-test-config-")
atexit.register(shutil.rmtree, os.environ["HWVIZ_CONFIG_DIR"], True)

#: object -> the stack (as text) that started it; filled by the patched start methods
_STARTED = weakref.WeakKeyDictionary()


def _where() -> str:
    frames = [f for f in traceback.extract_stack()[:-2] if "site-packages" not in f.filename]
    return "".join(traceback.format_list(frames[-6:]))


def _record_starts(cls) -> None:
    original = cls.start

    def start(self, *args, **kwargs):
        try:
            _STARTED[self] = _where()
        except TypeError:  # not weak-referenceable: no record, still started
            pass
        return original(self, *args, **kwargs)

    cls.start = start


@pytest.fixture(scope="session", autouse=True)
def _track_starts():
    """Remember where every thread and timer was started."""
    from PySide6.QtCore import QThread, QTimer

    for cls in (QThread, QTimer, threading.Thread):
        _record_starts(cls)
    yield


def leftovers(qapp) -> list[str]:
    """Descriptions of what is still running: visible windows, QThreads, active QTimers,
    Python threads other than the main one (with where each was started)."""
    from PySide6.QtCore import QCoreApplication, QEvent, QThread, QTimer

    qapp.processEvents()
    # windows closed with deleteLater() go now: left alive, every later theme change would
    # restyle them all and the suite would slow down test by test
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    out = [f"window left open: {w!r}" for w in qapp.topLevelWidgets() if w.isVisible()]
    for o in list(_STARTED.keys()):  # everything started from Python passed the patched start()
        try:
            running = (isinstance(o, QThread) and o.isRunning()) or (isinstance(o, QTimer) and o.isActive())
        except RuntimeError:  # the C++ object is gone
            continue
        if running:
            out.append(f"{type(o).__name__} still running, started at:\n{_STARTED.get(o, '(unknown)')}")
    for t in threading.enumerate():
        # a _DummyThread is Python's record of a thread it did not start (a QThread that joined
        # a Python thread); it outlives that thread, which the QThread check above covers
        if isinstance(t, threading._DummyThread):
            continue
        if t is not threading.main_thread() and t.is_alive() and not t.name.startswith(("Numba", "pydevd")):
            out.append(f"Python thread {t.name!r} still running, started at:\n{_STARTED.get(t, '(unknown)')}")
    return out


@pytest.fixture
def no_leftovers(qapp):
    """Fail a test that leaves a visible window, a running QThread or QTimer, or a Python
    thread behind."""
    yield
    left = leftovers(qapp)
    assert not left, "\n".join(left)
