"""Settings that persist between runs: one JSON file, written atomically.

A missing file gives the defaults; an unreadable or corrupt one gives the defaults and a
message for the status bar, never an exception.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QStandardPaths

DEFAULTS = {"theme": "light", "scale": 1.0, "scene": "cache-lab", "geometry": "", "scenes": {}}


def settings_path() -> Path:
    """``$HWVIZ_CONFIG_DIR/settings.json``, or the platform's config folder for hwviz."""
    root = os.environ.get("HWVIZ_CONFIG_DIR") or QStandardPaths.writableLocation(
        QStandardPaths.GenericConfigLocation) + "/hwviz"
    return Path(root) / "settings.json"


class Settings:
    """The persisted values, with ``message`` set when the store could not be read.

    With ``path`` None the values live in memory only (``hwviz shot`` and tests).
    """

    def __init__(self, path: Path | None = None):
        self.path = path
        self.values = json.loads(json.dumps(DEFAULTS))
        self.message = ""
        if path is None:
            return
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("not a JSON object")
        except FileNotFoundError:
            return
        except (OSError, ValueError) as e:
            self.message = f"Settings in {self.path} could not be read ({e}); using defaults."
            return
        for key, default in DEFAULTS.items():
            if isinstance(data.get(key), type(default)) or (key == "scale" and isinstance(data.get(key), int)):
                self.values[key] = data[key]

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
            tmp = self.path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.values, indent=1), encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as e:
            return f"Settings could not be saved to {self.path}: {e}"
        return ""
