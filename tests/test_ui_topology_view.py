"""The topology picture: cores with their private caches and SMT siblings side by side, sizes on
every cache box, lit CPUs in the accent colour (checked on the pixels), large machines drawn
whole, and a machine that cannot be read said plainly."""

import copy

import pytest
from measure_fakes import OTHER_MACHINE, here
from parallel_fakes import SMT_MACHINE

from hwviz.ui.theme import HIGHLIGHT, THEMES
from hwviz.ui.widgets.topology_model import read_machine
from hwviz.ui.widgets.topology_view import TopologyView


@pytest.fixture
def view(qtbot):
    v = TopologyView()
    qtbot.addWidget(v)
    v.set_theme(THEMES["projector"])
    v.resize(900, 500)
    return v


def pixel(v, rect):
    """The colour just inside the top-left corner of ``rect`` (clear of the centred label)."""
    img = v.grab().toImage()
    return img.pixelColor(int(rect.left()) + 4, int(rect.top()) + 4).name()


def big_machine(cores: int, smt: int = 2, llcs: int = 1, packages: int = 1) -> dict:
    """``cores`` cores of ``smt`` logical CPUs, the L3 split ``llcs`` ways."""
    m = copy.deepcopy(SMT_MACHINE)
    n = cores * smt
    per = cores // llcs
    m.update(logical_cpus=list(range(n)), physical_cores=cores, packages=packages,
             smt_siblings=[[i + k * cores for k in range(smt)] for i in range(cores)])
    m["caches"] = [dict(c, shared_cpus=[i + k * cores for k in range(smt)])
                   for i in range(cores) for c in SMT_MACHINE["caches"] if c["level"] < 3 and 0 in c["shared_cpus"]]
    m["caches"] += [dict(SMT_MACHINE["caches"][-1], shared_cpus=[i + k * cores for i in range(g * per, (g + 1) * per)
                                                                  for k in range(smt)]) for g in range(llcs)]
    return m


def test_smt_machine_draws_eight_cores_each_with_two_siblings_side_by_side(view):
    view.set_machine(SMT_MACHINE)
    m = read_machine(SMT_MACHINE)
    assert [c.cpus for c in m.cores] == [[i, i + 8] for i in range(8)]
    assert [c.label for c in m.cores[0].caches] == ["L2 1.25MiB", "L1d 48KiB", "L1i 32KiB"]
    assert [g.llc.label for p in m.packages for g in p.groups] == ["L3 24MiB"]
    for i in range(8):
        a, b = view.cpu_rect(i), view.cpu_rect(i + 8)
        assert not a.isEmpty() and abs(a.top() - b.top()) < 0.5 and a.right() < b.left()
        assert b.left() - a.right() < a.width()   # neighbours: the same core's box
    others = [view.cpu_rect(c) for c in range(16)]
    assert all(not r.intersects(s) for k, r in enumerate(others) for s in others[k + 1:])
    texts = [b.text for b in view._boxes]
    assert texts.count("L1d 48KiB") == 8 and texts.count("L2 1.25MiB") == 8 and "L3 24MiB" in texts
    assert [f"CPU {c}" for c in range(16)] == sorted((t for t in texts if t.startswith("CPU")),
                                                    key=lambda t: int(t[4:]))


def test_a_lit_cpu_is_the_accent_colour_and_an_unlit_one_is_not(view):
    view.set_machine(SMT_MACHINE)
    view.set_active([0, 8, 3])
    assert view.active() == {0, 3, 8}
    for c in (0, 8, 3):
        assert pixel(view, view.cpu_rect(c)) == HIGHLIGHT.lower()
    for c in (1, 9, 11):
        assert pixel(view, view.cpu_rect(c)) == THEMES["projector"].surface
    view.set_active(None)
    assert view.active() == set() and pixel(view, view.cpu_rect(0)) != HIGHLIGHT.lower()


@pytest.mark.parametrize("machine,why", [
    (None, "no machine description"), ({}, "no machine description"),
    ({"cpu_model": "x", "smt_siblings": []}, "lists no cores"),
    ({"smt_siblings": [[0]], "caches": [{"level": "one"}]}, "damaged"),
])
def test_a_topology_that_cannot_be_read_says_so_inside_the_widget(view, machine, why):
    view.set_machine(machine)
    assert view.problem().startswith("Cannot read the topology") and why in view.problem()
    assert view.cpu_rect(0).isEmpty()
    img = view.grab().toImage()
    dark = sum(img.pixelColor(x, y).lightness() < 100 for x in range(0, 900, 3) for y in range(230, 270, 2))
    assert dark > 50   # the sentence is painted across the middle


@pytest.mark.parametrize("size", [(900, 500), (480, 260)])
def test_128_logical_cpus_in_two_packages_are_all_drawn_inside_the_widget(view, size):
    m = big_machine(64, 2, llcs=8, packages=2)
    view.resize(*size)
    view.set_machine(m)
    shape = read_machine(m)
    assert [p.label for p in shape.packages] == ["Package 0", "Package 1"]
    assert [len(p.groups) for p in shape.packages] == [4, 4]
    inside = view.rect().adjusted(0, 0, 1, 1)
    rects = [view.cpu_rect(c) for c in range(128)]
    assert all(not r.isEmpty() and inside.contains(r.toAlignedRect()) for r in rects)
    if size[0] < 600:   # too small to number the CPUs: the sizes move to the caption
        assert view.caption().startswith("Each core: L2 1.25MiB, L1d 48KiB, L1i 32KiB")


def test_a_machine_without_smt_or_cache_sizes_still_draws_its_cores(view):
    m = {"cpu_model": "plain", "logical_cpus": [0, 1, 2], "physical_cores": 3, "packages": 1,
         "smt_siblings": [[0], [1], [2]], "caches": [], "source": "fallback: no Linux sysfs"}
    view.set_machine(m)
    assert all(not view.cpu_rect(c).isEmpty() for c in range(3))
    assert view.caption().startswith("fallback: no Linux sysfs")


def test_this_machine_and_one_whose_file_lists_its_l3_once(view):
    view.set_machine(here())
    assert len(read_machine(here()).cores) == here()["physical_cores"]
    shape = read_machine(OTHER_MACHINE)   # L3 listed for CPUs 0-1 only: drawn shared by all
    assert [len(g.cores) for p in shape.packages for g in p.groups] == [32]
    assert shape.cores[5].cpus == [5, 37]
