"""Patterns equal the plain loops they stand for."""

import numpy as np
import pytest

from hwviz.sim import ConfigError, Trace
from hwviz.sim.patterns import MATMUL_ORDERS, NAMES, generate, length, make


def addrs(p, chunk=37):
    return Trace.concat(generate(p, chunk=chunk))


def test_row_col_tiled_strided_equal_loops():
    R, C, E, LD, B = 6, 5, 4, 7, 1000
    kw = dict(rows=R, cols=C, elem=E, ld=LD, base=B)
    at = lambda i, j: B + (i * LD + j) * E  # noqa: E731
    assert addrs(make("row-major", **kw)).addr.tolist() == [at(i, j) for i in range(R) for j in range(C)]
    assert addrs(make("column-major", **kw)).addr.tolist() == [at(i, j) for j in range(C) for i in range(R)]
    t = addrs(make("tiled", rows=4, cols=4, tile=2, elem=E, base=B, ld=LD)).addr.tolist()
    loop = [at(ti + i, tj + j) for ti in (0, 2) for tj in (0, 2) for i in range(2) for j in range(2)]
    assert t == loop
    s = addrs(make("strided", rows=2, cols=5, stride=3, passes=2, elem=E)).addr.tolist()
    assert s == [E * k for k in (0, 3, 6, 9)] * 2


def test_transpose_reads_a_and_writes_b():
    t = addrs(make("transpose", rows=2, cols=3, elem=8))
    assert t.write.tolist() == [0, 1] * 6
    reads, writes = t.addr[0::2], t.addr[1::2]
    assert reads.tolist() == [8 * k for k in range(6)]
    b = writes.min()
    assert b >= 2 * 3 * 8 and b % 4096 == 0
    assert (writes - b).tolist() == [8 * (j * 2 + i) for i in range(2) for j in range(3)]


@pytest.mark.parametrize("order", MATMUL_ORDERS)
@pytest.mark.parametrize("tile", [0, 2])
def test_matmul_equals_compiled_loop_model(order, tile):
    n = 4
    p = make(f"matmul-{order}", rows=n, cols=n, tile=tile)
    got = addrs(p)
    assert len(got) == length(p)
    A, B, Cm = 0, 4096, 8192
    at = lambda m, r, c: m + (r * n + c) * 8  # noqa: E731
    T = tile or n
    exp = []
    for blk in [(a, b, c) for a in range(0, n, T) for b in range(0, n, T) for c in range(0, n, T)]:
        start = dict(zip(order, blk))
        for x in range(start[order[0]], start[order[0]] + T):
            for y in range(start[order[1]], start[order[1]] + T):
                idx = {order[0]: x, order[1]: y}
                inner = order[2]
                if inner == "k":
                    i, j = idx["i"], idx["j"]
                    exp.append((at(Cm, i, j), 0))
                    for k in range(start["k"], start["k"] + T):
                        exp += [(at(A, i, k), 0), (at(B, k, j), 0)]
                    exp.append((at(Cm, i, j), 1))
                elif inner == "j":
                    i, k = idx["i"], idx["k"]
                    exp.append((at(A, i, k), 0))
                    for j in range(start["j"], start["j"] + T):
                        exp += [(at(B, k, j), 0), (at(Cm, i, j), 0), (at(Cm, i, j), 1)]
                else:
                    k, j = idx["k"], idx["j"]
                    exp.append((at(B, k, j), 0))
                    for i in range(start["i"], start["i"] + T):
                        exp += [(at(A, i, k), 0), (at(Cm, i, j), 0), (at(Cm, i, j), 1)]
    assert list(zip(got.addr.tolist(), got.write.tolist())) == exp


@pytest.mark.parametrize("name", NAMES)
def test_length_matches_and_chunks_are_bounded(name):
    p = make(name, rows=8, cols=8, tile=4)
    chunks = list(generate(p, chunk=20))
    assert sum(len(c) for c in chunks) == length(p)
    assert max(len(c) for c in chunks) <= 20 + 3 * 8 * 4


def test_random_is_seeded():
    a = addrs(make("random", rows=32, cols=32, count=100, seed=1)).addr
    b = addrs(make("random", rows=32, cols=32, count=100, seed=1)).addr
    c = addrs(make("random", rows=32, cols=32, count=100, seed=2)).addr
    assert np.array_equal(a, b) and not np.array_equal(a, c)


@pytest.mark.parametrize("kw,msg", [
    (dict(name="zigzag"), "unknown pattern 'zigzag'"),
    (dict(name="row-major", rows=0), "pattern rows 0 must be from 1 to 1,048,576"),
    (dict(name="row-major", cols=8, ld=4), "leading dimension 4 is smaller than cols 8"),
    (dict(name="tiled", rows=10, cols=8, tile=4), "tile 4 must divide"),
])
def test_bad_patterns(kw, msg):
    with pytest.raises(ConfigError, match=msg):
        make(**kw)


def test_unknown_parameter():
    with pytest.raises(ConfigError, match="unknown pattern parameter 'colour'"):
        make("row-major", colour=3)
