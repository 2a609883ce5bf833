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


#: arrays start on a cache line (and the widest vector load, AVX-512); arrays of a page or more
#: on a page, and of a huge page (2 MiB) or more on a huge page
ALIGN, PAGE, HUGE_PAGE = 64, 4096, 2 << 20


def aligned(shape, fill: float | None = None, dtype=np.float64) -> np.ndarray:
    """A C-contiguous array filled with ``fill`` (None: left uninitialised), starting on a cache
    line, a page or a huge page by its size. Where an array starts otherwise depends on what the
    process allocated before, and so would the measurement: a vector loop over an array off a
    cache line splits loads across two lines, and a small working set at the start of a large
    array that straddles a huge-page boundary reads a third slower (measured on the development
    VM). STREAM aligns its arrays for the same reason."""
    dt = np.dtype(dtype)
    nbytes = int(np.prod(shape)) * dt.itemsize
    boundary = HUGE_PAGE if nbytes >= HUGE_PAGE else PAGE if nbytes >= PAGE else ALIGN
    raw = np.empty(nbytes + boundary, np.uint8)
    start = -raw.ctypes.data % boundary
    out = raw[start:start + nbytes].view(dt).reshape(shape)
    if fill is not None:
        out.fill(fill)
    return out


def small_pages(n: int, dtype=np.int64) -> np.ndarray:
    """``n`` zeros in memory of their own, page-aligned, that the kernel is asked to keep in
    ordinary 4 KiB pages (``MADV_NOHUGEPAGE`` where the system has it). The latency ladder then
    includes the TLB misses an ordinary program pays, as lmbench's ``lat_mem_rd`` does; whether a
    process got transparent huge pages otherwise changed the memory latency 3 to 5 times over
    between two processes on the development VM."""
    import mmap

    dt = np.dtype(dtype)
    size = max(n * dt.itemsize, 1)
    buf = mmap.mmap(-1, size)                  # anonymous: zero-filled, page-aligned
    if hasattr(mmap, "MADV_NOHUGEPAGE"):
        buf.madvise(mmap.MADV_NOHUGEPAGE)
    return np.frombuffer(buf, dt, count=n)
