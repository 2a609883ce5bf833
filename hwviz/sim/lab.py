"""Cache Lab's model: one pattern, or two racing, stepped through a hierarchy and rewindable.

Plain Python over :class:`~hwviz.sim.simulator.Simulator`; the GUI scene and ``hwviz shot`` drive
it, and the tests compare it with bulk :func:`~hwviz.sim.simulator.simulate` runs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from hwviz.base.errors import ConfigError
from hwviz.base.units import format_size
from hwviz.sim.config import CacheLevel, Hierarchy
from hwviz.sim.lab_params import LabParams
from hwviz.sim.loops import Loop, describe_access, loop_of
from hwviz.sim.patterns import Matrix, Pattern, generate, matrices
from hwviz.sim.simulator import Simulator, best_engine
from hwviz.sim.stats import Stats
from hwviz.sim.trace import Trace

#: the largest level Cache Lab simulates (its arrays and 3C shadow take about 4 x 8 B a line)
MAX_LEVEL_SIZE = 256 << 20
#: accesses one frame may simulate with the compiled engine, and with the plain-Python one
#: (tens of microseconds an access: a few hundred keep a frame near 10 ms)
FRAME_ACCESSES, PURE_FRAME_ACCESSES = 1 << 15, 300
#: accesses timed per call when a race computes its finishing times
TIME_CHUNK = 1 << 16


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
        self._timed = 0  # time_ns is known up to this index
        self.reset()

    def reset(self) -> None:
        """Back to the deterministic start: empty caches, no accesses."""
        self.sim = Simulator(self.hierarchy, self.trace, three_c=True, engine=best_engine())
        self.pos = 0
        self.events = self._last = self.sim.step(0)

    def _cost(self, ev: np.ndarray, start: int, n: int) -> np.ndarray:
        """Simulated time of accesses ``start .. start + n - 1`` from their events."""
        return np.bincount(ev["access"] - start, weights=self._latency[ev["level"]], minlength=n)[:n]

    def step(self, n: int) -> np.ndarray:
        """Run the next ``n`` accesses (fewer at the end); return their events."""
        n = max(0, min(n, self.length - self.pos))
        engine = best_engine()
        if self.sim.engine is not engine:  # the compiled engine became ready: use it from here
            self.sim.engine = engine
        ev = self.sim.step(n)
        if self.pos + n > self._timed:
            cost = np.cumsum(self._cost(ev, self.pos, n))
            self.time_ns[self.pos + 1:self.pos + n + 1] = self.time_ns[self.pos] + cost
            self._timed = self.pos + n
        self.pos += n
        self.events = ev
        if n:
            self._last = ev[ev["access"] == self.pos - 1]
        return ev

    def time_all(self) -> None:
        """Fill :attr:`time_ns` for the whole run (a race needs every finishing time before it
        starts), with a separate simulator that counts no 3C."""
        if self._timed == self.length:
            return
        sim = Simulator(self.hierarchy, self.trace, engine=best_engine())
        for start in range(0, self.length, TIME_CHUNK):
            n = min(TIME_CHUNK, self.length - start)
            self.time_ns[start + 1:start + n + 1] = self.time_ns[start] + np.cumsum(self._cost(sim.step(n), start, n))
        self._timed = self.length

    @property
    def total_ns(self) -> float:
        """Simulated time of the whole run (known once :meth:`time_all` ran or the run ended)."""
        return float(self.time_ns[self.length])

    @property
    def finished(self) -> bool:
        """True once every access ran."""
        return self.pos == self.length

    def seek(self, k: int) -> None:
        """Go to just after access ``k`` (re-simulating from the start to go back)."""
        k = max(0, min(k, self.length))
        if k < self.pos:
            self.reset()
        if k > self.pos:
            self.step(k - self.pos)

    def stats(self) -> Stats:
        """Counters so far."""
        return self.sim.stats()

    def cell_levels(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per matrix, (level, prefetched) arrays of its shape: the first level holding each
        element's line (``len(levels)`` when only memory has it)."""
        if self.pos == 0:  # empty caches
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

    def element(self, addr: int) -> str:
        """The element at ``addr`` as ``A[3][5]``, or the address in hex outside the matrices."""
        cell = self.cell_of(addr)
        return f"{self.matrices[cell[0]].name}[{cell[1]}][{cell[2]}]" if cell else f"{addr:#x}"

    def current(self) -> tuple[int, str] | None:
        """(source line, description) of the last access run, or None before the first."""
        if self.pos == 0:
            return None
        i = self.pos - 1
        pc = int(self.trace.pc[i])
        line = self.loop.line_of_pc[min(pc, len(self.loop.line_of_pc) - 1)]
        return line, describe_access(self.pattern, self.matrices, int(self.trace.addr[i]))

    def outcome(self) -> list[Outcome]:
        """What the last access did, one :class:`Outcome` per cache line it touched (empty
        before the first access)."""
        ev = self._last
        line = self.hierarchy.line
        return [Outcome(int(e["line"]), int(e["level"]), bool(e["write"]),
                        int(e["evicted"]) if e["evicted"] >= 0 else None,
                        self.element(int(e["evicted"]) * line) if e["evicted"] >= 0 else "")
                for e in ev]

    def where(self, line: int) -> dict:
        """Where cache line ``line`` sits: its address, its set and tag in every level, and the
        first level holding it now (``len(levels)``: memory only)."""
        level = int(self.sim.locate(np.array([line]))[0][0]) if self.pos else len(self.hierarchy.levels)
        return {"line": line, "address": line * self.hierarchy.line, "level": level,
                "sets": [set_and_tag(lvl, line) for lvl in self.hierarchy.levels]}


@dataclass(frozen=True)
class Outcome:
    """What one access did to one cache line: the level that served it (``len(levels)`` is
    memory; 0 is a first-level hit) and the line the first level evicted for it."""

    line: int
    level: int
    write: bool
    evicted: int | None
    evicted_element: str


def set_and_tag(level: CacheLevel, line: int) -> tuple[int, int]:
    """(set, tag) of cache line ``line`` in ``level``. A hash-indexed level XOR-folds the line
    number into its set index, as the engine does; its tag is the whole line number."""
    if level.index == "modulo" or level.sets == 1:
        return line % level.sets, line // level.sets
    bits, folded, x = max(1, (level.sets - 1).bit_length()), 0, line
    while x > 0:
        folded ^= x & ((1 << bits) - 1)
        x >>= bits
    return folded % level.sets, line


class LabSession:
    """Cache Lab's state: its parameters and one run, or two racing on one simulated clock.

    Alone, the timeline counts accesses. In a race it counts simulated nanoseconds: at clock
    ``t`` each run has done the accesses that complete by ``t``, so the faster loop reaches its
    end first and waits there.
    """

    def __init__(self, params: LabParams | None = None):
        self.params = (params or LabParams()).validate()
        self.hierarchy = self.params.hierarchy()
        self._build()

    def _build(self) -> None:
        p = self.params
        names = [p.pattern] + ([p.race_pattern] if p.race else [])
        self.runs = [LabRun(p.pattern_for(n), self.hierarchy) for n in names]
        self.clock_ns = 0.0
        if self.racing:
            for r in self.runs:
                r.time_all()

    @property
    def racing(self) -> bool:
        """True with two runs on one simulated clock."""
        return len(self.runs) > 1

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
        hierarchy = hierarchy.validate()
        for lvl in hierarchy.levels:
            if lvl.size > MAX_LEVEL_SIZE:
                raise ConfigError(f"{lvl.name} size {format_size(lvl.size)} is more than Cache Lab draws "
                                  f"({format_size(MAX_LEVEL_SIZE)}); hwviz sim runs larger levels")
        self._apply(self.params, hierarchy)

    def _apply(self, params: LabParams, hierarchy: Hierarchy) -> None:
        old = self.params, self.hierarchy, self.runs, self.clock_ns
        self.params, self.hierarchy = params, hierarchy
        try:
            self._build()
        except (ConfigError, MemoryError) as e:
            self.params, self.hierarchy, self.runs, self.clock_ns = old
            if isinstance(e, MemoryError):
                raise ConfigError("this hierarchy needs more memory than is free; choose smaller levels") from None
            raise

    @property
    def length(self) -> int:
        """The timeline's end: accesses of the run, or in a race the slower run's total time in
        whole nanoseconds (rounded up)."""
        if self.racing:
            return int(math.ceil(max(r.total_ns for r in self.runs)))
        return self.runs[0].length

    @property
    def position(self) -> int:
        """Where the timeline is: accesses run, or in a race the clock in whole nanoseconds."""
        return int(self.clock_ns) if self.racing else self.runs[0].pos

    def advance(self, n: int) -> None:
        """``n`` more accesses, or in a race ``n`` more nanoseconds for both runs."""
        if self.racing:
            self._set_clock(self.clock_ns + n)
        else:
            self.runs[0].step(n)

    def seek(self, k: int) -> None:
        """Go to access ``k``, or in a race to nanosecond ``k``."""
        if self.racing:
            self._set_clock(float(k))
        else:
            self.runs[0].seek(k)

    def step(self, direction: int) -> None:
        """One access forward (``direction`` 1) or back (-1); in a race, to the next or the
        previous access of either run."""
        if not self.racing:
            self.seek(self.position + (1 if direction > 0 else -1))
        elif direction > 0:
            due = [r.time_ns[r.pos + 1] for r in self.runs if not r.finished]
            if due:
                self._set_clock(float(min(due)))
        else:
            last = max(r.time_ns[r.pos] for r in self.runs)
            before = [r.time_ns[np.searchsorted(r.time_ns, last, side="left") - 1] for r in self.runs]
            self._set_clock(float(max(before)) if last > 0 else 0.0)

    def _set_clock(self, t: float) -> None:
        self.clock_ns = min(max(0.0, t), float(self.length))
        for r in self.runs:
            r.seek(int(np.searchsorted(r.time_ns, self.clock_ns, side="right")) - 1)

    def frame_limit(self, compiled: bool) -> int:
        """Most timeline units one frame may advance so that it simulates at most about
        :data:`FRAME_ACCESSES` accesses (a few hundred while the engine is not ``compiled``)."""
        accesses = FRAME_ACCESSES if compiled else PURE_FRAME_ACCESSES
        if not self.racing:
            return accesses
        # an access costs at least the cheapest latency, so this many ns run at most that many
        lat = self.runs[0]._latency
        cheapest = float(lat[lat > 0].min()) if (lat > 0).any() else 1.0
        return max(1, int(accesses // len(self.runs) * cheapest))

    def rate_range(self) -> tuple[float, float, float]:
        """(slowest, fastest, default) speed in timeline units a second: 1 to a million
        accesses, or in a race 1 ns to 1 s of simulated time, by default the whole race in
        about 20 s."""
        if not self.racing:
            return 1.0, 1e6, 10.0
        return 1.0, 1e9, round_down_125(self.length / 20)

    def gap_ns(self) -> float:
        """Race mode: simulated time of the second run minus the first, so far."""
        a, b = self.runs[0], self.runs[-1]
        return float(b.time_ns[b.pos] - a.time_ns[a.pos])


def round_down_125(x: float) -> float:
    """The largest of 1, 2, 5 x 10**k at or below ``x`` (1 for x < 1)."""
    if x < 1:
        return 1.0
    k = 10.0 ** math.floor(math.log10(x))
    return max(m * k for m in (1, 2, 5) if m * k <= x)
