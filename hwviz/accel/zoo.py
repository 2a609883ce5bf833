"""The accelerator zoo: CPU, GPU, DSP, FPGA and ASIC side by side on the catalog's numbers
(throughput per watt where the catalog has both figures) against how flexible each kind is,
with the lecture's points about each."""

from __future__ import annotations

from dataclasses import dataclass

from hwviz.accel.catalog import Catalog, Device, Figure

#: the kinds in order of flexibility, least first, as the lecture ranks them ("the more special
#: the hardware, the easier to build"): an ordering, not a measurement
FAMILIES = ("asic", "fpga", "dsp", "gpu", "cpu")
#: catalog kinds in each family (TPUs and NPUs are AI ASICs)
KINDS = {"asic": ("tpu", "npu"), "fpga": ("fpga",), "dsp": ("dsp",), "gpu": ("gpu",), "cpu": ("cpu",)}
#: throughput keys tried, fastest kind of arithmetic first
_FAST_FIRST = ("int8", "fp16", "bf16", "tf32", "fp32", "peak", "fp64")


@dataclass(frozen=True)
class ZooPoint:
    """A device's fastest catalogued throughput and, where the catalog has a power, per watt."""

    device: Device
    family: str
    precision: str
    throughput: Figure
    power: Figure | None

    @property
    def per_watt(self) -> float | None:
        """Operations per second per watt (derived: throughput / power), or None without a power."""
        return self.throughput.value / self.power.value if self.power else None


def family_of(device: Device) -> str:
    """The family (asic, fpga, dsp, gpu, cpu) of a catalogued device."""
    return next(f for f, kinds in KINDS.items() if device.kind in kinds)


def fastest(device: Device) -> tuple[str, Figure] | None:
    """``(precision, figure)`` of the device's highest catalogued throughput, or None."""
    figs = [(p, device.figures[p]) for p in _FAST_FIRST if p in device.figures]
    return max(figs, key=lambda pf: pf[1].value) if figs else None


def zoo(catalog: Catalog) -> list[ZooPoint]:
    """Every catalogued device with a throughput, in family order."""
    out = []
    for fam in FAMILIES:
        for d in catalog.devices:
            if family_of(d) == fam and fastest(d):
                p, fig = fastest(d)
                out.append(ZooPoint(d, fam, p, fig, d.figures.get("power")))
    return out
