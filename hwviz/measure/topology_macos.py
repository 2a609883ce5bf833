"""macOS: the CPU layout from ``sysctl hw machdep.cpu``.

Apple silicon describes each kind of core as a *performance level* (``hw.perflevelN.*``: level 0
is the fastest kind; each has its own L1 sizes and an L2 shared by ``cpusperl2`` CPUs); Intel Macs
and macOS before performance levels give one set of ``hw.l1dcachesize`` ... ``hw.l3cachesize``
and, in ``hw.cacheconfig``, how many logical CPUs share each level. Keys are those of Apple's
"Determining system capabilities" (sysctlbyname) page.

macOS has no call to pin a thread to a CPU, so its CPUs have no numbers a program can use; the
numbers given here are labels: 0..n-1, performance level 0 first (the cores a foreground
measurement runs on), SMT siblings adjacent.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass

from hwviz.measure.topology import CacheInfo, Topology, fallback_topology, sort_caches

SOURCE = "macos-sysctl"
#: how long ``sysctl`` may take before the reader gives up (it answers in milliseconds)
TIMEOUT_S = 5.0
#: names of the performance levels when sysctl gives none (macOS 11-12 on the M1): Apple
#: documents level 0 as the highest-performance kind of core
TWO_LEVEL_NAMES = ("Performance", "Efficiency")

_LINE = re.compile(r"^([A-Za-z0-9_.]+)\s*(?::|=)\s?(.*)$")


@dataclass
class _Level:
    """One kind of core: its name ("" when the machine has one kind), counts and caches."""

    name: str
    cores: int
    logical: int
    caches: list[tuple[int, str, int, int, int]]  # level, type, bytes, ways, logical CPUs sharing one


def read_macos() -> Topology:
    """This Mac's topology from one run of ``sysctl hw machdep.cpu``; the fallback if it fails."""
    try:
        out = subprocess.run([shutil.which("sysctl") or "/usr/sbin/sysctl", "hw", "machdep.cpu"],
                             capture_output=True, text=True, timeout=TIMEOUT_S, check=True).stdout
    except (OSError, subprocess.SubprocessError) as e:
        return fallback_topology(f"sysctl could not be run ({type(e).__name__})")
    return parse_sysctl(out)


def parse_sysctl(text: str) -> Topology:
    """The topology that ``sysctl hw machdep.cpu`` output describes.

    Text without usable CPU counts (not sysctl output, or counts that do not add up) gives
    :func:`~hwviz.measure.topology.fallback_topology`, never an exception.
    """
    keys = _keys(text)
    brand = keys.get("machdep.cpu.brand_string", "")
    try:
        levels = _perf_levels(keys) if "hw.perflevel0.logicalcpu" in keys else [_one_level(keys)]
        return _build(levels, _int(keys, "hw.packages", 1), _int(keys, "hw.cachelinesize", 0),
                      brand or "unknown CPU", _int(keys, "hw.logicalcpu", sum(lv.logical for lv in levels)))
    except (KeyError, ValueError, IndexError, ZeroDivisionError) as e:
        why = e.args[0] if e.args else type(e).__name__
        return fallback_topology(f"sysctl output not understood ({why})", cpu_model=brand)


def _keys(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        m = _LINE.match(line.strip())
        if m:
            out[m.group(1)] = m.group(2).strip()
    return out


def _int(keys: dict[str, str], name: str, default: int | None = None) -> int:
    if name not in keys:
        if default is None:
            raise KeyError(f"no {name}")
        return default
    return int(keys[name].split()[0])


def _perf_levels(keys: dict[str, str]) -> list[_Level]:
    n = _int(keys, "hw.nperflevels", 1)
    out = []
    for i in range(n):
        p = f"hw.perflevel{i}."
        logical, cores = _int(keys, p + "logicalcpu"), _int(keys, p + "physicalcpu")
        widths = (logical // cores, _int(keys, p + "cpusperl2", logical), _int(keys, p + "cpusperl3", logical))
        name = keys.get(p + "name") or (TWO_LEVEL_NAMES[i] if n == 2 else f"performance level {i}")
        out.append(_Level(name if n > 1 else "", cores, logical, _caches(keys, p, widths)))
    return out


def _one_level(keys: dict[str, str]) -> _Level:
    """Intel Macs: one kind of core; ``hw.cacheconfig`` = logical CPUs sharing memory, L1, L2, L3."""
    logical, cores = _int(keys, "hw.logicalcpu"), _int(keys, "hw.physicalcpu")
    config = [int(x) for x in keys.get("hw.cacheconfig", "").split()]
    widths = [config[k] if k < len(config) and config[k] > 0 else default
              for k, default in ((1, logical // cores), (2, logical // cores),
                                 (3, logical // _int(keys, "hw.packages", 1)))]
    return _Level("", cores, logical, _caches(keys, "hw.", widths))


def _caches(keys: dict[str, str], prefix: str, widths) -> list[tuple[int, str, int, int, int]]:
    """L1d, L1i, L2, L3 from ``{prefix}l1dcachesize`` ..., each shared by ``widths`` (L1, L2, L3)
    logical CPUs; sysctl gives ways only for an Intel L2."""
    l2_ways = _int(keys, "machdep.cpu.cache.L2_associativity", 0)
    return [(1, "Data", _int(keys, prefix + "l1dcachesize", 0), 0, widths[0]),
            (1, "Instruction", _int(keys, prefix + "l1icachesize", 0), 0, widths[0]),
            (2, "Unified", _int(keys, prefix + "l2cachesize", 0), l2_ways, widths[1]),
            (3, "Unified", _int(keys, prefix + "l3cachesize", 0), 0, widths[2])]


def _build(levels: list[_Level], packages: int, line: int, model: str, logical: int) -> Topology:
    total = sum(lv.logical for lv in levels)
    if total != logical or packages < 1 or any(lv.cores < 1 or lv.logical < lv.cores or lv.logical % lv.cores
                                                for lv in levels):
        raise ValueError(f"{logical} logical CPUs do not split into the cores the levels list")
    siblings, caches, first = [], [], 0
    for lv in levels:
        per_core = lv.logical // lv.cores
        cpus = list(range(first, first + lv.logical))
        siblings += [cpus[k:k + per_core] for k in range(0, lv.logical, per_core)]
        for level, kind, size, ways, width in lv.caches:
            if size > 0:
                caches += [CacheInfo(level, kind, size, ways, line, cpus[k:k + width], lv.name)
                           for k in range(0, lv.logical, max(1, width))]
        first += lv.logical
    return Topology(cpu_model=model, logical_cpus=list(range(total)), physical_cores=len(siblings),
                    packages=packages, smt_siblings=siblings, caches=sort_caches(caches), source=SOURCE)
