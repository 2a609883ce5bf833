"""Patterns over non-square shapes: every access lands in its matrix, the count is ``length()``,
and the order is the order of the loop text in ``hwviz/sim/loops.py`` (run as Python)."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hwviz.base.errors import ConfigError
from hwviz.sim.loops import loop_of
from hwviz.sim.patterns import LIMITS, MATMUL_ORDERS, MAX_ADDRESS, generate, length, make, matrices
from hwviz.sim.trace import Trace


class Recorder:
    """A matrix for the loop text: ``M[i][j]`` reads and ``M[i][j] = v`` writes are logged."""

    def __init__(self, name, log):
        self.name, self.log = name, log

    def __getitem__(self, i):
        return _Row(self.name, i, self.log)


class _Row:
    def __init__(self, name, i, log):
        self.name, self.i, self.log = name, i, log

    def __getitem__(self, j):
        self.log.append((self.name, self.i, j, 0))
        return 1

    def __setitem__(self, j, value):
        self.log.append((self.name, self.i, j, 1))


def run_loop_text(p):
    """The accesses the pattern's loop text makes when Python runs it."""
    log = []
    env = {m: Recorder(m, log) for m in "ABC"}
    env.update(s=0, r=0, rng=np.random.default_rng(p.seed))
    exec("\n".join(loop_of(p).lines), env)  # the loop text is ours, shown to students as is
    return log


def generated(p, chunk=29):
    """The pattern's accesses as (matrix, row, col, write), each checked to land in a matrix."""
    t = Trace.concat(generate(p, chunk=chunk))
    mats = matrices(p)
    out = []
    for a, w in zip(t.addr.tolist(), t.write.tolist()):
        cells = [(m.name, m.cell_of(a)) for m in mats if m.cell_of(a) is not None]
        assert len(cells) == 1, f"address {a} is in no matrix (or two)"
        (name, (r, c)), = cells
        out.append((name, r, c, w))
    assert len(out) == length(p)
    return out


def model_order(log):
    """The loop text run by Python evaluates ``C[i][j] += x * B[k][j]`` as load C, load B,
    store C; the compiled-loop model (patterns._matmul) loads the operand first. Swap those
    two loads so the text and the model compare access by access."""
    out = list(log)
    for k in range(len(out) - 2):
        first, second, store = out[k], out[k + 1], out[k + 2]
        if first[0] == "C" and first[3] == 0 and second[0] != "C" and store[:3] == first[:3] and store[3] == 1:
            out[k], out[k + 1] = second, first
    return out


shapes = st.tuples(st.integers(1, 7), st.integers(1, 7), st.integers(0, 3))


@settings(max_examples=40, deadline=None)
@given(shapes, st.sampled_from(["row-major", "column-major", "strided", "transpose"]),
       st.integers(1, 9), st.integers(1, 3), st.sampled_from([1, 4, 8]))
def test_simple_patterns_equal_their_loop_text(shape, name, stride, passes, elem):
    rows, cols, pad = shape
    p = make(name, rows=rows, cols=cols, ld=cols + pad if pad else 0, elem=elem, base=4096,
             stride=stride, passes=passes)
    assert generated(p) == run_loop_text(p)


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4), st.integers(1, 3), st.integers(0, 2))
def test_tiled_equals_its_loop_text_on_non_square_shapes(tr, tc, tile, pad):
    rows, cols = tr * tile, tc * tile
    p = make("tiled", rows=rows, cols=cols, tile=tile, ld=cols + pad if pad else 0)
    assert generated(p) == run_loop_text(p)


def test_tiled_tall_and_wide_cover_every_element_once():
    # a tile stride of rows // T instead of cols // T would revisit or skip tiles here
    for rows, cols in ((8, 24), (24, 8)):
        p = make("tiled", rows=rows, cols=cols, tile=4)
        cells = [(r, c) for _, r, c, _ in generated(p)]
        assert sorted(cells) == [(r, c) for r in range(rows) for c in range(cols)]


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(MATMUL_ORDERS), st.sampled_from([(4, 0), (4, 2), (6, 3), (3, 0), (6, 2)]),
       st.integers(0, 2))
def test_matmul_equals_its_loop_text(order, n_tile, pad):
    n, tile = n_tile
    p = make(f"matmul-{order}", rows=n, cols=n, tile=tile, ld=n + pad if pad else 0)
    assert generated(p) == model_order(run_loop_text(p))


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 9), st.integers(1, 9), st.integers(0, 50), st.integers(0, 5))
def test_random_equals_its_loop_text(rows, cols, count, seed):
    p = make("random", rows=rows, cols=cols, count=count, seed=seed, ld=cols + 1)
    got = generated(p, chunk=7)   # chunks draw from one generator, as the loop does
    assert len(got) == (count or rows * cols) and got == run_loop_text(p)


def test_big_matmul_chunks_stay_bounded():
    p = make("matmul-ijk", rows=512, cols=512)   # one inner slice was 512 x 512 x 2 accesses
    first = next(generate(p, chunk=1000))
    assert len(first) <= 2 * 1000


@pytest.mark.parametrize("key", sorted(LIMITS))
def test_every_parameter_has_a_range(key):
    lo, hi = LIMITS[key]
    kw = dict(rows=4, cols=4, tile=0)
    for bad in (lo - 1, hi + 1, 10 ** 21, True, 1.5):
        with pytest.raises(ConfigError, match=f"pattern {key} .*must be"):
            make("row-major", **{**kw, key: bad})


@settings(max_examples=80, deadline=None)
@given(st.integers(0, MAX_ADDRESS), st.integers(1, 1 << 20), st.integers(1, 1 << 20),
       st.integers(0, 1 << 20), st.integers(1, 4096), st.sampled_from(["transpose", "row-major"]))
def test_addresses_that_would_pass_2_62_are_out_of_range(base, rows, cols, pad, elem, name):
    try:
        p = make(name, rows=rows, cols=cols, ld=cols + pad, base=base, elem=elem)
    except ConfigError as e:
        assert "out of the range 0 to" in str(e)
        return
    last = max(m.base + m.rows * m.lead * m.elem for m in matrices(p))
    assert last <= MAX_ADDRESS


def test_matmul_needs_square_matrices():
    with pytest.raises(ConfigError, match="cols 3 must equal rows 4"):
        make("matmul-ijk", rows=4, cols=3)


@pytest.mark.parametrize("rows,cols,pad", [(2, 3, 1), (3, 2, 5), (4096, 1, 0)])
def test_the_last_byte_may_reach_2_62_and_not_one_more(rows, cols, pad):
    elem = 8
    a_bytes = rows * (cols + pad) * elem
    span = -(-a_bytes // 4096) * 4096 + cols * (rows + pad) * elem   # B = A.T follows A's page
    make("transpose", rows=rows, cols=cols, ld=cols + pad, elem=elem, base=MAX_ADDRESS - span)
    with pytest.raises(ConfigError, match="out of the range 0 to 4,611,686,018,427,387,904"):
        make("transpose", rows=rows, cols=cols, ld=cols + pad, elem=elem, base=MAX_ADDRESS - span + 1)
