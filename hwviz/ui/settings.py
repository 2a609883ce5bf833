"""Settings that persist between runs: one JSON file, written atomically.

A missing file gives the defaults. An unreadable, corrupt or hostile one (not a regular file,
huge, deeply nested, wrong types) gives the defaults for whatever is wrong and one message for
the status bar, never an exception and never a wait: start-up does not block on it. Scene
parameters are checked by the scenes themselves when the window applies them, through the same
checks as their controls.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from hwviz.base.errors import ConfigError
from hwviz.base.files import write_atomic

#: language "": follow the system's locale until one is chosen in View > Language
DEFAULTS = {"theme": "light", "scale": 1.0, "scene": "cache-lab", "geometry": "", "scenes": {}, "language": ""}
#: a settings file is a few KiB; anything far larger is not ours
MAX_BYTES = 1 << 20


def tr(text: str) -> str:
    """Translate ``text`` in the settings' context."""
    return QCoreApplication.translate("Settings", text)


def settings_path() -> Path:
    """``$HWVIZ_CONFIG_DIR/settings.json``, or the platform's config folder for hwviz."""
    root = os.environ.get("HWVIZ_CONFIG_DIR") or QStandardPaths.writableLocation(
        QStandardPaths.GenericConfigLocation) + "/hwviz"
    return Path(root) / "settings.json"


def _read(path: Path) -> dict | None:
    """The file's JSON object, None if there is no file; raises ValueError or OSError."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))  # a FIFO must not block
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise ValueError(tr("it is not a regular file"))
        if st.st_size > MAX_BYTES:
            raise ValueError(tr("it is larger than 1 MiB"))
        raw = f.read(MAX_BYTES + 1)
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except RecursionError:
        raise ValueError(tr("it is nested too deeply")) from None
    except UnicodeDecodeError:
        raise ValueError(tr("it is not UTF-8 text")) from None
    if not isinstance(data, dict):
        raise ValueError(tr("not a JSON object"))
    return data


def _valid(key: str, value) -> bool:
    default = DEFAULTS[key]
    if key == "scale":
        # a comparison, not float(): a 400-digit integer must not overflow; NaN compares False
        return isinstance(value, (int, float)) and not isinstance(value, bool) and 0.5 <= value <= 3.0
    if key == "scenes":
        return isinstance(value, dict) and all(isinstance(v, dict) for v in value.values())
    return isinstance(value, type(default)) and len(value) <= 10_000


class Settings:
    """The persisted values, with ``message`` set when the store could not be read whole.

    With ``path`` None the values live in memory only (``hwviz shot`` and tests).
    """

    def __init__(self, path: Path | None = None):
        self.path = path
        self.values = json.loads(json.dumps(DEFAULTS))
        self.message = ""
        if path is None:
            return
        try:
            data = _read(path)
        except (OSError, ValueError) as e:
            self.message = tr("Settings in {path} could not be read ({error}); using defaults.").format(
                path=path, error=e)
            return
        if data is None:
            return
        bad = []
        for key in DEFAULTS:
            if key in data:
                if _valid(key, data[key]):
                    self.values[key] = data[key]
                else:
                    bad.append(key)
        if bad:
            self.message = tr("Settings in {path}: {keys} not used (invalid); using defaults for them.").format(
                path=path, keys=", ".join(bad))

    def __getitem__(self, key: str):
        return self.values[key]

    def __setitem__(self, key: str, value) -> None:
        self.values[key] = value

    def save(self) -> str:
        """Write the file; return an error message, or "" on success."""
        if self.path is None:
            return ""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, json.dumps(self.values, indent=1))
        except (OSError, ConfigError) as e:
            return tr("Settings could not be saved to {path}: {error}").format(path=self.path, error=e)
        return ""
