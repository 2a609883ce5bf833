"""The stages of :func:`hwviz.sim.simulator.warmup`: each compiles (or loads from numba's cache)
part of what Cache Lab and ``hwviz sim`` call, so that progress can be shown along the way.

The engine's entry point ``run`` calls the engine's other kernels; compiling it compiles every
one of them first, with the argument types its code passes (some literal). The first stages
compile those kernels with exactly those types, so that compiling ``run`` finds them ready and
the wait is cut into parts. A type listed here that ``run`` no longer passes only costs time:
``run`` then compiles what it needs itself. ``run`` has one signature for stepping with events
and for bulk runs (its flags are values, not types), and Cache Lab's traces have writable arrays
(:class:`~hwviz.sim.simulator.Simulator` copies read-only ones).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Callable

import numba
import numpy as np
from numba import typeof, types

from hwviz.sim import engine as E
from hwviz.sim.config import CacheLevel, Hierarchy, Prefetcher
from hwviz.sim.simulator import Simulator
from hwviz.sim.trace import _COMPILED_FROM, Trace

_A = types.int64[::1]
_I = types.int64
_L = typeof(E.Level(*[0] * len(E.Level._fields)))
_lit = types.literal


def _kernels(*signatures):
    """A stage compiling engine kernels: ``(name, argument types)`` pairs (nothing to do when
    numba's JIT is disabled and they are plain functions)."""
    def stage():
        if not numba.config.DISABLE_JIT:
            for name, sig in signatures:
                getattr(E, name).compile(sig)
    return stage


def _small_run(three_c=True) -> Simulator:
    h = Hierarchy(levels=(CacheLevel("L1", 256, 2), CacheLevel("L2", 1024, 4)),
                  memory_latency_ns=1.0, prefetch=Prefetcher("next-line"))
    sim = Simulator(h, Trace.of(np.arange(0, 4096, 8)), three_c=three_c)
    sim.step(4)
    return sim


def _locate() -> None:
    _small_run().locate(np.arange(4))


def _rehash() -> None:
    _small_run()._grow_hash()


def _check() -> None:
    # Trace.of makes a field read-only where it was given a whole array (some patterns do)
    n = _COMPILED_FROM
    for size, pc in ((8, 0), (np.full(n, 8), 0), (8, np.zeros(n)), (np.full(n, 8), np.zeros(n))):
        Trace.of(np.zeros(n, np.int64), size=size, pc=pc)


#: (what, stage) in order; ``what`` is shown while the stage runs
STAGES = (
    ("engine: set lookup and 3C shadow", _kernels(
        ("set_index", (_L, _I)), ("shadow_touch", (_A, _A, _I, _I, types.boolean)),
        ("shadow_touch", (_A, _A, _I, _I, _lit(True))),
        ("shadow_touch", (_A, _A, _lit(1), _I, _lit(True))), ("_choose", (_A, _L, _I, _I)),
        ("_drop", (_A, _L, _I, _I, _I)), ("_back_invalidate", (_A, _I, _I)))),
    ("engine: inclusive hierarchies", _kernels(
        ("_access", (_A, _A, _I, _I, _lit(False))), ("_access", (_A, _A, _I, _lit(0), _lit(True))))),
    ("engine: exclusive hierarchies", _kernels(
        ("_access_exclusive", (_A, _A, _I, _I, _lit(False))),
        ("_access_exclusive", (_A, _A, _I, _lit(0), _lit(True))))),
    ("engine: queued requests", _kernels(
        ("_drain", (_A, _A, _A, _A)), ("_served_all", (_A, _A, _A, _A, _I)))),
    ("engine: prefetchers", _kernels(
        ("_prefetch", (_A, _A, _A, _I)), ("_train_stride", (_A, _A, _A, _I, _I)),
        ("_train_stream", (_A, _A, _A, _I)))),
    ("engine: stepping with events and bulk runs", _small_run),
    ("engine: where lines live", _locate),
    ("engine: growing the 3C table", _rehash),
    ("traces: checking large traces", _check),
)


def run_stages(progress: Callable[[int, str], None] | None = None) -> None:
    """Run every stage here, calling ``progress(done, what)`` before each."""
    for i, (what, stage) in enumerate(STAGES):
        if progress is not None:
            progress(i, what)
        stage()


def compile_in_child(progress: Callable[[int, str], None]) -> bool:
    """Run the stages in a child Python process (which fills numba's cache), relaying its
    ``progress(done, what)``; return True if it succeeded."""
    root = str(Path(__file__).resolve().parents[2])   # the folder holding the hwviz package
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")])))
    try:
        proc = subprocess.Popen([sys.executable, "-m", __name__], stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, env=env)
    except OSError:
        return False
    with proc:
        for line in proc.stdout:
            done, _, what = line.rstrip("\n").partition("\t")
            if done.isdigit():
                progress(int(done), what)
    return proc.returncode == 0


def _report(done: int, what: str) -> None:
    # the child's progress, one line per stage, read by compile_in_child
    sys.stdout.write(f"{done}\t{what}\n")
    sys.stdout.flush()


if __name__ == "__main__":
    run_stages(_report)
