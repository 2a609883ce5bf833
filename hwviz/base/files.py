"""Writing a file the user named, atomically, without destroying anything else.

Readers see the old file or the whole new one, never a part. A symlink is written through (its
target is replaced, the link stays); a path that exists but is not a regular file (a folder, a
FIFO, a device) is refused; an interrupted write leaves no temporary file; the new file gets the
permissions any new file gets (the umask applies).
"""

from __future__ import annotations

import errno
import os
import sys
import tempfile
from pathlib import Path

from hwviz.base.errors import ConfigError


def _umask() -> int:
    """The process's umask, read without changing it where Linux says it (os.umask would
    briefly change it for every thread)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def output_path(path: str | Path) -> Path:
    """The file that writing ``path`` will replace (a symlink's target); raises
    :class:`ConfigError` if it cannot be written."""
    raw = str(path)
    if not raw.strip():
        raise ConfigError("the output file name is empty")
    p = Path(raw)
    try:
        if p.is_symlink():
            os.stat(p)  # ELOOP for a loop of links (resolve() no longer says so on 3.13)
        target = p.resolve(strict=False) if p.is_symlink() else p
    except FileNotFoundError:
        target = p.resolve(strict=False)  # a dangling link: its target will be created
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise ConfigError(f"cannot write {p}: it is a loop of symbolic links") from None
        raise ConfigError(f"cannot write {p}: {e.strerror or e}") from None
    except RuntimeError as e:
        raise ConfigError(f"cannot write {p}: {e}") from None
    if target.exists() and not target.is_file():
        kind = "a folder" if target.is_dir() else "not a regular file (a FIFO, socket or device)"
        raise ConfigError(f"cannot write {p}: it is {kind}")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise ConfigError(f"cannot write {p}: folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise ConfigError(f"cannot write {p}: permission denied")
    return target


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Replace the file at ``path`` (see the module notes) with ``data`` (text as UTF-8)."""
    target = output_path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as e:
        raise ConfigError(f"cannot write {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        if target.exists():
            os.chmod(tmp, target.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException as e:   # KeyboardInterrupt too: never leave the temporary file behind
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(e, OSError):
            raise ConfigError(f"cannot write {path}: {e.strerror or e}") from None
        raise


def shipped(source: str, installed: str) -> Path:
    """A data folder shipped with hwviz: ``source`` (relative to a source checkout's root) when
    running from one, else ``installed`` under ``sys.prefix`` (where the wheel's data files and
    the PyInstaller bundle put it)."""
    here = Path(__file__).resolve().parents[2] / source
    return here if here.is_dir() else Path(sys.prefix) / installed
