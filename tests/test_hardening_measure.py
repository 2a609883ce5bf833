"""The timing harness on a fake clock, the experiments' rates from fake timings, and the memory
guard: exact counts, so a kernel called too often or a wrong spread fails."""

import math
import types

import pytest

from hwviz.base import memory
from hwviz.base.errors import ConfigError
from hwviz.measure import experiments, harness
from hwviz.measure.experiments import run_experiment
from hwviz.measure.harness import Timing, guard_memory, measure

U = 2.0 ** -10   # a binary fraction of a second: the fake clock adds it up exactly


class FakeClock:
    """``perf_counter`` for the harness; the fake kernel advances it by its scripted duration."""

    def __init__(self):
        self.now = 0.0

    def perf_counter(self):
        return self.now


@pytest.fixture
def clock(monkeypatch):
    c = FakeClock()
    monkeypatch.setattr(harness, "time", types.SimpleNamespace(perf_counter=c.perf_counter))
    return c


def kernel(clock, durations):
    """A fake kernel: call k takes ``durations(k)`` seconds of fake time; returns the call log."""
    calls = []

    def fn():
        clock.now += durations(len(calls))
        calls.append(clock.now)

    return fn, calls


def test_measure_calls_the_kernel_as_documented(clock):
    fn, calls = kernel(clock, lambda k: U)
    t = measure(fn, min_time=0.1, samples=5)
    # one untimed call; warm-up until 0.05 s have passed after it: calls 2..53 end at 2U..53U,
    # the first to end at or past U + 0.05 s = 52.2U is the 52nd warm-up call
    warm = 52
    per_sample = math.ceil(0.1 / 5 / U)   # 21 calls of U last at least min_time / samples
    assert per_sample == 21
    assert t.repeats == 5 * per_sample
    assert len(calls) == 1 + warm + t.repeats
    assert t.seconds_min == t.seconds_median == U and t.spread == 0.0


def test_measure_spread_min_and_median_from_the_samples(clock):
    warm = 1 + 52
    per_sample = 21
    sample_u = [1, 3, 2, 5, 4]   # each sample's calls take this many U

    def durations(k):
        return U if k < warm else sample_u[(k - warm) // per_sample] * U

    fn, calls = kernel(clock, durations)
    t = measure(fn, min_time=0.1, samples=5)
    assert len(calls) == warm + 5 * per_sample
    assert t.seconds_min == pytest.approx(U, rel=1e-12)
    assert t.seconds_median == pytest.approx(3 * U, rel=1e-12)
    assert t.spread == pytest.approx((5 - 1) / 3, rel=1e-12)


def test_measure_short_min_time_warms_for_half_of_it(clock):
    fn, calls = kernel(clock, lambda k: U)
    t = measure(fn, min_time=8 * U, samples=2)
    # warm-up lasts min(0.05, 4U) = 4U: calls ending at 2U..5U; then 2 samples of 4 calls
    assert t.repeats == 8 and len(calls) == 1 + 4 + 8


FAKE = Timing(seconds_min=0.002, seconds_median=0.003, spread=0.25, repeats=7)


@pytest.fixture
def fake_timings(monkeypatch):
    """Every point of an experiment timed as FAKE, without running a kernel; counts the points."""
    timed = []

    def fake_measure(fn, *, min_time, samples=5, cancel=None):
        timed.append(fn)
        return FAKE

    monkeypatch.setattr(experiments, "measure", fake_measure)
    return timed


def _check_common(result, timed):
    assert len(timed) == len(result.points)   # one timing per point, no more
    for p in result.points:
        assert (p["seconds_min"], p["seconds_median"], p["spread"], p["repeats"]) == (0.002, 0.003, 0.25, 7)


def test_row_col_rates_from_fake_timings(fake_timings):
    r = run_experiment("row-col", quick=True)
    _check_common(r, fake_timings)
    for p in r.points:
        assert p["gbps"] == pytest.approx(8 * p["n"] ** 2 / 0.002 / 1e9)
    assert all(p["slowdown"] == pytest.approx(1.0) for p in r.points if p["order"] == "col")


def test_latency_and_loops_rates_from_fake_timings(fake_timings):
    r = run_experiment("latency", quick=True)
    _check_common(r, fake_timings)
    steps = r.params["steps"]
    assert all(p["ns_per_op"] == pytest.approx(0.002 / steps * 1e9) for p in r.points)
    fake_timings.clear()
    r = run_experiment("loops", quick=True)
    _check_common(r, fake_timings)
    for p in r.points:
        assert p["ns_per_op"] == pytest.approx(0.002 / p["n"] * 1e9)
        assert p["gbps"] == pytest.approx(24 * p["n"] / 0.002 / 1e9)


def test_mountain_rates_from_fake_timings(fake_timings):
    r = run_experiment("mountain", quick=True)
    _check_common(r, fake_timings)
    for p in r.points:
        elems = p["size_bytes"] // 8
        reps = max(1, (8 << 20) // p["size_bytes"])
        n = -(-elems // p["stride"]) * reps
        assert p["gbps"] == pytest.approx(8 * n / 0.002 / 1e9)


def test_memory_check_names_estimate_and_limit(monkeypatch):
    monkeypatch.setattr(memory, "available_bytes", lambda: 8 << 30)
    memory.check_fits(4 << 30, "cache arrays")   # exactly half: allowed
    with pytest.raises(ConfigError, match=r"cache arrays would need 4 GiB, more than the limit of 4 GiB \(half"):
        memory.check_fits((4 << 30) + 1, "cache arrays")
    with pytest.raises(ConfigError, match=r"would need 6 GiB, more than the limit of 4 GiB \(half the "
                                          r"available memory\)"):
        memory.check_fits(6 << 30, "cache arrays")
    with pytest.raises(ConfigError, match="working set would need 5 GiB"):
        guard_memory(5 << 30)


def test_available_bytes_is_positive():
    assert memory.available_bytes() > 0


def test_estimates_are_shown_rounded(monkeypatch):
    monkeypatch.setattr(memory, "available_bytes", lambda: 2 * 12_311_019_520)
    with pytest.raises(ConfigError, match=r"need 12 GiB, more than the limit of 11.5 GiB"):
        memory.check_fits(12 << 30, "cache arrays")
    with pytest.raises(ConfigError, match=r"need 1.05e\+06 TiB"):
        memory.check_fits(1 << 60, "x")
