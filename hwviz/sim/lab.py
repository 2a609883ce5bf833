"""Cache Lab's model: one pattern, or two racing, stepped through a hierarchy and rewindable.

Plain Python over :class:`~hwviz.sim.simulator.Simulator`; the GUI scene and ``hwviz shot`` drive
it, and the tests compare it with bulk :func:`~hwviz.sim.simulator.simulate` runs.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import numpy as np

from hwviz.base.errors import ConfigError
from hwviz.sim.config import PREFETCHERS, Hierarchy
from hwviz.sim.loops import Loop, describe_access, loop_of
from hwviz.sim.patterns import NAMES, Matrix, Pattern, generate, make, matrices
from hwviz.sim.presets import PRESETS, preset
from hwviz.sim.simulator import Simulator
from hwviz.sim.stats import Stats
from hwviz.sim.trace import Trace

MIN_DIM, MAX_DIM = 4, 128
ELEM_SIZES = (1, 2, 4, 8, 16, 32, 64)


@dataclass(frozen=True)
class LabParams:
    """Cache Lab's parameters; the names are those of ``hwviz shot --set``.

    Matrix multiplication runs on ``rows x rows`` matrices without tiling.
    """

    pattern: str = "row-major"
    rows: int = 32
    cols: int = 32
    elem: int = 8
    ld: int = 0
    tile: int = 8
    stride: int = 4
    preset: str = "classroom"
    prefetch: str = "none"
    race: bool = False
    race_pattern: str = "column-major"

    def validate(self) -> "LabParams":
        """Raise :class:`ConfigError` naming the first bad parameter."""
        for name in ("pattern", "race_pattern"):
            if getattr(self, name) not in NAMES:
                raise ConfigError(f"{name} {getattr(self, name)!r} is unknown (choose {', '.join(NAMES)})")
        for name in ("rows", "cols"):
            v = getattr(self, name)
            if not MIN_DIM <= v <= MAX_DIM:
                raise ConfigError(f"{name} {v} is outside {MIN_DIM}..{MAX_DIM}")
        if self.elem not in ELEM_SIZES:
            raise ConfigError(f"elem {self.elem} B is not one of {', '.join(map(str, ELEM_SIZES))}")
        if self.ld and not self.cols <= self.ld <= 2 * MAX_DIM:
            raise ConfigError(f"ld {self.ld} must be 0 (no padding) or from cols ({self.cols}) to {2 * MAX_DIM}")
        if self.preset not in PRESETS:
            raise ConfigError(f"preset {self.preset!r} is unknown (choose {', '.join(PRESETS)})")
        if self.prefetch not in PREFETCHERS:
            raise ConfigError(f"prefetch {self.prefetch!r} is unknown (choose {', '.join(PREFETCHERS)})")
        for name in (self.pattern,) + ((self.race_pattern,) if self.race else ()):
            self.pattern_for(name)
        return self

    def with_text(self, name: str, text: str) -> "LabParams":
        """Return a copy with parameter ``name`` parsed from ``text``, validated."""
        types = {f.name: f.type for f in fields(self)}
        if name not in types:
            raise ConfigError(f"unknown parameter {name!r} (known: {', '.join(types)})")
        text = str(text).strip()
        kind = type(getattr(self, name))
        if kind is bool:
            if text.lower() not in ("true", "false", "1", "0", "yes", "no", "on", "off"):
                raise ConfigError(f"{name} must be true or false, not {text!r}")
            value = text.lower() in ("true", "1", "yes", "on")
        elif kind is int:
            try:
                value = int(text)
            except ValueError:
                raise ConfigError(f"{name} must be a whole number, not {text!r}") from None
        else:
            value = text
        return replace(self, **{name: value}).validate()

    def as_text(self) -> dict[str, str]:
        """Every parameter as the text :meth:`with_text` reads back."""
        return {f.name: str(getattr(self, f.name)).lower() if isinstance(getattr(self, f.name), bool)
                else str(getattr(self, f.name)) for f in fields(self)}

    def pattern_for(self, name: str) -> Pattern:
        """The :class:`Pattern` called ``name`` with this lab's sizes."""
        square = name.startswith("matmul")
        cols = self.rows if square else self.cols
        ld = self.ld if self.ld >= cols else 0
        tile = self.tile if name == "tiled" else 0
        if name == "tiled" and (self.rows % tile or cols % tile):
            raise ConfigError(f"tile {tile} must divide rows {self.rows} and cols {cols}")
        return make(name, rows=self.rows, cols=cols, elem=self.elem, ld=ld, tile=tile,
                    stride=self.stride)

    def hierarchy(self) -> Hierarchy:
        """The preset with the chosen prefetcher."""
        return preset(self.preset).with_prefetch(self.prefetch)


class LabRun:
    """One pattern stepped through one hierarchy, with its cumulative simulated time."""

    def __init__(self, pattern: Pattern, hierarchy: Hierarchy):
        self.pattern = pattern
        self.hierarchy = hierarchy
        self.trace = Trace.concat(generate(pattern))
        self.length = len(self.trace)
        self.matrices: list[Matrix] = matrices(pattern)
        self.loop: Loop = loop_of(pattern)
        lines = [m.addresses() // hierarchy.line for m in self.matrices]
        self._lines, inverse = np.unique(np.concatenate([x.ravel() for x in lines]), return_inverse=True)
        cuts = np.cumsum([x.size for x in lines])[:-1]
        self._cells = [inv.reshape(x.shape) for inv, x in zip(np.split(inverse, cuts), lines)]
        self._latency = np.array([lvl.latency_ns for lvl in hierarchy.levels] + [hierarchy.memory_latency_ns])
        self.time_ns = np.zeros(self.length + 1)  # simulated time after k accesses
        self.reset()

    def reset(self) -> None:
        """Back to the deterministic start: empty caches, no accesses."""
        self.sim = Simulator(self.hierarchy, self.trace, three_c=True)
        self.pos = 0
        self.events = self.sim.step(0)

    def step(self, n: int) -> np.ndarray:
        """Run the next ``n`` accesses (fewer at the end); return their events."""
        n = max(0, min(n, self.length - self.pos))
        ev = self.sim.step(n)
        cost = np.bincount(ev["access"] - self.pos, weights=self._latency[ev["level"]], minlength=n)
        self.time_ns[self.pos + 1:self.pos + n + 1] = self.time_ns[self.pos] + np.cumsum(cost[:n])
        self.pos += n
        self.events = ev
        return ev

    def seek(self, k: int) -> None:
        """Go to just after access ``k`` (re-simulating from the start to go back)."""
        k = max(0, min(k, self.length))
        if k < self.pos:
            self.reset()
        self.step(k - self.pos)

    def stats(self) -> Stats:
        """Counters so far."""
        return self.sim.stats()

    def cell_levels(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per matrix, (level, prefetched) arrays of its shape: the first level holding each
        element's line (``len(levels)`` when only memory has it)."""
        if self.pos == 0:  # empty caches; no need to wait for the engine to compile
            level = np.full(len(self._lines), len(self.hierarchy.levels), np.int8)
            pf = np.zeros(len(self._lines), np.bool_)
        else:
            level, pf = self.sim.locate(self._lines)
        return [(level[c], pf[c]) for c in self._cells]

    def cell_of(self, addr: int) -> tuple[int, int, int] | None:
        """(matrix, row, col) of the element at ``addr``, or None outside the matrices."""
        for k, m in enumerate(self.matrices):
            cell = m.cell_of(addr)
            if cell is not None:
                return (k, *cell)
        return None

    def current(self) -> tuple[int, str] | None:
        """(source line, description) of the last access run, or None before the first."""
        if self.pos == 0:
            return None
        i = self.pos - 1
        pc = int(self.trace.pc[i])
        line = self.loop.line_of_pc[min(pc, len(self.loop.line_of_pc) - 1)]
        return line, describe_access(self.pattern, self.matrices, int(self.trace.addr[i]))


class LabSession:
    """Cache Lab's state: its parameters and one run, or two on one clock in race mode."""

    def __init__(self, params: LabParams | None = None):
        self.params = (params or LabParams()).validate()
        self.hierarchy = self.params.hierarchy()
        self._build()

    def _build(self) -> None:
        p = self.params
        names = [p.pattern] + ([p.race_pattern] if p.race else [])
        self.runs = [LabRun(p.pattern_for(n), self.hierarchy) for n in names]

    def set_params(self, params: LabParams) -> None:
        """Apply new parameters and restart; a new preset replaces an edited hierarchy.
        Raises :class:`ConfigError` (keeping the current run) if they are invalid."""
        params = params.validate()
        h = self.hierarchy
        if params.preset != self.params.preset:
            h = params.hierarchy()
        elif params.prefetch != self.params.prefetch:
            h = h.with_prefetch(params.prefetch)
        self._apply(params, h)

    def set_hierarchy(self, hierarchy: Hierarchy) -> None:
        """Run on an edited hierarchy; :class:`ConfigError` keeps the current run."""
        self._apply(self.params, hierarchy.validate())

    def _apply(self, params: LabParams, hierarchy: Hierarchy) -> None:
        old = self.params, self.hierarchy, self.runs
        self.params, self.hierarchy = params, hierarchy
        try:
            self._build()
        except ConfigError:
            self.params, self.hierarchy, self.runs = old
            raise

    @property
    def length(self) -> int:
        """Accesses of the longest run."""
        return max(r.length for r in self.runs)

    @property
    def position(self) -> int:
        """Accesses run so far on the shared clock."""
        return max(r.pos for r in self.runs)

    def step(self, n: int) -> None:
        """Advance every run by ``n`` accesses."""
        for r in self.runs:
            r.step(n)

    def seek(self, k: int) -> None:
        """Put every run just after access ``k``."""
        for r in self.runs:
            r.seek(k)

    def gap_ns(self) -> float:
        """Race mode: simulated time of the second run minus the first, so far."""
        a, b = self.runs[0], self.runs[-1]
        return float(b.time_ns[b.pos] - a.time_ns[a.pos])
