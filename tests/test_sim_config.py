"""Configuration: sizes, validation sentences, TOML round trip, presets."""

import pytest

from hwviz.sim import CacheLevel, ConfigError, Hierarchy, parse_size
from hwviz.sim.config_file import dump_hierarchy, hierarchy_from_dict, load_hierarchy, save_hierarchy
from hwviz.sim.presets import PRESETS, host, preset


@pytest.mark.parametrize("text,value", [("48KiB", 49152), ("1.5MiB", 1572864), ("32 KB", 32768),
                                        (4096, 4096), ("64", 64), ("1GiB", 1 << 30)])
def test_parse_size(text, value):
    assert parse_size(text) == value


@pytest.mark.parametrize("text", ["12 parsecs", "-5", "0", "1.3KiB", True, None])
def test_parse_size_rejects(text):
    with pytest.raises(ConfigError):
        parse_size(text)


def test_non_multiple_size_names_field_and_values():
    with pytest.raises(ConfigError, match=r"L2 size 1000000 B is not a multiple of ways x line = 16 x 64 B"):
        CacheLevel("L2", 1_000_000, 16).validate()


@pytest.mark.parametrize("level,msg", [
    (CacheLevel("L1", 32768, 8, line=48), "not a power of two"),
    (CacheLevel("L1", 32768, 8, policy="mru"), "policy 'mru' is unknown"),
    (CacheLevel("L1", 49152, 12, policy="plru"), "power-of-two number of ways"),
    (CacheLevel("L1", 32768, 8, write="sideways"), "write 'sideways' is unknown"),
    (CacheLevel("L1", 32768, 0), "ways 0 must be at least 1"),
])
def test_level_errors(level, msg):
    with pytest.raises(ConfigError, match=msg):
        level.validate()


def test_non_power_of_two_set_counts():
    assert CacheLevel("L1", 48 << 10, 12).sets == 64
    l2 = CacheLevel("L2", 1536 << 10, 12)
    l2.validate()
    assert l2.sets == 2048
    l3 = CacheLevel("L3", 30 << 20, 12)
    l3.validate()
    assert l3.sets == 40960


def test_hierarchy_rules():
    l1 = CacheLevel("L1", 32768, 8)
    with pytest.raises(ConfigError, match="1 to 4 cache levels"):
        Hierarchy(()).validate()
    with pytest.raises(ConfigError, match="one line size"):
        Hierarchy((l1, CacheLevel("L2", 1 << 20, 8, line=128))).validate()
    with pytest.raises(ConfigError, match="write-back only"):
        Hierarchy((CacheLevel("L1", 32768, 8, write="through"),), inclusion="exclusive").validate()
    with pytest.raises(ConfigError, match="prefetcher 'magic' is unknown"):
        Hierarchy((l1,)).with_prefetch("magic").validate()


def test_toml_round_trip(tmp_path):
    for name in PRESETS:
        h = preset(name).with_prefetch("stream", distance=6)
        path = tmp_path / f"{name}.toml"
        save_hierarchy(h, path)
        assert load_hierarchy(path) == h


def test_toml_errors(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[[level]]\nname='L1'\nsize='32KiB'\nways=8\ncolour='red'\n")
    with pytest.raises(ConfigError, match="unknown key 'colour'"):
        load_hierarchy(bad)
    bad.write_text("this is = not toml [")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_hierarchy(bad)
    with pytest.raises(ConfigError, match="missing.toml does not exist"):
        load_hierarchy(tmp_path / "missing.toml")
    with pytest.raises(ConfigError, match="no \\[\\[level\\]\\] tables"):
        hierarchy_from_dict({"memory": {"latency_ns": 80}})
    with pytest.raises(ConfigError, match="L1 size '12 apples'"):
        hierarchy_from_dict({"level": [{"name": "L1", "size": "12 apples", "ways": 8}]})


def test_dump_uses_human_sizes():
    text = dump_hierarchy(preset("i9-12900k"))
    assert 'size = "48KiB"' in text and 'size = "1.25MiB"' in text and 'size = "30MiB"' in text


def test_textbook_has_the_lectures_latencies():
    h = preset("textbook")
    assert [l.latency_ns for l in h.levels][:2] == [0.5, 7.0] and h.memory_latency_ns == 100.0
    assert "20 ns" in h.note


def test_host_reads_sysfs(tmp_path):
    for i, (lvl, kind, size, ways) in enumerate([(1, "Data", "48K", 12), (1, "Instruction", "32K", 8),
                                                 (2, "Unified", "2048K", 16), (3, "Unified", "36864K", 12)]):
        d = tmp_path / f"index{i}"
        d.mkdir()
        for k, v in (("level", lvl), ("type", kind), ("size", size), ("ways_of_associativity", ways),
                     ("coherency_line_size", 64)):
            (d / k).write_text(f"{v}\n")
    h = host(tmp_path).validate()
    assert [(l.name, l.size, l.ways) for l in h.levels] == [
        ("L1", 48 << 10, 12), ("L2", 2 << 20, 16), ("L3", 36 << 20, 12)]
    assert "typical" in h.note


def test_host_falls_back_with_a_note(tmp_path):
    h = host(tmp_path / "nothing")
    assert h.levels == preset("textbook").levels and "could not be read" in h.note


def test_unknown_preset():
    with pytest.raises(ConfigError, match="unknown preset 'nope'"):
        preset("nope")
