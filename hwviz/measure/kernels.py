"""Numba kernels that exercise the memory hierarchy and the cores.

Each kernel does a fixed amount of work per call so the harness can repeat it in chunks of about
100 ms and honour a cancel request between chunks. Plain-Python twins live in
``tests/naive_kernels.py``.
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange

ACCUMULATORS = 64   # independent FMA chains per thread: enough to fill the FMA pipelines


@njit(cache=True, nogil=True, fastmath=True)
def strided_sum(a, stride, reps):
    """Sum every ``stride``-th element of ``a``, ``reps`` times (memory mountain).

    Four accumulators so the loop is limited by loads, not by the latency of one add chain.
    """
    n = a.shape[0]
    if stride == 1:
        # a plain loop, which fastmath lets LLVM vectorize with several vector accumulators;
        # each pass ends in one horizontal reduction, which costs L1-sized passes about a quarter
        s = 0.0
        for _ in range(reps):
            for i in range(n):
                s += a[i]
        return s
    s0 = s1 = s2 = s3 = 0.0
    for _ in range(reps):
        i = 0
        while i + 3 * stride < n:
            s0 += a[i]
            s1 += a[i + stride]
            s2 += a[i + 2 * stride]
            s3 += a[i + 3 * stride]
            i += 4 * stride
        while i < n:
            s0 += a[i]
            i += stride
    return s0 + s1 + s2 + s3


@njit(cache=True, nogil=True, fastmath=True)
def sum_rows(a, ncols):
    """Sum ``a[:, :ncols]`` row by row (inner loop along a row: consecutive addresses).

    ``a`` is C-contiguous; ``a.shape[1] > ncols`` pads each row (a larger leading dimension).
    """
    s = 0.0
    for i in range(a.shape[0]):
        for j in range(ncols):
            s += a[i, j]
    return s


@njit(cache=True, nogil=True, fastmath=True)
def sum_cols(a, ncols):
    """Sum ``a[:, :ncols]`` column by column (inner loop jumps a whole row each step)."""
    s = 0.0
    for j in range(ncols):
        for i in range(a.shape[0]):
            s += a[i, j]
    return s


@njit(cache=True, nogil=True)
def chase(nxt, start, steps):
    """Follow ``p = nxt[p]`` ``steps`` times; each load depends on the one before."""
    p = start
    for _ in range(steps):
        p = nxt[p]
    return p


def make_cycle(n, spacing, seed=0):
    """A pointer-chase array: ``n`` slots ``spacing`` elements apart forming one random cycle.

    Returns ``(nxt, start)``; slot ``k`` lives at index ``k * spacing``.
    """
    from hwviz.measure.harness import small_pages

    order = np.random.default_rng(seed).permutation(n).astype(np.int64) * spacing
    nxt = small_pages(n * spacing, np.int64)
    nxt[order] = np.roll(order, -1)
    return nxt, int(order[0])


@njit(cache=True, nogil=True, parallel=True)
def first_touch(a, value):
    """Fill ``a`` in the same parallel schedule as the STREAM kernels (pages land near their
    threads)."""
    for i in prange(a.shape[0]):
        a[i] = value


@njit(cache=True, nogil=True, parallel=True, fastmath=True)
def stream_copy(a, b, c, scalar):
    """STREAM copy: c = a (16 bytes per element)."""
    for i in prange(a.shape[0]):
        c[i] = a[i]


@njit(cache=True, nogil=True, parallel=True, fastmath=True)
def stream_scale(a, b, c, scalar):
    """STREAM scale: b = scalar * c (16 bytes per element)."""
    for i in prange(a.shape[0]):
        b[i] = scalar * c[i]


@njit(cache=True, nogil=True, parallel=True, fastmath=True)
def stream_add(a, b, c, scalar):
    """STREAM add: c = a + b (24 bytes per element)."""
    for i in prange(a.shape[0]):
        c[i] = a[i] + b[i]


@njit(cache=True, nogil=True, parallel=True, fastmath=True)
def stream_triad(a, b, c, scalar):
    """STREAM triad: a = b + scalar * c (24 bytes per element)."""
    for i in prange(a.shape[0]):
        a[i] = b[i] + scalar * c[i]


STREAM = {"copy": (stream_copy, 16), "scale": (stream_scale, 16),
          "add": (stream_add, 24), "triad": (stream_triad, 24)}


FMA_A, FMA_B = 0.999999, 1e-7   # acc = acc * FMA_A + FMA_B: stays near 0.1, never overflows


# Only contraction is allowed (a * b + c becomes one FMA instruction). Full fastmath lets LLVM
# reassociate two steps into one, acc * (A * A) + (A * B + B), and then it does half the FMAs
# the FLOP count claims (it did so once these chains were inlined into a prange loop).
@njit(cache=True, nogil=True, fastmath={"contract"})
def fma_chains(iters, x):
    """``ACCUMULATORS`` independent multiply-add chains, ``iters`` steps each (2 flops a step):
    throughput-bound, the chains keep every FMA pipeline full."""
    acc = np.empty(ACCUMULATORS)
    for j in range(ACCUMULATORS):
        acc[j] = x + j
    for _ in range(iters):
        for j in range(ACCUMULATORS):
            acc[j] = acc[j] * FMA_A + FMA_B
    s = 0.0
    for j in range(ACCUMULATORS):
        s += acc[j]
    return s


@njit(cache=True, nogil=True, fastmath={"contract"})
def fma_chain(iters, x):
    """One multiply-add chain of ``iters`` steps: each FMA waits for the one before, so a step
    costs the FMA's latency, and the core's other issue slots stay empty."""
    acc = x
    for _ in range(iters):
        acc = acc * FMA_A + FMA_B
    return acc


@njit(cache=True, nogil=True)
def bump_counter(counters, slot, n, zero):
    """Add 1 to ``counters[slot]`` ``n`` times.

    Pass ``zero=0``: the index ``slot + (i & zero)`` is the same every step, but the compiler
    cannot know that, so every increment stays a real load and store instead of one add of ``n``.
    Threads whose counters share a cache line then make their cores fight over it (false sharing).
    """
    for i in range(n):
        counters[slot + (i & zero)] += 1


@njit(cache=True, nogil=True)
def add_serial(a, b, c):
    """c = a + b with a compiled loop."""
    for i in range(a.shape[0]):
        c[i] = a[i] + b[i]


@njit(cache=True, nogil=True, parallel=True)
def add_parallel(a, b, c):
    """c = a + b with a compiled loop split over threads (the lecture's ``#pragma omp for``)."""
    for i in prange(a.shape[0]):
        c[i] = a[i] + b[i]


def add_python(a, b, c):
    """c = a + b the lecture's slow way: an interpreted loop, one call per element."""
    for i in range(len(a)):
        c[i] = a[i] + b[i]


def add_numpy(a, b, c):
    """c = a + b as one vectorized numpy call."""
    np.add(a, b, out=c)


ADD = {"python": add_python, "numpy": add_numpy, "numba": add_serial, "numba-parallel": add_parallel}
