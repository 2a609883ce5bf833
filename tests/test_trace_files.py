"""Trace files: text, lackey and npy, with line-numbered errors."""

import numpy as np
import pytest

from hwviz.sim import ConfigError, Trace
from hwviz.sim.trace_files import read_trace


def read(path, **kw):
    return Trace.concat(read_trace(path, **kw))


def test_text_trace(tmp_path):
    p = tmp_path / "t.txt"
    p.write_text("# comment\nR 0x10 4\nW 32\n\n0x40\nw 0X80 16\n")
    t = read(p)
    assert t.addr.tolist() == [16, 32, 64, 128]
    assert t.write.tolist() == [0, 1, 0, 1]
    assert t.size.tolist() == [4, 8, 8, 16]


def test_lackey_trace(tmp_path):
    p = tmp_path / "t.lackey"
    p.write_text("==123== Lackey\nI  0400d7d4,3\n S 7ff000398,8\nI  0400d7d7,4\n L 04222cac,4\n M 0421a4d8,4\n")
    t = read(p)
    assert t.addr.tolist() == [0x7FF000398, 0x04222CAC, 0x0421A4D8, 0x0421A4D8]
    assert t.write.tolist() == [1, 0, 0, 1]
    assert t.pc.tolist() == [0x400D7D4, 0x400D7D7, 0x400D7D7, 0x400D7D7]


def test_npy_trace(tmp_path):
    p = tmp_path / "t.npy"
    np.save(p, np.array([0, 64, 128], np.int64))
    assert read(p).addr.tolist() == [0, 64, 128]


@pytest.mark.parametrize("text,msg", [
    ("R 0x10\nR banana\n", "line 2: cannot read a number"),
    ("R 0x10 8 9\n", "line 1: expected"),
    ("R 0x10 0\n", "line 1: size 0 is outside"),
])
def test_malformed_text(tmp_path, text, msg):
    p = tmp_path / "bad.txt"
    p.write_text(text)
    with pytest.raises(ConfigError, match=msg):
        read(p)


def test_malformed_lackey_line(tmp_path):
    p = tmp_path / "bad.lackey"
    p.write_text("I  0400d7d4,3\n L zz,4\n")
    with pytest.raises(ConfigError, match="line 2"):
        read(p, fmt="lackey")


def test_missing_and_wrong_npy(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        read(tmp_path / "nope.txt")
    p = tmp_path / "f.npy"
    np.save(p, np.zeros((2, 2)))
    with pytest.raises(ConfigError, match="1-D integer array"):
        read(p)
