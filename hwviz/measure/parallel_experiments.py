"""Thread scaling and false sharing, measured with teams of pinned Python threads running nogil
kernels (see :mod:`hwviz.measure.pinning`): each point reports the logical CPUs its threads ran
on (``cpus``, None where threads cannot be pinned).
"""

from __future__ import annotations

import numpy as np

from hwviz.measure import coherence, pinning
from hwviz.measure.experiments import K, Context, _point, _threads_axis
from hwviz.measure.harness import guard_memory, size_for
from hwviz.measure.pinning import Team, placement, split, team_cpus
from hwviz.measure.results import Result, new_result

CALL_SECONDS = 0.01   # one call of a kernel on one thread: long beside the team's hand-off (~50 us)
COMPUTE_KERNEL = "{acc} independent FMA chains per thread, {iters:,} steps each (2 flops a step)"
MEMORY_KERNEL = "streaming read of a {mib} MiB array, split into one contiguous share per thread"
PLACED_BY_OS = "threads placed by the OS (this system cannot pin threads)"


def cpu_order(ctx: Context) -> list[int]:
    """Logical CPUs in placement order: distinct cores first, then SMT siblings."""
    return placement(ctx.topology.smt_siblings, ctx.topology.logical_cpus)


def fma_steps(seconds: float = CALL_SECONDS) -> int:
    """FMA-chain steps one call of :func:`~hwviz.measure.kernels.fma_chains` does in ``seconds``."""
    return size_for(lambda n: K.fma_chains(n, 1.0), seconds)


def threads(ctx: Context) -> Result:
    """Speedup with threads: compute-bound FMA chains versus a memory-bound read, the threads
    pinned one per distinct core first, then on SMT siblings."""
    axis = _threads_axis(ctx) if ctx.quick else list(range(1, ctx.max_threads + 1))
    n = max(4 * ctx.llc // 8, 1 << 20)
    guard_memory(8 * n)
    a = np.ones(n)
    iters = fma_steps()
    order, cores = cpu_order(ctx), ctx.topology.physical_cores
    points, base = [], {}
    for k in axis:
        shares = [a[s] for s in split(n, k)]
        with Team(team_cpus(order, k)) as team:
            for bound in ("compute", "memory"):
                ctx.tick(len(points), 2 * len(axis), f"{bound}, {k} thread(s)")
                if bound == "compute":
                    t = ctx.time(lambda: team.run([lambda: K.fma_chains(iters, 1.0)] * k))
                    p = _point({"threads": k, "bound": bound}, t, flops=2 * K.ACCUMULATORS * iters * k)
                else:
                    t = ctx.time(lambda: team.run([lambda s=s: K.strided_sum(s, 1, 1) for s in shares]))
                    p = _point({"threads": k, "bound": bound}, t, nbytes=8 * n)
                rate = p["gflops" if bound == "compute" else "gbps"]
                base.setdefault(bound, rate)
                p.update(speedup=rate / base[bound], physical=k <= cores, cpus=team.cpus)
                ctx.add(points, p)
    params = {"threads": axis, "physical_cores": cores, "pinned": pinning.CAN_PIN,
              "compute_kernel": COMPUTE_KERNEL.format(acc=K.ACCUMULATORS, iters=iters),
              "memory_kernel": MEMORY_KERNEL.format(mib=8 * n >> 20), "fma_steps": iters,
              "fma_chains": K.ACCUMULATORS, "memory_bytes": 8 * n}
    note = "physical: the thread count fits on distinct cores"
    note += "" if pinning.CAN_PIN else "; " + PLACED_BY_OS
    return new_result("threads", params, points, ctx.topology, note)


def aligned_counters(nthreads: int, distance: int) -> np.ndarray:
    """Zeroed int64 counters for ``nthreads`` threads ``distance`` bytes apart, the first at the
    start of a 64-byte line."""
    raw = np.zeros(nthreads * distance // 8 + 16, np.int64)
    return raw[(-raw.ctypes.data % 64) // 8:]


def false_sharing(ctx: Context) -> Result:
    """Per-thread counters ``distance_bytes`` apart: in one cache line the cores fight over it."""
    order = cpu_order(ctx)
    nthreads = min(8, ctx.max_threads, len(order), max(2, ctx.topology.physical_cores))
    distances = [8, 32, 64, 256] if ctx.quick else [8, 16, 32, 64, 128, 256]
    n = 200_000 if ctx.quick else 500_000
    params = {"distances": distances, "threads": nthreads, "increments": n, "line_bytes": 64,
              "model": coherence.MODEL, "pinned": pinning.CAN_PIN}
    if nthreads < 2:
        return new_result("false-sharing", params, [], ctx.topology,
                          "cannot be measured here: false sharing needs two logical CPUs")
    points, bump = [], K.bump_counter   # loaded here: the lazy module is not thread-safe
    with Team(order[:nthreads]) as team:
        for d in distances:
            ctx.tick(len(points), len(distances), f"{d} B apart")
            counters = aligned_counters(nthreads, d)
            work = [lambda s=t * d // 8: bump(counters, s, n, 0) for t in range(nthreads)]
            t = ctx.time(lambda: team.run(work))
            p = _point({"distance_bytes": d, "threads": nthreads}, t, ops=n)
            p.update(same_line=coherence.same_line(nthreads, d), cpus=team.cpus,
                     predicted_transfers=coherence.predicted_transfers(nthreads, d, n))
            ctx.add(points, p)
    note = ("ns_per_op: nanoseconds per increment of each thread's counter; predicted_transfers: "
            "line moves per run in the coherence model (params: model)")
    return new_result("false-sharing", params, points, ctx.topology,
                      note + ("" if pinning.CAN_PIN else "; " + PLACED_BY_OS))
