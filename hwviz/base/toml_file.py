"""Reading a small TOML file a person wrote (a hierarchy, a lesson): checked to be a readable
regular file of sane size, UTF-8 with or without a byte-order mark, and valid TOML, each failure
one sentence naming the file."""

from __future__ import annotations

import sys
from pathlib import Path

from hwviz.base.checks import input_file
from hwviz.base.errors import ConfigError
from hwviz.base.units import format_size

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib


def read_toml(path: str | Path, what: str, max_bytes: int) -> tuple[dict, str]:
    """The parsed table and the text of the TOML file ``path`` (``what`` names it in messages).

    Raises
    ------
    ConfigError
        If the file is missing or not a regular file, larger than ``max_bytes``, not UTF-8, not
        valid TOML, or nested too deeply.
    """
    p = input_file(path, what)
    try:
        if p.stat().st_size > max_bytes:
            raise ConfigError(f"{what} {p} is {format_size(p.stat().st_size)}, more than "
                              f"{format_size(max_bytes)}: it is not a {what}")
        raw = p.read_bytes()
    except OSError as e:
        raise ConfigError(f"cannot read {what} {p}: {e.strerror or e}") from None
    text = decode_utf8(raw, p.name)
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{p.name} is not valid TOML: {e}") from None
    except RecursionError:
        raise ConfigError(f"{p.name} nests arrays or tables too deeply to be a {what}") from None


def decode_utf8(raw: bytes, name: str) -> str:
    """TOML text from a file's bytes: UTF-8, with or without the byte-order mark some Windows
    editors write; UTF-16 and UTF-32 (what "Unicode" means in some editors) are refused by name."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:64]:
        raise ConfigError(f"{name} is UTF-16 or UTF-32 text; TOML files are UTF-8: save it as UTF-8")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ConfigError(f"{name} is not UTF-8 text (byte {e.start} is {raw[e.start]:#04x}); "
                          "save it as UTF-8") from None
