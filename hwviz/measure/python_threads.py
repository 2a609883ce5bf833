"""The GIL and the lecture's advice: c = a + b split over k workers three ways.

- threads: Python threads each running an interpreted loop over their share; the GIL lets one
  run Python code at a time, so more threads bring no speedup.
- processes: a ``multiprocessing`` pool (started once per experiment with the ``spawn`` method,
  no more processes than usable CPUs) runs the same loop without a shared GIL, but each share is
  copied to a worker and the result copied back, and starting the pool takes time.
- numba: a compiled ``prange`` loop on numba's threads (no GIL).

Every pool this module starts is terminated when the experiment ends, is cancelled or fails,
and when the interpreter exits: no worker process is left behind.
"""

from __future__ import annotations

import atexit
import multiprocessing
import time

import numpy as np

from hwviz.base.errors import ConfigError
from hwviz.measure.experiments import K, Context, _point, _threads_axis
from hwviz.measure.harness import CancelToken, Timing, set_threads
from hwviz.measure.pinning import Team, placement, split, team_cpus
from hwviz.measure.results import Result, new_result

START_METHOD = "spawn"   # safe in a process with threads (a GUI, numba's pool); fork is not
START_TIMEOUT = 60.0     # seconds for the workers to start and import what they run
IMPLS = ("threads", "processes", "numba")
_LIVE: set = set()   # pools started and not yet terminated


def _add_share(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """In a worker process: the share's c = a + b with the interpreted loop."""
    c = np.empty_like(a)
    K.add_python(a, b, c)
    return c


def _ready(_k: int) -> bool:
    """In a worker process: loads what :func:`_add_share` needs, so the pool is warm."""
    return K.add_python is not None


class ProcessPool:
    """A ``multiprocessing`` pool of ``size`` workers, started (and warmed) on entry and
    terminated on exit, cancel or error; :attr:`start_seconds` is how long starting took."""

    def __init__(self, size: int, cancel: CancelToken):
        self.cancel = cancel
        t0 = time.perf_counter()
        self.pool = multiprocessing.get_context(START_METHOD).Pool(size)
        _LIVE.add(self.pool)
        try:
            self.wait(self.pool.map_async(_ready, range(size)), START_TIMEOUT)
        except BaseException:
            self.close()
            raise
        self.start_seconds = time.perf_counter() - t0

    def wait(self, job, timeout: float | None = None):
        """The result of the pool's ``job``, checking the cancel token every 50 ms."""
        end = None if timeout is None else time.monotonic() + timeout
        while not job.ready():
            self.cancel.check()
            if end is not None and time.monotonic() > end:
                raise ConfigError(f"the worker processes did not start within {timeout:.0f} s")
            job.wait(0.05)
        return job.get()

    def add(self, a: np.ndarray, b: np.ndarray, c: np.ndarray, k: int) -> None:
        """c = a + b in ``k`` shares, one task per worker."""
        shares = split(a.shape[0], k)
        parts = self.wait(self.pool.starmap_async(_add_share, [(a[s], b[s]) for s in shares], chunksize=1))
        for s, part in zip(shares, parts):
            c[s] = part

    def close(self) -> None:
        """Terminate the workers and wait until they are gone."""
        self.pool.terminate()
        self.pool.join()
        _LIVE.discard(self.pool)

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@atexit.register
def _terminate_all() -> None:
    for pool in list(_LIVE):
        pool.terminate()
        pool.join()
    _LIVE.clear()


def max_abs_error(c: np.ndarray, a: np.ndarray, b: np.ndarray) -> float:
    """Largest difference from numpy's ``a + b``; infinite where an element was never written."""
    diff = np.abs(c - (a + b))
    return float(np.max(np.where(np.isnan(c), np.inf, diff))) if c.size else 0.0


def _timing(ctx: Context, impl: str, k: int, abc: tuple, pool: ProcessPool, order: list[int]) -> Timing:
    """Time c = a + b by ``impl`` with ``k`` workers."""
    a, b, c = abc
    if impl == "threads":
        add = K.add_python   # loaded on this thread: the lazy module is not thread-safe
        with Team(team_cpus(order, k)) as team:
            work = [lambda s=s: add(a[s], b[s], c[s]) for s in split(a.shape[0], k)]
            return ctx.time(lambda: team.run(work))
    if impl == "processes":
        return ctx.time(lambda: pool.add(a, b, c, k))
    set_threads(k)
    return ctx.time(lambda: K.add_parallel(a, b, c))


def python_threads(ctx: Context) -> Result:
    """Time c = a + b against workers and n for Python threads, processes and numba prange."""
    ns = [10_000, 200_000] if ctx.quick else [1_000, 10_000, 100_000, 1_000_000]
    big = [10_000_000] if not ctx.quick else [2_000_000]   # compiled code only: seconds in Python
    usable = len(ctx.topology.logical_cpus)
    workers = _threads_axis(ctx)
    order = placement(ctx.topology.smt_siblings, ctx.topology.logical_cpus)
    rng = np.random.default_rng(0)
    plan = [(impl, n) for n in ns for impl in IMPLS] + [("numba", n) for n in big]
    total = len(plan) * len(workers)
    points: list[dict] = []
    try:
        with ProcessPool(min(max(workers), usable), ctx.cancel) as pool:
            for impl, n in plan:
                a, b, c = rng.random(n), rng.random(n), np.empty(n)
                base = None
                for k in workers:
                    if impl == "processes" and k > usable:
                        continue
                    ctx.tick(len(points), total, f"{impl}, {k} worker(s), n={n:,}")
                    c.fill(np.nan)
                    t = _timing(ctx, impl, k, (a, b, c), pool, order)
                    base = base or t.seconds_min
                    p = _point({"impl": impl, "workers": k, "n": n}, t)
                    p.update(ns_per_element=t.seconds_min / n * 1e9, speedup=base / t.seconds_min,
                             max_abs_error=max_abs_error(c, a, b))
                    ctx.add(points, p)
            start = pool.start_seconds
    finally:
        set_threads(ctx.max_threads)   # numba's count is per thread: the caller's, as it was
    params = {"n": ns + big, "workers": workers, "start_method": START_METHOD,
              "pool_start_seconds": start}
    return new_result("python-threads", params, points, ctx.topology,
                      f"speedup: time with 1 worker / time with k, same method and n; n={big[0]:,} "
                      "is measured with numba only (the interpreted loop would take seconds)")
