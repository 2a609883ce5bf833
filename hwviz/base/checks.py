"""Checks where input enters: numbers in range (from files, the command line, settings, fields),
input files that are files; and text made safe where it leaves, for a terminal.

Each check raises :class:`~hwviz.base.errors.ConfigError` with a sentence naming the value and
the range it must be in.
"""

from __future__ import annotations

import errno
import math
import os
import stat
from pathlib import Path

from hwviz.base.errors import ConfigError


def _range_text(lo, hi) -> str:
    if hi is None:
        return f"at least {lo:,}"
    return f"from {lo:,} to {hi:,}" if isinstance(hi, int) else f"from {lo:g} to {hi:g}"


def whole(value, what: str, lo: int = 0, hi: int | None = None) -> int:
    """``value`` if it is an int (not a bool) in ``lo..hi`` (``hi`` None: no upper bound)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(f"{what} {value!r} must be a whole number ({_range_text(lo, hi)})")
    if value < lo or (hi is not None and value > hi):
        raise ConfigError(f"{what} {value:,} must be {_range_text(lo, hi)}")
    return value


def whole_text(text: str, what: str, lo: int = 0, hi: int | None = None) -> int:
    """The whole number written in ``text`` (``"1_000"`` and ``"1,000"`` too), checked by :func:`whole`."""
    t = str(text).strip().replace(",", "").replace("_", "")
    if not t or not (t.isdigit() or (t[0] in "+-" and t[1:].isdigit())) or len(t) > 30:
        raise ConfigError(f"{what} {str(text).strip()[:40]!r} must be a whole number ({_range_text(lo, hi)})")
    return whole(int(t), what, lo, hi)


def number(value, what: str, lo: float = 0.0, hi: float | None = None) -> float:
    """``value`` as a finite float in ``lo..hi``; bools, strings, NaN and infinities are refused."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"{what} {value!r} must be a number ({_range_text(lo, hi)})")
    try:
        x = float(value)
    except OverflowError:
        raise ConfigError(f"{what} is too large: it must be {_range_text(lo, hi)}") from None
    if not math.isfinite(x):
        raise ConfigError(f"{what} {value!r} must be a finite number ({_range_text(lo, hi)})")
    if x < lo or (hi is not None and x > hi):
        raise ConfigError(f"{what} {value!r} must be {_range_text(lo, hi)}")
    return x


def number_text(text: str, what: str, lo: float = 0.0, hi: float | None = None) -> float:
    """The number written in ``text``, checked by :func:`number`."""
    t = str(text).strip()
    try:
        x = float(t) if len(t) <= 40 else None
    except ValueError:
        x = None
    if x is None:
        raise ConfigError(f"{what} {t[:40]!r} must be a number ({_range_text(lo, hi)})")
    return number(x, what, lo, hi)


def printable(text: str) -> str:
    """``text`` with every character a terminal would act on (escape sequences, control and
    format characters, line breaks) written as a Python escape, so a name from a file prints as
    what it is on one line; letters of any script are kept."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in str(text))


def input_file(path: str | Path, what: str) -> Path:
    """``path`` if it names a regular file (through any symbolic links) that can be read.

    Raises
    ------
    ConfigError
        Saying what the path really is: empty, missing, a loop of symbolic links, a directory,
        a named pipe, a device or a socket, or unreadable.
    """
    if not str(path).strip():
        raise ConfigError(f"the {what} name is empty")
    p = Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ConfigError(f"{what} {p} does not exist") from None
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise ConfigError(f"{what} {p} is a loop of symbolic links") from None
        raise ConfigError(f"cannot read {what} {p}: {e.strerror or e}") from None
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
             (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket"))
    for test, kind in kinds:
        if test(st.st_mode):
            raise ConfigError(f"{what} {p} is {kind}, not a file")
    if not os.access(p, os.R_OK):
        raise ConfigError(f"cannot read {what} {p}: permission denied")
    return p
