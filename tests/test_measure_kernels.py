"""Each live kernel equals its plain-Python twin."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import naive_kernels as naive
from hwviz.measure import kernels as K


@settings(max_examples=30, deadline=None)
@given(n=st.integers(1, 300), stride=st.integers(1, 20), reps=st.integers(1, 3), seed=st.integers(0, 99))
def test_strided_sum(n, stride, reps, seed):
    a = np.random.default_rng(seed).random(n)
    assert K.strided_sum(a, stride, reps) == pytest.approx(naive.strided_sum(a, stride, reps), rel=1e-9)


@pytest.mark.parametrize("shape,ld", [((3, 4), 4), ((17, 5), 9), ((1, 1), 1), ((8, 8), 16)])
def test_row_and_column_sums(shape, ld):
    buf = np.random.default_rng(1).random((shape[0], ld))   # padded leading dimension
    expected = naive.sum_2d(buf[:, :shape[1]])
    assert K.sum_rows(buf, shape[1]) == pytest.approx(expected)
    assert K.sum_cols(buf, shape[1]) == pytest.approx(expected)


@pytest.mark.parametrize("n,spacing", [(1, 1), (7, 8), (100, 1), (64, 16)])
def test_chase_visits_one_cycle(n, spacing):
    nxt, start = K.make_cycle(n, spacing, seed=3)
    seen, p = set(), start
    for _ in range(n):
        seen.add(p)
        p = naive.chase(nxt, p, 1)
    assert p == start and len(seen) == n and all(s % spacing == 0 for s in seen)
    assert K.chase(nxt, start, 3 * n + 2) == naive.chase(nxt, start, 3 * n + 2)


@pytest.mark.parametrize("kind", list(K.STREAM))
def test_stream_kernels(kind):
    rng = np.random.default_rng(2)
    a, b, c = rng.random(1000), rng.random(1000), rng.random(1000)
    expected = naive.stream(kind, a, b, c, 3.0)
    fn, _ = K.STREAM[kind]
    fn(a, b, c, 3.0)
    for got, exp in zip((a, b, c), expected):
        np.testing.assert_allclose(got, exp)


def test_first_touch():
    a = np.zeros(1000)
    K.first_touch(a, 2.5)
    assert (a == 2.5).all()


def test_fma_chains():
    assert K.fma_chains(50, 1.5) == pytest.approx(naive.fma_chains(50, 1.5, K.ACCUMULATORS), rel=1e-12)
    assert K.fma_chain(300, 2.5) == pytest.approx(naive.fma_chain(300, 2.5), rel=1e-12)


@pytest.mark.parametrize("kernel", [K.fma_chains, K.fma_chain])
def test_fma_kernels_may_fuse_but_not_reassociate(kernel):
    # with reassociation LLVM once folded two chain steps into one (half the FMAs counted)
    assert kernel.targetoptions["fastmath"] == {"contract"}


@pytest.mark.parametrize("slots", [[0, 1], [0, 8, 16], [5]])
def test_bump_counter(slots):
    counters = np.zeros(32, np.int64)
    for s in slots:
        K.bump_counter(counters, s, 1000, 0)
    np.testing.assert_array_equal(counters, naive.bump_counters(32, slots, 1000))


@pytest.mark.parametrize("impl", list(K.ADD))
def test_add_implementations(impl):
    rng = np.random.default_rng(5)
    a, b = rng.random(500), rng.random(500)
    c = np.zeros(500)
    K.ADD[impl](a, b, c)
    np.testing.assert_array_equal(c, a + b)
