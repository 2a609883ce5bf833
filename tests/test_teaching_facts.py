"""The lecture's facts hold in the model."""

from dataclasses import replace

from hwviz.sim import CacheLevel, Hierarchy, simulate
from hwviz.sim.patterns import generate, make
from hwviz.sim.presets import preset


def run(h, name, three_c=False, **kw):
    return simulate(h, generate(make(name, **kw)), three_c=three_c)


def test_column_major_misses_far_more_than_row_major():
    h = preset("textbook")
    row = run(h, "row-major", rows=2048, cols=2048)
    col = run(h, "column-major", rows=2048, cols=2048)
    assert row.levels[0].misses == 2048 * 2048 // 8          # one miss per 64-byte line
    assert col.levels[0].misses >= 7 * row.levels[0].misses  # every access misses
    assert col.time_ns > 5 * row.time_ns


def test_padding_removes_power_of_two_conflict_misses():
    # 256 x 256 float64: a column is 256 lines 2 KiB apart, which all map to a few sets of a
    # modulo-indexed L2; padding the row by one line spreads them over the sets.
    h = Hierarchy((CacheLevel("L1", 32 << 10, 8, latency_ns=1), CacheLevel("L2", 256 << 10, 4, latency_ns=7)))
    plain = run(h, "column-major", three_c=True, rows=256, cols=256)
    padded = run(h, "column-major", three_c=True, rows=256, cols=256, ld=256 + 8)
    l2_plain, l2_pad = plain.levels[1], padded.levels[1]
    assert l2_plain.conflict > 0.5 * l2_plain.misses
    assert l2_pad.conflict == 0
    assert l2_pad.misses < l2_plain.misses / 4


def test_hash_indexing_also_spreads_the_stride():
    h = Hierarchy((CacheLevel("L1", 32 << 10, 8, latency_ns=1),
                   CacheLevel("L2", 256 << 10, 4, latency_ns=7, index="hash")))
    s = run(h, "column-major", three_c=True, rows=256, cols=256)
    assert s.levels[1].conflict < 0.05 * s.levels[1].misses


def test_next_line_prefetch_raises_row_major_l1_hit_rate():
    h = preset("textbook")
    base = run(h, "row-major", rows=512, cols=512)
    pf = run(h.with_prefetch("next-line"), "row-major", rows=512, cols=512)
    assert pf.levels[0].hit_rate > base.levels[0].hit_rate + 0.1
    assert pf.levels[0].prefetch_useful > 0.9 * pf.levels[0].prefetch_issued


def test_stream_and_stride_prefetchers_also_help_their_patterns():
    h = preset("textbook")
    base = run(h, "column-major", rows=256, cols=256)
    stride = run(h.with_prefetch("stride", degree=4), "column-major", rows=256, cols=256)
    assert stride.levels[0].hit_rate > base.levels[0].hit_rate
    stream = run(h.with_prefetch("stream", distance=8), "row-major", rows=512, cols=512)
    assert stream.levels[0].hit_rate > 0.95


def test_loop_order_matters_for_matmul():
    h = replace(preset("textbook"), levels=(CacheLevel("L1", 8 << 10, 8, latency_ns=0.5),
                                            CacheLevel("L2", 64 << 10, 8, latency_ns=7)))
    ikj = run(h, "matmul-ikj", rows=64, cols=64)
    jki = run(h, "matmul-jki", rows=64, cols=64)
    assert jki.levels[0].misses > 3 * ikj.levels[0].misses
