"""The numba engine, and its own code run as plain Python (``pure``), equal the plain-Python twin
on every policy, prefetcher and inclusion mode."""

import itertools
import zlib

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from hwviz.sim import Simulator, Trace
from sim_helpers import (ENGINES, assert_equals_twin, engine_of, engine_result, naive_result, random_trace,
                         simulate, small_hierarchy)

POLICIES = ("lru", "fifo", "random", "plru")
PREFETCH = ("none", "next-line", "stride", "stream")
INCLUSION = ("nine", "inclusive", "exclusive")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("policy,prefetch,inclusion", list(itertools.product(POLICIES, PREFETCH, INCLUSION)))
def test_engine_equals_twin(policy, prefetch, inclusion, engine):
    h = small_hierarchy(levels=((4, 2), (8, 4), (16, 4)), policy=policy, prefetch=prefetch,
                        inclusion=inclusion, degree=2, seed=3)
    tr = random_trace(3000, 4096, seed=zlib.crc32(f"{policy}{prefetch}{inclusion}".encode()) % 1000)
    assert_equals_twin(h, tr, engine)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("write", [("through", "back"), ("back", "through"), ("through", "through")])
@pytest.mark.parametrize("inclusion", ["nine", "inclusive"])
def test_write_through_levels_equal_twin(write, inclusion, engine):
    h = small_hierarchy(write=write, inclusion=inclusion)
    tr = random_trace(2000, 2048, seed=7)
    assert_equals_twin(h, tr, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_hash_indexing_and_odd_set_counts_equal_twin(engine):
    h = small_hierarchy(levels=((3, 2), (12, 3), (48, 5)), index="hash")
    tr = random_trace(3000, 1 << 14, seed=11)
    assert_equals_twin(h, tr, engine)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("inclusion", INCLUSION)
def test_wide_sets_equal_twin(policy, inclusion, engine):
    # tag matching compares whole vectors of ways: sets narrower, as wide as and wider than one
    # (PLRU needs a power of two)
    levels = ((2, 8), (1, 32), (3, 16)) if policy == "plru" else ((2, 12), (1, 33), (3, 16), (2, 20))
    h = small_hierarchy(levels=levels, policy=policy, inclusion=inclusion, seed=5)
    tr = random_trace(3000, 1 << 13, seed=zlib.crc32(f"{policy}{inclusion}".encode()) % 1000)
    assert_equals_twin(h, tr, engine)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("ways", [1, 2])
def test_access_after_a_straddling_one_in_its_first_line_equals_twin(ways, engine):
    # the straddle's second line may have evicted its first; the write must dirty the right line
    h = small_hierarchy(levels=((1, ways), (2, 2)))
    tr = Trace.of(np.array([12, 0, 4, 28, 16, 20, 44, 32]), write=np.array([0, 1, 0, 1, 0, 1, 0, 1]),
                  size=np.array([8, 4, 4, 8, 4, 4, 8, 8]))
    assert_equals_twin(h, tr, engine)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("inclusion", INCLUSION)
def test_loading_ahead_changes_no_count(monkeypatch, inclusion, engine):
    import hwviz.sim.simulator as simulator

    monkeypatch.setattr(simulator, "_AHEAD_BYTES", 0)   # every level is loaded ahead
    h = small_hierarchy(levels=((4, 2), (8, 4), (16, 4)), prefetch="next-line", inclusion=inclusion)
    tr = random_trace(3000, 4096, seed=4)
    expected, _ = naive_result(h, tr, three_c=True)
    assert Simulator(h)._M[simulator.E.X_AHEAD] == 1
    assert engine_result(simulate(h, tr, three_c=True, engine=engine)) == expected


@pytest.mark.parametrize("engine", ENGINES)
def test_events_equal_twin(engine):
    h = small_hierarchy(prefetch="next-line", inclusion="inclusive")
    tr = random_trace(500, 2048, seed=5)
    _, events = naive_result(h, tr)
    ev = Simulator(h, tr, engine=engine_of(engine)).step(len(tr))
    got = list(zip(ev["line"].tolist(), ev["level"].tolist(), ev["evicted"].tolist(),
                   ev["prefetch_useful"].tolist(), ev["prefetch_issued"].tolist()))
    assert got == events


@settings(max_examples=60, deadline=None)
@pytest.mark.parametrize("engine", ENGINES)
@given(
    levels=st.lists(st.tuples(st.sampled_from([1, 2, 3, 4, 8]), st.sampled_from([1, 2, 4])),
                    min_size=1, max_size=3),
    line=st.sampled_from([8, 16, 64]),
    policy=st.sampled_from(POLICIES),
    write=st.sampled_from(["back", "through"]),
    index=st.sampled_from(["modulo", "hash"]),
    inclusion=st.sampled_from(INCLUSION),
    prefetch=st.sampled_from(PREFETCH),
    degree=st.integers(1, 3),
    seed=st.integers(0, 10_000),
    n=st.integers(1, 400),
)
def test_engine_equals_twin_generated(levels, line, policy, write, index, inclusion, prefetch,
                                      degree, seed, n, engine):
    if inclusion == "exclusive":
        write = "back"
    h = small_hierarchy(levels=tuple(levels), line=line, policy=policy, write=write, index=index,
                        inclusion=inclusion, prefetch=prefetch, degree=degree, distance=degree + 1,
                        seed=seed)
    tr = random_trace(n, 64 * line, seed=seed, max_size=line * 2)
    assert_equals_twin(h, tr, engine)


def test_three_c_off_leaves_classes_zero_and_counts_unchanged():
    h = small_hierarchy()
    tr = random_trace(2000, 4096, seed=2)
    on, off = engine_result(simulate(h, tr, three_c=True)), engine_result(simulate(h, tr))
    for a, b in zip(on["levels"], off["levels"]):
        assert b["compulsory"] == b["capacity"] == b["conflict"] == 0
        assert a["compulsory"] + a["capacity"] + a["conflict"] == a["misses"]
        assert {k: v for k, v in a.items() if k not in ("compulsory", "capacity", "conflict")} == \
               {k: v for k, v in b.items() if k not in ("compulsory", "capacity", "conflict")}


def test_fully_associative_lru_has_no_conflict_misses():
    h = small_hierarchy(levels=((1, 8),))
    tr = random_trace(3000, 4096, seed=9)
    s = simulate(h, tr, three_c=True).levels[0]
    assert s.conflict == 0 and s.capacity > 0 and s.compulsory > 0


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("inclusion", INCLUSION)
def test_three_c_table_growth_equals_twin(inclusion, engine):
    # more distinct lines than the 3C table first holds: it grows between queued requests
    h = small_hierarchy(levels=((4, 2), (16, 4)), prefetch="next-line", inclusion=inclusion)
    tr = random_trace(30_000, 1 << 24, seed=8)
    sim = Simulator(h, tr, three_c=True, engine=engine_of(engine))
    first = len(sim._H)
    got = engine_result(sim.run())
    assert len(sim._H) > first
    expected, _ = naive_result(h, tr, three_c=True)
    assert got == expected
