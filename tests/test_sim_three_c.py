"""3C classification: the shadow fills only when its level does, and replaces as its level does,
so a fully associative level never has a conflict miss."""

import json

import pytest
from hypothesis import given, settings, strategies as st

from hwviz.cli import main
from hwviz.sim import Trace
from sim_helpers import ENGINES, assert_equals_twin, random_trace, simulate, small_hierarchy

POLICIES = ("lru", "fifo", "random", "plru")


@pytest.mark.parametrize("engine", ENGINES)
def test_a_write_miss_that_does_not_allocate_does_not_enter_the_shadow(engine):
    # one set of two ways, write-through: the second write misses again, and the shadow, which
    # took nothing in either, would have missed too: a capacity miss, not a conflict miss
    h = small_hierarchy(levels=((1, 2),), write="through")
    tr = Trace.of([0, 0], write=[1, 1])
    level = simulate(h, tr, three_c=True, engine=engine).levels[0]
    assert (level.misses, level.compulsory, level.capacity, level.conflict) == (2, 1, 1, 0)
    assert_equals_twin(h, tr, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_read_after_a_write_miss_is_a_capacity_miss_for_the_line_was_seen_not_held(engine):
    h = small_hierarchy(levels=((1, 2), (2, 2)), write=("through", "back"))
    tr = Trace.of([0, 0, 0], write=[1, 0, 0])
    level = simulate(h, tr, three_c=True, engine=engine).levels[0]
    # the write misses (compulsory); the read misses (capacity: seen, never held) and fills
    assert (level.misses, level.compulsory, level.capacity, level.conflict, level.hits) == (2, 1, 1, 0, 1)


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("engine", ENGINES)
def test_a_read_right_after_a_write_hit_at_a_write_through_level_enters_the_shadow(policy, engine):
    # Two sets of one way, write-through; lines A = 0 (set 0), B = 1 and C = 3 (set 1). A fully
    # associative cache of two lines that does not allocate on a write: A B C leave {B, C}; the
    # write to A misses there and takes nothing; the read of A that follows takes A in place of B
    # (LRU, FIFO and PLRU; random as its seeded draw falls); so the last B misses there too: a
    # capacity miss. (The read of A repeats the write's line, so it is counted in bulk; that
    # count must still show it to the shadow.)
    h = small_hierarchy(levels=((2, 1),), write="through", policy=policy)
    tr = Trace.of([0, 16, 48, 0, 0, 16], write=[0, 0, 0, 1, 0, 0])
    level = simulate(h, tr, three_c=True, engine=engine).levels[0]
    assert (level.misses, level.compulsory, level.capacity, level.conflict) == (4, 3, 1, 0)
    assert_equals_twin(h, tr, engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_random_replacement_at_a_write_through_level_splits_misses_as_the_twin(engine):
    # where the twin test first saw it: the shadow's own random draws followed the missed fills
    h = small_hierarchy(levels=((4, 1),), line=64, policy="random", write="through", seed=255)
    tr = random_trace(395, 64 * 64, seed=255, max_size=128)
    level = simulate(h, tr, three_c=True, engine=engine).levels[0]
    assert (level.misses, level.capacity, level.conflict) == (572, 478, 28)
    assert_equals_twin(h, tr, engine)


@settings(max_examples=40, deadline=None)
@given(policy=st.sampled_from(POLICIES), ways=st.sampled_from([1, 2, 4, 8, 16]),
       below=st.sampled_from([2, 4, 8, 32]), write=st.sampled_from(["back", "through"]),
       prefetch=st.sampled_from(["none", "next-line"]), seed=st.integers(0, 1000),
       engine=st.sampled_from(ENGINES))
def test_fully_associative_levels_have_no_conflict_misses(policy, ways, below, write, prefetch,
                                                          seed, engine):
    h = small_hierarchy(levels=((1, ways), (1, below)), policy=policy, write=(write, "back"),
                        prefetch=prefetch, seed=seed)
    tr = random_trace(1500, 64 * 16 * 4, seed=seed)
    stats = simulate(h, tr, three_c=True, engine=engine)
    for level in stats.levels:
        assert level.conflict == 0 and level.compulsory + level.capacity == level.misses
    assert stats.levels[0].capacity > 0


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("engine", ENGINES)
def test_set_associative_shadows_replace_as_their_levels_do_and_equal_twin(policy, engine):
    # 3 x 4 = 12 lines: a PLRU shadow's tree has 16 leaves, 4 of them past the last slot
    h = small_hierarchy(levels=((3, 4), (4, 8)), policy=policy, write=("through", "back"), seed=9)
    assert_equals_twin(h, random_trace(3000, 1 << 13, seed=4), engine)


@pytest.mark.parametrize("policy", POLICIES)
def test_hwviz_sim_finds_no_conflict_misses_in_fully_associative_levels(policy, tmp_path, capsys):
    cfg = tmp_path / f"{policy}.toml"
    cfg.write_text("seed = 7\n"
                   f"[[level]]\nname = 'L1'\nsize = '1KiB'\nways = 16\npolicy = '{policy}'\n"
                   f"[[level]]\nname = 'L2'\nsize = '4KiB'\nways = 64\npolicy = '{policy}'\n"
                   "[memory]\nlatency_ns = 50.0\n")
    assert main(["sim", "--config", str(cfg), "--pattern", "random", "--rows", "32", "--cols", "32",
                 "--count", "4000", "--3c", "--json"]) == 0
    levels = json.loads(capsys.readouterr().out)["levels"]
    for level in levels:
        # 128 lines over 16 and 64: random reuse is mostly capacity misses, none conflict
        assert level["compulsory"] == 128 and level["capacity"] > 1000 and level["conflict"] == 0
