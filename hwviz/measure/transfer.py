"""Host-device copy bandwidth (pageable and pinned buffers, 4 KiB to 1 GiB) and kernel launch
latency, measured through numba's CUDA support where a CUDA GPU is visible (the optional extra
``hwviz[gpu]``). Without one, :func:`cuda_or_error` says so in one sentence."""

from __future__ import annotations

import numpy as np

from hwviz.base.errors import ConfigError
from hwviz.base.units import format_size
from hwviz.measure.harness import CancelToken, guard_memory, measure
from hwviz.measure.results import Result, new_result

#: buffer sizes: 4 KiB to 1 GiB in steps of 4 (quick: up to 64 MiB)
SIZES = tuple(4096 * 4**k for k in range(10))
QUICK_TOP = 64 << 20


def cuda_or_error():
    """numba's ``cuda`` module if a CUDA GPU is visible; a :class:`ConfigError` otherwise."""
    try:
        from numba import cuda
    except ImportError:
        raise ConfigError("hwviz bench transfer needs numba's CUDA support (pip install 'hwviz[gpu]') "
                          "and a CUDA GPU") from None
    if not cuda.is_available():
        raise ConfigError("no CUDA GPU is visible (numba.cuda.is_available() is False), so nothing to measure; "
                          "the transfer scene shows modelled figures")
    return cuda


def _point(t, **fields) -> dict:
    p = dict(fields, seconds_min=t.seconds_min, seconds_median=t.seconds_median, spread=t.spread, repeats=t.repeats)
    if "bytes" in fields:
        p["gbps"] = fields["bytes"] / t.seconds_min / 1e9
    return p


def transfer(*, quick: bool = False, cancel: CancelToken | None = None, progress=None, topology=None) -> Result:
    """Measure copies each way from pageable and pinned host buffers at every size, then the
    time to launch an empty kernel and wait for it. Every copy is followed by a synchronize, so
    each timing is one whole transfer."""
    cuda = cuda_or_error()
    from hwviz.measure.topology import read_topology

    sizes = [s for s in SIZES if not quick or s <= QUICK_TOP]
    top = sizes[-1]
    guard_memory(2 * top, "host buffers for the copies")
    device = cuda.device_array(top, dtype=np.uint8)
    points, total = [], 4 * len(sizes) + 1
    for memory in ("pageable", "pinned"):
        host = np.ones(top, dtype=np.uint8) if memory == "pageable" else cuda.pinned_array(top, dtype=np.uint8)
        host[:] = 1
        for size in sizes:
            h, d = host[:size], device[:size]
            for direction, copy in (("h2d", lambda: d.copy_to_device(h)), ("d2h", lambda: d.copy_to_host(h))):
                if progress:
                    progress(len(points), total, f"{direction} {memory} {format_size(size)}")

                def once(copy=copy):
                    copy()
                    cuda.synchronize()
                points.append(_point(measure(once, min_time=0.05, cancel=cancel), direction=direction,
                                     memory=memory, bytes=size))

    @cuda.jit
    def empty():
        pass

    def launch():
        empty[1, 1]()
        cuda.synchronize()
    points.append(_point(measure(launch, min_time=0.1, cancel=cancel), direction="launch"))
    return new_result("transfer", {"sizes": sizes, "quick": quick}, points, topology or read_topology(),
                      "copies synchronised one by one; launch: an empty kernel, launched and waited for")


def format_transfer(result: Result) -> str:
    """The result as a table for the terminal."""
    lines = ["transfer (CUDA, numba)", f"{'direction':>9} {'memory':>9} {'size':>8} {'GB/s':>8} {'us':>9}"]
    for p in result.points:
        if p["direction"] == "launch":
            lines.append(f"kernel launch + synchronize: {p['seconds_min'] * 1e6:.1f} us")
        else:
            lines.append(f"{p['direction']:>9} {p['memory']:>9} {format_size(p['bytes']):>8} {p['gbps']:8.2f} "
                         f"{p['seconds_min'] * 1e6:9.1f}")
    return "\n".join(lines)
