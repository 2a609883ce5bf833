"""Bad input on the command line and in TOML files: exit 2 with one line naming the range,
never a traceback; zero is refused, not replaced; names reach the terminal escaped."""

import contextlib
import io
import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hwviz import cli
from hwviz.measure.results import json_text
from hwviz.sim.patterns import LIMITS

SMALL = ["--pattern", "row-major", "--rows", "4"]


def run(*args):
    """(exit code, stdout, stderr) of ``hwviz ARGS`` run in this process."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


def refused(*args, match=""):
    code, out, err = run(*args)
    assert code == 2 and out == "", (code, out, err)
    assert err.startswith("hwviz: error: ") and err.count("\n") == 1, err
    assert match in err, err
    return err


# ---- 1. numbers out of range: the message names the range --------------------------------------

OPTIONS = {"rows": "--rows", "cols": "--cols", "elem": "--elem", "ld": "--ld", "base": "--base",
           "tile": "--tile", "stride": "--stride", "passes": "--passes", "count": "--count",
           "seed": "--seed"}


@pytest.mark.parametrize("key", sorted(OPTIONS))
def test_pattern_options_name_their_range(key):
    lo, hi = LIMITS[key]
    for bad in (hi + 1, 10 ** 20, "1e20", "-1", "2.5", "0x10", "", "nan"):
        err = refused("sim", "--pattern", "strided", OPTIONS[key], bad)
        assert f"{hi:,}" in err and "must be" in err


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(OPTIONS)), st.integers(min_value=1, max_value=1 << 200))
def test_huge_numbers_never_reach_numpy(key, above):
    hi = LIMITS[key][1]
    err = refused("sim", "--pattern", "strided", OPTIONS[key], hi + above, match="must be")
    assert f"to {hi:,}" in err


@settings(max_examples=40, deadline=None)
@given(st.integers(0, (1 << 62) + 4096), st.integers(1, 64))
def test_addresses_past_2_62_are_out_of_range_not_negative(base, rows):
    code, out, err = run("sim", "--pattern", "row-major", "--rows", rows, "--base", base, "--json")
    if code == 0:
        assert base + rows * rows * 8 <= 1 << 62
    else:
        assert code == 2 and "negative" not in err and ("out of the range" in err or "must be" in err)


@pytest.mark.parametrize("args,match", [
    (["--degree", "100000000000000000000000"], "degree"),
    (["--distance", "1e9"], "distance"),
    (["--degree", "65"], "prefetch degree 65 must be from 1 to 64"),
])
def test_prefetch_options_have_ranges(args, match):
    refused("sim", *SMALL, "--prefetch", "stream", *args, match=match)


def test_bench_and_shot_numbers_have_ranges():
    refused("bench", "loops", "--threads", "0", match="threads 0 must be at least 1")
    refused("bench", "loops", "--threads", "99999", match="threads")
    refused("shot", "--out", "x.png", "--steps", "1" * 21, match="steps")


# ---- 2. zero where it makes no sense is refused ----------------------------------------------

@pytest.mark.parametrize("option", ["--cols", "--rows", "--degree", "--distance", "--stride",
                                    "--passes", "--count", "--ld", "--elem"])
def test_zero_is_refused(option):
    refused("sim", *SMALL, option, "0", match="must be")


def test_explicit_prefetch_values_are_used_not_replaced():
    code, out, _ = run("sim", *SMALL, "--prefetch", "stream", "--degree", "3", "--distance", "2", "--json")
    assert code == 0


def test_output_names_empty_or_the_same_are_refused(tmp_path):
    refused("bench", "loops", "--json", "", match="--json needs a file name")
    refused("bench", "loops", "--csv", " ", match="--csv needs a file name")
    f = tmp_path / "r"
    refused("bench", "loops", "--json", f, "--csv", f, match="name the same file")
    (tmp_path / "link").symlink_to(f)
    refused("bench", "loops", "--json", f, "--csv", tmp_path / "link", match="name the same file")


# ---- 3. non-finite and wrongly typed TOML values; JSON has no NaN ------------------------------

def toml(tmp_path, level_extra="", top=""):
    p = tmp_path / "h.toml"
    p.write_text(f"{top}\n[[level]]\nname = 'L1'\nsize = '1KiB'\nways = 2\n{level_extra}\n")
    return p


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "true", "'1'", "[1]", "1e300", "-1"])
def test_latency_must_be_a_finite_number(tmp_path, value):
    refused("sim", "--config", toml(tmp_path, f"latency_ns = {value}"), *SMALL, match="latency_ns")
    p = tmp_path / "m.toml"
    p.write_text(f"[[level]]\nsize = '1KiB'\nways = 2\n[memory]\nlatency_ns = {value}\n")
    refused("sim", "--config", p, *SMALL, match="memory latency_ns")


LEVEL = "[[level]]\nsize = '1KiB'\nways = 2\n"


@pytest.mark.parametrize("text,match", [
    ("name = {a = 1}\n" + LEVEL, "name must be a string in quotes, not dict"),
    ("note = [1, 2]\n" + LEVEL, "note must be a string"),
    ("seed = 100000000000000000000000\n" + LEVEL, "seed 100,000,000,000,000,000,000,000 must be from 0"),
    ("seed = -1\n" + LEVEL, "seed -1 must be"),
    ("seed = 1.5\n" + LEVEL, "seed 1.5 must be a whole number"),
    ("[[level]]\nsize = '1KiB'\nways = true\n", "ways True must be a whole number"),
    ("[[level]]\nsize = 1e300\nways = 2\n", "size"),
    ("[[level]]\nsize = nan\nways = 2\n", "size nan is not a size"),
    ("[[level]]\nsize = '1KiB'\nways = 2\nline = inf\n", "line inf is not a size"),
    ("[prefetch]\nkind = 'stream'\ndegree = nan\n" + LEVEL, "prefetch degree nan must be a whole number"),
])
def test_wrongly_typed_toml_values(tmp_path, text, match):
    p = tmp_path / "h.toml"
    p.write_text(text)
    refused("sim", "--config", p, *SMALL, match=match)


def test_level_name_that_is_a_table(tmp_path):
    p = tmp_path / "h.toml"
    p.write_text("[[level]]\nname = {x = 1}\nsize = '1KiB'\nways = 2\n")
    refused("sim", "--config", p, *SMALL, match="level 1: name must be a string in quotes, not dict")


def test_json_never_holds_nan():
    assert json.loads(json_text({"a": [float("nan"), float("inf"), 1.5], "b": -float("inf")})) == \
        {"a": [None, None, 1.5], "b": None}
    code, out, _ = run("sim", *SMALL, "--json", "--3c")

    def no_constants(name):
        raise AssertionError(f"{name} in JSON output")

    assert code == 0 and json.loads(out, parse_constant=no_constants)["accesses"] == 16


# ---- 7. memory and time: huge runs are refused before they start --------------------------------

def test_huge_runs_need_allow_huge(monkeypatch):
    refused("sim", "--pattern", "random", "--count", 10 ** 13, "--rows", "4",
            match="10,000,000,000,000 accesses, more than 1,000,000,000,000")
    refused("sim", "--pattern", "matmul-ijk", "--rows", "16384", match="--allow-huge")
    monkeypatch.setattr(cli, "HUGE_RUN", 10)
    refused("sim", *SMALL, match="16 accesses, more than 10")
    code, out, _ = run("sim", *SMALL, "--allow-huge", "--json")
    assert code == 0 and json.loads(out)["accesses"] == 16


# ---- 8. environment ---------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["0", "-2", "abc", "100000"])
def test_bad_numba_num_threads_is_one_line(value):
    env = dict(os.environ, NUMBA_NUM_THREADS=value)
    r = subprocess.run([sys.executable, "-m", "hwviz", "sim", *SMALL], capture_output=True,
                       text=True, env=env, timeout=120)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "NUMBA_NUM_THREADS" in r.stderr and "Traceback" not in r.stderr


def test_unknown_threading_layer_is_one_line():
    env = dict(os.environ, NUMBA_THREADING_LAYER="bogus")
    r = subprocess.run([sys.executable, "-m", "hwviz", "sim", *SMALL], capture_output=True,
                       text=True, env=env, timeout=120)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "NUMBA_THREADING_LAYER 'bogus'" in r.stderr


# ---- 9. names are printed escaped -------------------------------------------------------------

def toml_string(text):
    """``text`` as a TOML basic string: quotes, backslashes and control characters escaped."""
    def esc(c):
        if c in '"\\':
            return "\\" + c
        return f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7F else c

    return '"' + "".join(esc(c) for c in text) + '"'


@settings(max_examples=25, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_names_reach_the_terminal_escaped(tmp_path_factory, name):
    p = tmp_path_factory.mktemp("n") / "h.toml"
    escaped = toml_string(name)
    p.write_text(f"name = {escaped}\n[[level]]\nname = {escaped}\nsize = '1KiB'\nways = 2\n",
                 encoding="utf-8")
    code, out, err = run("sim", "--config", p, *SMALL)
    assert code == 0, err
    for line in out.splitlines():
        assert line.isprintable(), repr(line)
    assert len(out.splitlines()) == 9   # title, totals, blank, head, L1, memory, blank, 2 sums


def test_escape_sequence_in_a_name(tmp_path):
    p = tmp_path / "h.toml"
    p.write_text('[[level]]\nname = "L1\\u001b[2J\\u001b]0;pwned\\u0007"\nsize = "1KiB"\nways = 2\n')
    code, out, _ = run("sim", "--config", p, *SMALL)
    assert code == 0 and "\x1b" not in out and "L1\\x1b[2J\\x1b]0;pwned\\x07" in out


def test_errors_naming_a_path_print_it_escaped(tmp_path):
    err = refused("sim", "--trace", tmp_path / "a\x1b[31m\nb.txt", match="does not exist")
    assert "\x1b" not in err and "\\x1b[31m\\nb.txt" in err
