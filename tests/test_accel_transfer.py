"""The transfer model's timelines against hand-computed ones, and the PCIe table's sources."""

import pytest

from hwviz.accel.transfer import SCENARIOS, TransferParams, load_links, scenario

US = 1e-6
#: round numbers so every total below is worked out by hand: 10 GB/s, 10 us per copy,
#: 5 us per launch, 100 us per kernel
P = TransferParams(bandwidth=10e9, copy_latency=10 * US, launch_latency=5 * US, kernel_time=100 * US,
                   size=1_000_000, copies=4, steps=3, host_bandwidth=5e9)


def test_links_have_the_pcisig_figures_and_sources():
    links = load_links()
    assert list(links) == ["3.0", "4.0", "5.0", "6.0"]
    assert links["3.0"].bandwidth.value == pytest.approx(8e9 * 16 * 128 / 130 / 8, rel=1e-4)
    assert links["4.0"].bandwidth.value == pytest.approx(2 * links["3.0"].bandwidth.value, rel=1e-4)
    assert links["6.0"].bandwidth.value == 128e9
    assert all(link.bandwidth.source.title.startswith("PCI-SIG") and link.bandwidth.status == "derived"
               for link in links.values())


def test_one_batched_copy_each_way_by_hand():
    _, one = scenario("batched", P)
    # in: 10 us + 1e6 B / 10 GB/s = 110 us; launch 5 us; kernel 100 us; out: 110 us
    assert one.total == pytest.approx(325 * US)
    assert one.gpu_busy == pytest.approx(100 * US)
    assert one.gpu_idle_fraction == pytest.approx(225 / 325)


def test_many_small_copies_pay_the_latency_each_time():
    many, one = scenario("batched", P)
    # 4 copies each way: 4 x (10 + 25) = 140 us in and 140 out, instead of 110
    assert many.total == pytest.approx((140 + 5 + 100 + 140) * US)
    assert many.total - one.total == pytest.approx(2 * 3 * 10 * US)
    assert [e.bytes for e in many.events if e.kind == "h2d"] == [250_000] * 4


def test_a_scalar_every_step_serialises_cpu_and_gpu():
    every, once = scenario("scalar", P)
    # every step: launch 5 + kernel 100 + copy (10 us + 4 B / 10 GB/s) = 115.0004 us, three times
    assert every.total == pytest.approx(3 * (5 + 100 + 10 + 0.0004) * US)
    # once: launches overlap the kernels, so 5 + 3 x 100, then one copy of 12 B
    assert once.total == pytest.approx((5 + 300 + 10 + 0.0012) * US)
    assert every.gpu_busy == once.gpu_busy == pytest.approx(300 * US)
    starts = [e.start for e in once.events if e.kind == "kernel"]
    assert starts == pytest.approx([5 * US, 105 * US, 205 * US])     # back to back: no gap on the GPU


def test_pageable_memory_adds_the_staging_copy():
    pageable, pin = scenario("pinned", P)
    # staging 1e6 B / 5 GB/s = 200 us on the CPU, then the same copy and kernel as pinned
    assert pin.total == pytest.approx((110 + 5 + 100) * US)
    assert pageable.total == pytest.approx(pin.total + 200 * US)
    staging = [e for e in pageable.events if e.kind == "staging"]
    assert len(staging) == 1 and staging[0].row == "cpu" and staging[0].end == pytest.approx(200 * US)


def test_every_scenario_has_its_rows_and_no_overlap_on_a_row():
    for name in SCENARIOS:
        for tl in scenario(name, P):
            for row in ("copy", "gpu"):
                bars = sorted((e.start, e.end) for e in tl.events if e.row == row)
                assert all(a[1] <= b[0] + 1e-15 for a, b in zip(bars, bars[1:])), (name, tl.name, row)


def test_an_unknown_scenario_is_refused():
    from hwviz.base.errors import ConfigError

    with pytest.raises(ConfigError, match="scenario"):
        scenario("teleport", P)
