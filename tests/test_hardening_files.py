"""Files: encodings of TOML files, any program counter lackey prints, the wrong kind of file as
a trace or config, standard input as a trace, and a result writer that destroys nothing."""

import contextlib
import io
import json
import os
import stat
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hwviz import cli
from hwviz.base.errors import ConfigError
from hwviz.base import files
from hwviz.measure import experiments
from hwviz.measure.results import load_json, save_csv, save_json
from hwviz.measure.topology import read_topology
from hwviz.sim.config_file import load_hierarchy
from hwviz.sim.trace import Trace
from hwviz.sim.trace_files import read_trace

TOML = "name = 'bom'\n[[level]]\nname = 'L1'\nsize = '1KiB'\nways = 2\n"


def read(path, **kw):
    return Trace.concat(read_trace(path, **kw))


# ---- 4. encodings -------------------------------------------------------------------------------

def test_utf8_bom_is_accepted(tmp_path):
    p = tmp_path / "h.toml"
    p.write_bytes(b"\xef\xbb\xbf" + TOML.encode())
    assert load_hierarchy(p).name == "bom"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_is_refused_by_name(tmp_path, encoding):
    p = tmp_path / "h.toml"
    p.write_bytes(TOML.encode(encoding))
    with pytest.raises(ConfigError, match="h.toml is UTF-16 or UTF-32 text; TOML files are UTF-8"):
        load_hierarchy(p)


def test_other_bytes_name_the_encoding_problem(tmp_path):
    p = tmp_path / "h.toml"
    p.write_bytes("name = 'caf\u00e9'\n".encode("latin-1") + TOML.encode())
    with pytest.raises(ConfigError, match="is not UTF-8 text"):
        load_hierarchy(p)
    p.write_text("a = " + "[" * 50_000 + "]" * 50_000 + "\n" + TOML)
    with pytest.raises(ConfigError, match="h.toml"):
        load_hierarchy(p)


@pytest.mark.parametrize("name,reader", [("h.toml", load_hierarchy), ("t.txt", read), ("t.npy", read)])
@settings(max_examples=60, deadline=None)
@given(raw=st.binary(max_size=300))
def test_any_bytes_give_a_config_error_or_a_result(tmp_path_factory, name, reader, raw):
    p = tmp_path_factory.mktemp("b") / name
    p.write_bytes(raw if name != "t.npy" else b"\x93NUMPY" + raw)
    with contextlib.suppress(ConfigError):
        reader(p)


# ---- 5. lackey: any program counter -------------------------------------------------------------

@settings(max_examples=80, deadline=None)
@given(st.integers(0, (1 << 64) - 1), st.integers(1, 16))
def test_any_program_counter_lackey_prints_is_accepted(tmp_path_factory, pc, size):
    p = tmp_path_factory.mktemp("l") / "t.lackey"
    p.write_text(f"==1== Lackey\nI  {pc:08x},{size}\n L 04222cac,4\n")
    t = read(p)
    assert t.addr.tolist() == [0x04222CAC] and t.pc.tolist() == [pc & ((1 << 63) - 1)]


def test_vsyscall_page_trace_runs(tmp_path):
    p = tmp_path / "t.lackey"
    p.write_text("I  ffffffffff600000,5\n L 7ff000398,8\nI  0400d7d4,3\n S 7ff000398,8\n")
    code, out, err = _cli("sim", "--trace", p, "--prefetch", "stride", "--json")
    assert code == 0 and json.loads(out)["accesses"] == 2


def test_data_address_past_2_62_is_out_of_range(tmp_path):
    p = tmp_path / "t.lackey"
    p.write_text(" L ffffffffff600000,8\n")
    with pytest.raises(ConfigError, match="line 1: address 0xffffffffff600000 is out of range"):
        read(p)


# ---- 6. the wrong kind of file says what it is ---------------------------------------------------

def _cli(*args):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def odd_paths(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    return {"directory": (tmp_path, "is a directory, not a file"),
            "fifo": (fifo, "is a named pipe (FIFO), not a file"),
            "loop": (tmp_path / "a", "is a loop of symbolic links"),
            "device": ("/dev/null", "is a device, not a file"),
            "missing": (tmp_path / "nope", "does not exist"),
            "empty": ("", "name is empty")}


@pytest.mark.parametrize("kind", ["directory", "fifo", "loop", "device", "missing", "empty"])
@pytest.mark.parametrize("option", ["--trace", "--config"])
def test_wrong_kind_of_file(odd_paths, kind, option):
    path, msg = odd_paths[kind]
    args = ["sim", option, path] + (["--pattern", "row-major", "--rows", "4"] if option == "--config" else [])
    code, out, err = _cli(*args)
    assert code == 2 and out == "" and msg in err and err.count("\n") == 1, err


@pytest.mark.parametrize("content,msg", [
    (b"R 0x10\n", "is not a .npy array: it does not start with the NumPy header"),
    (b"\x93NUMPY\x01\x00\x10\x00{'descr': 'zz'}  \n", "is not a readable .npy array"),
])
def test_text_read_as_npy(tmp_path, content, msg):
    p = tmp_path / "t.npy"
    p.write_bytes(content)
    with pytest.raises(ConfigError, match=msg):
        read(p)
    with pytest.raises(ConfigError, match=msg):
        read(tmp_path / "t.npy", fmt="npy")


@pytest.mark.parametrize("array,msg", [
    (np.array([1, "a"], dtype=object), "got Python objects"),
    (np.zeros((2, 2), np.int64), "got 2-D int64"),
    (np.array([1.5]), "got 1-D float64"),
    (np.array([2 ** 64 - 1], np.uint64), "entry 0 is the address 18446744073709551615, outside"),
    (np.array([0, -64], np.int64), "entry 1 is the address -64, outside"),
])
def test_npy_content_problems(tmp_path, array, msg):
    p = tmp_path / "t.npy"
    np.save(p, array, allow_pickle=True)
    with pytest.raises(ConfigError, match=msg):
        read(p)


def test_npy_cut_short_and_read_in_chunks(tmp_path):
    p = tmp_path / "t.npy"
    np.save(p, np.arange(0, 640, 64, dtype=np.uint32))
    assert [len(c) for c in read_trace(p, chunk=4)] == [4, 4, 2]
    p.write_bytes(p.read_bytes()[:-4])
    with pytest.raises(ConfigError, match="ends early: its header promises 10 addresses, it holds 9"):
        read(p)


def test_binary_file_as_text_trace(tmp_path):
    p = tmp_path / "t.txt"
    p.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(ConfigError, match="line 1 is not a line of text"):
        read(p)


@pytest.mark.parametrize("name", ["-", "/dev/stdin"])
def test_trace_from_standard_input(name):
    text = "I  ffffffffff600000,5\n L 1000,8\n S 2000,8\n"
    r = subprocess.run([sys.executable, "-m", "hwviz", "sim", "--trace", name, "--json"],
                       input=text.encode(), capture_output=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["accesses"] == 2


def test_npy_from_standard_input(monkeypatch):
    buf = io.BytesIO()
    np.save(buf, np.arange(0, 64 * 50, 64, dtype=np.int64))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(buf.getvalue())))
    assert read("-").addr.tolist() == list(range(0, 64 * 50, 64))


def test_standard_input_that_is_a_terminal(monkeypatch):
    class Tty(io.BytesIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(Tty()))
    with pytest.raises(ConfigError, match="nothing is piped in"):
        read("-")


# ---- 10. the result writer destroys nothing -----------------------------------------------------

@pytest.fixture
def result():
    r = experiments.new_result("loops", {"n": [1]}, [{"n": 1, "impl": "numba", "ns_per_op": 1.0,
                                                       "gbps": float("nan")}], read_topology())
    return r


def test_symlink_is_written_through(tmp_path, result):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    save_json([result], link)
    assert link.is_symlink() and load_json(target)[0].experiment == "loops"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_dangling_symlink_creates_its_target(tmp_path, result):
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "new.json")
    save_json([result], link)
    assert link.is_symlink() and (tmp_path / "new.json").is_file()


@pytest.mark.parametrize("save", [save_json, save_csv])
def test_fifo_is_refused_and_left_alone(tmp_path, result, save):
    fifo = tmp_path / "out"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="it is not a regular file"):
        save([result], fifo)
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and list(tmp_path.iterdir()) == [fifo]


def test_bench_to_a_symlink_and_to_a_fifo(tmp_path, monkeypatch, result):
    monkeypatch.setattr(experiments, "run_experiment", lambda *a, **k: result)
    target = tmp_path / "t.json"
    (tmp_path / "l.json").symlink_to(target)
    code, out, err = _cli("bench", "loops", "--json", tmp_path / "l.json")
    assert code == 0 and load_json(target)[0].experiment == "loops"
    assert (tmp_path / "l.json").is_symlink()
    assert json.loads(target.read_text())["points"][0]["gbps"] is None   # NaN is not JSON
    fifo = tmp_path / "f.json"
    os.mkfifo(fifo)
    code, out, err = _cli("bench", "loops", "--json", fifo)
    assert code == 2 and out == "" and "it is not a regular file" in err and err.count("\n") == 1
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.parametrize("where", ["chmod", "replace"])
def test_interrupt_leaves_no_temporary_file(tmp_path, monkeypatch, result, where):
    path = tmp_path / "r.json"
    path.write_text("old")

    def interrupt(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(files.os, where, interrupt)
    with pytest.raises(KeyboardInterrupt):
        save_json([result], path)
    assert path.read_text() == "old" and list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_result_files_respect_the_umask(tmp_path, result, umask, mode):
    old = os.umask(umask)
    try:
        save_json([result], tmp_path / "r.json")
        save_csv([result], tmp_path / "r.csv")
    finally:
        os.umask(old)
    for name in ("r.json", "r.csv"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == mode


def test_replacing_a_file_keeps_its_permissions(tmp_path, result):
    path = tmp_path / "r.json"
    path.write_text("old")
    path.chmod(0o640)
    save_json([result], path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and load_json(path)


def test_outputs_that_are_not_files(tmp_path, result):
    with pytest.raises(ConfigError, match="it is a folder"):
        save_json([result], tmp_path)
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(ConfigError, match="cannot write .*a: .*loop"):
        save_json([result], tmp_path / "a")
    with pytest.raises(ConfigError, match="folder .* does not exist"):
        save_json([result], tmp_path / "no" / "r.json")


@pytest.mark.parametrize("args", [([1 << 64],), ([1], 0, 8, [1 << 63]), ([1], 0, [10 ** 30])])
def test_trace_values_past_int64_are_out_of_range(args):
    with pytest.raises(ConfigError, match="out of the range of 64-bit integers"):
        Trace.of(*args)
