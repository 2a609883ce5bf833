"""CPU-GPU traffic as a timeline: what the CPU, the copy engine and the GPU's compute units do,
for the three habits the lecture warns about. A model, not a measurement: copies take a fixed
latency plus bytes over the link's bandwidth, launches a fixed CPU time, kernels a fixed time.

Scenarios, each a pair (the habit, and the better way):

- ``batched``: one large copy each way, against ``copies`` small ones (each pays the latency);
- ``scalar``: a scalar (a loss) copied back after every step, which makes the CPU wait for the
  GPU each time, against once per epoch, which lets launches run ahead of the kernels;
- ``pinned``: a copy from pageable memory, which the driver first copies into a pinned staging
  buffer on the CPU (drawn unpipelined), against a copy from pinned memory.

NVIDIA, "How to Optimize Data Transfers in CUDA C/C++" (M. Harris, NVIDIA Technical Blog,
2012) describes the staging copy and the cost of many small transfers.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from hwviz.accel.catalog import Figure, Source, _figure
from hwviz.base.errors import ConfigError

SCENARIOS = ("batched", "scalar", "pinned")
ROWS = ("cpu", "copy", "gpu")
#: bytes of the scalar copied back (a float32 loss)
SCALAR_BYTES = 4


@dataclass(frozen=True)
class Event:
    """One bar: ``row`` (cpu, copy, gpu), seconds ``start`` to ``end``, and what it is
    (``launch``, ``wait``, ``staging``, ``h2d``, ``d2h``, ``kernel``)."""

    row: str
    start: float
    end: float
    kind: str
    bytes: int = 0


@dataclass(frozen=True)
class Timeline:
    """A scenario's events and its totals."""

    name: str
    events: tuple[Event, ...]

    @property
    def total(self) -> float:
        """Seconds from the first event's start to the last one's end."""
        return max(e.end for e in self.events)

    @property
    def gpu_busy(self) -> float:
        """Seconds the GPU's compute units run kernels."""
        return sum(e.end - e.start for e in self.events if e.kind == "kernel")

    @property
    def gpu_idle_fraction(self) -> float:
        """Share of the total the GPU runs no kernel."""
        return 1.0 - self.gpu_busy / self.total


@dataclass(frozen=True)
class Link:
    """A PCIe generation (x16) and its per-direction bandwidth, sourced."""

    generation: str
    bandwidth: Figure


@dataclass(frozen=True)
class TransferParams:
    """The model's inputs, in base units (bytes, seconds, bytes per second)."""

    bandwidth: float            #: the link, bytes/s per direction
    copy_latency: float = 10e-6     #: fixed cost of one copy, s (assumed)
    launch_latency: float = 5e-6    #: CPU time to launch one kernel, s (assumed)
    kernel_time: float = 200e-6     #: one kernel's run time, s (assumed)
    size: int = 4 << 20             #: bytes copied each way (batched, pinned)
    copies: int = 64                #: pieces of the many-small-copies habit
    steps: int = 20                 #: steps of the scalar scenario
    host_bandwidth: float = 10e9    #: CPU memcpy into the staging buffer, bytes/s (assumed)

    def copy_time(self, nbytes: int) -> float:
        """Seconds one copy of ``nbytes`` takes: latency + bytes / bandwidth."""
        return self.copy_latency + nbytes / self.bandwidth


def load_links() -> dict[str, Link]:
    """The PCIe generations shipped in ``hwviz/accel/pcie.toml``, validated like the catalog."""
    data = tomllib.loads(resources.files("hwviz.accel").joinpath("pcie.toml").read_text(encoding="utf-8"))
    if data.get("schema") != "hwviz.pcie/1":
        raise ConfigError("hwviz/accel/pcie.toml: schema must be 'hwviz.pcie/1'")
    sources = {k: Source(k, v["title"], v.get("url", "")) for k, v in data["sources"].items()}
    return {d["generation"]: Link(d["generation"], _figure("bandwidth", d["bandwidth"], f"PCIe {d['generation']}",
                                                           sources)) for d in data["link"]}


def _copies(row_events: list[Event], start: float, p: TransferParams, total: int, pieces: int, kind: str) -> float:
    """``pieces`` synchronous copies of ``total`` bytes one after another from ``start``: bars on
    the copy row and the CPU waiting on its row; returns when the last ends."""
    t = start
    for k in range(pieces):
        nbytes = total // pieces + (1 if k < total % pieces else 0)
        end = t + p.copy_time(nbytes)
        row_events += [Event("copy", t, end, kind, nbytes), Event("cpu", t, end, "wait")]
        t = end
    return t


def _kernel(events: list[Event], start: float, p: TransferParams) -> float:
    """A launch on the CPU row, then the kernel on the GPU row; the CPU waits for it (it needs
    the result next). Returns when the kernel ends."""
    launched = start + p.launch_latency
    end = launched + p.kernel_time
    events += [Event("cpu", start, launched, "launch"), Event("gpu", launched, end, "kernel"),
               Event("cpu", launched, end, "wait")]
    return end


def batched(p: TransferParams, pieces: int) -> Timeline:
    """Copy ``p.size`` bytes in, run one kernel, copy ``p.size`` bytes out, in ``pieces`` copies each way."""
    ev: list[Event] = []
    t = _copies(ev, 0.0, p, p.size, pieces, "h2d")
    t = _kernel(ev, t, p)
    _copies(ev, t, p, p.size, pieces, "d2h")
    return Timeline("one copy each way" if pieces == 1 else f"{pieces} copies each way", tuple(ev))


def scalar(p: TransferParams, every_step: bool) -> Timeline:
    """``p.steps`` kernels; a scalar copied back after each one (the CPU waits for it before the
    next launch), or all of them once at the end (launches queue ahead of the GPU)."""
    ev: list[Event] = []
    cpu = gpu = 0.0
    for _ in range(p.steps):
        launched = cpu + p.launch_latency
        ev.append(Event("cpu", cpu, launched, "launch"))
        start = max(launched, gpu)
        gpu = start + p.kernel_time
        ev.append(Event("gpu", start, gpu, "kernel"))
        cpu = launched
        if every_step:
            end = gpu + p.copy_time(SCALAR_BYTES)
            ev += [Event("copy", gpu, end, "d2h", SCALAR_BYTES), Event("cpu", cpu, end, "wait")]
            cpu = gpu = end
    if not every_step:
        end = gpu + p.copy_time(SCALAR_BYTES * p.steps)
        ev += [Event("copy", gpu, end, "d2h", SCALAR_BYTES * p.steps), Event("cpu", cpu, end, "wait")]
    return Timeline("loss copied back every step" if every_step else "losses copied back once", tuple(ev))


def pinned(p: TransferParams, pinned_memory: bool) -> Timeline:
    """Copy ``p.size`` bytes in and run one kernel, from pageable memory (a staging copy on the
    CPU first) or from pinned memory."""
    ev: list[Event] = []
    t = 0.0
    if not pinned_memory:
        t = p.size / p.host_bandwidth
        ev.append(Event("cpu", 0.0, t, "staging", p.size))
    t = _copies(ev, t, p, p.size, 1, "h2d")
    _kernel(ev, t, p)
    return Timeline("pinned memory" if pinned_memory else "pageable memory (staged)", tuple(ev))


def scenario(name: str, p: TransferParams) -> tuple[Timeline, Timeline]:
    """``(habit, better)`` timelines of scenario ``name``."""
    if name == "batched":
        return batched(p, p.copies), batched(p, 1)
    if name == "scalar":
        return scalar(p, True), scalar(p, False)
    if name == "pinned":
        return pinned(p, False), pinned(p, True)
    raise ConfigError(f"scenario {name!r} must be one of {', '.join(SCENARIOS)}")
