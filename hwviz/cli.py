"""Command-line front door: ``hwviz`` (the window), ``hwviz sim``, ``hwviz shot``, ... Bad input
prints one line and exits 2."""

from __future__ import annotations

import argparse
import json
import sys

from hwviz import __version__
from hwviz.base.errors import ConfigError
from hwviz.sim.config import PREFETCHERS


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error on one line."""

    def error(self, message):  # noqa: D102 - argparse hook
        raise ConfigError(message)


def _add_sim(sub) -> None:
    from hwviz.sim import patterns
    from hwviz.sim.presets import PRESETS
    from hwviz.sim.trace_files import FORMATS

    p = sub.add_parser("sim", help="simulate a cache hierarchy on a pattern or a trace",
                       description="Run an access pattern or a trace file through a cache "
                                   "hierarchy and print per-level statistics.")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--preset", default=None, help=f"hierarchy preset: {', '.join(PRESETS)} (default textbook)")
    src.add_argument("--config", metavar="FILE.toml", help="hierarchy from a TOML file")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--pattern", help=f"access pattern: {', '.join(patterns.NAMES)}")
    what.add_argument("--trace", metavar="FILE", help="trace file (text, valgrind lackey, or .npy)")
    p.add_argument("--format", default="auto", choices=FORMATS, help="trace format (default: detect)")
    g = p.add_argument_group("pattern options")
    g.add_argument("--rows", type=int, default=2048, help="matrix rows; n for matmul (default 2048)")
    g.add_argument("--cols", type=int, default=None, help="matrix columns (default: rows)")
    g.add_argument("--elem", type=int, default=8, help="element size in bytes (default 8)")
    g.add_argument("--ld", type=int, default=0, help="leading dimension in elements (default cols; larger pads)")
    g.add_argument("--base", type=int, default=0, help="address of the first matrix")
    g.add_argument("--tile", type=int, default=None, help="tile edge (tiled: default 8; matmul: default 0 = none)")
    g.add_argument("--stride", type=int, default=1, help="strided: elements between accesses")
    g.add_argument("--passes", type=int, default=1, help="strided: sweeps over the array")
    g.add_argument("--count", type=int, default=0, help="random: number of accesses (default rows x cols)")
    g.add_argument("--seed", type=int, default=0, help="random: seed")
    p.add_argument("--prefetch", choices=PREFETCHERS, default=None, help="prefetcher (default: the config's)")
    p.add_argument("--degree", type=int, default=None, help="prefetch degree")
    p.add_argument("--distance", type=int, default=None, help="stream prefetch distance in lines")
    p.add_argument("--inclusion", choices=("nine", "inclusive", "exclusive"), default=None)
    p.add_argument("--3c", dest="three_c", action="store_true", help="classify misses (compulsory, capacity, conflict)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _run_sim(a) -> int:
    from dataclasses import replace

    from hwviz.sim import patterns
    from hwviz.sim.config_file import load_hierarchy
    from hwviz.sim.presets import preset
    from hwviz.sim.report import format_report
    from hwviz.sim.simulator import simulate
    from hwviz.sim.trace_files import read_trace

    h = load_hierarchy(a.config) if a.config else preset(a.preset or "textbook")
    if a.prefetch or a.degree or a.distance:
        pf = h.prefetch
        h = replace(h, prefetch=replace(pf, kind=a.prefetch or pf.kind,
                                        degree=a.degree or pf.degree, distance=a.distance or pf.distance))
    if a.inclusion:
        h = replace(h, inclusion=a.inclusion)
    h.validate()
    if a.pattern:
        tile = a.tile if a.tile is not None else (8 if a.pattern == "tiled" else 0)
        pat = patterns.make(a.pattern, rows=a.rows, cols=a.cols or a.rows, elem=a.elem, ld=a.ld,
                            base=a.base, tile=tile, stride=a.stride, passes=a.passes,
                            count=a.count, seed=a.seed)
        source = patterns.generate(pat)
        title = (f"{pat.name}, {pat.rows} x {pat.cols} x {pat.elem} B, ld {pat.lead}"
                 f" on {h.name}")
    else:
        source = read_trace(a.trace, a.format)
        title = f"trace {a.trace} on {h.name}"
    stats = simulate(h, source, three_c=a.three_c)
    if a.json:
        print(json.dumps(stats.to_dict(), indent=2))
    else:
        print(format_report(stats, h, title))
    return 0


def _add_measure(sub) -> None:
    from hwviz.measure.experiments import EXPERIMENTS

    p = sub.add_parser("info", help="describe this machine: CPUs, cores, SMT, caches, numba, GPU")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = sub.add_parser("bench", help="measure this machine with live numba kernels",
                       description="Run a measurement experiment and print a table.")
    p.add_argument("experiment", help=f"{', '.join(EXPERIMENTS)}, or all")
    p.add_argument("--quick", action="store_true", help="small sizes: a few seconds per experiment")
    p.add_argument("--threads", type=int, default=None, help="most threads to use (default: all usable CPUs)")
    p.add_argument("--json", metavar="FILE", help="write the results as JSON (schema hwviz.bench/1)")
    p.add_argument("--csv", metavar="FILE", help="write the points as CSV")


def _run_info(a) -> int:
    from hwviz.measure.topology import format_topology, read_topology

    t = read_topology()
    print(json.dumps(t.to_dict(), indent=2) if a.json else format_topology(t))
    return 0


def _run_bench(a) -> int:
    from hwviz.measure.experiments import EXPERIMENTS, run_experiment
    from hwviz.measure.harness import set_threads
    from hwviz.measure.report import format_result
    from hwviz.measure.results import check_writable, save_csv, save_json
    from hwviz.measure.topology import read_topology

    names = list(EXPERIMENTS) if a.experiment == "all" else [a.experiment]
    if a.experiment != "all" and a.experiment not in EXPERIMENTS:
        raise ConfigError(f"unknown experiment {a.experiment!r} (choose {', '.join(EXPERIMENTS)}, or all)")
    if a.threads is not None:
        set_threads(a.threads)
    for path in (a.json, a.csv):
        if path:
            check_writable(path)
    topo = read_topology()
    show = sys.stderr.isatty()
    results = []
    for name in names:
        def progress(done, total, what, name=name):
            if show:
                bar = "#" * (20 * done // max(total, 1))
                print(f"\r{name:14} [{bar:<20}] {done}/{total} {what[:40]:<40}", end="", file=sys.stderr, flush=True)

        r = run_experiment(name, quick=a.quick, threads=a.threads, progress=progress, topology=topo)
        if show:
            print("\r" + " " * 90 + "\r", end="", file=sys.stderr, flush=True)
        results.append(r)
        print(format_result(r))
        print()
    if a.json:
        save_json(results, a.json)
    if a.csv:
        save_csv(results, a.csv)
    return 0


def _add_shot(sub) -> None:
    p = sub.add_parser("shot", help="render a scene to a PNG (no display needed)",
                       description="Render a scene offscreen after N steps and write a PNG.")
    p.add_argument("--scene", default="cache-lab", help="scene name (default cache-lab)")
    p.add_argument("--set", dest="sets", action="append", default=[], metavar="NAME=VALUE",
                   help="a scene parameter, e.g. pattern=column-major (repeatable)")
    p.add_argument("--steps", type=int, default=0, help="accesses to run before the shot")
    p.add_argument("--theme", default="light", help="light, dark or projector (default light)")
    p.add_argument("--size", default="1920x1080", help="window size WIDTHxHEIGHT (default 1920x1080)")
    p.add_argument("--out", required=True, metavar="FILE.png", help="where to write the PNG")


def _run_shot(a) -> int:
    from hwviz.ui.shot import take_shot

    print(take_shot(a.scene, a.sets, a.steps, a.theme, a.size, a.out))
    return 0


def _run_gui(_a) -> int:
    from hwviz.ui.app import run_gui

    return run_gui()


def build_parser() -> argparse.ArgumentParser:
    """The ``hwviz`` argument parser."""
    p = _Parser(prog="hwviz", description="hwviz: see the CPU memory hierarchy and parallelism. "
                                          "With no command, opens the window.")
    p.add_argument("--version", action="version", version=f"hwviz {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_sim(sub)
    _add_measure(sub)
    _add_shot(sub)
    return p


_COMMANDS = {None: _run_gui, "sim": _run_sim, "info": _run_info, "bench": _run_bench,
             "shot": _run_shot}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``hwviz`` console script."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        return _COMMANDS[args.command](args)
    except ConfigError as e:
        print(f"hwviz: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("hwviz: interrupted", file=sys.stderr)
        return 130
