"""A team of Python threads, each pinned to one logical CPU, that run nogil kernels at once.

Pinning uses ``os.sched_setaffinity`` inside the team's own threads (on Linux it sets the
calling thread's CPUs), so the thread that builds the team, a GUI or worker thread, keeps its
CPUs. Where the call does not exist the threads run where the OS places them and ``cpus`` is
None.
"""

from __future__ import annotations

import os
import queue
import threading
from typing import Callable, Iterable

from hwviz.base.errors import ConfigError

CAN_PIN = hasattr(os, "sched_setaffinity")


def placement(smt_siblings: Iterable[Iterable[int]], logical_cpus: Iterable[int]) -> list[int]:
    """The usable logical CPUs in the order threads take them: one on each distinct core first,
    then the cores' SMT siblings, then any CPU the core list does not mention."""
    usable = list(logical_cpus)
    cores = [[c for c in s if c in usable] for s in smt_siblings]
    cores = [s for s in cores if s]
    order = [s[0] for s in cores] + [c for s in cores for c in s[1:]]
    return order + [c for c in usable if c not in order]


def team_cpus(order: list[int], k: int) -> list[int]:
    """The CPUs of a team of ``k`` threads: the first ``k`` of ``order`` (round again past its end)."""
    return [order[i % len(order)] for i in range(k)]


def split(n: int, k: int) -> list[slice]:
    """``range(n)`` cut into ``k`` contiguous shares as equal as can be, one per thread."""
    return [slice(t * n // k, (t + 1) * n // k) for t in range(k)]


class Team:
    """``len(cpus)`` worker threads, thread ``i`` pinned to ``cpus[i]`` when pinning is possible.

    :meth:`run` hands thread ``i`` the ``i``-th function and waits until all have returned.
    ``pin`` None: pin where this system can (:data:`CAN_PIN`). Use as a context manager;
    :meth:`close` ends the threads."""

    def __init__(self, cpus: list[int], pin: bool | None = None):
        if not cpus:
            raise ConfigError("a thread team needs at least one CPU")
        self.cpus: list[int] | None = list(cpus) if (CAN_PIN if pin is None else pin) else None
        self._jobs = [queue.SimpleQueue() for _ in cpus]
        self._done: queue.SimpleQueue = queue.SimpleQueue()
        self._threads = [threading.Thread(target=self._serve, args=(jobs, cpu), daemon=True,
                                          name=f"hwviz-team-{k}")
                         for k, (jobs, cpu) in enumerate(zip(self._jobs, cpus))]
        for t in self._threads:
            t.start()
        errors = [e for e in (self._done.get() for _ in self._threads) if e is not None]
        if errors:
            self.close()
            raise ConfigError(f"cannot pin a thread to a CPU: {errors[0]}")

    @property
    def size(self) -> int:
        """How many threads the team has."""
        return len(self._threads)

    def _serve(self, jobs: queue.SimpleQueue, cpu: int) -> None:
        try:
            if self.cpus is not None:
                os.sched_setaffinity(0, {cpu})   # 0: this thread, not the process
        except OSError as e:
            self._done.put(e)
            return
        self._done.put(None)
        while (fn := jobs.get()) is not None:
            try:
                fn()
                self._done.put(None)
            except BaseException as e:   # handed to run(), which raises it in the caller
                self._done.put(e)

    def run(self, work: list[Callable[[], object]]) -> None:
        """Run ``work[i]`` on thread ``i``, all at once; re-raise the first error any raised."""
        if len(work) != self.size:
            raise ValueError(f"{len(work)} functions for a team of {self.size} threads")
        for jobs, fn in zip(self._jobs, work):
            jobs.put(fn)
        errors = [e for e in (self._done.get() for _ in work) if e is not None]
        if errors:
            raise errors[0]

    def close(self) -> None:
        """End the threads (they finish the function they are running first)."""
        for jobs in self._jobs:
            jobs.put(None)
        for t in self._threads:
            if t.is_alive():
                t.join()

    def __enter__(self) -> Team:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
