"""``hwviz sim``: tables, JSON, and one-line errors with exit code 2."""

import json
import subprocess
import sys

import pytest

from hwviz.cli import main


def run_cli(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output(capsys):
    code, out, err = run_cli(capsys, "sim", "--pattern", "row-major", "--rows", "64", "--json", "--3c")
    assert code == 0 and err == ""
    d = json.loads(out)
    assert d["accesses"] == 64 * 64
    l1 = d["levels"][0]
    for key in ("name", "hits", "misses", "evictions", "writebacks", "compulsory", "capacity",
                "conflict", "prefetch_issued", "prefetch_useful"):
        assert key in l1
    assert l1["misses"] == 64 * 64 // 8 and l1["compulsory"] == l1["misses"]
    assert set(d["memory"]) >= {"reads", "writes"} and d["amat_ns"] > 0 and d["time_ns"] > 0


def test_table_output(capsys):
    code, out, _ = run_cli(capsys, "sim", "--pattern", "column-major", "--rows", "128", "--3c",
                           "--prefetch", "next-line")
    assert code == 0
    assert "L1" in out and "conflict" in out and "AMAT" in out and "prefetch (next-line)" in out


def test_trace_and_config(capsys, tmp_path):
    cfg = tmp_path / "h.toml"
    cfg.write_text("[[level]]\nname='L1'\nsize='1KiB'\nways=2\nlatency_ns=1.0\n[memory]\nlatency_ns=50.0\n")
    tr = tmp_path / "t.txt"
    tr.write_text("R 0\nR 8\nW 4096\nR 0\n")
    code, out, _ = run_cli(capsys, "sim", "--config", str(cfg), "--trace", str(tr), "--json")
    d = json.loads(out)
    assert code == 0 and d["levels"][0]["hits"] == 2 and d["levels"][0]["misses"] == 2


@pytest.mark.parametrize("args,msg", [
    (["sim", "--preset", "nope", "--pattern", "row-major"], "unknown preset 'nope'"),
    (["sim", "--pattern", "zigzag"], "unknown pattern 'zigzag'"),
    (["sim", "--trace", "/no/such/trace.txt"], "does not exist"),
    (["sim", "--config", "/no/such.toml", "--pattern", "row-major"], "config file /no/such.toml does not exist"),
    (["sim"], "one of the arguments --pattern --trace is required"),
    (["sim", "--pattern", "row-major", "--rows", "x"], "rows 'x' must be a whole number (from 1 to 1,048,576)"),
    (["frobnicate"], "invalid choice"),
])
def test_errors_are_one_line_exit_2(capsys, args, msg):
    code, out, err = run_cli(capsys, *args)
    assert code == 2 and out == ""
    assert msg in err and err.count("\n") == 1 and err.startswith("hwviz: error:")


def test_malformed_trace_prints_nothing_but_the_error(capsys, tmp_path):
    tr = tmp_path / "t.txt"
    tr.write_text("R 0\nR 8\nR oops\n")
    code, out, err = run_cli(capsys, "sim", "--trace", str(tr))
    assert code == 2 and out == "" and "t.txt line 3" in err


def test_bad_config_value(capsys, tmp_path):
    cfg = tmp_path / "h.toml"
    cfg.write_text("[[level]]\nname='L2'\nsize=1000000\nways=16\n")
    code, _, err = run_cli(capsys, "sim", "--config", str(cfg), "--pattern", "row-major")
    assert code == 2 and "L2 size 1000000 B is not a multiple of ways x line = 16 x 64 B" in err


def test_console_entry_points():
    out = subprocess.run([sys.executable, "-m", "hwviz", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("hwviz ")
    out = subprocess.run([sys.executable, "-m", "hwviz", "--help"], capture_output=True, text=True)
    assert "sim" in out.stdout
