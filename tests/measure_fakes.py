"""Fast fake experiments for the measurement scenes: results with known numbers, on this machine
or on an invented one, and a runner that streams them like the real ones."""

import time

from hwviz.base.errors import ConfigError
from hwviz.measure.results import Result
from hwviz.measure.topology import read_topology

KiB, MiB = 1 << 10, 1 << 20

#: a machine that is not this one: other CPU, other caches, other thread count
OTHER_MACHINE = {
    "cpu_model": "Imaginary Xeon 9999", "logical_cpus": list(range(64)), "physical_cores": 32,
    "packages": 1, "smt_siblings": [[i, i + 32] for i in range(32)], "source": "test",
    "caches": [
        {"level": 1, "type": "Data", "size_bytes": 32 * KiB, "ways": 8, "line_bytes": 64, "shared_cpus": [0]},
        {"level": 1, "type": "Instruction", "size_bytes": 64 * KiB, "ways": 8, "line_bytes": 64, "shared_cpus": [0]},
        {"level": 2, "type": "Unified", "size_bytes": 2 * MiB, "ways": 16, "line_bytes": 64, "shared_cpus": [0]},
        {"level": 3, "type": "Unified", "size_bytes": 96 * MiB, "ways": 12, "line_bytes": 64, "shared_cpus": [0, 1]},
    ],
}


def here() -> dict:
    """This machine's description, as results carry it."""
    return read_topology(numba_info=False).to_dict()


def _p(spread=0.01, **kw) -> dict:
    return dict(kw, seconds_min=1e-3, seconds_median=1e-3, spread=spread, repeats=5)


def row_col_points(ns=(64, 512, 4096), slow=(1.5, 8.0, 30.0), busy_n=None) -> list[dict]:
    """Row at 20 GB/s, column ``slow`` times slower, unpadded and padded (padded: half as slow)."""
    out = []
    for n, f in zip(ns, slow):
        for padded, factor in ((False, f), (True, max(1.0, f / 2))):
            spread = 0.5 if n == busy_n else 0.01
            out.append(_p(spread, n=n, order="row", padded=padded, gbps=20.0))
            out.append(_p(spread, n=n, order="col", padded=padded, gbps=20.0 / factor, slowdown=factor))
    return out


def latency_points(levels_ns=(1.0, 4.0, 14.0, 20.0), memory_ns=120.0, machine=None) -> list[dict]:
    """A ladder on ``machine``'s cache sizes (default: this one's): flat at a quarter and half of
    each level, memory at 8 and 16 times the last level."""
    from hwviz.measure.calibration import cache_levels

    levels = cache_levels(machine or here())
    out = []
    for (_name, size), ns in zip(levels, levels_ns):
        out += [_p(size_bytes=size // 4, ns_per_op=ns), _p(size_bytes=size // 2, ns_per_op=ns)]
    llc = levels[-1][1]
    return out + [_p(size_bytes=8 * llc, ns_per_op=memory_ns), _p(size_bytes=16 * llc, ns_per_op=memory_ns)]


def loops_points() -> list[dict]:
    """Python 100 ns/element up to 100,000 (not beyond), numpy 0.5, numba 0.4, parallel 0.25."""
    out = []
    for n in (1_000, 100_000, 10_000_000):
        for impl, ns in (("python", 100.0), ("numpy", 0.5), ("numba", 0.4), ("numba-parallel", 0.25)):
            if impl == "python" and n > 100_000:
                continue
            out.append(_p(n=n, impl=impl, ns_per_op=ns, bytes=24 * n, gbps=24 / ns))
    return out


def mountain_points(sizes=(16 * KiB, 256 * KiB, 4 * MiB, 256 * MiB), strides=(1, 4, 16)) -> list[dict]:
    """Throughput falling with size and stride: 100 / (level + 1) / stride GB/s."""
    return [_p(size_bytes=s, stride=t, gbps=100.0 / (k + 1) / t, bytes=s)
            for k, s in enumerate(sizes) for t in strides]


POINTS = {"row-col": row_col_points, "latency": latency_points, "loops": loops_points,
          "mountain": mountain_points}


def result(experiment: str, machine: dict | None = None, points=None, created="2025-03-04T05:06:07+00:00") -> Result:
    """A result of ``experiment`` with the fake points, on ``machine`` (default: this one)."""
    pts = POINTS[experiment]() if points is None else points
    return Result(experiment, machine or here(), {"quick": True}, pts, created)


class FakeRunner:
    """Stands in for the measurement: streams the fake points ``delay`` seconds apart (checking
    the cancel token every 10 ms), then returns them; with ``fail`` it raises after the first."""

    def __init__(self, delay=0.0, fail=False, points=None):
        self.delay, self.fail, self.points, self.calls = delay, fail, points, 0

    def __call__(self, name, *, quick, cancel, progress, point, topology):
        self.calls += 1
        r = result(name, points=self.points)
        for k, p in enumerate(r.points):
            end = time.monotonic() + self.delay
            while time.monotonic() < end:
                cancel.check()
                time.sleep(0.01)
            cancel.check()
            progress(k, len(r.points), f"point {k}")
            point(dict(p))
            if self.fail:
                raise ConfigError("the fake machine caught fire")
        return r
