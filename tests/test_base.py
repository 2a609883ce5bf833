"""Range checks and units of hwviz.base: every number refused with its range named."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hwviz.base.checks import number, number_text, whole, whole_text
from hwviz.base.errors import ConfigError
from hwviz.base.units import format_ns, format_size, parse_size


@given(st.integers(-10**30, 10**30))
def test_whole_accepts_exactly_its_range(v):
    if 1 <= v <= 64:
        assert whole(v, "ways", 1, 64) == v
    else:
        with pytest.raises(ConfigError, match="ways .* from 1 to 64"):
            whole(v, "ways", 1, 64)


@pytest.mark.parametrize("bad", [True, 2.0, "3", None, float("nan")])
def test_whole_refuses_other_types(bad):
    with pytest.raises(ConfigError, match="must be a whole number"):
        whole(bad, "rows", 1)


@pytest.mark.parametrize("text,value", [("12", 12), (" 1_000 ", 1000), ("1,024", 1024), ("+5", 5)])
def test_whole_text_reads_numbers(text, value):
    assert whole_text(text, "n", 0) == value


@pytest.mark.parametrize("text", ["", "1e3", "12.5", "abc", "9" * 400, "0x10"])
def test_whole_text_refuses_non_integers(text):
    with pytest.raises(ConfigError, match="must be a whole number"):
        whole_text(text, "n", 0, 100)


def test_whole_text_refuses_huge_numbers_with_the_range():
    with pytest.raises(ConfigError, match="must be from 1 to 4,096"):
        whole_text("100000000000000000000", "stride", 1, 4096)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, True, "1.0", 10**400])
def test_number_refuses_non_finite_and_wrong_types(bad):
    with pytest.raises(ConfigError):
        number(bad, "latency_ns", 0.0, 1e6)


@pytest.mark.parametrize("text", ["nan", "inf", "-1", "1e300", "abc"])
def test_number_text_refuses(text):
    with pytest.raises(ConfigError, match="latency_ns"):
        number_text(text, "latency_ns", 0.0, 1e6)


def test_number_text_reads():
    assert number_text(" 2.5 ", "x", 0, 10) == 2.5


@given(st.integers(1, 1 << 40))
def test_format_size_round_trips(n):
    assert parse_size(format_size(n)) == n


@pytest.mark.parametrize("bad", ["1e300", "1" * 500 + "KiB", 1e300, math.inf, "-4KiB", 0])
def test_parse_size_refuses(bad):
    with pytest.raises(ConfigError):
        parse_size(bad)


@pytest.mark.parametrize("ns,text", [(850, "850 ns"), (12_400, "12.4 µs"), (3.2e6, "3.2 ms"), (1.5e9, "1.5 s")])
def test_format_ns(ns, text):
    assert format_ns(ns) == text
