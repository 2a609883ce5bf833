"""Windows: the CPU layout from ``GetLogicalProcessorInformationEx(RelationAll)`` (kernel32).

The call fills a buffer with variable-size ``SYSTEM_LOGICAL_PROCESSOR_INFORMATION_EX`` records
(winnt.h): a 4-byte ``Relationship``, a 4-byte ``Size``, then the relationship's structure.
:func:`parse_slpi_ex` reads the three it needs at their documented offsets:

- ``RelationProcessorCore`` (0) and ``RelationProcessorPackage`` (3): ``PROCESSOR_RELATIONSHIP``
  -- ``Flags``, ``EfficiencyClass`` (higher is faster, nonzero only on hybrid CPUs), ``GroupCount``
  at byte 22 and ``GROUP_AFFINITY`` masks from byte 24. A core's SMT siblings are the logical
  processors of its mask (``Flags`` is ``LTP_PC_SMT`` exactly when there are several);
- ``RelationCache`` (2): ``CACHE_RELATIONSHIP`` -- ``Level``, ``Associativity`` (0xFF: fully
  associative), ``LineSize``, ``CacheSize``, ``Type`` (``PROCESSOR_CACHE_TYPE``), ``GroupCount``
  at byte 30 (reserved, so 0, before Windows 11: then there is one mask) and masks from byte 32.

A ``GROUP_AFFINITY`` is a ``Mask`` (64 bits: numba, hence hwviz, runs on 64-bit Windows only) and
a 16-bit ``Group`` in 16 bytes; logical processor ``b`` of group ``g`` is numbered ``64 * g + b``
here. Other records (NUMA nodes, groups, dies, modules) are skipped by their ``Size``.
"""

from __future__ import annotations

import platform
import struct

from hwviz.measure.topology import CacheInfo, Topology, fallback_topology, sort_caches

SOURCE = "windows-slpi-ex"
RELATION_PROCESSOR_CORE, RELATION_CACHE, RELATION_PROCESSOR_PACKAGE = 0, 2, 3
RELATION_ALL = 0xFFFF
CACHE_FULLY_ASSOCIATIVE = 0xFF
CACHE_TYPES = {0: "Unified", 1: "Instruction", 2: "Data", 3: "Trace"}
HEADER = struct.Struct("<iI")           # Relationship, Size
CACHE = struct.Struct("<BBHIi")         # Level, Associativity, LineSize, CacheSize, Type
AFFINITY = struct.Struct("<QH6x")       # Mask, Group, Reserved[3]
CPU_KEY = r"HARDWARE\DESCRIPTION\System\CentralProcessor\0"


def read_windows() -> Topology:
    """This PC's topology from the processor-information API; the fallback if the call fails."""
    model = _cpu_model()
    try:
        buffer = _call_api()
    except (OSError, AttributeError) as e:   # AttributeError: no ctypes.WinDLL (not Windows)
        return fallback_topology(f"GetLogicalProcessorInformationEx failed ({e})", cpu_model=model)
    return parse_slpi_ex(buffer, model)


def parse_slpi_ex(buffer: bytes, cpu_model: str = "unknown CPU") -> Topology:
    """The topology a ``GetLogicalProcessorInformationEx(RelationAll)`` buffer describes.

    A buffer that is cut short, has records that run past its end, or lists no cores gives
    :func:`~hwviz.measure.topology.fallback_topology`, never an exception.
    """
    try:
        return _parse(bytes(buffer), cpu_model)
    except (struct.error, ValueError, IndexError) as e:
        return fallback_topology(f"processor information not understood ({e})", cpu_model=cpu_model)


def _parse(buf: bytes, cpu_model: str) -> Topology:
    cores: list[tuple[list[int], int]] = []          # (logical CPUs, efficiency class)
    raw_caches: list[tuple[int, int, int, int, int, list[int]]] = []
    packages, off = 0, 0
    while off < len(buf):
        relationship, size = HEADER.unpack_from(buf, off)
        if size < HEADER.size or off + size > len(buf):
            raise ValueError(f"a record at byte {off} claims {size} bytes")
        body, end = off + HEADER.size, off + size
        if relationship == RELATION_PROCESSOR_CORE:
            cores.append((_cpus(buf, body + 24, _count(buf, body + 22), end), buf[body + 1]))
        elif relationship == RELATION_PROCESSOR_PACKAGE:
            packages += 1
        elif relationship == RELATION_CACHE:
            level, ways, line, nbytes, kind = CACHE.unpack_from(buf, body)
            raw_caches.append((level, ways, line, nbytes, kind,
                               _cpus(buf, body + 32, max(1, _count(buf, body + 30)), end)))
        off = end
    if not cores or not all(c for c, _ in cores):
        raise ValueError("no cores, or a core without logical processors")
    kind_of = _core_kinds(cores)
    caches = []
    for level, ways, line, nbytes, kind, cpus in (c for c in raw_caches if c[5]):
        kinds = {kind_of.get(c, "") for c in cpus}
        caches.append(CacheInfo(level, CACHE_TYPES.get(kind, f"type {kind}"), nbytes,
                                0 if ways == CACHE_FULLY_ASSOCIATIVE else ways, line, cpus,
                                kinds.pop() if len(kinds) == 1 else ""))
    siblings = sorted(c for c, _ in cores)
    return Topology(cpu_model=cpu_model, logical_cpus=sorted(x for c in siblings for x in c),
                    physical_cores=len(cores), packages=max(1, packages), smt_siblings=siblings,
                    caches=sort_caches(caches), source=SOURCE)


def _count(buf: bytes, at: int) -> int:
    return struct.unpack_from("<H", buf, at)[0]


def _cpus(buf: bytes, at: int, count: int, end: int) -> list[int]:
    """The logical CPUs of ``count`` ``GROUP_AFFINITY`` masks starting at byte ``at``."""
    if at + count * AFFINITY.size > end:
        raise ValueError(f"{count} group masks do not fit in their record")
    out = []
    for k in range(count):
        mask, group = AFFINITY.unpack_from(buf, at + k * AFFINITY.size)
        out += [64 * group + b for b in range(64) if mask >> b & 1]
    return sorted(out)


def _core_kinds(cores: list[tuple[list[int], int]]) -> dict[int, str]:
    """CPU -> "Performance" / "Efficiency" on hybrid CPUs (several efficiency classes), else {}."""
    classes = sorted({e for _, e in cores})
    if len(classes) < 2:
        return {}
    names = {classes[0]: "Efficiency", classes[-1]: "Performance"}
    return {c: names.get(e, f"efficiency class {e}") for cpus, e in cores for c in cpus}


def _call_api() -> bytes:
    """The raw ``RelationAll`` buffer: one call to learn its size, one to fill it."""
    import ctypes
    from ctypes import wintypes

    fn = ctypes.WinDLL("kernel32", use_last_error=True).GetLogicalProcessorInformationEx
    fn.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(wintypes.DWORD)]
    fn.restype = wintypes.BOOL
    size = wintypes.DWORD(0)
    fn(RELATION_ALL, None, ctypes.byref(size))       # fails with ERROR_INSUFFICIENT_BUFFER
    if size.value == 0:
        raise ctypes.WinError(ctypes.get_last_error())
    buf = ctypes.create_string_buffer(size.value)
    if not fn(RELATION_ALL, buf, ctypes.byref(size)):
        raise ctypes.WinError(ctypes.get_last_error())
    return buf.raw[:size.value]


def _cpu_model() -> str:
    """The CPU's marketing name from the registry, else what ``platform`` knows."""
    try:
        import winreg

        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, CPU_KEY) as key:
            return str(winreg.QueryValueEx(key, "ProcessorNameString")[0]).strip()
    except (ImportError, OSError):
        return platform.processor() or "unknown CPU"
