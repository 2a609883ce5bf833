"""What this machine is: CPUs, cores, SMT siblings, caches, numba's threading, a CUDA GPU.

Read from Linux ``/sys`` and ``/proc``, from ``sysctl`` on macOS (:mod:`.topology_macos`) and
from ``GetLogicalProcessorInformationEx`` on Windows (:mod:`.topology_windows`). Where none of
these can be read, the counts come from psutil and ``source`` says what is missing.
"""

from __future__ import annotations

import os
import platform
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

SYS_CPU = Path("/sys/devices/system/cpu")


@dataclass
class CacheInfo:
    """One cache as the OS reports it."""

    level: int
    type: str           # Data, Instruction, Unified
    size_bytes: int
    ways: int           # 0 when the OS does not say (or fully associative)
    line_bytes: int
    shared_cpus: list[int]
    core_kind: str = ""  # "Performance", "Efficiency" on CPUs with two kinds of core; "" if one


@dataclass
class Topology:
    """The machine's CPU layout and software stack."""

    cpu_model: str
    logical_cpus: list[int]                 # usable by this process
    physical_cores: int
    packages: int
    smt_siblings: list[list[int]]           # logical CPUs sharing one core, per core
    caches: list[CacheInfo] = field(default_factory=list)
    numba_version: str = ""
    numba_threading_layer: str = ""
    cuda_gpu: str = ""                      # name of a CUDA GPU numba sees, "" if none
    source: str = "linux-sysfs"            # linux-sysfs, macos-sysctl, windows-slpi-ex, fallback: why

    @property
    def has_smt(self) -> bool:
        """True when some core runs more than one logical CPU."""
        return any(len(s) > 1 for s in self.smt_siblings)

    def to_dict(self) -> dict:
        """JSON form (``hwviz info --json`` and result files)."""
        d = asdict(self)
        d["has_smt"] = self.has_smt
        d["os"] = f"{platform.system()} {platform.release()}"
        d["python"] = platform.python_version()
        return d


def parse_cpu_list(text: str) -> list[int]:
    """Parse a Linux CPU list such as ``"0-3,8,10-11"``."""
    out: list[int] = []
    for part in text.strip().split(","):
        if not part:
            continue
        if "-" in part:
            a, b = part.split("-")
            out.extend(range(int(a), int(b) + 1))
        else:
            out.append(int(part))
    return out


def _read(p: Path) -> str:
    return p.read_text().strip()


def _size(text: str) -> int:
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
    t = text.strip()
    return int(t[:-1]) * mult[t[-1]] if t and t[-1] in mult else int(t)


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware", "processor\t: arm")):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown CPU"


def _usable_cpus() -> list[int]:
    if hasattr(os, "sched_getaffinity"):
        return sorted(os.sched_getaffinity(0))
    return list(range(_psutil_count(logical=True) or os.cpu_count() or 1))


def read_topology(sys_cpu: Path = SYS_CPU, numba_info: bool = True) -> Topology:
    """Describe this machine (or the sysfs tree at ``sys_cpu``, for tests).

    The reader follows ``sys.platform``: macOS asks ``sysctl``, Windows the processor-information
    API, everything else Linux sysfs; a reader that fails gives :func:`fallback_topology`.
    """
    if sys_cpu == SYS_CPU and sys.platform == "darwin":
        from hwviz.measure.topology_macos import read_macos

        topo = read_macos()
    elif sys_cpu == SYS_CPU and sys.platform == "win32":
        from hwviz.measure.topology_windows import read_windows

        topo = read_windows()
    else:
        topo = _read_sysfs(sys_cpu)
    if numba_info:
        _add_numba(topo)
    return topo


def _read_sysfs(sys_cpu: Path) -> Topology:
    cpus = _usable_cpus() if sys_cpu == SYS_CPU else None
    cores: dict[tuple[int, int], list[int]] = {}
    caches: list[CacheInfo] = []
    try:
        dirs = sorted((d for d in sys_cpu.glob("cpu[0-9]*") if (d / "topology").is_dir()),
                      key=lambda d: int(d.name[3:]))
        if not dirs:
            raise OSError("no cpu directories")
        if cpus is None:
            cpus = [int(d.name[3:]) for d in dirs]
        for d in dirs:
            n = int(d.name[3:])
            if n not in cpus:
                continue
            key = (int(_read(d / "topology" / "physical_package_id")), int(_read(d / "topology" / "core_id")))
            cores.setdefault(key, []).append(n)
        seen = set()
        for d in dirs:
            for c in sorted((d / "cache").glob("index*")):
                info = CacheInfo(
                    level=int(_read(c / "level")), type=_read(c / "type"),
                    size_bytes=_size(_read(c / "size")),
                    ways=int(_read(c / "ways_of_associativity")) if (c / "ways_of_associativity").exists() else 0,
                    line_bytes=int(_read(c / "coherency_line_size")),
                    shared_cpus=parse_cpu_list(_read(c / "shared_cpu_list")),
                )
                key = (info.level, info.type, tuple(info.shared_cpus))
                if key not in seen:
                    seen.add(key)
                    caches.append(info)
    except (OSError, ValueError, KeyError, IndexError):
        return fallback_topology("no Linux sysfs", cpus)
    return Topology(
        cpu_model=_cpu_model(),
        logical_cpus=cpus,
        physical_cores=len(cores),
        packages=len({k[0] for k in cores}),
        smt_siblings=sorted(cores.values()),
        caches=sort_caches(caches),
    )


def sort_caches(caches: list[CacheInfo]) -> list[CacheInfo]:
    """Caches in the order every reader lists them: by level, type, then the CPUs they serve."""
    return sorted(caches, key=lambda c: (c.level, c.type, c.shared_cpus))


def fallback_topology(why: str, cpus: list[int] | None = None, cpu_model: str = "") -> Topology:
    """What can be said without the OS's tables: the logical CPUs, psutil's count of physical
    cores, no caches; ``source`` starts with ``"fallback"`` and says ``why``."""
    cpus = cpus or _usable_cpus()
    physical = _psutil_count(logical=False)
    counted = f"{physical} physical cores (psutil)" if physical else "physical cores unknown"
    return Topology(
        cpu_model=cpu_model or _cpu_model(),
        logical_cpus=cpus,
        physical_cores=physical or len(cpus),
        packages=1,
        smt_siblings=[[c] for c in cpus],
        source=f"fallback: {why}; {counted}; which CPUs share a core and the caches unknown",
    )


def _psutil_count(logical: bool) -> int:
    """psutil's CPU count (0 when psutil is missing or cannot tell)."""
    try:
        import psutil

        return int(psutil.cpu_count(logical=logical) or 0)
    except Exception:  # noqa: BLE001 - any psutil failure means "not known"
        return 0


def _add_numba(topo: Topology) -> None:
    import numba

    topo.numba_version = numba.__version__
    topo.numba_threading_layer = _threading_layer()
    try:
        from numba import cuda

        if cuda.is_available():
            name = cuda.get_current_device().name
            topo.cuda_gpu = name.decode() if isinstance(name, bytes) else str(name)
    except Exception:  # noqa: BLE001 - any CUDA failure means "no usable GPU"
        topo.cuda_gpu = ""


def _threading_layer() -> str:
    """The layer numba runs parallel loops on, without starting its thread pool.

    Starting the pool just to ask has a cost: on some virtual machines an idle pool makes
    single-thread L1 bandwidth measured afterwards about a third lower.
    """
    import importlib

    import numba

    try:
        return numba.threading_layer()
    except ValueError:
        pass
    chosen = numba.config.THREADING_LAYER
    candidates = [chosen] if chosen in ("tbb", "omp", "workqueue") else ["tbb", "omp", "workqueue"]
    for layer in candidates:
        try:
            importlib.import_module(f"numba.np.ufunc.{layer}pool" if layer != "workqueue"
                                    else "numba.np.ufunc.workqueue")
            return f"{layer} (pool not started yet)"
        except ImportError:
            continue
    return "unknown"


def format_topology(t: Topology) -> str:
    """Human-readable text printed by ``hwviz info``."""
    from hwviz.base.units import format_size

    lines = [
        f"CPU            {t.cpu_model}",
        f"logical CPUs   {len(t.logical_cpus)} usable ({_ranges(t.logical_cpus)})",
        f"physical cores {t.physical_cores} in {t.packages} package(s)",
        "SMT            " + ("yes: " + "; ".join(_ranges(s) for s in t.smt_siblings if len(s) > 1)
                             if t.has_smt else "no (one logical CPU per core)"),
    ]
    for c in t.caches:
        ways = f"{c.ways}-way" if c.ways else "ways unknown"
        kind = f" ({c.core_kind} cores)" if c.core_kind else ""
        lines.append(f"L{c.level} {c.type:<11} {format_size(c.size_bytes):>8} {ways:>8}, "
                     f"{c.line_bytes} B lines, shared by CPUs {_ranges(c.shared_cpus)}{kind}")
    if not t.caches:
        lines.append("caches         unknown on this system")
    lines += [
        f"numba          {t.numba_version}, threading layer {t.numba_threading_layer}",
        f"CUDA GPU       {t.cuda_gpu or 'none visible to numba'}",
        f"source         {t.source}",
    ]
    return "\n".join(lines)


def _ranges(xs: list[int]) -> str:
    out, xs = [], sorted(xs)
    i = 0
    while i < len(xs):
        j = i
        while j + 1 < len(xs) and xs[j + 1] == xs[j] + 1:
            j += 1
        out.append(str(xs[i]) if i == j else f"{xs[i]}-{xs[j]}")
        i = j + 1
    return ",".join(out)
