"""Per-level load hits and misses equal pycachesim's (an independent C simulator, test-only).

Loads only, through pycachesim's list input path: version 0.3.1's scalar call path is not used,
and pycachesim does not count store hits the way hwviz does (hwviz counts every demand request),
so stores are not compared.
"""

import numpy as np
import pytest

cachesim = pytest.importorskip("cachesim")

from hwviz.sim import CacheLevel, Hierarchy, Trace, simulate  # noqa: E402
from sim_helpers import pycachesim_hierarchy  # noqa: E402

CONFIGS = [
    # (sets, ways) per level
    ((64, 8), (1024, 16), (8192, 16)),
    ((16, 4), (128, 8)),
    ((1, 16), (32, 2), (256, 1)),   # fully associative L1, direct-mapped L3
    ((256, 1),),
]


def pycachesim_counts(levels, line, policy, addrs, length):
    cs, caches = pycachesim_hierarchy(levels, line, policy)
    cs.load(addrs, length=length)  # the list path; 0.3.1's scalar path is not used
    return [(c.stats()["HIT_count"], c.stats()["MISS_count"]) for c in caches]


@pytest.mark.parametrize("policy", ["LRU", "FIFO"])
@pytest.mark.parametrize("levels", CONFIGS)
@pytest.mark.parametrize("length", [8, 4])
def test_load_counts_equal_pycachesim(policy, levels, length):
    rng = np.random.default_rng(len(levels) * 10 + length)
    n = 60_000
    # a walk with reuse, a power-of-two stride and random jumps; unaligned so some loads straddle
    addrs = np.concatenate([
        np.arange(n // 3) * 4 % (1 << 16),
        np.arange(n // 3) * 4096 % (1 << 22) + 60,
        rng.integers(0, 1 << 20, n // 3),
    ])
    line = 64
    h = Hierarchy(tuple(CacheLevel(f"L{i + 1}", s * w * line, w, line=line, policy=policy.lower())
                        for i, (s, w) in enumerate(levels)))
    ours = simulate(h, Trace.of(addrs, size=length))
    theirs = pycachesim_counts(levels, line, policy, addrs.tolist(), length)
    assert [(l.hits, l.misses) for l in ours.levels] == theirs
