"""Memory traces: parallel arrays of accesses, in chunks of bounded size."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

import numpy as np

from hwviz.base.errors import ConfigError

MAX_ACCESS_BYTES = 4096
#: traces at least this long are checked by the compiled kernel
_COMPILED_FROM = 1 << 16


@dataclass(frozen=True)
class Trace:
    """A chunk of memory accesses.

    Attributes
    ----------
    addr : ndarray of int64
        Byte address of each access.
    write : ndarray of uint8
        1 for a store, 0 for a load.
    size : ndarray of int64
        Bytes accessed; an access crossing a line boundary touches every line it covers.
    pc : ndarray of int64
        Which instruction made the access (0 when unknown); the stride prefetcher keys on it.
    """

    addr: np.ndarray
    write: np.ndarray
    size: np.ndarray
    pc: np.ndarray

    @classmethod
    def of(cls, addr, write=0, size=8, pc=0) -> "Trace":
        """Build a trace from an address array; the other fields broadcast."""
        try:
            a = np.ascontiguousarray(addr, dtype=np.int64).reshape(-1)
            n = a.shape[0]
            w = np.ascontiguousarray(np.broadcast_to(np.asarray(write, dtype=np.uint8), (n,)))
            s = np.ascontiguousarray(np.broadcast_to(np.asarray(size, dtype=np.int64), (n,)))
            p = np.ascontiguousarray(np.broadcast_to(np.asarray(pc, dtype=np.int64), (n,)))
        except OverflowError:   # a Python int past int64 (or a negative write flag)
            raise ConfigError("an address, size or program counter is out of the range of "
                              "64-bit integers (addresses are 0 to 2^62 - 1)") from None
        t = cls(a, w, s, p)
        t.check()
        return t

    def check(self, top: int | None = None) -> int:
        """Raise :class:`ConfigError` for negative addresses, sizes outside 1..4096 B, negative
        program counters, or (given ``top``) an access that ends beyond ``top`` bytes; return
        the largest size (0 for an empty trace)."""
        if self.addr.size == 0:
            return 0
        low, small, large, pc_low, end = _bounds(self.addr, self.size, self.pc)
        if low < 0:
            i = int(np.argmax(self.addr < 0))
            raise ConfigError(f"access {i}: address {int(self.addr[i])} is negative")
        if small < 1 or large > MAX_ACCESS_BYTES:
            bad = (self.size < 1) | (self.size > MAX_ACCESS_BYTES)
            i = int(np.argmax(bad))
            raise ConfigError(f"access {i}: size {int(self.size[i])} B is outside 1..{MAX_ACCESS_BYTES} B")
        if pc_low < 0:
            raise ConfigError("program counters must not be negative")
        if top is not None and end > top:
            i = int(np.argmax(self.addr + self.size > top))
            raise ConfigError(f"access {i}: address {int(self.addr[i])} is beyond the {top} B "
                              "this hierarchy can address")
        return int(large)

    def __len__(self) -> int:
        return int(self.addr.shape[0])

    def __getitem__(self, sl: slice) -> "Trace":
        return Trace(self.addr[sl], self.write[sl], self.size[sl], self.pc[sl])

    @staticmethod
    def concat(chunks: Iterable["Trace"]) -> "Trace":
        """Join chunks into one trace (for small traces only)."""
        cs = list(chunks)
        if not cs:
            return Trace.of(np.empty(0, np.int64))
        return Trace(*(np.concatenate([getattr(c, f) for c in cs]) for f in ("addr", "write", "size", "pc")))


def _bounds(addr, size, pc):
    """(smallest address, smallest size, largest size, smallest pc, largest address + size) of
    a non-empty trace. Small traces (Cache Lab's) use numpy, so they need no compiled code
    while the engine compiles; large ones take one compiled pass instead of five."""
    if addr.shape[0] < _COMPILED_FROM:
        return addr.min(), size.min(), size.max(), pc.min(), (addr + size).max()
    from hwviz.sim.trace_kernel import bounds

    return bounds(addr, size, pc)


def chunks_of(source) -> Iterator[Trace]:
    """Iterate the chunks of a trace source: a :class:`Trace`, or an iterable of them."""
    if isinstance(source, Trace):
        yield source
        return
    for chunk in source:
        if not isinstance(chunk, Trace):
            raise TypeError(f"trace chunks must be Trace objects, not {type(chunk).__name__}")
        yield chunk
