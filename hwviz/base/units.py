"""Sizes and times: bytes and nanoseconds in the core, human units only at the edges."""

from __future__ import annotations

import math
import re

from hwviz.base.errors import ConfigError

_UNITS = {
    "": 1, "b": 1,
    "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
    "m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20,
    "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
    "t": 1 << 40, "tb": 1 << 40, "tib": 1 << 40,
}
#: the largest size anything here describes (a cache, a working set)
MAX_SIZE = 1 << 40
_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*$")


def parse_size(value, what: str = "size") -> int:
    """Return a byte count from an int or a string such as ``"48KiB"`` or ``"1.5 MiB"``.

    Cache sizes are binary by convention, so ``KB``/``MB``/``GB`` are read as KiB/MiB/GiB.

    Raises
    ------
    ConfigError
        If the value is not a whole number of bytes from 1 to :data:`MAX_SIZE`.
    """
    if isinstance(value, bool):
        raise ConfigError(f"{what} {value!r} is not a size")
    if isinstance(value, int):
        n = value
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        n = int(value)
    elif isinstance(value, str):
        m = _SIZE_RE.match(value) if len(value) <= 40 else None
        unit = m.group(2).lower() if m else None
        if m is None or unit not in _UNITS:
            raise ConfigError(f"{what} {value[:40]!r} is not a size (write e.g. 32768, \"32KiB\" or \"1.5MiB\")")
        scaled = float(m.group(1)) * _UNITS[unit]
        if not math.isfinite(scaled) or not scaled.is_integer():
            raise ConfigError(f"{what} {value!r} is not a whole number of bytes")
        n = int(scaled)
    else:
        raise ConfigError(f"{what} {value!r} is not a size")
    if not 0 < n <= MAX_SIZE:
        raise ConfigError(f"{what} {value!r} must be from 1 B to {format_size(MAX_SIZE)}")
    return n


def format_size(n: int) -> str:
    """Return ``n`` bytes as the shortest exact binary unit: ``49152 -> "48KiB"``."""
    for unit, scale in (("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale and (n * 100) % scale == 0:
            # exact: n * 100 is a multiple of scale, so two decimals say it all
            return f"{n / scale:.2f}".rstrip("0").rstrip(".") + unit
    return f"{n}B"


def format_ns(ns: float) -> str:
    """``"850 ns"``, ``"12.4 µs"``, ``"3.20 ms"``, ``"1.50 s"``."""
    if abs(ns) < 1e3:
        return f"{ns:.0f} ns"
    if abs(ns) < 1e6:
        return f"{ns / 1e3:.3g} µs"
    if abs(ns) < 1e9:
        return f"{ns / 1e6:.3g} ms"
    return f"{ns / 1e9:.3g} s"
