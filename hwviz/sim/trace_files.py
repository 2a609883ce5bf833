"""Trace files: plain text, valgrind lackey output and ``.npy`` address arrays.

* text: ``[R|W] ADDRESS [SIZE]`` per line; ADDRESS hex (``0x...``) or decimal; R and 8 bytes by
  default; blank lines and ``#`` comments are skipped.
* lackey (``valgrind --tool=lackey --trace-mem=yes``): `` L addr,size``, `` S addr,size``,
  `` M addr,size`` (a load then a store); instruction lines ``I`` are not data accesses but give
  the program counter of the accesses after them; ``==pid==`` lines are skipped.
* npy: a 1-D integer array of byte addresses (loads of 8 bytes).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

import numpy as np

from hwviz.base.errors import ConfigError
from hwviz.sim.trace import MAX_ACCESS_BYTES, Trace

FORMATS = ("auto", "text", "lackey", "npy")
_LACKEY = re.compile(r"^\s*([ILSM])\s+([0-9a-fA-F]+),(\d+)\s*$")


def detect_format(path: Path) -> str:
    """Guess a trace's format from its extension and first data line."""
    if path.suffix == ".npy":
        return "npy"
    try:
        with path.open("r", encoding="utf-8", errors="replace") as f:
            for line in f:
                s = line.strip()
                if not s or s.startswith("#") or s.startswith("=="):
                    continue
                return "lackey" if _LACKEY.match(line) else "text"
    except OSError as e:
        raise ConfigError(f"cannot read trace {path}: {e.strerror or e}") from None
    return "text"


def read_trace(path: str | Path, fmt: str = "auto", chunk: int = 1 << 20) -> Iterator[Trace]:
    """Yield a trace file's accesses in chunks.

    Raises
    ------
    ConfigError
        If the file is missing or a line is malformed (the message names the line number).
    """
    p = Path(path)
    if fmt not in FORMATS:
        raise ConfigError(f"unknown trace format {fmt!r} (choose {', '.join(FORMATS)})")
    if not p.is_file():
        raise ConfigError(f"trace file {p} does not exist")
    if fmt == "auto":
        fmt = detect_format(p)
    if fmt == "npy":
        yield from _read_npy(p, chunk)
    else:
        yield from _read_lines(p, fmt, chunk)


def _read_npy(p: Path, chunk: int) -> Iterator[Trace]:
    try:
        a = np.load(p, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError) as e:
        raise ConfigError(f"{p.name} is not a readable .npy array: {e}") from None
    if a.ndim != 1 or not np.issubdtype(a.dtype, np.integer):
        raise ConfigError(f"{p.name}: expected a 1-D integer array of addresses, got {a.ndim}-D {a.dtype}")
    for s in range(0, len(a), chunk):
        part = np.asarray(a[s:s + chunk], dtype=np.int64)
        if part.size and part.min() < 0:
            i = s + int(np.argmax(part < 0))
            raise ConfigError(f"{p.name}: entry {i} is a negative address")
        yield Trace.of(part)


def _parse_int(tok: str, base_hint: int) -> int:
    t = tok.lower()
    if t.startswith("0x"):
        return int(t, 16)
    return int(t, base_hint)


def _read_lines(p: Path, fmt: str, chunk: int) -> Iterator[Trace]:
    addr, write, size, pc = [], [], [], []
    cur_pc = 0
    with p.open("r", encoding="utf-8", errors="replace") as f:
        for no, line in enumerate(f, 1):
            s = line.strip()
            if not s or s.startswith("#") or s.startswith("=="):
                continue
            try:
                if fmt == "lackey":
                    m = _LACKEY.match(line)
                    if not m:
                        raise ValueError("expected 'I|L|S|M hexaddr,size'")
                    kind, a, n = m.group(1), int(m.group(2), 16), int(m.group(3))
                    if kind == "I":
                        cur_pc = a
                        continue
                    ops = (0, 1) if kind == "M" else ((1,) if kind == "S" else (0,))
                else:
                    toks = s.split()
                    ops = (0,)
                    if toks[0].upper() in ("R", "W"):
                        ops = (1,) if toks[0].upper() == "W" else (0,)
                        toks = toks[1:]
                    if not 1 <= len(toks) <= 2:
                        raise ValueError("expected '[R|W] ADDRESS [SIZE]'")
                    a = _parse_int(toks[0], 10)
                    n = _parse_int(toks[1], 10) if len(toks) == 2 else 8
            except ValueError as e:
                msg = str(e) if str(e).startswith("expected") else f"cannot read a number ({e})"
                raise ConfigError(f"{p.name} line {no}: {msg}: {s[:60]!r}") from None
            if a < 0 or a >= 1 << 62:
                raise ConfigError(f"{p.name} line {no}: address {a} is out of range")
            if not 1 <= n <= MAX_ACCESS_BYTES:
                raise ConfigError(f"{p.name} line {no}: size {n} is outside 1..{MAX_ACCESS_BYTES}")
            for w in ops:
                addr.append(a)
                write.append(w)
                size.append(n)
                pc.append(cur_pc)
            if len(addr) >= chunk:
                yield Trace.of(addr, write, size, pc)
                addr, write, size, pc = [], [], [], []
    if addr:
        yield Trace.of(addr, write, size, pc)
