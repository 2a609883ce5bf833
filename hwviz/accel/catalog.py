"""The hardware catalog: devices with peak throughput, memory, bandwidth and power, every number
with its source and status. One reader validates the data file (``catalog.toml``) entry by entry.

Numbers are stored in base units: operations per second, bytes, bytes per second, watts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from importlib import resources

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from hwviz.base.errors import ConfigError

SCHEMA = "hwviz.catalog/1"
KINDS = ("cpu", "gpu", "tpu", "dsp", "fpga", "npu")
STATUSES = ("spec", "measured", "derived")
#: throughput keys; ``peak`` is a figure whose source does not say the precision
PRECISIONS = ("fp64", "fp32", "tf32", "fp16", "bf16", "int8", "peak")

_FLOPS = {"PFLOPS": 1e15, "TFLOPS": 1e12, "GFLOPS": 1e9}
_OPS = {"POPS": 1e15, "TOPS": 1e12, "GOPS": 1e9}
_BYTES = {"TB": 1e12, "GB": 1e9, "MB": 1e6, "TiB": 2**40, "GiB": 2**30, "MiB": 2**20}
_RATES = {f"{u}/s": s for u, s in _BYTES.items()}
#: per key: its unit table (unit -> scale to base units), or None for a plain count
_UNITS = {**{p: _FLOPS for p in PRECISIONS if p != "int8"}, "int8": _OPS,
          "memory": _BYTES, "bandwidth": _RATES, "power": {"W": 1.0}, "cores": None, "year": None}
_BITS = ("Gb", "Mb", "Tb", "Gbit", "Gbps", "Mbps", "Tbps", "Gb/s", "Mb/s", "Tb/s")
_FIGURE_KEYS = {"value", "unit", "source", "status", "note"}
_DEVICE_KEYS = {"id", "name", "kind", "vendor"} | set(_UNITS)


@dataclass(frozen=True)
class Source:
    """A public document numbers are read from."""

    key: str
    title: str
    url: str = ""


@dataclass(frozen=True)
class Figure:
    """One number: ``value`` in base units (ops/s, bytes, bytes/s, W, a count or a year)."""

    value: float
    quoted: str          #: as the source writes it, e.g. "2039 GB/s"
    source: Source
    status: str          #: spec, measured or derived
    note: str = ""


@dataclass(frozen=True)
class Device:
    """A CPU, GPU, TPU, DSP, FPGA or NPU and its sourced figures (keys of ``_UNITS``)."""

    id: str
    name: str
    kind: str
    vendor: str = ""
    figures: dict[str, Figure] = field(default_factory=dict)

    def peak(self, precision: str) -> Figure | None:
        """Peak throughput at ``precision`` (ops per second), or None where not catalogued."""
        return self.figures.get(precision)


@dataclass(frozen=True)
class Catalog:
    """All devices, in file order, and the documents they cite."""

    devices: tuple[Device, ...]
    sources: dict[str, Source]

    def device(self, device_id: str) -> Device:
        """The device called ``device_id``; a :class:`ConfigError` lists the known ids otherwise."""
        for d in self.devices:
            if d.id == device_id:
                return d
        raise ConfigError(f"unknown device {device_id!r} (known: {', '.join(d.id for d in self.devices)})")

    def of_kind(self, kind: str) -> tuple[Device, ...]:
        """The devices of one kind (``cpu``, ``gpu``, ...)."""
        return tuple(d for d in self.devices if d.kind == kind)


def _text(value, where: str, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise ConfigError(f"{where} must be a non-empty text")
    return value.strip()


def _figure(key: str, raw, where: str, sources: dict[str, Source]) -> Figure:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where} must be a table {{ value, unit, source, status }}")
    extra = set(raw) - _FIGURE_KEYS
    if extra:
        raise ConfigError(f"{where} has unknown field(s) {', '.join(sorted(extra))}")
    if "source" not in raw or "status" not in raw:
        raise ConfigError(f"{where} needs a source and a status (spec, measured or derived)")
    source = _text(raw["source"], f"{where}.source")
    if source not in sources:
        raise ConfigError(f"{where}.source {source!r} is not in [sources]")
    status = raw["status"]
    if status not in STATUSES:
        raise ConfigError(f"{where}.status {status!r} must be one of {', '.join(STATUSES)}")
    note = _text(raw.get("note"), f"{where}.note", required=False)
    if status == "derived" and not note:
        raise ConfigError(f"{where} is derived: its note must say how")
    value = raw.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value <= 0:
        raise ConfigError(f"{where}.value {value!r} must be a positive number")
    units, unit = _UNITS[key], raw.get("unit")
    if units is None:
        if unit is not None or not float(value).is_integer():
            raise ConfigError(f"{where} is a whole count with no unit")
        if key == "year" and not 1950 <= value <= 2100:
            raise ConfigError(f"{where}.value {value} is not a year")
        return Figure(float(value), str(value), sources[source], status, note)
    if unit in _BITS:
        raise ConfigError(f"{where}.unit {unit!r} counts bits; write the figure in bytes ({', '.join(units)})")
    if unit not in units:
        raise ConfigError(f"{where}.unit {unit!r} must be one of {', '.join(units)}")
    return Figure(value * units[unit], f"{value:g} {unit}", sources[source], status, note)


def _device(raw, index: int, sources: dict[str, Source]) -> Device:
    if not isinstance(raw, dict):
        raise ConfigError(f"catalog device #{index + 1} must be a table")
    dev_id = _text(raw.get("id"), f"catalog device #{index + 1}: id")
    where = f"catalog device {dev_id!r}"
    extra = set(raw) - _DEVICE_KEYS
    if extra:
        raise ConfigError(f"{where}: unknown field(s) {', '.join(sorted(extra))} "
                          f"(known: {', '.join(sorted(_DEVICE_KEYS))})")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise ConfigError(f"{where}: kind {kind!r} must be one of {', '.join(KINDS)}")
    figures = {k: _figure(k, raw[k], f"{where}: {k}", sources) for k in _UNITS if k in raw}
    return Device(dev_id, _text(raw.get("name"), f"{where}: name"), kind,
                  _text(raw.get("vendor"), f"{where}: vendor", required=False), figures)


def parse_catalog(text: str, origin: str = "catalog") -> Catalog:
    """Read and validate a catalog from TOML ``text``; any bad entry is one :class:`ConfigError`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{origin} is not valid TOML: {e}") from None
    if data.get("schema") != SCHEMA:
        raise ConfigError(f"{origin}: schema must be {SCHEMA!r}")
    raw_sources = data.get("sources")
    if not isinstance(raw_sources, dict) or not raw_sources:
        raise ConfigError(f"{origin}: a [sources] table is needed")
    sources = {}
    for key, raw in raw_sources.items():
        if not isinstance(raw, dict) or set(raw) - {"title", "url"}:
            raise ConfigError(f"{origin}: source {key!r} must be a table {{ title, url }}")
        sources[key] = Source(key, _text(raw.get("title"), f"source {key!r}: title"),
                              _text(raw.get("url"), f"source {key!r}: url", required=False))
    raw_devices = data.get("device")
    if not isinstance(raw_devices, list) or not raw_devices:
        raise ConfigError(f"{origin}: no [[device]] entries")
    devices = tuple(_device(raw, i, sources) for i, raw in enumerate(raw_devices))
    ids = [d.id for d in devices]
    dup = sorted({i for i in ids if ids.count(i) > 1})
    if dup:
        raise ConfigError(f"{origin}: device id(s) {', '.join(dup)} appear more than once")
    return Catalog(devices, sources)


def load_catalog() -> Catalog:
    """The catalog shipped with hwviz (``hwviz/accel/catalog.toml``)."""
    text = resources.files("hwviz.accel").joinpath("catalog.toml").read_text(encoding="utf-8")
    return parse_catalog(text, "hwviz/accel/catalog.toml")
