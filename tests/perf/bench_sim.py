"""Simulator throughput: hwviz against pycachesim on the same in-memory traces, same run.

    python tests/perf/bench_sim.py [--repeats 5]

Hierarchy: 3-level LRU, 32 KiB/8-way, 1 MiB/16-way, 32 MiB/16-way, 64 B lines, loads of 8 B.
Traces: row-major and column-major over a 2048 x 2048 float64 matrix, 4 M random accesses over
64 MiB. Both simulators get the trace already in memory (hwviz: numpy arrays; pycachesim: a
Python list, its fast path) and must agree on every level's hits and misses. Prints the median
of the repeats and the throughput ratio; the target is hwviz >= 2x pycachesim on each trace.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

from hwviz.sim import CacheLevel, Hierarchy, Trace, simulate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/, for the shared helper
from sim_helpers import pycachesim_hierarchy  # noqa: E402

LEVELS = ((32 << 10, 8), (1 << 20, 16), (32 << 20, 16))
LINE = 64


def traces():
    n = 2048
    t = np.arange(n * n, dtype=np.int64)
    rng = np.random.default_rng(0)
    return {
        "row-major 2048^2": t * 8,
        "column-major 2048^2": ((t % n) * n + t // n) * 8,
        "random 4M / 64MiB": rng.integers(0, (64 << 20) // 8, 4 << 20, dtype=np.int64) * 8,
    }


def pycachesim_run(addrs_list):
    sets_ways = [(size // (ways * LINE), ways) for size, ways in LEVELS]
    cs, caches = pycachesim_hierarchy(sets_ways, LINE, "LRU")
    t0 = time.perf_counter()
    cs.load(addrs_list, length=8)
    dt = time.perf_counter() - t0
    return dt, [(c.stats()["HIT_count"], c.stats()["MISS_count"]) for c in caches]


def hwviz_run(h, trace):
    t0 = time.perf_counter()
    s = simulate(h, trace)
    dt = time.perf_counter() - t0
    return dt, [(l.hits, l.misses) for l in s.levels]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeats", type=int, default=5)
    a = ap.parse_args()
    try:
        import cachesim  # noqa: F401
    except ImportError:
        print("pycachesim is not installed (pip install -e '.[test]'); nothing to compare against")
        return 1
    h = Hierarchy(tuple(CacheLevel(f"L{i + 1}", s, w, line=LINE) for i, (s, w) in enumerate(LEVELS)))
    simulate(h, Trace.of(np.arange(1000) * 8))  # compile (or load the numba cache) first
    ok = True
    print(f"{'trace':22} {'hwviz M/s':>10} {'pycachesim M/s':>15} {'ratio':>6}  counts")
    for name, addrs in traces().items():
        trace = Trace.of(addrs)
        as_list = addrs.tolist()
        ours, theirs = [], []
        for _ in range(a.repeats):
            dt, c_ours = hwviz_run(h, trace)
            ours.append(dt)
            dt, c_theirs = pycachesim_run(as_list)
            theirs.append(dt)
        same = c_ours == c_theirs
        ok &= same
        n = len(addrs)
        mo, mt = statistics.median(ours), statistics.median(theirs)
        print(f"{name:22} {n / mo / 1e6:10.1f} {n / mt / 1e6:15.1f} {mt / mo:6.2f}  "
              f"{'identical' if same else 'DIFFER: ' + str((c_ours, c_theirs))}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
