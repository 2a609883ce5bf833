"""Cache Lab's model without Qt: parameters, loops, cells, rewinding, time."""

import numpy as np
import pytest

from hwviz.base.errors import ConfigError
from hwviz.sim.lab import LabParams, LabRun, LabSession
from hwviz.sim.patterns import NAMES, generate, make, matrices
from hwviz.sim.presets import preset
from hwviz.sim.simulator import simulate
from hwviz.sim.trace import Trace


@pytest.mark.parametrize("name", NAMES)
def test_every_access_lands_on_a_matrix_cell_and_a_loop_line(name):
    p = LabParams(pattern=name, rows=8, cols=8, tile=4, stride=3).pattern_for(name)
    run = LabRun(p, preset("classroom"))
    cells = [run.cell_of(int(a)) for a in run.trace.addr]
    assert None not in cells
    for (k, r, c), a in zip(cells, run.trace.addr):
        m = run.matrices[k]
        assert m.addresses()[r, c] == a
    loop = run.loop
    for pc in np.unique(run.trace.pc):
        line = loop.lines[loop.line_of_pc[pc]]
        assert "[" in line and line.startswith(" ")  # an indented statement touching an array


def test_matmul_lines_name_the_operand_each_instruction_touches():
    p = make("matmul-ikj", rows=4, cols=4, tile=0)
    run = LabRun(p, preset("classroom"))
    for i in range(len(run.trace)):
        run_pc = int(run.trace.pc[i])
        text = run.loop.lines[run.loop.line_of_pc[run_pc]]
        operand = "ABCC"[run_pc]
        assert f"{operand}[" in text


def test_describe_uses_the_loop_index_names():
    s = LabSession(LabParams(pattern="transpose", rows=4, cols=8))
    s.advance(2)
    assert s.runs[0].current()[1] == "B[0][0]   j = 0, i = 0"
    s.advance(1)
    assert s.runs[0].current()[1] == "A[0][1]   i = 0, j = 1"


def test_seek_back_equals_a_fresh_run_and_time_matches_the_stats():
    s = LabSession(LabParams(pattern="random", rows=16, cols=16))
    s.advance(200)
    s.seek(120)
    fresh = LabSession(LabParams(pattern="random", rows=16, cols=16))
    fresh.advance(120)
    a, b = s.runs[0], fresh.runs[0]
    assert a.stats().to_dict() == b.stats().to_dict()
    assert np.array_equal(a.time_ns[:121], b.time_ns[:121])
    assert a.time_ns[120] == pytest.approx(a.stats().time_ns)
    bulk = simulate(a.hierarchy, Trace.concat(generate(a.pattern))[:120])
    assert a.time_ns[120] == pytest.approx(bulk.time_ns)


def test_cell_levels_match_locating_each_line():
    s = LabSession(LabParams(pattern="column-major", rows=16, cols=16))
    s.advance(100)
    run = s.runs[0]
    levels, pf = run.cell_levels()[0]
    snaps = run.sim.snapshot()
    m = run.matrices[0]
    lines = m.addresses() // 64
    for (r, c), ln in np.ndenumerate(lines):
        where = next((k for k, sn in enumerate(snaps) if (sn.lines == ln).any()), len(snaps))
        assert levels[r, c] == where


@pytest.mark.parametrize("name, text, message", [
    ("rows", "3", "rows 3 must be from 4 to 128"),
    ("rows", "ten", "rows 'ten' must be a whole number (from 4 to 128)"),
    ("elem", "3", "elem 3 B is not one of"),
    ("ld", "10", "ld 10 must be 0 (no padding) or from cols (32)"),
    ("race", "maybe", "race must be true or false"),
    ("preset", "cray", "preset 'cray' is unknown"),
    ("prefetch", "psychic", "prefetch 'psychic' is unknown"),
    ("color", "red", "unknown parameter 'color'"),
])
def test_bad_parameters_are_refused_with_a_sentence(name, text, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        LabParams().with_text(name, text)


def test_parameters_round_trip_as_text():
    p = LabParams(pattern="tiled", rows=16, tile=4, race=True, race_pattern="matmul-kij")
    q = LabParams()
    for name, text in p.as_text().items():
        q = q.with_text(name, text) if name != "tile" else q
    q = q.with_text("tile", "4").with_text("pattern", "tiled")
    assert q == p


def test_a_refused_change_keeps_the_session():
    s = LabSession()
    s.advance(10)
    runs = s.runs
    with pytest.raises(ConfigError):
        s.set_params(LabParams(pattern="tiled", tile=5))
    assert s.runs is runs and s.position == 10


def test_matrices_cover_the_generated_addresses():
    for name in NAMES:
        p = make(name, rows=8, cols=8, ld=10, tile=4 if name == "tiled" else 0)
        cells = np.concatenate([m.addresses().ravel() for m in matrices(p)])
        addrs = Trace.concat(generate(p)).addr
        assert np.isin(addrs, cells).all(), name


def race(first="row-major", second="column-major", **kw):
    return LabSession(LabParams(pattern=first, race=True, race_pattern=second, **kw))


def assert_counters_equal_bulk(run):
    bulk = simulate(run.hierarchy, run.trace[:run.pos], three_c=True)
    assert run.stats().to_dict() == bulk.to_dict()
    assert run.time_ns[run.pos] == pytest.approx(bulk.time_ns)


def test_the_faster_loop_finishes_first_and_waits():
    s = race()
    row, col = s.runs
    assert s.length == int(np.ceil(col.total_ns)) and row.total_ns < col.total_ns
    limit = s.frame_limit(compiled=True)
    frames = 0
    while not row.finished:  # the frames that take the row-major run to its end
        s.advance(limit)
        frames += 1
    assert row.pos == row.length and 0 < col.pos < col.length
    assert col.time_ns[col.pos] <= s.clock_ns < col.time_ns[col.pos + 1]  # each moved at its own speed
    assert_counters_equal_bulk(row)
    assert_counters_equal_bulk(col)
    s.advance(limit)  # the finished runner waits at the line
    assert row.pos == row.length and row.stats().to_dict() == simulate(row.hierarchy, row.trace, three_c=True).to_dict()
    while s.position < s.length:
        s.advance(limit)
    assert col.finished and frames > 1


def test_race_steps_visit_every_access_of_either_run_in_time_order():
    s = race(rows=4, cols=4)
    times = sorted(set(s.runs[0].time_ns[1:].tolist() + s.runs[1].time_ns[1:].tolist()))
    seen = []
    for _ in range(len(times)):
        s.step(1)
        seen.append(s.clock_ns)
    assert seen == times and all(r.finished for r in s.runs)
    s.step(1)
    assert s.clock_ns == times[-1]
    for t in reversed([0.0] + times[:-1]):
        s.step(-1)
        assert s.clock_ns == t
    assert [r.pos for r in s.runs] == [0, 0]


def test_seeking_the_race_clock_equals_a_fresh_run():
    s = race(rows=8, cols=8)
    s.seek(s.length // 2)
    s.seek(s.length // 3)
    fresh = race(rows=8, cols=8)
    fresh.advance(s.length // 3)
    for a, b in zip(s.runs, fresh.runs):
        assert a.pos == b.pos and a.stats().to_dict() == b.stats().to_dict()
        assert a.time_ns[a.pos] <= s.clock_ns


def test_a_frame_simulates_a_bounded_number_of_accesses():
    for compiled, most in ((True, 1 << 15), (False, 300)):
        s = race("column-major", "row-major", rows=64, cols=64)
        before = 0
        for _ in range(30):
            s.advance(s.frame_limit(compiled))
            now = sum(r.pos for r in s.runs)
            assert now - before <= most
            before = now
        assert now > 0
        alone = LabSession(LabParams(rows=64, cols=64))
        alone.advance(alone.frame_limit(compiled))
        assert alone.position == min(most, alone.length)


def test_speeds_suit_the_timeline_unit():
    assert LabSession().rate_range() == (1.0, 1e6, 10.0)
    s = race()
    lo, hi, default = s.rate_range()
    assert lo <= default <= hi and s.length / 50 <= default <= s.length / 20
    assert f"{default:g}"[0] in "125"


@pytest.mark.parametrize("start, name, text, expected", [
    (LabParams(), "race", "true", ("row-major", "column-major")),  # the default opponent differs
    (LabParams(pattern="column-major"), "race", "true", ("column-major", "row-major")),
    (LabParams(race=True), "pattern", "column-major", ("column-major", "row-major")),  # equal: swap
    (LabParams(race=True), "race_pattern", "row-major", ("column-major", "row-major")),
])
def test_a_race_always_has_two_different_patterns(start, name, text, expected):
    q = start.with_text(name, text)
    assert (q.pattern, q.race_pattern) == expected and q.race


def test_a_race_of_one_pattern_against_itself_is_refused():
    with pytest.raises(ConfigError, match="a race needs two patterns"):
        LabParams(race=True, race_pattern="row-major").validate()


@pytest.mark.parametrize("name, text", [("rows", "100000000000000000000"), ("stride", "-1"),
                                        ("tile", "1e3"), ("cols", "nan")])
def test_huge_or_odd_numbers_are_refused_with_their_range(name, text):
    with pytest.raises(ConfigError, match=rf"{name} .* must be .*(from|whole)"):
        LabParams().with_text(name, text)


def test_the_last_access_says_what_it_did():
    s = LabSession(LabParams(pattern="column-major", rows=16, cols=16))
    s.advance(1)
    (o,) = s.runs[0].outcome()
    assert (o.level, o.evicted) == (len(s.hierarchy.levels), None)  # a cold miss, to memory
    s.advance(s.runs[0].length - 1)
    evicting = [e for e in s.runs[0].events if e["evicted"] >= 0]
    assert evicting  # column-major over 16 x 16 doubles evicts from the 1 KiB L1
    s.seek(int(evicting[-1]["access"]) + 1)
    (o,) = s.runs[0].outcome()
    assert o.evicted == int(evicting[-1]["evicted"]) and o.evicted_element.startswith("A[")


def test_where_a_line_lives_names_its_set_and_tag():
    s = LabSession(LabParams(preset="textbook"))
    s.advance(10)
    run = s.runs[0]
    line = int(run.trace.addr[0]) // 64
    w = run.where(line)
    assert w["level"] == 0 and w["address"] == line * 64
    for (st, tag), lvl, snap in zip(w["sets"], s.hierarchy.levels, run.sim.snapshot()):
        if lvl.index == "modulo":
            assert (st, tag) == (line % lvl.sets, line // lvl.sets)
        assert line in snap.lines[st]  # the set the engine put it in


def test_an_oversized_level_is_refused_and_the_run_kept():
    from dataclasses import replace
    s = LabSession()
    s.advance(5)
    runs = s.runs
    h = s.hierarchy
    big = replace(h, levels=(h.levels[0], replace(h.levels[1], size=64 << 30)) + h.levels[2:])
    with pytest.raises(ConfigError, match="L2 size 64GiB is more than Cache Lab draws"):
        s.set_hierarchy(big)
    assert s.runs is runs and s.hierarchy is h and s.position == 5


def test_a_run_starts_on_the_pure_engine_and_moves_to_the_compiled_one(monkeypatch):
    from hwviz.sim import engine, lab, simulator

    monkeypatch.setattr(lab, "best_engine", simulator.pure_engine)  # a cold start: still compiling
    s = race(rows=8, cols=8)
    s.advance(s.length // 3)
    assert all(r.sim.engine is simulator.pure_engine() for r in s.runs)
    monkeypatch.setattr(lab, "best_engine", lambda: engine)  # the compile finished
    s.advance(s.length // 3)
    for r in s.runs:
        assert r.sim.engine is engine
        assert_counters_equal_bulk(r)  # the same results on either engine
