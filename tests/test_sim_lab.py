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
    s.step(2)
    assert s.runs[0].current()[1] == "B[0][0]   j = 0, i = 0"
    s.step(1)
    assert s.runs[0].current()[1] == "A[0][1]   i = 0, j = 1"


def test_seek_back_equals_a_fresh_run_and_time_matches_the_stats():
    s = LabSession(LabParams(pattern="random", rows=16, cols=16))
    s.step(200)
    s.seek(120)
    fresh = LabSession(LabParams(pattern="random", rows=16, cols=16))
    fresh.step(120)
    a, b = s.runs[0], fresh.runs[0]
    assert a.stats().to_dict() == b.stats().to_dict()
    assert np.array_equal(a.time_ns[:121], b.time_ns[:121])
    assert a.time_ns[120] == pytest.approx(a.stats().time_ns)
    bulk = simulate(a.hierarchy, Trace.concat(generate(a.pattern))[:120])
    assert a.time_ns[120] == pytest.approx(bulk.time_ns)


def test_cell_levels_match_locating_each_line():
    s = LabSession(LabParams(pattern="column-major", rows=16, cols=16))
    s.step(100)
    run = s.runs[0]
    levels, pf = run.cell_levels()[0]
    snaps = run.sim.snapshot()
    m = run.matrices[0]
    lines = m.addresses() // 64
    for (r, c), ln in np.ndenumerate(lines):
        where = next((k for k, sn in enumerate(snaps) if (sn.lines == ln).any()), len(snaps))
        assert levels[r, c] == where


@pytest.mark.parametrize("name, text, message", [
    ("rows", "3", "rows 3 is outside 4..128"),
    ("rows", "ten", "rows must be a whole number, not 'ten'"),
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
    s.step(10)
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
