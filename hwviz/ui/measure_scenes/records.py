"""Where a shown result comes from: the bundled recorded set, a file, or a run here; its badge;
the machine's cache sizes; points measured while the machine was busy."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hwviz.base.errors import ConfigError
from hwviz.base.files import shipped
from hwviz.base.units import format_size
from hwviz.measure.calibration import cache_levels
from hwviz.measure.results import Result, load_json
from hwviz.ui.measure_scenes import tr

#: the recorded results shipped with the app (see assets/results/README.md)
BUNDLED_DIR = shipped("assets/results", "share/hwviz/results")
BUNDLED_FILE = "amd-epyc-2vcpu-vm.json"
#: a point whose samples spread more than this (max - min over the median) was disturbed
BUSY_SPREAD = 0.10

HERE, RECORDED = "here", "recorded"


@dataclass
class Shown:
    """A result on screen and where it comes from: ``HERE`` (measured in this window, perhaps
    still running) or ``RECORDED`` (a file: bundled or opened)."""

    result: Result
    origin: str
    path: str = ""
    running: bool = False


def machine_name(machine: dict) -> str:
    """A result's machine in words: its ``name`` if the file gives one, the CPU and the number of
    logical CPUs."""
    name = str(machine.get("name") or "").strip()
    cpus = len(machine.get("logical_cpus") or [])
    cpu = str(machine.get("cpu_model") or tr("unknown CPU"))
    what = tr("{cpu}, {n} CPUs").format(cpu=cpu, n=cpus) if cpus else cpu
    return tr("{name} ({what})").format(name=name, what=what) if name else what


def badge(shown: Shown) -> str:
    """"measured here, <date>" or "recorded on <machine>, <date>"."""
    r = shown.result
    date = r.created[:10] if r.created else tr("unknown date")
    if shown.origin == HERE:
        text = tr("measured here on {machine}, {date}").format(machine=machine_name(r.machine), date=date)
        return text + (tr(" (running)") if shown.running else "")
    return tr("recorded on {machine}, {date}").format(machine=machine_name(r.machine), date=date)


def cache_markers(machine: dict) -> list[tuple[str, int]]:
    """``[("L1 48KiB", bytes), ...]``: the machine's data caches, labelled with their sizes."""
    return [(f"{name} {format_size(size)}", size) for name, size in cache_levels(machine)]


def busy(point: dict) -> bool:
    """True if the point's samples spread more than :data:`BUSY_SPREAD`."""
    return float(point.get("spread") or 0.0) > BUSY_SPREAD


def pick(results: list[Result], experiment: str, path: str) -> Result:
    """The result of ``experiment`` among those read from ``path``; ConfigError if none."""
    for r in results:
        if r.experiment == experiment:
            return r
    found = ", ".join(sorted({r.experiment for r in results})) or tr("nothing")
    raise ConfigError(tr("{file} holds no {experiment} result (it holds {found})").format(
        file=Path(path).name, experiment=experiment, found=found))


def open_result(path: str | Path, experiment: str) -> Result:
    """Read ``experiment``'s result from a ``hwviz.bench/1`` file; ConfigError if it has none
    or is not such a file."""
    return pick(load_json(path), experiment, str(path))


def bundled(experiment: str) -> Shown | None:
    """The bundled recorded result of ``experiment``, or None if the app ships none."""
    path = BUNDLED_DIR / BUNDLED_FILE
    try:
        return Shown(open_result(path, experiment), RECORDED, str(path))
    except ConfigError:
        return None
