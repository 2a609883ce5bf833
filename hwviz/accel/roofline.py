"""The roofline model: attainable throughput = min(peak, intensity x bandwidth), for catalogued
devices and for this machine from its own measurements, and where common kernels sit.

Williams, Waterman and Patterson, "Roofline: an insightful visual performance model for
multicore architectures", Communications of the ACM 52(4), 2009.

Intensity is FLOPs per byte moved to or from memory, each operand moved once (the best case a
cache or a tiled kernel reaches); the kernel's notes say what is counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hwviz.accel.catalog import Device
from hwviz.base.checks import whole_text
from hwviz.base.errors import ConfigError

#: bytes of one element per precision (the catalog's keys; ``peak`` is unstated: fp32 assumed)
ELEMENT_BYTES = {"fp64": 8, "fp32": 4, "tf32": 4, "fp16": 2, "bf16": 2, "int8": 1, "peak": 4}


@dataclass(frozen=True)
class Roof:
    """A device's roof: ``peak`` in FLOP/s, ``bandwidth`` in bytes/s, and where they come from."""

    label: str
    peak: float
    bandwidth: float
    origin: str          #: "spec", "derived", "measured" (here or recorded), with the source in ``note``
    note: str = ""

    @property
    def ridge(self) -> float:
        """The intensity (FLOP/byte) where the roof turns flat: peak / bandwidth."""
        return self.peak / self.bandwidth

    def attainable(self, intensity: float) -> float:
        """FLOP/s reachable at ``intensity``: min(peak, intensity x bandwidth)."""
        return min(self.peak, intensity * self.bandwidth)

    def bound(self, intensity: float) -> str:
        """"memory" left of the ridge, "compute" at or right of it."""
        return "memory" if intensity < self.ridge else "compute"


def device_roof(device: Device, precision: str) -> Roof | None:
    """The roof of a catalogued ``device`` at ``precision``; its unstated ``peak`` figure stands
    in when it has none at that precision (the lecture's rows); None without a bandwidth."""
    peak = device.peak(precision) or device.peak("peak")
    bw = device.figures.get("bandwidth")
    if peak is None or bw is None:
        return None
    statuses = {peak.status, bw.status}
    origin = "measured" if "measured" in statuses else "derived" if "derived" in statuses else "spec"
    unstated = "" if device.peak(precision) else " (precision unstated)"
    return Roof(device.name + unstated, peak.value, bw.value, origin,
                f"{peak.quoted} ({peak.source.title}); {bw.quoted} ({bw.source.title})")


@dataclass(frozen=True)
class Kernel:
    """A kernel at one size: FLOPs and bytes moved."""

    name: str
    flops: float
    bytes: float
    note: str

    @property
    def intensity(self) -> float:
        """FLOP per byte."""
        return self.flops / self.bytes


def kernels(n: int, conv: tuple[int, int, int, int], elem: int) -> list[Kernel]:
    """Vector add and dot product of length ``n``, an n x n matrix multiply, and a 3 x 3
    convolution layer ``conv`` = (height, width, channels in, channels out), ``elem`` bytes an
    element."""
    h, w, cin, cout = conv
    k = 3
    return [
        Kernel("vector add", n, 3 * n * elem, "1 FLOP per element; read a, b, write c"),
        Kernel("dot product", 2 * n, 2 * n * elem, "a multiply and an add per element; read a, b"),
        Kernel(f"matmul n={n:,}", 2 * n**3, 3 * n * n * elem,
               "2 n^3 FLOPs; A, B read and C written once (ideal tiling)"),
        Kernel(f"conv 3x3 {h}x{w}x{cin}->{cout}", 2 * h * w * cin * cout * k * k,
               (h * w * (cin + cout) + k * k * cin * cout) * elem,
               "2 FLOPs per MAC; input, output and weights moved once"),
    ]


def parse_conv(text: str) -> tuple[int, int, int, int]:
    """``"H,W,Cin,Cout"`` (e.g. ``"56,56,64,64"``) as four whole numbers from 1 to 65,536."""
    parts = str(text).replace(" ", "").split(",")
    if len(parts) != 4:
        raise ConfigError(f"convolution {str(text)[:40]!r} must be H,W,Cin,Cout, e.g. 56,56,64,64")
    return tuple(whole_text(p, name, 1, 65536) for p, name in zip(parts, ("height", "width", "Cin", "Cout")))


def machine_roof(results, where: str) -> Roof | None:
    """This machine's roof from ``hwviz.bench/1`` results: the fastest ``threads`` compute point
    (GFLOP/s, float64 FMA chains) and the fastest STREAM triad (GB/s); None unless both are there.
    ``where`` says how they were obtained ("measured here", "recorded on ... ")."""
    by_name = {r.experiment: r for r in results}
    t, s = by_name.get("threads"), by_name.get("stream")
    if t is None or s is None:
        return None
    flops = [p["gflops"] for p in t.points if p.get("bound") == "compute" and p.get("gflops")]
    triad = [p["gbps"] for p in s.points if p.get("kernel") == "triad" and p.get("gbps")]
    if not flops or not triad:
        return None
    return Roof("this machine", max(flops) * 1e9, max(triad) * 1e9, "measured",
                f"{where}: peak from the threads experiment ({max(flops):.1f} GFLOP/s, float64), "
                f"bandwidth from STREAM triad ({max(triad):.1f} GB/s)")


def recorded_results(folder: Path) -> tuple[list, str]:
    """The ``threads`` and ``stream`` results among the ``hwviz.bench/1`` files in ``folder`` and
    the file they came from (the first file holding both), or ``([], "")``."""
    from hwviz.measure.results import load_json

    for path in sorted(Path(folder).glob("*.json")):
        try:
            results = load_json(path)
        except ConfigError:
            continue
        names = {r.experiment for r in results}
        if {"threads", "stream"} <= names:
            return [r for r in results if r.experiment in ("threads", "stream")], path.name
    return [], ""
