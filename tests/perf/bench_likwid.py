"""Live kernels against likwid-bench (Debian package ``likwid``), measured in the same run.

    python tests/perf/bench_likwid.py

1. Single-thread streaming read over 1 GB (10^9 bytes): hwviz's ``strided_sum`` at stride 1 vs
   ``likwid-bench -t load_avx512 -w S0:1GB:1``.
2. Triad on all usable CPUs over 1 GB in all (three arrays): hwviz's ``stream_triad`` vs
   ``likwid-bench -t stream_avx512 -w S0:1GB:N``.
Both count bytes the same way (8 per element loaded or stored, no write-allocate traffic).
Target: hwviz / likwid >= 0.9 on both. Exits 1 if likwid-bench is missing or fails.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import numpy as np

from hwviz.measure import kernels as K
from hwviz.measure.harness import measure, set_threads

GB = 10**9


def likwid(test: str, threads: int) -> float:
    """likwid-bench's MByte/s for ``test`` over 1 GB with ``threads`` threads, in GB/s."""
    out = subprocess.run(["likwid-bench", "-t", test, "-w", f"S0:1GB:{threads}"],
                         capture_output=True, text=True, timeout=300)
    m = re.search(r"MByte/s:\s+([\d.]+)", out.stdout)
    if out.returncode != 0 or not m:
        raise RuntimeError(f"likwid-bench -t {test} failed: {(out.stderr or out.stdout).strip()[-300:]}")
    return float(m.group(1)) / 1000


def main() -> int:
    if shutil.which("likwid-bench") is None:
        print("likwid-bench is not installed (Debian: apt-get install likwid); nothing to compare against")
        return 1
    ncpu = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    a = np.ones(GB // 8)
    set_threads(1)
    t = measure(lambda: K.strided_sum(a, 1, 1), min_time=2.0)
    ours_read = GB / t.seconds_min / 1e9
    del a
    n = GB // 24
    x, y, z = np.empty(n), np.empty(n), np.empty(n)
    set_threads(ncpu)
    for arr, v in ((x, 1.0), (y, 2.0), (z, 0.5)):
        K.first_touch(arr, v)
    t = measure(lambda: K.stream_triad(x, y, z, 3.0), min_time=2.0)
    ours_triad = 24 * n / t.seconds_min / 1e9
    try:
        theirs_read = likwid("load_avx512", 1)
        theirs_triad = likwid("stream_avx512", ncpu)
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        print(e)
        return 1
    print(f"{'test':34} {'hwviz GB/s':>10} {'likwid GB/s':>11} {'ratio':>6}")
    print(f"{'read, 1 thread, 1 GB':34} {ours_read:10.2f} {theirs_read:11.2f} {ours_read / theirs_read:6.2f}")
    print(f"{f'triad, {ncpu} threads, 1 GB':34} {ours_triad:10.2f} {theirs_triad:11.2f} {ours_triad / theirs_triad:6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
