"""The simulator's prediction for the row-col experiment's loops, as GB/s beside the measured.

The model costs every access the latency of the level that served it, one after another: real
CPUs overlap misses and prefetch, so the measured rates sit above the model's, and how far is
part of the lesson. The measurement repeats the sum many times, so the caches are warm: the
model's rate is that of a second pass over the matrix (the simulated time of two passes less
that of the first).
"""

from __future__ import annotations

from typing import Callable, Iterator

from hwviz.measure.harness import CancelToken

#: the prefetcher of the "with a prefetcher" series: ascending miss streams, as real L2s detect
PREFETCHER = "stream"
#: past this many times the caches' total size, a pass leaves nothing the next one can use
#: (LRU evicts each line before the cyclic walk comes back to it), so one pass is simulated
COLD_FACTOR = 2


def _steady_ns(h, pattern, cancel: CancelToken) -> float:
    """Simulated ns of one warm pass of ``pattern`` over hierarchy ``h``."""
    from hwviz.sim import patterns
    from hwviz.sim.simulator import Simulator

    total_cache = sum(lv.size for lv in h.levels)
    two = patterns.matrix_bytes(pattern) <= COLD_FACTOR * total_cache
    first: list[float] = []
    sim = None

    def source() -> Iterator:
        for chunk in patterns.generate(pattern):
            cancel.check()
            yield chunk
        if two:  # the simulator asks for the next chunk only once the first pass is done
            first.append(sim.stats().time_ns)
            for chunk in patterns.generate(pattern):
                cancel.check()
                yield chunk

    sim = Simulator(h, source())
    total = sim.run().time_ns
    return total - first[0] if two else total


def predict(ns: list[int], *, cancel: CancelToken | None = None,
            point: Callable[[dict], None] | None = None) -> dict:
    """Simulated GB/s of summing an n x n float64 matrix by rows and by columns on the ``host``
    preset, without a prefetcher and with one, for each n in ``ns``.

    Returns ``{"preset": name, "note": ..., "prefetcher": PREFETCHER, "points": [...]}``; each
    point is ``{"n", "order", "prefetch", "gbps", "amat_ns"}`` and is also handed to ``point``
    as soon as it is simulated.
    """
    from hwviz.sim import patterns
    from hwviz.sim.presets import preset

    cancel = cancel or CancelToken()
    host = preset("host")
    out = []
    for n in ns:
        for order, name in (("row", "row-major"), ("col", "column-major")):
            pat = patterns.make(name, rows=n, cols=n, elem=8, ld=n)
            for pf in ("none", PREFETCHER):
                ns_pass = _steady_ns(host.with_prefetch(pf), pat, cancel)
                p = {"n": n, "order": order, "prefetch": pf, "gbps": 8 * n * n / ns_pass,
                     "amat_ns": ns_pass / (n * n)}
                out.append(p)
                if point is not None:
                    point(dict(p, simulated=True))
    return {"preset": host.name, "note": host.note, "prefetcher": PREFETCHER, "points": out}
