"""When SMT (hyperthreading) helps: three workloads alone, on one core's two siblings, and on two
cores, with pinned threads; plus this machine's FMA latency and throughput.

- throughput: many independent FMA chains fill the core's FMA pipelines; a sibling finds no
  free slot, so two siblings do about the work of one thread.
- latency: one dependent FMA chain. Each FMA waits for the previous one's result, so a thread
  uses one issue slot every few cycles and a sibling can fill the rest. A dependent FMA chain is
  chosen over a pointer chase because its latency is the core's own (a fixed few cycles), not
  the memory hierarchy's, so it can be compared with the FMA throughput measured beside it.
- memory: a streaming read of a private array per thread, beyond the last-level cache: both
  siblings wait on the same memory system.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Callable

import numpy as np

from hwviz.measure import pinning
from hwviz.measure.experiments import K, Context, _point
from hwviz.measure.harness import fastest, guard_memory, size_for
from hwviz.measure.parallel_experiments import CALL_SECONDS, fma_steps
from hwviz.measure.pinning import Team
from hwviz.measure.results import Result, new_result

NO_SMT = ("cannot be measured here: this machine runs one logical CPU per core (no SMT/"
          "hyperthreading), or threads cannot be pinned")


@dataclass
class Workload:
    """One thread's share: ``call(i)`` runs thread ``i``'s kernel once, doing ``ops`` operations
    of ``units_per_op`` flops (``rate`` "gflops") or bytes (``rate`` "gbps")."""

    name: str
    call: Callable[[int], object]
    ops: int
    rate: str
    units_per_op: int


def workloads(ctx: Context, threads: int = 2, seconds: float = CALL_SECONDS) -> list[Workload]:
    """The three workloads for up to ``threads`` threads, the FMA ones sized so that one call on
    one thread lasts about ``seconds``."""
    wide = fma_steps(seconds)
    deep = size_for(lambda n: K.fma_chain(n, 1.0), seconds)
    n = max(2 * ctx.llc // 8, 1 << 20)
    guard_memory(threads * 8 * n, "streaming arrays")
    arrays = [np.ones(n) for _ in range(threads)]
    return [Workload("throughput", lambda i: K.fma_chains(wide, 1.0), wide * K.ACCUMULATORS, "gflops", 2),
            Workload("latency", lambda i: K.fma_chain(deep, 1.0), deep, "gflops", 2),
            Workload("memory", lambda i: K.strided_sum(arrays[i], 1, 1), n, "gbps", 8)]


def fma_rates(ctx: Context) -> tuple[float, float]:
    """This machine's FMA latency (ns per step of one dependent chain) and throughput (ns per
    FMA of many independent chains, one thread), from the fastest of many short calls."""
    deep, wide = 200_000, 20_000
    lat = fastest(lambda: K.fma_chain(deep, 1.0), seconds=ctx.min_time, cancel=ctx.cancel)
    thr = fastest(lambda: K.fma_chains(wide, 1.0), seconds=ctx.min_time, cancel=ctx.cancel)
    return lat / deep * 1e9, thr / (wide * K.ACCUMULATORS) * 1e9


def run_workload(ctx: Context, w: Workload, team: Team, axes: dict) -> dict:
    """Time ``w`` on every thread of ``team`` at once: a point with ``ops_per_ns`` (all threads
    together) and GFLOP/s or GB/s."""
    k = team.size
    t = ctx.time(lambda: team.run([lambda i=i: w.call(i) for i in range(k)]))
    p = _point(dict(axes, workload=w.name, cpus=team.cpus), t)
    p["ops_per_ns"] = w.ops * k / t.seconds_min / 1e9
    p[w.rate] = p["ops_per_ns"] * w.units_per_op
    return p


def smt(ctx: Context) -> Result:
    """Each workload alone, on two SMT siblings of one core, and on two cores."""
    topo = ctx.topology
    lat, thr = fma_rates(ctx)
    params = {"pinned": pinning.CAN_PIN, "fma_latency_ns": lat, "fma_throughput_ns": thr}
    cores = [s for s in topo.smt_siblings if s]
    home = next((k for k, s in enumerate(cores) if len(s) > 1), None)
    other = next((s[0] for k, s in enumerate(cores) if k != home), None)
    if home is None or other is None or not pinning.CAN_PIN:
        return new_result("smt", params, [], topo, NO_SMT)
    a, b = cores[home][:2]
    params.update(siblings=[a, b], cores=[a, other])
    placements = (("alone", [a]), ("siblings", [a, b]), ("cores", [a, other]))
    points = []
    with contextlib.ExitStack() as stack:
        teams = {name: stack.enter_context(Team(cpus)) for name, cpus in placements}
        for w in workloads(ctx):
            alone = None
            for name, cpus in placements:
                ctx.tick(len(points), 9, f"{w.name} {name}")
                p = run_workload(ctx, w, teams[name], {"placement": name, "threads": len(cpus)})
                alone = alone or p["ops_per_ns"]
                p["speedup"] = p["ops_per_ns"] / alone
                ctx.add(points, p)
    return new_result("smt", params, points, topo,
                      "ops_per_ns: FMAs (throughput, latency) or float64 elements read (memory) per "
                      "nanosecond, all threads together; speedup: that rate over one thread alone")
