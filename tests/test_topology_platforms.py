"""Topology on macOS and Windows, read from recorded outputs of those systems
(tests/data/topology/README.md says where each came from), and memory through psutil.

The Windows buffers are CONSTRUCTED, not recorded: no raw ``GetLogicalProcessorInformationEx``
buffer was published, only a tool's record-by-record listing of it on two real PCs. ``slpi_ex``
below packs each listed record at the offsets winnt.h documents; that the packed buffers come to
exactly the byte counts the tool printed for those PCs (2560 and 1528) checks the layout.
"""

import re
import struct
import subprocess
import sys
import types
from pathlib import Path

import pytest

from hwviz.base import memory
from hwviz.measure import topology, topology_macos, topology_windows
from hwviz.measure.topology import format_topology, read_topology
from hwviz.measure.topology_macos import parse_sysctl
from hwviz.measure.topology_windows import parse_slpi_ex

DATA = Path(__file__).parent / "data" / "topology"
KiB, MiB = 1 << 10, 1 << 20


def fixture(name: str) -> str:
    return (DATA / name).read_text()


def record(relationship: int, body: bytes) -> bytes:
    """One SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX: Relationship, Size, then the body."""
    return struct.pack("<iI", relationship, 8 + len(body)) + body


def affinity(mask: int, group: int = 0) -> bytes:
    """A GROUP_AFFINITY: Mask, Group, Reserved[3]."""
    return struct.pack("<QH6x", mask, group)


def slpi_ex(listing: str) -> tuple[bytes, int]:
    """The buffer a recorded listing describes (constructed from the documented layout), and the
    size the listing says the real buffer had."""
    recorded = int(re.search(r"returned (\d+)[ -]byte", listing).group(1))
    out = b""
    for block in re.split(r"\nInfo #\d+:\n", listing.split("```")[1])[1:]:
        f = dict(line.strip().split(" = ", 1) for line in block.splitlines() if " = " in line)
        rel = int(re.search(r"\((\d+)\)", f["Relationship"]).group(1))
        count = int(f.get("GroupCount", 0))     # not listed for caches before Windows 11: reserved, 0
        mask = affinity(int(f.get("Group #0", "0"), 2))
        if rel in (0, 3, 7):                    # PROCESSOR_RELATIONSHIP: core, package, module
            body = struct.pack("<BB20xH", f.get("SMT Support") == "yes", int(f.get("Efficiency Class", 0)),
                               count) + mask
        elif rel == 2:                          # CACHE_RELATIONSHIP
            level, kind = re.fullmatch(r"L(\d) (\w+)", f["Type"]).groups()
            body = struct.pack("<BBHIi18xH", int(level), 0xFF if f["Assoc"] == "full" else int(f["Assoc"]),
                               int(f["Line Size"][:-1]), int(f["Cache Size"][:-2]) * KiB,
                               ["Unified", "Instruction", "Data", "Trace"].index(kind), count) + mask
        elif rel == 1:                          # NUMA_NODE_RELATIONSHIP
            body = struct.pack("<I18xH", int(f["Node Number"]), count) + mask
        else:                                   # GROUP_RELATIONSHIP with one PROCESSOR_GROUP_INFO
            body = struct.pack("<HH20xBB38xQ", int(f["Max Group Count"]), int(f["Active Group Count"]),
                               int(f["Max Processor Count"]), int(f["Active Processor Count"]),
                               int(f["Active Processor Mask"], 2))
        out += record(rel, body)
    return out, recorded


def caches(t, level, kind):
    return [(c.size_bytes, c.ways, c.line_bytes, c.shared_cpus, c.core_kind)
            for c in t.caches if c.level == level and c.type == kind]


# --- macOS ---------------------------------------------------------------------------------------

def test_m1_two_kinds_of_core_and_a_shared_l2_per_cluster():
    t = parse_sysctl(fixture("macos_m1_sysctl_hw.txt"))
    assert t.source == "macos-sysctl" and t.cpu_model == "unknown CPU"   # recorded without machdep.cpu
    assert t.logical_cpus == list(range(8)) and t.physical_cores == 8 and t.packages == 1
    assert t.smt_siblings == [[c] for c in range(8)] and not t.has_smt
    p, e = "Performance", "Efficiency"                                     # level 0 first: CPUs 0-3
    assert caches(t, 1, "Data") == [(128 * KiB, 0, 128, [c], p) for c in range(4)] + \
        [(64 * KiB, 0, 128, [c], e) for c in range(4, 8)]
    assert caches(t, 1, "Instruction") == [(192 * KiB, 0, 128, [c], p) for c in range(4)] + \
        [(128 * KiB, 0, 128, [c], e) for c in range(4, 8)]
    assert caches(t, 2, "Unified") == [(12 * MiB, 0, 128, [0, 1, 2, 3], p), (4 * MiB, 0, 128, [4, 5, 6, 7], e)]
    assert not caches(t, 3, "Unified")
    assert "(Performance cores)" in format_topology(t)


def test_m3_max_two_performance_clusters_named_by_sysctl():
    t = parse_sysctl(fixture("macos_m3max_sysctl_hw.txt"))
    assert t.logical_cpus == list(range(16)) and t.physical_cores == 16 and not t.has_smt
    assert caches(t, 2, "Unified") == [(16 * MiB, 0, 128, list(range(0, 6)), "Performance"),
                                       (16 * MiB, 0, 128, list(range(6, 12)), "Performance"),
                                       (4 * MiB, 0, 128, list(range(12, 16)), "Efficiency")]
    assert {c.core_kind for c in t.caches if c.shared_cpus[0] >= 12} == {"Efficiency"}


def test_intel_mac_smt_siblings_and_cacheconfig_sharing():
    t = parse_sysctl(fixture("macos_intel_i7-3615qm_sysctl.txt"))
    assert t.cpu_model == "Intel(R) Core(TM) i7-3615QM CPU @ 2.30GHz"
    assert t.logical_cpus == list(range(8)) and t.physical_cores == 4 and t.packages == 1
    assert t.smt_siblings == [[0, 1], [2, 3], [4, 5], [6, 7]] and t.has_smt
    pairs = [[0, 1], [2, 3], [4, 5], [6, 7]]
    assert caches(t, 1, "Data") == [(32 * KiB, 0, 64, s, "") for s in pairs]
    assert caches(t, 1, "Instruction") == [(32 * KiB, 0, 64, s, "") for s in pairs]
    assert caches(t, 2, "Unified") == [(256 * KiB, 8, 64, s, "") for s in pairs]   # L2_associativity
    assert caches(t, 3, "Unified") == [(6 * MiB, 0, 64, list(range(8)), "")]


def test_one_performance_level_with_smt():
    # constructed, not recorded: one level listed the Apple-silicon way, two threads per core
    t = parse_sysctl("hw.nperflevels: 1\nhw.logicalcpu: 4\nhw.perflevel0.logicalcpu: 4\n"
                     "hw.perflevel0.physicalcpu: 2\nhw.perflevel0.l2cachesize: 262144\n"
                     "hw.perflevel0.cpusperl2: 2\nhw.perflevel0.name: Performance\n")
    assert t.smt_siblings == [[0, 1], [2, 3]] and t.has_smt
    assert caches(t, 2, "Unified") == [(256 * KiB, 0, 0, [0, 1], ""), (256 * KiB, 0, 0, [2, 3], "")]


@pytest.mark.parametrize("text", [
    "", "not sysctl output at all\n\x00\xff", "hw.logicalcpu: many\nhw.physicalcpu: 4\n",
    "hw.nperflevels: 2\nhw.perflevel0.logicalcpu: 4\nhw.perflevel0.physicalcpu: 0\n",
    "hw.logicalcpu:\nhw.physicalcpu: 4\n",
])
def test_sysctl_garbage_falls_back(text):
    t = parse_sysctl(text)
    assert t.source.startswith("fallback: sysctl output not understood") and t.caches == []
    assert t.physical_cores >= 1 and t.smt_siblings == [[c] for c in t.logical_cpus]


def test_sysctl_counts_that_do_not_add_up_fall_back():
    text = fixture("macos_m1_sysctl_hw.txt").replace("hw.logicalcpu: 8", "hw.logicalcpu: 10")
    assert parse_sysctl(text).source.startswith("fallback")


# --- Windows -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, size", [("windows_i5-12600k_slpi_ex.txt", 2560),
                                        ("windows_i7-8700_slpi_ex.txt", 1528)])
def test_constructed_buffers_have_the_recorded_size(name, size):
    buf, recorded = slpi_ex(fixture(name))
    assert recorded == size and len(buf) == size


def test_hybrid_12600k_p_cores_with_smt_e_cores_sharing_an_l2():
    buf, _ = slpi_ex(fixture("windows_i5-12600k_slpi_ex.txt"))
    t = parse_slpi_ex(buf, "12th Gen Intel(R) Core(TM) i5-12600K")
    assert t.source == "windows-slpi-ex" and t.cpu_model.endswith("i5-12600K")
    assert t.logical_cpus == list(range(16)) and t.physical_cores == 10 and t.packages == 1
    assert t.smt_siblings == [[2 * k, 2 * k + 1] for k in range(6)] + [[c] for c in range(12, 16)]
    p, e = "Performance", "Efficiency"
    assert caches(t, 1, "Data") == [(48 * KiB, 12, 64, [2 * k, 2 * k + 1], p) for k in range(6)] + \
        [(32 * KiB, 8, 64, [c], e) for c in range(12, 16)]
    assert caches(t, 1, "Instruction")[-1] == (64 * KiB, 8, 64, [15], e)
    assert caches(t, 2, "Unified") == [(1280 * KiB, 10, 64, [2 * k, 2 * k + 1], p) for k in range(6)] + \
        [(2 * MiB, 16, 64, [12, 13, 14, 15], e)]
    assert caches(t, 3, "Unified") == [(20 * MiB, 10, 64, list(range(16)), "")]   # shared by both kinds
    assert len(t.caches) == 28


def test_i7_8700_caches_without_a_group_count():
    buf, _ = slpi_ex(fixture("windows_i7-8700_slpi_ex.txt"))
    t = parse_slpi_ex(buf)
    assert t.cpu_model == "unknown CPU" and t.physical_cores == 6 and t.has_smt
    assert t.smt_siblings == [[2 * k, 2 * k + 1] for k in range(6)]
    assert caches(t, 2, "Unified") == [(256 * KiB, 4, 64, [2 * k, 2 * k + 1], "") for k in range(6)]
    assert caches(t, 3, "Unified") == [(12 * MiB, 16, 64, list(range(12)), "")]
    assert {c.core_kind for c in t.caches} == {""}


def test_fully_associative_cache_has_no_way_count():
    listing = fixture("windows_i7-8700_slpi_ex.txt").replace("Assoc = 16", "Assoc = full")
    t = parse_slpi_ex(slpi_ex(listing)[0])
    assert caches(t, 3, "Unified")[0][1] == 0


def test_processor_groups_number_cpus_past_64():
    # constructed: two cores in two processor groups and a cache listing both groups' masks
    core = struct.pack("<BB20xH", 0, 0, 1)
    buf = record(0, core + affinity(0b1, 0)) + record(0, core + affinity(0b1, 1)) + \
        record(2, struct.pack("<BBHIi18xH", 3, 16, 64, 32 * MiB, 0, 2) + affinity(0b1, 0) + affinity(0b1, 1))
    t = parse_slpi_ex(buf)
    assert t.logical_cpus == [0, 64] and t.smt_siblings == [[0], [64]]
    assert caches(t, 3, "Unified") == [(32 * MiB, 16, 64, [0, 64], "")]


@pytest.mark.parametrize("cut", [b"", b"\xff" * 64, "truncated", "zero size"])
def test_slpi_ex_garbage_falls_back(cut):
    buf, _ = slpi_ex(fixture("windows_i7-8700_slpi_ex.txt"))
    data = {"truncated": buf[:100], "zero size": buf[:4] + b"\0\0\0\0" + buf[8:]}.get(cut, cut)
    t = parse_slpi_ex(data, "Some CPU")
    assert t.source.startswith("fallback: processor information not understood")
    assert t.cpu_model == "Some CPU" and t.caches == [] and t.physical_cores >= 1


# --- choosing the reader -------------------------------------------------------------------------

def test_macos_reader_runs_sysctl_once(monkeypatch):
    calls = []

    def run(cmd, **kw):
        calls.append((cmd, kw))
        return types.SimpleNamespace(stdout=fixture("macos_intel_i7-3615qm_sysctl.txt"))

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(topology_macos.subprocess, "run", run)
    t = read_topology(numba_info=False)
    assert t.source == "macos-sysctl" and t.physical_cores == 4
    (cmd, kw), = calls
    assert cmd[1:] == ["hw", "machdep.cpu"] and cmd[0].endswith("sysctl")
    assert kw["timeout"] == topology_macos.TIMEOUT_S and kw["check"]


@pytest.mark.parametrize("error", [FileNotFoundError("sysctl"), subprocess.TimeoutExpired("sysctl", 5),
                                   subprocess.CalledProcessError(1, "sysctl")])
def test_macos_reader_falls_back_when_sysctl_fails(monkeypatch, error):
    def run(cmd, **kw):
        raise error

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(topology_macos.subprocess, "run", run)
    t = read_topology(numba_info=False)
    assert t.source.startswith("fallback: sysctl could not be run") and t.caches == []


def test_windows_reader_uses_the_api_and_the_registry_name(monkeypatch):
    buf, _ = slpi_ex(fixture("windows_i5-12600k_slpi_ex.txt"))
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(topology_windows, "_call_api", lambda: buf)
    monkeypatch.setattr(topology_windows, "_cpu_model", lambda: "12th Gen Intel(R) Core(TM) i5-12600K")
    t = read_topology(numba_info=False)
    assert t.source == "windows-slpi-ex" and t.physical_cores == 10 and t.cpu_model.endswith("12600K")


def test_windows_reader_falls_back_without_the_api(monkeypatch):
    # here (not Windows) ctypes has no WinDLL and there is no winreg: the real calls fail
    monkeypatch.setattr(sys, "platform", "win32")
    t = read_topology(numba_info=False)
    assert t.source.startswith("fallback: GetLogicalProcessorInformationEx failed") and t.caches == []


def test_linux_reader_is_sysfs(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(topology, "_read_sysfs", lambda path: seen.append(path) or parse_sysctl(""))
    read_topology(numba_info=False)
    assert seen == [topology.SYS_CPU]
    monkeypatch.setattr(sys, "platform", "darwin")      # a sysfs tree given explicitly is read as one
    read_topology(tmp_path, numba_info=False)
    assert seen == [topology.SYS_CPU, tmp_path]


# --- psutil --------------------------------------------------------------------------------------

def fake_psutil(monkeypatch, **attrs):
    monkeypatch.setitem(sys.modules, "psutil", types.SimpleNamespace(**attrs))


def test_available_bytes_asks_psutil(monkeypatch):
    fake_psutil(monkeypatch, virtual_memory=lambda: types.SimpleNamespace(available=123_456_789))
    assert memory.available_bytes() == 123_456_789


def test_available_bytes_reads_the_os_when_psutil_fails(monkeypatch, tmp_path):
    def broken():
        raise RuntimeError("no memory information")

    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       32000000 kB\nMemAvailable:    1234 kB\n")
    fake_psutil(monkeypatch, virtual_memory=broken)
    monkeypatch.setattr(memory, "Path", lambda _: meminfo)
    assert memory.available_bytes() == 1234 * 1024


def test_fallback_counts_physical_cores_with_psutil(monkeypatch, tmp_path):
    fake_psutil(monkeypatch, cpu_count=lambda logical=True: 64 if logical else 3)
    t = read_topology(tmp_path / "none", numba_info=False)
    assert t.physical_cores == 3 and "3 physical cores (psutil)" in t.source
