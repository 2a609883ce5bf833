"""Is the FLOP count of the FMA kernels real? Time per step against the number of steps, and the
throughput kernel's step against one FMA's latency.

    python tests/perf/bench_fma.py

``fma_chains`` runs 64 independent chains; each chain's next step needs its previous result, so
a step of all 64 cannot take less than one FMA latency (``fma_chain``, one chain, measures it).
A ratio near 1.0 (or above, when the pipelines are the limit) means every counted FMA runs; near
0.5 means the compiler folded two steps into one (what full fastmath once did). The time per step
must not fall as the steps grow (no work hoisted out of the loop).
"""

from __future__ import annotations

from hwviz.measure import kernels as K
from hwviz.measure.harness import fastest


def ns_per_step(fn, steps: int) -> float:
    return fastest(lambda: fn(steps, 1.0), seconds=0.2) / steps * 1e9


def main() -> None:
    latency = ns_per_step(K.fma_chain, 1_000_000)
    print(f"one dependent FMA (latency): {latency:.3f} ns")
    for steps in (10_000, 100_000, 1_000_000):
        step = ns_per_step(K.fma_chains, steps)
        gflops = 2 * K.ACCUMULATORS / step
        print(f"{steps:>9,} steps: {step:.3f} ns a step of {K.ACCUMULATORS} chains, {gflops:.1f} GFLOP/s, "
              f"step / latency = {step / latency:.2f} (>= 1 expected; 0.5 = two steps folded)")


if __name__ == "__main__":
    main()
