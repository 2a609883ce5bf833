"""The hardware catalog: every number has a source and a status, and the reader refuses bad entries."""

from importlib import resources

import pytest

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from hwviz.accel.catalog import PRECISIONS, STATUSES, load_catalog, parse_catalog
from hwviz.base.errors import ConfigError

RAW = tomllib.loads(resources.files("hwviz.accel").joinpath("catalog.toml").read_text(encoding="utf-8"))
NUMBERS = ("cores", "memory", "bandwidth", "power", "year") + PRECISIONS


def test_every_number_in_the_file_has_a_source_and_a_status():
    """Read the raw file, not through the reader: any number outside a sourced table fails."""
    for dev in RAW["device"]:
        for key, value in dev.items():
            if key in ("id", "name", "kind", "vendor"):
                assert isinstance(value, str)
                continue
            assert key in NUMBERS, (dev["id"], key)
            assert isinstance(value, dict), (dev["id"], key, "a bare number has no source")
            assert value.get("source") in RAW["sources"], (dev["id"], key)
            assert value.get("status") in STATUSES, (dev["id"], key)


def test_the_catalog_loads_and_covers_every_kind():
    cat = load_catalog()
    assert {d.kind for d in cat.devices} == {"cpu", "gpu", "tpu", "dsp", "fpga", "npu"}
    for want in ("nvidia-v100-sxm2", "nvidia-a100-sxm4-80gb", "nvidia-h100-sxm5", "google-tpu-v4",
                 "google-tpu-v5e", "ti-c6678", "amd-alveo-u250", "google-edge-tpu", "intel-i9-13900k"):
        assert cat.device(want).figures
    with pytest.raises(ConfigError, match="unknown device 'nope'"):
        cat.device("nope")


def test_the_lectures_rows_are_the_lectures_numbers():
    cat = load_catalog()
    i7, titan = cat.device("lecture-i7-7th"), cat.device("lecture-titan-x")
    assert i7.peak("peak").value == 0.15e12 and titan.peak("peak").value == 12e12
    assert titan.figures["memory"].value == 16e9
    table = {d.id: d for d in cat.devices if "cores" in d.figures and d.figures["cores"].source.key == "lecture"}
    got = {k: (d.figures["cores"].value, d.peak("peak").value / 1e12, d.figures["bandwidth"].value / 1e9)
           for k, d in table.items()}
    assert got == {"lecture-cpu-ordinary": (6, 0.2, 30), "lecture-cpu-high-end": (64, 1, 100),
                   "lecture-gpu-ordinary": (2000, 10, 400), "lecture-gpu-high-end": (4000, 100, 1000)}


def test_units_are_converted_to_base_units():
    cat = load_catalog()
    a100 = cat.device("nvidia-a100-sxm4-80gb")
    assert a100.figures["bandwidth"].value == 2039e9 and a100.figures["bandwidth"].quoted == "2039 GB/s"
    assert a100.peak("int8").value == 624e12
    assert cat.device("google-tpu-v4").figures["memory"].value == 32 * 2**30
    assert cat.device("google-tpu-v4").figures["power"].status == "measured"
    derived = cat.device("nvidia-h100-sxm5").peak("bf16")
    assert derived.status == "derived" and "sparsity" in derived.note


GOOD = """
schema = "hwviz.catalog/1"
[sources]
doc = { title = "A datasheet", url = "https://example.org/ds.pdf" }
[[device]]
id = "x"
name = "Device X"
kind = "gpu"
"""


@pytest.mark.parametrize("entry,message", [
    ('fp32 = { value = 1, unit = "TFLOPS", status = "spec" }', "'x': fp32 needs a source and a status"),
    ('fp32 = { value = 1, unit = "TFLOPS", source = "doc" }', "'x': fp32 needs a source and a status"),
    ('fp32 = 19.5', "'x': fp32 must be a table"),
    ('fp32 = { value = 1, unit = "TFLOPS", source = "web", status = "spec" }', "fp32.source 'web' is not in"),
    ('fp32 = { value = 1, unit = "TFLOPS", source = "doc", status = "rumour" }', "fp32.status 'rumour'"),
    ('fp32 = { value = 1, unit = "TOPS", source = "doc", status = "spec" }', "fp32.unit 'TOPS' must be one of"),
    ('int8 = { value = 1, unit = "TFLOPS", source = "doc", status = "spec" }', "int8.unit 'TFLOPS' must be one of"),
    ('memory = { value = 16, unit = "Gb", source = "doc", status = "spec" }', "memory.unit 'Gb' counts bits"),
    ('bandwidth = { value = 900, unit = "Gbps", source = "doc", status = "spec" }', "counts bits"),
    ('bandwidth = { value = -1, unit = "GB/s", source = "doc", status = "spec" }', "must be a positive number"),
    ('power = { value = 1, unit = "W", source = "doc", status = "derived" }', "'x': power is derived: its note"),
    ('cores = { value = 2.5, source = "doc", status = "spec" }', "cores is a whole count"),
    ('year = { value = 20, source = "doc", status = "spec" }', "not a year"),
    ('fp32 = { value = 1, unit = "TFLOPS", source = "doc", status = "spec", url = "u" }', "unknown field"),
    ('flops = 3', "'x': unknown field(s) flops"),
])
def test_a_bad_entry_is_one_clear_error_naming_entry_and_field(entry, message):
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_catalog(GOOD + entry + "\n")
    parse_catalog(GOOD)                  # and the entry without it is fine


@pytest.mark.parametrize("text,message", [
    (GOOD.replace('kind = "gpu"', 'kind = "qpu"'), "kind 'qpu' must be one of"),
    (GOOD + GOOD.split("[[device]]")[1].join(["[[device]]", ""]), "appear more than once"),
    (GOOD.replace("hwviz.catalog/1", "other"), "schema must be"),
    (GOOD.replace('title = "A datasheet", ', ""), "source 'doc': title must be"),
    ("schema = ", "not valid TOML"),
])
def test_bad_files_are_refused(text, message):
    with pytest.raises(ConfigError, match=message):
        parse_catalog(text)
