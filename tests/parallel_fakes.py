"""Fake results of the parallel experiments (threads, smt, false-sharing, python-threads) with
known numbers, on an invented machine with SMT or any machine dict, in the shapes the real ones
have."""

from hwviz.measure.pinning import placement
from hwviz.measure.results import Result
from hwviz.measure.smt import NO_SMT
from measure_fakes import KiB, MiB, _p

#: a machine with SMT: 8 cores, 16 logical CPUs, siblings [i, i + 8], one package
SMT_MACHINE = {
    "cpu_model": "Imaginary Core 8800", "logical_cpus": list(range(16)), "physical_cores": 8,
    "packages": 1, "smt_siblings": [[i, i + 8] for i in range(8)], "source": "test",
    "caches": [
        *({"level": 1, "type": "Data", "size_bytes": 48 * KiB, "ways": 12, "line_bytes": 64,
           "shared_cpus": [i, i + 8]} for i in range(8)),
        *({"level": 1, "type": "Instruction", "size_bytes": 32 * KiB, "ways": 8, "line_bytes": 64,
           "shared_cpus": [i, i + 8]} for i in range(8)),
        *({"level": 2, "type": "Unified", "size_bytes": 1280 * KiB, "ways": 10, "line_bytes": 64,
           "shared_cpus": [i, i + 8]} for i in range(8)),
        {"level": 3, "type": "Unified", "size_bytes": 24 * MiB, "ways": 12, "line_bytes": 64,
         "shared_cpus": list(range(16))},
    ],
}


def _siblings(machine: dict) -> list[list[int]]:
    return [list(s) for s in machine.get("smt_siblings") or [] if len(s) > 1]


def _order(machine: dict) -> list[int]:
    """Logical CPUs in the experiments' order: one on each distinct core first, then siblings."""
    return placement(machine.get("smt_siblings") or [], machine["logical_cpus"])


def threads_points(machine: dict = SMT_MACHINE) -> list[dict]:
    """Compute: 10 GFLOP/s per core, +20 % for a sibling; memory: 15 GB/s per thread up to 40."""
    order, cores = _order(machine), machine["physical_cores"]
    ks = sorted({1, 2, cores, len(order)} & set(range(1, len(order) + 1)))
    out = []
    for k in ks:
        extra = max(0, k - cores)
        gflops = 10.0 * min(k, cores) + 2.0 * extra
        gbps = min(15.0 * k, 40.0)
        cpus, phys = order[:k], k <= cores
        out.append(_p(threads=k, bound="compute", gflops=gflops, speedup=gflops / 10.0,
                      physical=phys, cpus=cpus))
        out.append(_p(threads=k, bound="memory", gbps=gbps, speedup=gbps / 15.0,
                      physical=phys, cpus=cpus))
    return out


#: (workload, rate alone in ops/ns, siblings speedup, cores speedup, rate key, units per op)
SMT_TABLE = (("throughput", 4.0, 1.0, 2.0, "gflops", 2.0),
             ("latency", 0.25, 2.0, 2.0, "gflops", 2.0),
             ("memory", 2.0, 1.2, 1.6, "gbps", 8.0))


def smt_points(machine: dict = SMT_MACHINE) -> list[dict]:
    """Throughput: siblings share the FMA units (1.0x), cores double; latency: both double;
    memory: siblings 1.2x, cores 1.6x. Empty on a machine without SMT, like the real one."""
    sib = _siblings(machine)
    if not sib or len(sib) < 2:
        return []
    a, b, c = sib[0][0], sib[0][1], sib[1][0]
    out = []
    for w, rate, s_sib, s_cores, key, per_op in SMT_TABLE:
        for place, cpus, speedup in (("alone", [a], 1.0), ("siblings", [a, b], s_sib),
                                     ("cores", [a, c], s_cores)):
            ops = rate * speedup
            out.append(_p(workload=w, placement=place, threads=len(cpus), cpus=cpus,
                          ops_per_ns=ops, speedup=speedup, **{key: ops * per_op}))
    return out


def smt_params(machine: dict = SMT_MACHINE) -> dict:
    """The params an smt result carries on ``machine`` (FMA latency 4 ns, throughput 0.25 ns)."""
    sib = _siblings(machine)
    return {"siblings": sib[0][:2], "cores": [sib[0][0], sib[1][0]], "pinned": True,
            "fma_latency_ns": 4.0, "fma_throughput_ns": 0.25}


def false_sharing_points(machine: dict = SMT_MACHINE, distances=(8, 16, 32, 64, 128, 256)) -> list[dict]:
    """Two threads on two cores: 40 ns/op inside one 64-byte line, 2 ns/op apart."""
    cpus = _order(machine)[:2]
    out = []
    for d in distances:
        same = d < 64
        out.append(_p(distance_bytes=d, threads=2, ns_per_op=40.0 if same else 2.0, same_line=same,
                      cpus=cpus, predicted_transfers=2_000_000 if same else 0))
    return out


def python_threads_points(machine: dict = SMT_MACHINE, ns=(100_000, 10_000_000)) -> list[dict]:
    """Threads: no speedup (the GIL), 50 ns/element; processes: speedup k/2 at n = 10 M, 0.5
    below (start and copy cost), 5 ns/element alone; numba: speedup k, 0.5 ns/element alone."""
    cores = machine["physical_cores"]
    ks = sorted({1, 2, cores})
    out = []
    for n in ns:
        for impl, base in (("threads", 50.0), ("processes", 5.0), ("numba", 0.5)):
            for k in ks:
                if impl == "threads":
                    speedup = 1.0
                elif impl == "processes":
                    speedup = 1.0 if k == 1 else (k / 2 if n >= 10_000_000 else 0.5)
                else:
                    speedup = float(k)
                ns_el = base / speedup
                point = _p(impl=impl, workers=k, n=n, ns_per_element=ns_el, speedup=speedup,
                           max_abs_error=0.0)
                point.update(seconds_min=ns_el * n * 1e-9, seconds_median=ns_el * n * 1e-9)
                out.append(point)
    return out


POINTS = {"threads": threads_points, "smt": smt_points, "false-sharing": false_sharing_points,
          "python-threads": python_threads_points}


def params(experiment: str, machine: dict = SMT_MACHINE) -> dict:
    """Params in the contract's shape for ``experiment`` on ``machine``."""
    if experiment == "threads":
        pts = threads_points(machine)
        return {"threads": sorted({p["threads"] for p in pts}),
                "physical_cores": machine["physical_cores"], "pinned": True,
                "compute_kernel": "16 independent FMA chains per thread",
                "memory_kernel": "streaming read of a private 64 MiB array per thread"}
    if experiment == "smt":
        return smt_params(machine) if len(_siblings(machine)) >= 2 else {"pinned": True}
    if experiment == "false-sharing":
        return {"distances": [8, 16, 32, 64, 128, 256], "threads": 2, "increments": 1_000_000,
                "line_bytes": 64, "model": "MSI: every write to a line another core wrote last "
                "moves the line once", "pinned": True}
    return {"n": [100_000, 10_000_000], "workers": sorted({1, 2, machine["physical_cores"]}),
            "start_method": "spawn", "pool_start_seconds": 0.5}


def fake_result(experiment: str, machine: dict = SMT_MACHINE,
                created="2025-03-04T05:06:07+00:00") -> Result:
    """A result of one parallel ``experiment`` on ``machine`` with the fake points and params."""
    pts = POINTS[experiment](machine)
    note = NO_SMT if experiment == "smt" and not pts else ""
    return Result(experiment, machine, {"quick": True, **params(experiment, machine)}, pts, created, note)
