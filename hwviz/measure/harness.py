"""Timing harness: warm-up, calibrated repeats, cancel between chunks, a memory guard."""

from __future__ import annotations

import math
import statistics
import threading
import time
from dataclasses import dataclass
from typing import Callable

import numpy as np

from hwviz.base.checks import whole
from hwviz.base.memory import check_fits


class Cancelled(Exception):
    """Raised inside a measurement when its :class:`CancelToken` was set."""


class CancelToken:
    """A flag another thread sets to stop a measurement between chunks of at most ~100 ms."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the measurement to stop."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancelled."""
        if self._event.is_set():
            raise Cancelled("measurement cancelled")


@dataclass
class Timing:
    """Seconds per call of a kernel: best, median, and relative spread of the samples."""

    seconds_min: float
    seconds_median: float
    spread: float         # (max - min) / median over the samples
    repeats: int          # calls timed (warm-up excluded)


def measure(fn: Callable[[], object], *, min_time: float = 0.1, samples: int = 5,
            cancel: CancelToken | None = None) -> Timing:
    """Time ``fn``, which should take well under 100 ms a call.

    Warm-up is excluded: calls for at least ``min(0.05, min_time / 2)`` seconds (compilation,
    page faults, cold caches, and the core raising its clock and powering its wide vector units,
    which takes milliseconds). Then ``samples`` samples are taken, each running enough calls to
    last ``min_time / samples`` (so the point takes at least ``min_time``); the cancel token is
    checked between calls.
    """
    fn()
    warm_until = time.perf_counter() + min(0.05, min_time / 2)
    while True:
        if cancel is not None:
            cancel.check()
        t0 = time.perf_counter()
        fn()
        one = max(time.perf_counter() - t0, 1e-9)
        if t0 + one >= warm_until:
            break
    calls = max(1, math.ceil(min_time / samples / one))
    per_call = []
    for _ in range(samples):
        start = time.perf_counter()
        for _ in range(calls):
            if cancel is not None:
                cancel.check()
            fn()
        per_call.append((time.perf_counter() - start) / calls)
    med = statistics.median(per_call)
    return Timing(min(per_call), med, (max(per_call) - min(per_call)) / med if med else 0.0,
                  samples * calls)


def guard_memory(nbytes: int, what: str = "working set") -> None:
    """Refuse a request for more than half the available memory (see :func:`~hwviz.base.memory.check_fits`)."""
    check_fits(nbytes, what)


def set_threads(n: int) -> int:
    """Set numba's thread count for the calling thread (it is thread-local); return it."""
    import numba

    top = numba.config.NUMBA_NUM_THREADS
    whole(n, "threads", 1, top)
    numba.set_num_threads(n)
    return n


def size_for(fn: Callable[[int], object], seconds: float, start: int = 1000) -> int:
    """The work size ``n`` for which one call ``fn(n)`` lasts about ``seconds`` (its time grows
    in proportion to ``n``); the first call compiles and warms up, untimed."""
    n = start
    fn(n)
    while True:
        t0 = time.perf_counter()
        fn(n)
        dt = time.perf_counter() - t0
        if dt >= seconds / 16:
            return max(1, round(n * seconds / dt))
        n *= 16


def fastest(fn: Callable[[], object], *, seconds: float = 0.1, cancel: CancelToken | None = None) -> float:
    """The fastest single call of ``fn`` among those made in about ``seconds`` (at least five,
    after one untimed call): on a busy machine, a call the OS did not interrupt."""
    fn()
    best, calls, end = math.inf, 0, time.perf_counter() + seconds
    while calls < 5 or time.perf_counter() < end:
        if cancel is not None:
            cancel.check()
        t0 = time.perf_counter()
        fn()
        best, calls = min(best, time.perf_counter() - t0), calls + 1
    return best


#: arrays start on this boundary: a cache line, and the widest vector load (AVX-512)
ALIGN = 64


def aligned(shape, fill: float | None = None, dtype=np.float64) -> np.ndarray:
    """A C-contiguous array starting on a 64-byte boundary, filled with ``fill`` (None: left
    uninitialised). Small arrays come from the heap at whatever 16-byte offset it gives, and a
    vector loop over a misaligned array splits a load across two cache lines every line: a
    measurement then depends on what the process allocated before (as STREAM, align them)."""
    dt = np.dtype(dtype)
    n = int(np.prod(shape))
    raw = np.empty(n * dt.itemsize + ALIGN, np.uint8)
    start = -raw.ctypes.data % ALIGN
    out = raw[start:start + n * dt.itemsize].view(dt).reshape(shape)
    if fill is not None:
        out.fill(fill)
    return out
