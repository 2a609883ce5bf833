"""Shared builders for the simulator tests."""

import numba
import numpy as np

from hwviz.sim import CacheLevel, Hierarchy, Prefetcher, Simulator, Trace
from hwviz.sim.simulator import pure_engine
from naive_sim import NaiveSim

#: the engines the twin suites run: the compiled one and its code as plain Python (with numba's
#: JIT disabled both are plain Python: the suites run once)
ENGINES = ("compiled",) if numba.config.DISABLE_JIT else ("compiled", "pure")


def engine_of(name):
    """The ``Simulator(engine=...)`` value of an :data:`ENGINES` name."""
    return pure_engine() if name == "pure" else None


def simulate(h, trace, three_c=False, engine="compiled"):
    """``hwviz.sim.simulate`` on the engine called ``engine``."""
    return Simulator(h, trace, three_c=three_c, engine=engine_of(engine)).run()


def small_hierarchy(levels=((4, 2), (8, 4)), line=16, policy="lru", write="back", index="modulo",
                    inclusion="nine", prefetch="none", degree=1, distance=4, table=4, seed=0):
    """A hierarchy of (sets, ways) levels, small enough for exhaustive behaviour in tests."""
    lv = tuple(
        CacheLevel(f"L{i + 1}", sets * ways * line, ways, line=line,
                   policy=policy[i] if isinstance(policy, tuple) else policy,
                   write=write[i] if isinstance(write, tuple) else write,
                   latency_ns=float(i + 1), index=index)
        for i, (sets, ways) in enumerate(levels))
    return Hierarchy(lv, memory_latency_ns=50.0, inclusion=inclusion,
                     prefetch=Prefetcher(prefetch, degree=degree, distance=distance, table=table),
                     seed=seed).validate()


def random_trace(n, span, seed, writes=True, max_size=8, pcs=3):
    rng = np.random.default_rng(seed)
    # mix of a sequential walk, a strided walk and random jumps so prefetchers have work
    kind = rng.integers(0, 3, n)
    seq = np.arange(n) * 4
    strided = np.arange(n) * 48
    rnd = rng.integers(0, span, n)
    addr = np.where(kind == 0, seq, np.where(kind == 1, strided, rnd)) % span
    size = rng.integers(1, max_size + 1, n)
    write = rng.integers(0, 2, n) if writes else np.zeros(n, int)
    return Trace.of(addr, write=write, size=size, pc=kind % max(pcs, 1))


def naive_result(h, trace, three_c=False):
    sim = NaiveSim(h, three_c=three_c)
    events = sim.run(trace.addr.tolist(), trace.write.tolist(), trace.size.tolist(), trace.pc.tolist())
    return sim.result(), events


def assert_equals_twin(h, trace, engine="compiled"):
    """The engine's counts equal the twin's, with 3C on and (classes zero) with 3C off: the
    engine runs each through its own loops."""
    expected, _ = naive_result(h, trace, three_c=True)
    assert engine_result(simulate(h, trace, three_c=True, engine=engine)) == expected
    for level in expected["levels"]:
        level.update(compulsory=0, capacity=0, conflict=0)
    assert engine_result(simulate(h, trace, engine=engine)) == expected


def engine_result(stats):
    return {
        "levels": [dict(accesses=s.accesses, hits=s.hits, misses=s.misses, evictions=s.evictions,
                        writebacks=s.writebacks, compulsory=s.compulsory, capacity=s.capacity,
                        conflict=s.conflict, prefetch_issued=s.prefetch_issued,
                        prefetch_useful=s.prefetch_useful, prefetch_unused=s.prefetch_unused,
                        set_accesses=s.set_accesses.tolist(), set_misses=s.set_misses.tolist())
                   for s in stats.levels],
        "memory": (stats.memory_reads, stats.memory_writes),
        "served": [s.served for s in stats.levels] + [stats.memory_served],
    }


def pycachesim_hierarchy(levels, line, policy="LRU"):
    """A pycachesim CacheSimulator of (sets, ways) levels, L1 first; returns (simulator, caches)."""
    import cachesim

    mem = cachesim.MainMemory()
    below, caches = None, []
    for i, (sets, ways) in reversed(list(enumerate(levels))):
        kw = {"load_from": below, "store_to": below} if below else {}
        c = cachesim.Cache(f"L{i + 1}", sets, ways, line, policy, **kw)
        if below is None:
            mem.load_to(c)
            mem.store_from(c)
        below = c
        caches.insert(0, c)
    return cachesim.CacheSimulator(caches[0], mem), caches
