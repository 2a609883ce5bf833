"""The parallel experiments: thread placement and pinned teams, the coherence model, rates from
fake timings, the latency-bound SMT workload, and python-threads' worker processes (results
equal numpy's; none left behind on cancel, error or exit)."""

import multiprocessing
import os
import subprocess
import sys
import threading
import time
from dataclasses import replace

import pytest

import parallel_fakes
from hwviz.cli import main
from hwviz.measure import coherence, experiments, pinning, python_threads
from hwviz.measure.experiments import Context, run_experiment
from hwviz.measure.harness import Cancelled, CancelToken, Timing, fastest
from hwviz.measure.pinning import Team, placement, split, team_cpus
from hwviz.measure.results import load_json
from hwviz.measure.smt import fma_rates, workloads
from hwviz.measure.topology import read_topology

FAKE = Timing(seconds_min=0.002, seconds_median=0.003, spread=0.25, repeats=7)


@pytest.fixture(scope="module")
def topo():
    return read_topology()


@pytest.fixture
def fake_timings(monkeypatch):
    """Every point timed as FAKE without running its kernel."""
    monkeypatch.setattr(experiments, "measure", lambda fn, **_kw: FAKE)


# ---- placement and pinned teams --------------------------------------------------------------

def test_placement_takes_distinct_cores_first_then_siblings():
    m = parallel_fakes.SMT_MACHINE
    assert placement(m["smt_siblings"], m["logical_cpus"]) == list(range(16))
    assert placement([[0, 2], [1, 3]], [0, 1, 2, 3]) == [0, 1, 2, 3]
    assert placement([[0, 2], [1, 3]], [1, 2, 3]) == [2, 1, 3]       # only usable CPUs
    assert placement([], [4, 5]) == [4, 5]                            # no core list: as given
    assert team_cpus([3, 1], 5) == [3, 1, 3, 1, 3]
    assert split(10, 3) == [slice(0, 3), slice(3, 6), slice(6, 10)]


@pytest.mark.skipif(not pinning.CAN_PIN, reason="this system cannot pin threads")
def test_team_pins_its_own_threads_and_never_the_caller(topo):
    before = os.sched_getaffinity(0)
    cpus = placement(topo.smt_siblings, topo.logical_cpus)[:2]
    seen = {}

    def where(k):
        seen[k] = (threading.get_ident(), os.sched_getaffinity(0))

    with Team(cpus) as team:
        team.run([lambda k=k: where(k) for k in range(len(cpus))])
        threads = list(team._threads)
    assert [seen[k][1] for k in range(len(cpus))] == [{c} for c in cpus]
    assert threading.get_ident() not in {ident for ident, _ in seen.values()}
    assert os.sched_getaffinity(0) == before
    assert not any(t.is_alive() for t in threads)


def test_team_reraises_a_worker_error_and_keeps_working():
    with Team([0], pin=False) as team:
        assert team.cpus is None
        with pytest.raises(ZeroDivisionError):
            team.run([lambda: 1 / 0])
        out = []
        team.run([lambda: out.append(1)])
        assert out == [1]
        with pytest.raises(ValueError, match="2 functions for a team of 1"):
            team.run([print, print])


def test_experiments_leave_the_calling_threads_cpus_alone():
    if not pinning.CAN_PIN:
        pytest.skip("this system cannot pin threads")
    before = os.sched_getaffinity(0)
    run_experiment("false-sharing", quick=True)
    assert os.sched_getaffinity(0) == before


def test_without_pinning_threads_are_placed_by_the_os(monkeypatch, topo, fake_timings):
    monkeypatch.setattr(pinning, "CAN_PIN", False)
    r = run_experiment("false-sharing", quick=True, topology=topo)
    if len(topo.logical_cpus) >= 2:
        assert r.points and all(p["cpus"] is None for p in r.points)
    assert r.params["pinned"] is False and "placed by the OS" in r.note
    two = replace(topo, smt_siblings=[[0, 1], [1, 0]])
    s = run_experiment("smt", quick=True, topology=two)
    assert s.points == [] and "cannot be measured here" in s.note


# ---- the coherence model ---------------------------------------------------------------------

@pytest.mark.parametrize("threads,distance,same,moves", [
    (2, 8, True, 2000), (2, 32, True, 2000), (2, 64, False, 0), (2, 256, False, 0),
    (8, 8, True, 8000), (8, 16, False, 8000), (4, 32, False, 4000), (3, 24, True, 3000),
    (3, 32, False, 2000)])
def test_coherence_model_counts_line_moves(threads, distance, same, moves):
    assert coherence.same_line(threads, distance) is same
    assert coherence.predicted_transfers(threads, distance, 1000) == moves


# ---- rates from fake timings -----------------------------------------------------------------

def test_threads_rates_from_fake_timings(topo, fake_timings):
    r = run_experiment("threads", quick=True, topology=topo)
    steps, n = r.params["fma_steps"], max(4 * max(c.size_bytes for c in topo.caches) // 8, 1 << 20)
    assert [p["threads"] for p in r.points if p["bound"] == "compute"] == r.params["threads"]
    for p in r.points:
        k = p["threads"]
        if p["bound"] == "compute":
            assert p["gflops"] == pytest.approx(2 * 64 * steps * k / 0.002 / 1e9)
        else:
            assert p["gbps"] == pytest.approx(8 * n / 0.002 / 1e9)
        assert p["speedup"] == pytest.approx(k if p["bound"] == "compute" else 1.0)
        assert p["physical"] == (k <= topo.physical_cores)
        assert p["cpus"] == placement(topo.smt_siblings, topo.logical_cpus)[:k]


def test_smt_rates_from_fake_timings(topo, fake_timings):
    if len(topo.logical_cpus) < 2:
        pytest.skip("needs two logical CPUs")
    a, b = topo.logical_cpus[:2]
    r = run_experiment("smt", quick=True, topology=replace(topo, smt_siblings=[[a, b], [b, a]]))
    assert len(r.points) == 9
    for p in r.points:
        assert p["speedup"] == pytest.approx(p["threads"])   # same time, the work of k threads
    mem = [p for p in r.points if p["workload"] == "memory" and p["placement"] == "alone"][0]
    n = max(2 * max(c.size_bytes for c in topo.caches) // 8, 1 << 20)
    assert mem["ops_per_ns"] == pytest.approx(n / 0.002 / 1e9)
    assert mem["gbps"] == pytest.approx(8 * n / 0.002 / 1e9)


def test_false_sharing_rates_and_model_from_fake_timings(topo, fake_timings):
    r = run_experiment("false-sharing", quick=True, topology=topo)
    if len(topo.logical_cpus) < 2:
        assert r.points == []
        return
    t, n = r.params["threads"], r.params["increments"]
    assert [p["distance_bytes"] for p in r.points] == r.params["distances"]
    for p in r.points:
        assert p["ns_per_op"] == pytest.approx(0.002 / n * 1e9)
        assert p["same_line"] == coherence.same_line(t, p["distance_bytes"])
        assert p["predicted_transfers"] == coherence.predicted_transfers(t, p["distance_bytes"], n)
        assert len(p["cpus"]) == t
    assert r.params["model"] == coherence.MODEL and r.params["line_bytes"] == 64


def test_python_threads_rates_from_fake_timings(topo, fake_timings):
    r = run_experiment("python-threads", quick=True, topology=topo)
    for p in r.points:
        assert p["ns_per_element"] == pytest.approx(0.002 / p["n"] * 1e9) and p["speedup"] == 1.0
        assert p["max_abs_error"] == float("inf")   # no kernel ran: c was never written
    assert r.params["start_method"] == "spawn" and r.params["pool_start_seconds"] > 0
    assert not multiprocessing.active_children()


# ---- real runs -------------------------------------------------------------------------------

def test_latency_workload_is_latency_bound(topo):
    """One dependent FMA chain on a pinned thread costs an FMA latency per step (a few cycles),
    many times the per-FMA cost of independent chains (the pipelines take one or more FMAs a
    cycle, each several lanes wide): the physics guarantees a margin of 8 or more; 4 is asked.
    Fastest of many short calls, all on the same pinned thread: on a busy machine, calls the OS
    did not interrupt."""
    ctx = Context(quick=False, topology=topo)
    latency = workloads(ctx, threads=1, seconds=0.001)[1]
    assert latency.name == "latency"
    rates = []
    with Team(placement(topo.smt_siblings, topo.logical_cpus)[:1]) as team:
        alone = fastest(lambda: team.run([lambda: latency.call(0)]), seconds=0.3) / latency.ops * 1e9
        team.run([lambda: rates.append(fma_rates(ctx))])
    lat, thr = rates[0]
    assert 0.67 * lat < alone < 1.5 * lat
    assert alone > 4 * thr


def test_python_threads_results_equal_numpys(topo):
    r = run_experiment("python-threads", quick=True, topology=topo)
    assert {p["impl"] for p in r.points} == {"threads", "processes", "numba"}
    assert all(p["max_abs_error"] == 0.0 for p in r.points)
    assert {p["workers"] for p in r.points} == set(r.params["workers"])
    assert not multiprocessing.active_children()


def cancel_after(seconds: float) -> tuple[CancelToken, list[float]]:
    """A token cancelled ``seconds`` from now, and the list the moment it was cancelled goes in."""
    token, fired = CancelToken(), []

    def fire():
        fired.append(time.monotonic())
        token.cancel()

    threading.Timer(seconds, fire).start()
    return token, fired


@pytest.mark.parametrize("after", [0.2, 1.5])   # while the pool starts; while measuring
def test_python_threads_cancel_within_a_second_leaves_no_process(topo, after):
    token, fired = cancel_after(after)
    with pytest.raises(Cancelled):
        run_experiment("python-threads", quick=False, cancel=token, topology=topo)
    assert fired and time.monotonic() - fired[0] < 1.0
    assert not multiprocessing.active_children()


@pytest.mark.parametrize("name", ["threads", "smt", "false-sharing"])
def test_pinned_experiments_cancel_within_a_second(topo, name):
    if len(topo.logical_cpus) < 2:
        pytest.skip("needs two logical CPUs")
    a, b = topo.logical_cpus[:2]
    pretend = replace(topo, smt_siblings=[[a, b], [b, a]])   # smt runs on a machine without SMT
    token, fired = cancel_after(0.5)
    with pytest.raises(Cancelled):
        run_experiment(name, quick=False, cancel=token, topology=pretend)
    assert fired and time.monotonic() - fired[0] < 1.0


def test_an_error_mid_run_leaves_no_process(monkeypatch, topo):
    def boom(*_a):
        raise RuntimeError("kernel exploded")

    monkeypatch.setattr(python_threads, "max_abs_error", boom)
    with pytest.raises(RuntimeError, match="kernel exploded"):
        run_experiment("python-threads", quick=True, topology=topo)
    assert not multiprocessing.active_children()


EXIT_WITH_A_POOL = """
from hwviz.measure.harness import CancelToken
from hwviz.measure.python_threads import ProcessPool
if __name__ == "__main__":
    pool = ProcessPool(2, CancelToken())
    print(*(p.pid for p in pool.pool._pool), flush=True)
"""


def test_interpreter_exit_ends_the_workers(tmp_path):
    script = tmp_path / "pool.py"
    script.write_text(EXIT_WITH_A_POOL)
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    pids = [int(x) for x in out.stdout.split()]
    assert len(pids) == 2, out.stderr
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_cli_runs_python_threads(tmp_path, capsys):
    path = tmp_path / "py.json"
    assert main(["bench", "python-threads", "--quick", "--json", str(path)]) == 0
    assert "python-threads on" in capsys.readouterr().out
    [r] = load_json(path)
    assert r.experiment == "python-threads" and r.points


def test_fake_results_follow_the_contract():
    m = parallel_fakes.SMT_MACHINE
    assert {p["placement"] for p in parallel_fakes.smt_points(m)} == {"alone", "siblings", "cores"}
    assert parallel_fakes.fake_result("smt", {**m, "smt_siblings": [[0], [1]]}).points == []
    r = parallel_fakes.fake_result("threads", m)
    assert max(p["threads"] for p in r.points) == 16 and r.params["physical_cores"] == 8
