"""Trace files: plain text, valgrind lackey output and ``.npy`` address arrays, from a file or
from standard input (``-``).

* text: ``[R|W] ADDRESS [SIZE]`` per line; ADDRESS hex (``0x...``) or decimal; R and 8 bytes by
  default; blank lines and ``#`` comments are skipped.
* lackey (``valgrind --tool=lackey --trace-mem=yes``): `` L addr,size``, `` S addr,size``,
  `` M addr,size`` (a load then a store); instruction lines ``I`` are not data accesses but give
  the program counter of the accesses after them; ``==pid==`` lines are skipped. Any program
  counter lackey prints is accepted: one at or above 2^63 (the vsyscall page,
  ``ffffffffff600000``) keeps its low 63 bits, which keeps every program counter distinct from
  every other a user program has.
* npy: a 1-D integer array of byte addresses (loads of 8 bytes), read in chunks.

Data addresses are from 0 to 2^62 - 1 in every format.
"""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path
from typing import BinaryIO, Iterator

import numpy as np

from hwviz.base.checks import input_file
from hwviz.base.errors import ConfigError
from hwviz.sim.trace import MAX_ACCESS_BYTES, Trace

FORMATS = ("auto", "text", "lackey", "npy")
#: names that read the trace from standard input
STDIN_NAMES = ("-", "/dev/stdin")
#: data addresses are below this in every format (the simulator's reach, far from int64's wrap)
ADDRESS_LIMIT = 1 << 62
#: a line longer than this is not a trace line (a binary file read as text, say)
MAX_LINE = 4096
_PC_BITS = (1 << 63) - 1
_NPY_MAGIC = b"\x93NUMPY"
_LACKEY = re.compile(r"^\s*([ILSM])\s+([0-9a-fA-F]+),(\d+)\s*$")


def read_trace(path: str | Path, fmt: str = "auto", chunk: int = 1 << 20) -> Iterator[Trace]:
    """Yield a trace's accesses in chunks; ``path`` ``-`` (or ``/dev/stdin``) reads standard input.

    Raises
    ------
    ConfigError
        If the path is not a readable file (the message says what it is instead), the content
        is not in the format, or a line is malformed (the message names the line number).
    """
    if fmt not in FORMATS:
        raise ConfigError(f"unknown trace format {fmt!r} (choose {', '.join(FORMATS)})")
    if str(path) in STDIN_NAMES:
        stream = sys.stdin.buffer if sys.stdin is not None else None
        if stream is None or stream.isatty():
            raise ConfigError("the trace is standard input, but nothing is piped in "
                              "(e.g. valgrind --tool=lackey --trace-mem=yes ./prog 2>&1 | hwviz sim --trace -)")
        yield from _read_stream(stream, "standard input", "", fmt, chunk)
        return
    p = input_file(path, "trace file")
    try:
        with p.open("rb") as f:
            yield from _read_stream(f, p.name, p.suffix, fmt, chunk)
    except OSError as e:
        raise ConfigError(f"cannot read trace {p}: {e.strerror or e}") from None


def _read_stream(f: BinaryIO, name: str, suffix: str, fmt: str, chunk: int) -> Iterator[Trace]:
    buffered = f if hasattr(f, "peek") else io.BufferedReader(f)
    head = buffered.peek(len(_NPY_MAGIC))
    is_npy = head.startswith(_NPY_MAGIC)
    if fmt == "npy" or (fmt == "auto" and suffix == ".npy"):
        if not is_npy:
            raise ConfigError(f"{name} is not a .npy array: it does not start with the NumPy "
                              "header; for a text or lackey trace, use --format text or lackey")
        fmt = "npy"
    elif is_npy and fmt == "auto":
        fmt = "npy"
    if fmt == "npy":
        yield from _read_npy(buffered, name, chunk)
        return
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ConfigError(f"{name} is UTF-16 text; traces are ASCII or UTF-8: save it as UTF-8")
    text = io.TextIOWrapper(buffered, encoding="utf-8-sig", errors="replace")
    try:
        yield from _read_lines(text, name, fmt, chunk)
    finally:
        text.detach()  # leave the file (or standard input) to its owner to close


def _read_npy(f: BinaryIO, name: str, chunk: int) -> Iterator[Trace]:
    try:
        version = np.lib.format.read_magic(f)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(f)
        elif version == (2, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(f)
        else:
            raise ValueError(f".npy version {version[0]}.{version[1]} is not supported (save with numpy's np.save)")
    except ValueError as e:
        raise ConfigError(f"{name} is not a readable .npy array: {e}") from None
    if len(shape) != 1 or dtype.kind not in "iu":
        what = "Python objects" if dtype.hasobject else f"{len(shape)}-D {dtype}"
        raise ConfigError(f"{name}: expected a 1-D integer array of addresses, got {what}")
    n, done = shape[0], 0
    while done < n:
        k = min(chunk, n - done)
        raw = f.read(k * dtype.itemsize)
        if len(raw) < k * dtype.itemsize:
            raise ConfigError(f"{name} ends early: its header promises {n:,} addresses, "
                              f"it holds {done + len(raw) // dtype.itemsize:,}")
        part = np.frombuffer(raw, dtype=dtype)
        bad = (part < 0) | (part >= ADDRESS_LIMIT)  # before the cast: uint64 would wrap
        if bad.any():
            i = int(np.argmax(bad))
            raise ConfigError(f"{name}: entry {done + i} is the address {int(part[i])}, outside "
                              f"0 to 2^62 - 1")
        yield Trace.of(part.astype(np.int64))
        done += k


def _parse_int(tok: str, base_hint: int) -> int:
    t = tok.lower()
    if t.startswith("0x"):
        return int(t, 16)
    return int(t, base_hint)


def _parse_line(line: str, s: str, fmt: str) -> tuple[str, int, int]:
    """(kind, address, size) of a data line: kind "I" (a program counter), "L", "S" or "M"."""
    if fmt == "lackey":
        m = _LACKEY.match(line)
        if not m:
            raise ValueError("expected 'I|L|S|M hexaddr,size'")
        return m.group(1), int(m.group(2), 16), int(m.group(3))
    toks = s.split()
    kind = "L"
    if toks[0].upper() in ("R", "W"):
        kind = "S" if toks[0].upper() == "W" else "L"
        toks = toks[1:]
    if not 1 <= len(toks) <= 2:
        raise ValueError("expected '[R|W] ADDRESS [SIZE]'")
    return kind, _parse_int(toks[0], 10), _parse_int(toks[1], 10) if len(toks) == 2 else 8


def _read_lines(f: io.TextIOBase, name: str, fmt: str, chunk: int) -> Iterator[Trace]:
    """Text or lackey lines; ``fmt`` "auto" is decided by the first data line."""
    addr, write, size, pc = [], [], [], []
    cur_pc = 0
    for no, line in enumerate(iter(lambda: f.readline(MAX_LINE + 1), ""), 1):
        if len(line) > MAX_LINE or "\x00" in line or "\ufffd" in line:
            raise ConfigError(f"{name} line {no} is not a line of text (too long, or bytes that "
                              "are not UTF-8): is this a binary file?")
        s = line.strip()
        if not s or s.startswith("#") or s.startswith("=="):
            continue
        if fmt == "auto":
            fmt = "lackey" if _LACKEY.match(line) else "text"
        try:
            kind, a, n = _parse_line(line, s, fmt)
        except ValueError as e:
            msg = str(e) if str(e).startswith("expected") else "cannot read a number"
            raise ConfigError(f"{name} line {no}: {msg}: {s[:60]!r}") from None
        if kind == "I":
            cur_pc = a & _PC_BITS  # a program counter only keys the stride prefetcher's table
            continue
        if not 0 <= a < ADDRESS_LIMIT:
            raise ConfigError(f"{name} line {no}: address {a:#x} is out of range (0 to 2^62 - 1)")
        if not 1 <= n <= MAX_ACCESS_BYTES:
            raise ConfigError(f"{name} line {no}: size {n} is outside 1..{MAX_ACCESS_BYTES}")
        for w in ((0, 1) if kind == "M" else ((1,) if kind == "S" else (0,))):
            addr.append(a)
            write.append(w)
            size.append(n)
            pc.append(cur_pc)
        if len(addr) >= chunk:
            yield Trace.of(addr, write, size, pc)
            addr, write, size, pc = [], [], [], []
    if addr:
        yield Trace.of(addr, write, size, pc)
