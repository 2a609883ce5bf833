"""Stepping in any batch sizes gives exactly the bulk result; snapshots show the contents."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from hwviz.sim import ConfigError, Simulator, Trace, simulate
from hwviz.sim.patterns import generate, make
from sim_helpers import engine_result, random_trace, small_hierarchy


@settings(max_examples=25, deadline=None)
@given(batches=st.lists(st.integers(1, 300), min_size=1, max_size=20),
       prefetch=st.sampled_from(["none", "next-line", "stride", "stream"]),
       inclusion=st.sampled_from(["nine", "inclusive", "exclusive"]),
       three_c=st.booleans())
def test_any_batch_sizes_equal_bulk(batches, prefetch, inclusion, three_c):
    h = small_hierarchy(prefetch=prefetch, inclusion=inclusion)
    tr = random_trace(1500, 4096, seed=len(batches))
    sim = Simulator(h, tr, three_c=three_c)
    events = []
    for b in batches:
        events.append(sim.step(b))
    sim.run()
    bulk = simulate(h, tr, three_c=three_c)
    assert engine_result(sim.stats()) == engine_result(bulk)
    ev = np.concatenate(events)
    stepped = min(sum(batches), len(tr))
    assert len(np.unique(ev["access"])) == stepped
    assert sim.accesses == len(tr) and sim.finished


def test_chunked_source_equals_one_trace():
    h = small_hierarchy()
    tr = random_trace(5000, 8192, seed=1)
    chunks = [tr[i:i + 333] for i in range(0, len(tr), 333)]
    assert engine_result(simulate(h, chunks, three_c=True)) == engine_result(simulate(h, tr, three_c=True))


@pytest.mark.parametrize("batches", [[5000], [1, 332, 1, 700, 5000], [333] * 16])
def test_events_of_a_chunked_source_number_accesses_within_the_whole_trace(batches):
    h = small_hierarchy(prefetch="next-line")
    tr = random_trace(5000, 8192, seed=1)
    chunks = [tr[i:i + 333] for i in range(0, len(tr), 333)]
    whole, chunked = Simulator(h, tr), Simulator(h, chunks)
    for b in batches:
        assert chunked.step(b).tolist() == whole.step(b).tolist()
    ev = Simulator(h, chunks).step(len(tr))
    assert ev["access"][0] == 0 and ev["access"][-1] == len(tr) - 1
    assert (np.diff(ev["access"]) >= 0).all() and len(np.unique(ev["access"])) == len(tr)


def test_events_fields_follow_the_model():
    h = small_hierarchy(levels=((4, 2),), line=16)
    # lines 0,1 then 0 again (hit), then 4 and 8 map to set 0 and evict line 0 (LRU)
    tr = Trace.of([0, 16, 0, 64, 128], size=4, write=[0, 0, 1, 0, 0])
    ev = Simulator(h, tr).step(5)
    assert ev["line"].tolist() == [0, 1, 0, 4, 8]
    assert ev["level"].tolist() == [1, 1, 0, 1, 1]     # 1 = memory in a one-level hierarchy
    assert ev["set"].tolist() == [0, 1, 0, 0, 0]
    assert ev["evicted"].tolist() == [-1, -1, -1, -1, 0]
    assert ev["write"].tolist() == [False, False, True, False, False]


def test_snapshot_shows_lines_dirty_and_recency():
    h = small_hierarchy(levels=((4, 2),), line=16)
    sim = Simulator(h, Trace.of([0, 64, 16], size=4, write=[1, 0, 0]))
    sim.step(3)
    snap = sim.snapshot()[0]
    assert snap.lines.shape == (4, 2)
    assert sorted(snap.lines[0].tolist()) == [0, 4] and snap.lines[1].tolist() == [1, -1]
    way0 = snap.lines[0].tolist().index(0)
    assert snap.dirty[0, way0] and not snap.dirty[0, 1 - way0]
    assert snap.recency[0, 1 - way0] > snap.recency[0, way0]   # line 4 used after line 0
    assert snap.tags[1, 0] == 0 and snap.tags[1, 1] == -1


@pytest.mark.parametrize("policy", ["lru", "fifo", "plru"])
def test_a_line_keeps_its_way_while_the_order_changes(policy):
    # one set of 4 ways: fill it, use the lines in another order, then evict one
    h = small_hierarchy(levels=((1, 4),), line=16, policy=policy)
    lines = [0, 1, 2, 3, 2, 0, 3, 1, 0, 5, 2]
    ev = Simulator(h, Trace.of(np.array(lines) * 16)).step(len(lines))
    way_of = {}
    for ln, way in zip(ev["line"].tolist()[:9], ev["way"].tolist()[:9]):
        assert way_of.setdefault(ln, way) == way
    assert sorted(way_of.values()) == [0, 1, 2, 3]   # filled way 0 first, then 1, 2, 3
    evicted = ev["evicted"][9]
    assert ev["way"][9] == way_of[evicted]           # line 5 takes the victim's way
    snap = Simulator(h, Trace.of(np.array(lines) * 16))
    snap.run()
    got = snap.snapshot_level(0).lines[0]
    assert got[ev["way"][10]] == 2 and got[ev["way"][9]] == 5


def test_addresses_beyond_the_word_range_are_refused():
    h = small_hierarchy(levels=((4, 16),), line=8)   # 16 ways: line numbers below 2^57
    with pytest.raises(ConfigError, match="access 1: address 1152921504606846976 is beyond"):
        simulate(h, Trace.of([0, 1 << 60]))
    simulate(h, Trace.of([(1 << 60) - 8]))


@pytest.mark.parametrize("fields,msg", [
    ({"addr": [0, 64, -8]}, "access 2: address -8 is negative"),
    ({"addr": [0, 64], "size": [8, 0]}, r"access 1: size 0 B is outside 1\.\.4096 B"),
    ({"addr": [0, 64], "size": [8, 4097]}, "access 1: size 4097 B is outside"),
    ({"addr": [0, 64], "pc": [0, -1]}, "program counters must not be negative"),
])
def test_bad_accesses_are_refused_naming_the_access(fields, msg):
    with pytest.raises(ConfigError, match=msg):
        Trace.of(**fields)
    # a chunk built without Trace.of is checked when the simulator takes it
    n = len(fields["addr"])
    raw = Trace(*(np.asarray(np.broadcast_to(fields.get(f, d), n), t) for f, d, t in (
        ("addr", 0, np.int64), ("write", 0, np.uint8), ("size", 8, np.int64), ("pc", 0, np.int64))))
    with pytest.raises(ConfigError, match=msg):
        simulate(small_hierarchy(), raw)


def test_huge_pattern_runs_in_bounded_chunks():
    p = make("row-major", rows=16384, cols=16384)
    gen = generate(p)
    first = next(gen)
    assert len(first) <= 1 << 20
    assert first.addr.nbytes <= 8 << 20


def test_bad_trace_chunk_type_is_rejected():
    with pytest.raises(TypeError):
        simulate(small_hierarchy(), [np.arange(4)])


def test_a_hierarchy_larger_than_memory_allows_is_refused_before_allocating(monkeypatch):
    import re

    import hwviz.base.memory as memory
    from hwviz.sim import CacheLevel, Hierarchy

    def about(text):
        """Bytes of an approximate size such as ``10.3 MiB``."""
        number, unit = re.fullmatch(r"([\d.]+) ?([KMGT]?i?B)", text).groups()
        return float(number) * 1024 ** "BKMGT".index(unit[0])

    def refusal(h, three_c=False):
        """(estimate, limit) in bytes, as the message names them."""
        with pytest.raises(ConfigError, match="the cache arrays of hierarchy 'custom' would need") as e:
            Simulator(h, three_c=three_c)
        need, limit = re.search(r"need (.+?), more than the limit of (.+?) \(", str(e.value)).groups()
        return about(need), about(limit)

    monkeypatch.setattr(memory, "available_bytes", lambda: 4 << 30)
    huge = Hierarchy(levels=(CacheLevel("L1", 32 << 10, 8), CacheLevel("L2", 64 << 30, 16)),
                     memory_latency_ns=100.0)
    # 2^30 lines of 8 B (8 GiB), and 2^26 sets of four 8 B counters (2 GiB)
    need, limit = refusal(huge)
    assert limit == 2 << 30 and abs(need - (10 << 30)) < (10 << 30) // 100
    # the 3C shadow's arrays are counted: three more words a line
    monkeypatch.setattr(memory, "available_bytes", lambda: 2 << 20)
    big = Hierarchy(levels=(CacheLevel("L1", 64 << 20, 16),), memory_latency_ns=100.0)
    plain, shadow = refusal(big)[0], refusal(big, three_c=True)[0]
    assert plain >= 8 << 20 and shadow - plain >= 3 * (8 << 20) * 99 // 100
