"""Experiments: sweeps of the live kernels, each returning a :class:`~hwviz.measure.results.Result`.

Rates use the fastest sample (``seconds_min``), as STREAM does; ``seconds_median`` is reported
beside it. Bytes are the bytes the program reads and writes (8 per float64 touched), not the
cache-line traffic the hardware generates.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import time
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from hwviz.base.errors import ConfigError
from hwviz.measure.harness import CancelToken, Timing, aligned, guard_memory, measure, set_threads
from hwviz.measure.results import Result, new_result
from hwviz.measure.topology import Topology, read_topology

KiB, MiB = 1 << 10, 1 << 20
Progress = Callable[[int, int, str], None]
PointSink = Callable[[dict], None]


def _lazy(name: str):
    """Module ``name``, imported on first attribute use: listing the experiments (``hwviz
    --help``) does not import numba."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


K = _lazy("hwviz.measure.kernels")


@dataclass
class Context:
    """What every experiment gets: mode, thread limit, cancel token, progress callback, and a
    point callback that receives each point as soon as it is measured (a window draws it)."""

    quick: bool = False
    threads: int | None = None
    cancel: CancelToken = field(default_factory=CancelToken)
    progress: Progress | None = None
    topology: Topology = field(default_factory=lambda: read_topology())
    point: PointSink | None = None

    @property
    def min_time(self) -> float:
        """Seconds each point is timed for."""
        return 0.02 if self.quick else 0.1

    @property
    def max_threads(self) -> int:
        """The thread limit: ``threads`` if given, else every usable logical CPU."""
        return self.threads or len(self.topology.logical_cpus)

    @property
    def llc(self) -> int:
        """Last-level cache size in bytes (32 MiB if unknown)."""
        return max((c.size_bytes for c in self.topology.caches), default=32 * MiB)

    def tick(self, done: int, total: int, what: str) -> None:
        self.cancel.check()
        if self.progress is not None:
            self.progress(done, total, what)

    def time(self, fn) -> Timing:
        return measure(fn, min_time=self.min_time, cancel=self.cancel)

    def add(self, points: list[dict], p: dict) -> None:
        """Append the finished point ``p`` to ``points`` and hand a copy to :attr:`point`."""
        points.append(p)
        if self.point is not None:
            self.point(dict(p))


def _point(axes: dict, t: Timing, *, nbytes: int | None = None, ops: int | None = None,
           flops: int | None = None) -> dict:
    p = dict(axes, seconds_min=t.seconds_min, seconds_median=t.seconds_median, spread=t.spread,
             repeats=t.repeats)
    if nbytes is not None:
        p["bytes"] = nbytes
        p["gbps"] = nbytes / t.seconds_min / 1e9
    if ops is not None:
        p["ns_per_op"] = t.seconds_min / ops * 1e9
    if flops is not None:
        p["gflops"] = flops / t.seconds_min / 1e9
    return p


def _pow2_sizes(lo: int, hi: int) -> list[int]:
    out, s = [], lo
    while s <= hi:
        out.append(s)
        s *= 2
    return out


def _threads_axis(ctx: Context) -> list[int]:
    n = ctx.max_threads
    return sorted({1, n} | {t for t in (2, 4, 8, 16, 32, 64, 128) if t < n}) if not ctx.quick else sorted({1, n})


# ---- experiments -----------------------------------------------------------------------------

def mountain(ctx: Context) -> Result:
    """Read bandwidth over working-set size x stride (the CS:APP memory mountain)."""
    sizes = [16 * KiB, 256 * KiB, 4 * MiB, 2 * ctx.llc] if ctx.quick else _pow2_sizes(16 * KiB, 4 * ctx.llc)
    strides = [1, 4, 16] if ctx.quick else list(range(1, 17))
    guard_memory(max(sizes))
    a = aligned(max(sizes) // 8, 1.0)
    points, total = [], len(sizes) * len(strides)
    for size in sizes:
        view = a[: size // 8]
        reps = max(1, (8 * MiB) // size)
        for stride in strides:
            ctx.tick(len(points), total, f"{size // KiB} KiB, stride {stride}")
            t = ctx.time(lambda: K.strided_sum(view, stride, reps))
            n = -(-view.shape[0] // stride) * reps
            ctx.add(points, _point({"size_bytes": size, "stride": stride}, t, nbytes=8 * n))
    return new_result("mountain", {"sizes": sizes, "strides": strides, "element_bytes": 8}, points, ctx.topology,
                      "bytes: 8 per element read; stride in elements")


def row_col(ctx: Context) -> Result:
    """Sum an n x n float64 matrix by rows and by columns, with and without a padded row."""
    # from a matrix that fits L1 (64 x 64 x 8 B = 32 KiB) to well past a last-level cache
    ns = [64, 256, 1024, 2048] if ctx.quick else [64, 128, 256, 512, 1024, 2048, 4096]
    guard_memory(max(ns) * (max(ns) + 8) * 8)
    points, total = [], len(ns) * 4
    for n in ns:
        for padded in (False, True):
            ld = n + 8 if padded else n
            buf = aligned((n, ld), 1.0)
            times = {}
            for order, fn in (("row", K.sum_rows), ("col", K.sum_cols)):
                ctx.tick(len(points), total, f"n={n} {order}{' padded' if padded else ''}")
                times[order] = ctx.time(lambda: fn(buf, n))
                p = _point({"n": n, "order": order, "padded": padded}, times[order], nbytes=8 * n * n)
                if order == "col":
                    p["slowdown"] = times["col"].seconds_min / times["row"].seconds_min
                ctx.add(points, p)
    return new_result("row-col", {"n": ns, "pad_elements": 8}, points, ctx.topology,
                      "slowdown on col points: column time / row time for the same n and padding")


def latency(ctx: Context) -> Result:
    """Load-to-use latency: a dependent pointer chase over a random cycle of 64-byte slots."""
    sizes = [16 * KiB, 256 * KiB, 4 * MiB, 4 * ctx.llc] if ctx.quick else _pow2_sizes(16 * KiB, 8 * ctx.llc)
    guard_memory(max(sizes))
    steps = 100_000 if ctx.quick else 1_000_000
    points = []
    for size in sizes:
        ctx.tick(len(points), len(sizes), f"{size // KiB} KiB")
        nxt, start = K.make_cycle(max(2, size // 64), 8, seed=size)
        where = [start]

        def chase(nxt=nxt, where=where):
            # each call goes on round the cycle where the last one stopped: restarting at the
            # same slot would revisit the same `steps` slots, a smaller working set than `size`
            where[0] = K.chase(nxt, where[0], steps)

        t = ctx.time(chase)
        ctx.add(points, _point({"size_bytes": size}, t, ops=steps))
    return new_result("latency", {"sizes": sizes, "slot_bytes": 64, "steps": steps}, points, ctx.topology,
                      "ns_per_op: nanoseconds per dependent load; random order defeats prefetchers")


def stream(ctx: Context) -> Result:
    """STREAM copy, scale, add and triad over arrays four times the last-level cache."""
    n = max(4 * ctx.llc // 8, 1 << 20)
    guard_memory(3 * 8 * n, "STREAM arrays")
    threads = _threads_axis(ctx)
    a, b, c = aligned(n), aligned(n), aligned(n)
    points, total = [], len(threads) * len(K.STREAM)
    for t_count in threads:
        set_threads(t_count)
        for arr, v in ((a, 1.0), (b, 2.0), (c, 0.0)):
            K.first_touch(arr, v)
        for kernel, (fn, per_elem) in K.STREAM.items():
            ctx.tick(len(points), total, f"{kernel}, {t_count} thread(s)")
            t = ctx.time(lambda: fn(a, b, c, 3.0))
            points.append(_point({"kernel": kernel, "threads": t_count}, t, nbytes=per_elem * n))
    set_threads(ctx.max_threads)
    return new_result("stream", {"elements": n, "threads": threads}, points, ctx.topology,
                      "bytes by STREAM's rules: copy/scale 16, add/triad 24 per element")


def loops(ctx: Context) -> Result:
    """The lecture's c = a + b: Python loop, numpy, numba serial, numba parallel."""
    ns = [1_000, 10_000, 100_000, 1_000_000] if ctx.quick else [1_000, 10_000, 100_000, 1_000_000, 10_000_000]
    points = []
    total = len(ns) * len(K.ADD)
    for n in ns:
        a, b, c = aligned(n, 1.0), aligned(n, 1.0), aligned(n)
        for impl, fn in K.ADD.items():
            ctx.tick(len(points), total, f"{impl}, n={n}")
            if impl == "python" and n > 100_000:
                continue   # seconds per call; 1e5 already shows the per-element cost
            t = ctx.time(lambda: fn(a, b, c))
            ctx.add(points, _point({"n": n, "impl": impl}, t, ops=n, nbytes=24 * n))
    return new_result("loops", {"n": ns}, points, ctx.topology,
                      "ns_per_op: nanoseconds per element; bytes: 24 per element (two reads, one write)")


def _elsewhere(module: str, name: str) -> Callable[[Context], Result]:
    """The experiment ``name`` of module ``hwviz.measure.<module>``, imported when it runs (those
    modules build on :class:`Context` and import this one)."""
    def run(ctx: Context) -> Result:
        return getattr(importlib.import_module(f"hwviz.measure.{module}"), name)(ctx)
    return run


EXPERIMENTS: dict[str, Callable[[Context], Result]] = {
    "mountain": mountain, "row-col": row_col, "latency": latency, "stream": stream,
    "threads": _elsewhere("parallel_experiments", "threads"), "smt": _elsewhere("smt", "smt"),
    "false-sharing": _elsewhere("parallel_experiments", "false_sharing"), "loops": loops,
    "python-threads": _elsewhere("python_threads", "python_threads"),
}


def run_experiment(name: str, *, quick: bool = False, threads: int | None = None,
                   cancel: CancelToken | None = None, progress: Progress | None = None,
                   topology: Topology | None = None, point: PointSink | None = None) -> Result:
    """Run one experiment by name; raises ConfigError for unknown names or bad thread counts.

    ``point`` receives each point as soon as it is measured (every experiment but stream)."""
    if name not in EXPERIMENTS:
        raise ConfigError(f"unknown experiment {name!r} (choose {', '.join(EXPERIMENTS)}, or all)")
    ctx = Context(quick=quick, threads=threads, cancel=cancel or CancelToken(), progress=progress,
                  topology=topology or read_topology(), point=point)
    if threads is not None:
        set_threads(threads)
    t0 = time.perf_counter()
    result = EXPERIMENTS[name](ctx)
    result.params["wall_seconds"] = time.perf_counter() - t0
    result.params["quick"] = quick
    return result
