"""Command-line front door: ``hwviz`` (the window), ``hwviz sim``, ``hwviz shot``, ... Bad input
prints one line and exits 2."""

from __future__ import annotations

import argparse
import os
import sys

from hwviz import __version__
from hwviz.base.checks import printable, whole_text
from hwviz.base.errors import ConfigError
from hwviz.sim.config import PREFETCHERS

#: the most accesses a run makes without --allow-huge (about half a day at 40 ns an access)
HUGE_RUN = 10 ** 12


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error on one line."""

    def error(self, message):  # noqa: D102 - argparse hook
        raise ConfigError(message)


def _whole(what: str, lo: int, hi: int | None = None):
    """An argparse ``type`` reading a whole number in ``lo..hi`` (the message names the range)."""
    def parse(text: str) -> int:
        try:
            return whole_text(text, what, lo, hi)
        except ConfigError as e:
            raise argparse.ArgumentTypeError(str(e)) from None

    parse.__name__ = what
    return parse


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
    what.add_argument("--trace", metavar="FILE", help="trace file (text, valgrind lackey, or .npy); - reads standard input")
    p.add_argument("--format", default="auto", choices=FORMATS, help="trace format (default: detect)")
    g = p.add_argument_group("pattern options")

    def num(key: str, lo: int | None = None):
        low, high = patterns.LIMITS[key]
        return _whole(key, low if lo is None else lo, high)

    g.add_argument("--rows", type=num("rows"), default=2048, help="matrix rows; n for matmul (default 2048)")
    g.add_argument("--cols", type=num("cols"), default=None, help="matrix columns (default: rows)")
    g.add_argument("--elem", type=num("elem"), default=8, help="element size in bytes (default 8)")
    g.add_argument("--ld", type=num("ld", 1), default=0, help="leading dimension in elements (default cols; larger pads)")
    g.add_argument("--base", type=num("base"), default=0, help="address of the first matrix")
    g.add_argument("--tile", type=num("tile"), default=None, help="tile edge (tiled: default 8; matmul: default 0 = none)")
    g.add_argument("--stride", type=num("stride"), default=1, help="strided: elements between accesses")
    g.add_argument("--passes", type=num("passes"), default=1, help="strided: sweeps over the array")
    g.add_argument("--count", type=num("count", 1), default=0, help="random: number of accesses (default rows x cols)")
    g.add_argument("--seed", type=num("seed"), default=0, help="random: seed")
    p.add_argument("--allow-huge", action="store_true",
                   help=f"run a pattern of more than {HUGE_RUN:.0e} accesses (it takes days)")
    p.add_argument("--prefetch", choices=PREFETCHERS, default=None, help="prefetcher (default: the config's)")
    p.add_argument("--degree", type=_whole("degree", 1), default=None, help="prefetch degree")
    p.add_argument("--distance", type=_whole("distance", 1), default=None, help="stream prefetch distance in lines")
    p.add_argument("--inclusion", choices=("nine", "inclusive", "exclusive"), default=None)
    p.add_argument("--3c", dest="three_c", action="store_true", help="classify misses (compulsory, capacity, conflict)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _run_sim(a) -> int:
    from dataclasses import replace

    from hwviz.measure.results import json_text
    from hwviz.sim import patterns
    from hwviz.sim.config_file import load_hierarchy
    from hwviz.sim.presets import preset
    from hwviz.sim.report import format_report
    from hwviz.sim.simulator import simulate
    from hwviz.sim.trace_files import read_trace

    # "is not None" throughout: an empty value given on the command line is refused, not replaced
    h = load_hierarchy(a.config) if a.config is not None else preset("textbook" if a.preset is None else a.preset)
    if a.prefetch is not None or a.degree is not None or a.distance is not None:
        pf = h.prefetch
        h = replace(h, prefetch=replace(pf, kind=pf.kind if a.prefetch is None else a.prefetch,
                                        degree=pf.degree if a.degree is None else a.degree,
                                        distance=pf.distance if a.distance is None else a.distance))
    if a.inclusion is not None:
        h = replace(h, inclusion=a.inclusion)
    h.validate()
    if a.pattern is not None:
        tile = a.tile if a.tile is not None else (8 if a.pattern == "tiled" else 0)
        pat = patterns.make(a.pattern, rows=a.rows, cols=a.rows if a.cols is None else a.cols,
                            elem=a.elem, ld=a.ld, base=a.base, tile=tile, stride=a.stride,
                            passes=a.passes, count=a.count, seed=a.seed)
        n = patterns.length(pat)
        if n > HUGE_RUN and not a.allow_huge:
            raise ConfigError(f"the pattern makes {n:,} accesses, more than {HUGE_RUN:,} (days of "
                              "simulation); choose smaller sizes, or pass --allow-huge to run it")
        source = patterns.generate(pat)
        title = (f"{pat.name}, {pat.rows} x {pat.cols} x {pat.elem} B, ld {pat.lead}"
                 f" on {h.name}")
    else:
        source = read_trace(a.trace, a.format)
        title = f"trace {'standard input' if a.trace == '-' else a.trace} on {h.name}"
    stats = simulate(h, source, three_c=a.three_c)
    if a.json:
        print(json_text(stats.to_dict()))
    else:
        print(format_report(stats, h, title))
    return 0


def _add_measure(sub) -> None:
    from hwviz.measure.experiments import EXPERIMENTS

    p = sub.add_parser("info", help="describe this machine: CPUs, cores, SMT, caches, numba, GPU")
    p.add_argument("--json", action="store_true", help="print JSON")
    p = sub.add_parser("bench", help="measure this machine with live numba kernels",
                       description="Run a measurement experiment and print a table.")
    p.add_argument("experiment", help=f"{', '.join(EXPERIMENTS)}, or all; transfer (needs a CUDA GPU)")
    p.add_argument("--quick", action="store_true", help="small sizes: a few seconds per experiment")
    p.add_argument("--threads", type=_whole("threads", 1), default=None,
                   help="most threads to use (default: all usable CPUs)")
    p.add_argument("--json", metavar="FILE", help="write the results as JSON (schema hwviz.bench/1)")
    p.add_argument("--csv", metavar="FILE", help="write the points as CSV")


def _run_info(a) -> int:
    from hwviz.measure.results import json_text
    from hwviz.measure.topology import format_topology, read_topology

    t = read_topology()
    print(json_text(t.to_dict()) if a.json else format_topology(t))
    return 0


def _run_bench_transfer(a) -> int:
    from hwviz.measure.results import check_outputs, save_csv, save_json
    from hwviz.measure.transfer import format_transfer, transfer

    check_outputs({"--json": a.json, "--csv": a.csv})
    r = transfer(quick=a.quick)
    print(format_transfer(r))
    if a.json is not None:
        save_json([r], a.json)
    if a.csv is not None:
        save_csv([r], a.csv)
    return 0


def _run_bench(a) -> int:
    from hwviz.measure.experiments import EXPERIMENTS, run_experiment
    from hwviz.measure.harness import set_threads
    from hwviz.measure.report import format_result
    from hwviz.measure.results import check_outputs, save_csv, save_json
    from hwviz.measure.topology import read_topology

    if a.experiment == "transfer":      # CUDA, optional: not part of "all"
        return _run_bench_transfer(a)
    names = list(EXPERIMENTS) if a.experiment == "all" else [a.experiment]
    if a.experiment != "all" and a.experiment not in EXPERIMENTS:
        raise ConfigError(f"unknown experiment {a.experiment!r} (choose {', '.join(EXPERIMENTS)}, or all)")
    if a.threads is not None:
        set_threads(a.threads)
    check_outputs({"--json": a.json, "--csv": a.csv})
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
    if a.json is not None:
        save_json(results, a.json)
    if a.csv is not None:
        save_csv(results, a.csv)
    return 0


def _add_shot(sub) -> None:
    p = sub.add_parser("shot", help="render a scene to a PNG (no display needed)",
                       description="Render a scene offscreen after N steps and write a PNG.")
    p.add_argument("--scene", default="cache-lab", help="scene name (default cache-lab)")
    p.add_argument("--set", dest="sets", action="append", default=[], metavar="NAME=VALUE",
                   help="a scene parameter, e.g. pattern=column-major (repeatable)")
    p.add_argument("--steps", type=_whole("steps", 0, 10 ** 8), default=0, help="steps of the scene's timeline to run before the shot")
    p.add_argument("--theme", default="light", help="light, dark or projector (default light)")
    p.add_argument("--size", default="1920x1080", help="window size WIDTHxHEIGHT (default 1920x1080)")
    p.add_argument("--out", required=True, metavar="FILE.png", help="where to write the PNG")
    p.add_argument("--presenter", action="store_true", help="presenter layout: the scene without controls")
    p.add_argument("--from", dest="from_file", metavar="RESULT.json",
                   help="measurement scenes: show this recorded result (hwviz bench --json)")
    p.add_argument("--run", choices=("quick", "full"), help="measurement scenes: measure now, then render")
    p.add_argument("--lesson", metavar="NAME|FILE", help="render a lesson's slide (with --slide) instead of --scene")
    p.add_argument("--slide", type=_whole("slide", 1, 10_000), default=1, help="the lesson's slide, from 1 (default 1)")
    _add_lang(p)


#: the interface's languages (hwviz.ui.i18n.LANGUAGES; listed here so --help imports no Qt)
LANGS = ("en", "zh_CN")


def _add_lang(p, default=argparse.SUPPRESS) -> None:
    """``--lang``, on the main parser and on the commands that open a window (after the command
    too: ``hwviz lesson NAME --lang zh_CN``)."""
    p.add_argument("--lang", choices=LANGS, default=default,
                   help="interface and caption language: en or zh_CN (default: the one chosen in "
                        "View > Language, else the system's; English for shot)")


def _add_lesson(sub) -> None:
    p = sub.add_parser("lesson", help="present a lesson: slides of scenes with captions, clicker keys",
                       description="Open a lesson in the presenter layout: Page Down / Right / Space next "
                                   "slide, Page Up / Left previous, B blanks the screen, G goes to a "
                                   "slide, Esc leaves.")
    p.add_argument("lesson", nargs="?", metavar="NAME|FILE", help="a built-in lesson's name or a lesson file (TOML)")
    p.add_argument("--list", action="store_true", help="list the built-in lessons")
    p.add_argument("--slide", type=_whole("slide", 1, 10_000), default=1, help="start at this slide (default 1)")
    _add_lang(p)


def _run_lesson(a) -> int:
    from hwviz.lessons.reader import builtin_lessons, load_lesson

    if a.list:
        for name, path in builtin_lessons().items():
            lesson = load_lesson(path)
            print(f"{name:20} {len(lesson.slides):3} slides  {printable(lesson.title_in('en'))}")
        return 0
    if not a.lesson:
        raise ConfigError("name a lesson (hwviz lesson --list shows the built-in ones) or a lesson file")
    from hwviz.ui.app import run_gui

    return run_gui(lesson=a.lesson, language=a.lang, slide=a.slide)


def _run_shot(a) -> int:
    from hwviz.ui.shot import take_shot

    print(take_shot(a.scene, a.sets, a.steps, a.theme, a.size, a.out, presenter=a.presenter,
                    from_file=a.from_file, run=a.run, lesson=a.lesson, slide=a.slide, language=a.lang or "en"))
    return 0


def _add_systolic(sub) -> None:
    from hwviz.accel.systolic.plan import DATAFLOW_NAMES, DATAFLOWS, MAX_DIM, MAX_SIDE

    p = sub.add_parser("systolic", help="cycles and utilisation of a GEMM on a systolic array (SCALE-Sim v2)",
                       description="Fold C = A B (A is M x K, B is K x N) onto an R x C systolic array and "
                                   "print SCALE-Sim v2's cycles, utilisation, mapping efficiency and folds "
                                   "for a run with no memory stalls.")
    p.add_argument("--array", default="32x32", metavar="RxC",
                   help=f"array rows x columns, each 1..{MAX_SIDE} (default 32x32)")
    p.add_argument("--dataflow", choices=DATAFLOWS, default="ws",
                   help=", ".join(f"{k}: {v}" for k, v in DATAFLOW_NAMES.items()) + " (default ws)")
    p.add_argument("--gemm", required=True, metavar="M,N,K", help=f"GEMM sizes, each 1..{MAX_DIM:,}")
    p.add_argument("--json", action="store_true",
                   help='print {"cycles", "utilization", "mapping_efficiency", "folds"} (percentages 0-100)')


def _run_systolic(a) -> int:
    from hwviz.accel.systolic.plan import SystolicPlan, format_plan, parse_array, parse_gemm
    from hwviz.measure.results import json_text

    rows, cols = parse_array(a.array)
    m, n, k = parse_gemm(a.gemm)
    plan = SystolicPlan(rows, cols, m, n, k, a.dataflow)
    print(json_text(plan.to_dict()) if a.json else format_plan(plan))
    return 0


def _run_gui(a) -> int:
    from hwviz.ui.app import run_gui

    return run_gui(language=a.lang)


def build_parser() -> argparse.ArgumentParser:
    """The ``hwviz`` argument parser."""
    p = _Parser(prog="hwviz", description="hwviz: see the CPU memory hierarchy and parallelism. "
                                          "With no command, opens the window.")
    p.add_argument("--version", action="version", version=f"hwviz {__version__}")
    _add_lang(p, default=None)
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    _add_sim(sub)
    _add_measure(sub)
    _add_shot(sub)
    _add_systolic(sub)
    _add_lesson(sub)
    return p


#: the values numba takes for NUMBA_THREADING_LAYER
_THREADING_LAYERS = ("default", "safe", "forksafe", "threadsafe", "tbb", "omp", "workqueue")


def _check_environment() -> None:
    """Refuse settings numba would fail on with a traceback (``NUMBA_NUM_THREADS=0`` at import,
    an unknown ``NUMBA_THREADING_LAYER`` at the first parallel kernel)."""
    threads = os.environ.get("NUMBA_NUM_THREADS")
    if threads is not None:
        whole_text(threads, "the environment variable NUMBA_NUM_THREADS", 1, 4096)
    layer = os.environ.get("NUMBA_THREADING_LAYER")
    if layer is not None and layer.strip().lower() not in _THREADING_LAYERS:
        raise ConfigError(f"the environment variable NUMBA_THREADING_LAYER {layer[:40]!r} is unknown "
                          f"(choose {', '.join(_THREADING_LAYERS)}, or unset it)")


_COMMANDS = {None: _run_gui, "sim": _run_sim, "info": _run_info, "bench": _run_bench,
             "shot": _run_shot, "systolic": _run_systolic, "lesson": _run_lesson}


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``hwviz`` console script."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        _check_environment()
        return _COMMANDS[args.command](args)
    except ConfigError as e:
        print(f"hwviz: error: {printable(e)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("hwviz: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (hwviz sim ... | head): stop quietly, as a pipeline expects, and
        # send the rest of the output nowhere so closing stdout raises nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
