"""The engine's code run as plain Python: equal to the compiled engine, interchangeable in the
middle of a run, never calling numba; and warmup, after which nothing compiles."""

import subprocess
import sys
import textwrap

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from numba import njit

from hwviz.sim import Simulator, Trace
from hwviz.sim import engine as E
from hwviz.sim import intrinsics, simulator
from hwviz.sim.lab import LabParams, LabSession
from hwviz.sim.patterns import generate, make
from sim_helpers import engine_result, random_trace, small_hierarchy


def _snapshots(sim):
    return [(s.lines.tolist(), s.valid.tolist(), s.dirty.tolist(), s.prefetched.tolist(),
             s.recency.tolist()) for s in sim.snapshot()]


def _state(sim, lines):
    level, pf = sim.locate(lines)
    return engine_result(sim.stats()), _snapshots(sim), level.tolist(), pf.tolist(), sim._M.tolist()


@pytest.mark.parametrize("switch", ["compiled-pure", "pure-compiled", "pure"])
@pytest.mark.parametrize("preset,prefetch,pattern", [
    ("classroom", "none", "row-major"), ("classroom", "none", "column-major"),
    ("classroom", "next-line", "transpose"), ("classroom", "stride", "tiled"),
    ("classroom", "stream", "matmul-ijk"), ("textbook", "next-line", "column-major"),
])
def test_cache_lab_runs_equal_and_engines_switch_halfway(preset, prefetch, pattern, switch):
    h = LabParams(preset=preset, prefetch=prefetch).hierarchy()
    tr = Trace.concat(generate(make(pattern, rows=16, cols=16, tile=4)))
    lines = np.unique(tr.addr // h.line)
    pure = simulator.pure_engine()
    first, second = {"compiled-pure": (None, pure), "pure-compiled": (pure, None),
                     "pure": (pure, pure)}[switch]
    ref = Simulator(h, tr, three_c=True)
    sim = Simulator(h, tr, three_c=True, engine=first)
    for i, n in enumerate((1, 7, len(tr) // 2, 100, len(tr))):
        if i == 2:   # halfway
            sim.engine = second
        a, b = ref.step(n), sim.step(n)
        assert a.tolist() == b.tolist()
        assert _state(ref, lines) == _state(sim, lines)
    assert sim.finished


@pytest.mark.parametrize("inclusion", ["nine", "inclusive", "exclusive"])
@pytest.mark.parametrize("policy", ["lru", "fifo", "random", "plru"])
def test_state_arrays_equal_after_every_batch(policy, inclusion):
    h = small_hierarchy(levels=((4, 2), (8, 4), (2, 16)), policy=policy, inclusion=inclusion,
                        prefetch="next-line", seed=11)
    tr = random_trace(2000, 1 << 13, seed=3)
    ref = Simulator(h, tr, three_c=True)
    sim = Simulator(h, tr, three_c=True, engine=simulator.pure_engine())
    for n in (3, 250, 40, 1000, 2000):
        assert ref.step(n).tolist() == sim.step(n).tolist()
        assert (ref._M == sim._M).all() and (ref._H == sim._H).all()
    ref.run()
    sim.run()
    assert engine_result(ref.stats()) == engine_result(sim.stats()) and (ref._M == sim._M).all()


@njit(cache=False)
def _compiled_intrinsics(a, i, value, sh, ways, head, p, word, x):
    m = intrinsics.match_words(a, i, value, sh)
    intrinsics.to_front(a, i, ways, head, p, word)
    return m, intrinsics.lowest_bit(x)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.integers(-8, 8), min_size=intrinsics.LANES, max_size=intrinsics.LANES),
       value=st.integers(-2, 2), sh=st.integers(0, 3), ways=st.integers(1, intrinsics.LANES),
       data=st.data(), x=st.integers(1, (1 << 63) - 1))
def test_plain_intrinsics_equal_compiled(words, value, sh, ways, data, x):
    head = data.draw(st.integers(0, ways - 1))
    p = data.draw(st.integers(0, ways - 1))
    a = np.array(words, np.int64)
    b = a.copy()
    m, low = _compiled_intrinsics(a, 0, value, sh, ways, head, p, 99, x)
    plain = intrinsics.PLAIN
    assert plain["match_words"](b, 0, value, sh) == m
    plain["to_front"](b, 0, ways, head, p, 99)
    assert b.tolist() == a.tolist()
    assert plain["lowest_bit"](x) == low
    plain["touch_ahead"](b, 0)   # changes nothing
    assert b.tolist() == a.tolist()


def test_pure_engine_is_built_once_and_never_compiled():
    pure = simulator.pure_engine()
    assert simulator.pure_engine() is pure
    assert pure.run.__wrapped__.__globals__ is vars(pure) and pure._drain.__globals__ is vars(pure)
    drain = getattr(E._drain, "py_func", E._drain)   # a plain function with numba's JIT disabled
    assert pure.run is not E.run and pure._drain is not drain and pure._drain.__code__ is drain.__code__


_NO_COMPILE = """
import numpy as np
from numba.core.dispatcher import Dispatcher

def refuse(self, *args, **kws):
    raise AssertionError("a numba dispatcher was called")

Dispatcher._compile_for_args = refuse
"""


def _run_python(code):
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr


def test_cache_lab_runs_on_the_pure_engine_without_compiling():
    _run_python(_NO_COMPILE + """
from hwviz.sim import simulator
from hwviz.sim.lab import LabParams, LabSession

assert not simulator.compiled_ready() and simulator.best_engine() is simulator.pure_engine()
for params in (LabParams(), LabParams(race=True, prefetch="next-line")):
    lab = LabSession(params)
    for r in lab.runs:
        r.step(10)
        r.step(r.length)
        assert r.sim.engine is simulator.pure_engine()
        assert r.pos == r.length and r.stats().accesses == r.length
        assert r.stats().levels[0].misses > 0
        r.cell_levels()
        r.sim.snapshot()
print("ok")
""")


@pytest.mark.parametrize("child", ["no", "yes", "cannot start"])
def test_warmup_reports_each_stage_before_it_runs(monkeypatch, child):
    from hwviz.sim.warm_stages import STAGES

    if child == "cannot start":   # then this process compiles
        monkeypatch.setattr(sys, "executable", "/nonexistent/python")
    seen = []
    simulator.warmup(lambda done, total, what: seen.append((done, total, what)), child=child != "no")
    # a child's stages, then loading what it compiled
    n = len(STAGES) + (child == "yes")
    assert [s[:2] for s in seen] == [(i, n) for i in range(n)]
    assert [s[2] for s in seen[:len(STAGES)]] == [what for what, _ in STAGES]
    assert len(STAGES) >= 5 and simulator.compiled_ready() and simulator.best_engine() is E


def test_nothing_compiles_after_warmup(monkeypatch):
    simulator.warmup()

    def refuse(self, *args, **kws):
        raise AssertionError("compiled after warmup")

    monkeypatch.setattr("numba.core.dispatcher.Dispatcher._compile_for_args", refuse)
    lab = LabSession(LabParams(race=True, prefetch="stream"))
    for r in lab.runs:
        r.step(r.length)
        assert r.sim.engine is E
    lab.runs[0].cell_levels()
    lab.runs[0].sim.snapshot()
    big = Simulator(LabParams().hierarchy(), random_trace(70_000, 1 << 24, seed=1), three_c=True)
    big.run()
    assert len(big._H) > 2 << 16   # the 3C table grew
