"""Latencies measured on this machine, kept for the ``host`` preset.

The latency scene's Calibrate writes one small JSON file, ``host-latency.json``, into the folder
the window keeps its settings in (``$HWVIZ_CONFIG_DIR``, else ``$XDG_CONFIG_HOME/hwviz``, else
``~/.config/hwviz``: what Qt's GenericConfigLocation gives on Linux). The ``host`` preset, and so
Cache Lab and ``hwviz sim --preset host``, then costs each level at this machine's latency. No Qt
here: the simulator reads the file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from hwviz.base.checks import number
from hwviz.base.errors import ConfigError
from hwviz.base.files import write_atomic
from hwviz.sim.config import MAX_LATENCY_NS

SCHEMA = "hwviz.latency/1"
FILE_NAME = "host-latency.json"
#: a calibration file is a few hundred bytes; anything far larger is not ours
MAX_BYTES = 1 << 16


@dataclass(frozen=True)
class HostLatency:
    """Load-to-use latency per cache level (``{"L1": 1.2, ...}``) and of memory, in ns, with
    the CPU and the date (ISO) they were measured on."""

    levels: dict[str, float]
    memory_ns: float
    cpu_model: str
    date: str

    def to_dict(self) -> dict:
        """The JSON document."""
        return {"schema": SCHEMA, "levels_ns": dict(self.levels), "memory_ns": self.memory_ns,
                "cpu_model": self.cpu_model, "date": self.date}


def config_dir() -> Path:
    """The user's hwviz config folder (see the module notes)."""
    root = os.environ.get("HWVIZ_CONFIG_DIR")
    if root:
        return Path(root)
    xdg = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(xdg) / "hwviz"


def latency_path() -> Path:
    """Where the measured latencies are kept."""
    return config_dir() / FILE_NAME


def _parse(data) -> HostLatency:
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ConfigError(f"it is not a {SCHEMA} document")
    levels = data.get("levels_ns")
    if not isinstance(levels, dict) or not levels:
        raise ConfigError("it has no levels_ns table")
    checked = {str(k)[:20]: number(v, f"latency of {str(k)[:20]}", 0.01, MAX_LATENCY_NS) for k, v in levels.items()}
    memory = number(data.get("memory_ns"), "memory latency", 0.01, MAX_LATENCY_NS)
    return HostLatency(checked, memory, str(data.get("cpu_model", ""))[:200], str(data.get("date", ""))[:40])


def load_latency(path: Path | None = None) -> tuple[HostLatency | None, str]:
    """The kept latencies and ``""``; ``(None, "")`` when there is no file, ``(None, why)`` when
    the file cannot be used (the preset then keeps its typical values and says why)."""
    p = path or latency_path()
    try:
        if not p.is_file():
            return None, ""
        if p.stat().st_size > MAX_BYTES:
            raise ConfigError("it is larger than 64 KiB")
        return _parse(json.loads(p.read_text(encoding="utf-8"))), ""
    except (OSError, ValueError, ConfigError) as e:
        return None, f"{p} was not used ({e})"


def save_latency(lat: HostLatency, path: Path | None = None) -> Path:
    """Write ``lat`` atomically (creating the folder); raises ConfigError if it cannot."""
    p = path or latency_path()
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ConfigError(f"cannot create {p.parent}: {e.strerror or e}") from None
    write_atomic(p, json.dumps(lat.to_dict(), indent=1) + "\n")
    return p


def forget_latency(path: Path | None = None) -> None:
    """Remove the kept latencies (the preset goes back to typical values)."""
    p = path or latency_path()
    try:
        p.unlink()
    except FileNotFoundError:
        pass
    except OSError as e:
        raise ConfigError(f"cannot remove {p}: {e.strerror or e}") from None
