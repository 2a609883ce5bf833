"""Run traces through a hierarchy: in bulk (:func:`simulate`) or step by step (:class:`Simulator`)."""

from __future__ import annotations

import threading
from typing import Callable, Iterator

import numpy as np

from hwviz.base.memory import check_fits
from hwviz.sim import engine as E
from hwviz.sim.config import Hierarchy
from hwviz.sim.stats import LevelSnapshot, LevelStats, Stats
from hwviz.sim.trace import Trace, chunks_of

_POLICY = {"lru": E.P_LRU, "fifo": E.P_FIFO, "random": E.P_RANDOM, "plru": E.P_PLRU}
_INCLUSION = {"nine": E.I_NINE, "inclusive": E.I_INCLUSIVE, "exclusive": E.I_EXCLUSIVE}
_PREFETCH = {"none": E.K_NONE, "next-line": E.K_NEXT, "stride": E.K_STRIDE, "stream": E.K_STREAM}

#: a level whose state is larger than this is loaded ahead (see engine.AHEAD)
_AHEAD_BYTES = 1 << 20
#: requests from the first level that wait before the levels below serve them
_QUEUE = 4096

#: one event per cache line touched, in trace order
EVENT_DTYPE = np.dtype([
    ("access", np.int64),    # index of the access in the trace
    ("address", np.int64),
    ("line", np.int64),      # address // line size
    ("write", np.bool_),
    ("level", np.int8),      # level that served it; len(levels) means main memory
    ("set", np.int32),       # set in the first level
    ("way", np.int16),       # way in the first level afterwards, -1 if not allocated there
    ("evicted", np.int64),   # line the first level evicted, -1 if none
    ("prefetch_useful", np.bool_),  # a first hit on a prefetched line
    ("prefetch_issued", np.bool_),  # the prefetcher fetched something after this access
])


class Simulator:
    """Simulate a hierarchy over a trace source, stepping any number of accesses at a time.

    Parameters
    ----------
    hierarchy : Hierarchy
        Validated on construction.
    trace : Trace or iterable of Trace, optional
        Source that :meth:`step` and :meth:`run` consume. Chunks keep memory bounded.
    three_c : bool
        Classify misses as compulsory / capacity / conflict (costs time and memory).
    engine : module, optional
        The engine to run: the compiled :mod:`hwviz.sim.engine` (None) or :func:`pure_engine`.
        Both work on the same arrays, so :attr:`engine` may be changed between any two calls.

    Raises
    ------
    ConfigError
        If the hierarchy is invalid or its arrays would need more than half the available memory.
    """

    def __init__(self, hierarchy: Hierarchy, trace=None, *, three_c: bool = False, engine=None):
        self.hierarchy = hierarchy.validate()
        self.three_c = bool(three_c)
        self.engine = engine
        self._build()
        self._source: Iterator[Trace] = iter(())
        self._chunk: Trace | None = None
        self._chunk_lines = 2   # most lines one access of the chunk covers
        self._pos = 0
        self.accesses = 0
        if trace is not None:
            self._source = chunks_of(trace)

    def _kernels(self):
        return E if self.engine is None else self.engine

    # ---- state ---------------------------------------------------------------------------
    def _build(self) -> None:
        h = self.hierarchy
        nl = len(h.levels)
        words = sum(l.sets * l.ways for l in h.levels)
        nsets = sum(l.sets for l in h.levels)
        caps = [l.lines for l in h.levels] if self.three_c else [0] * nl
        # a PLRU shadow's tree: one value per node, over the next power of two of lines
        leaves = [1 << (c - 1).bit_length() if c and l.policy == "plru" else 0
                  for c, l in zip(caps, h.levels)]
        pf = h.prefetch
        # the fixed-size regions first: the engine reads them at fixed offsets
        sizes = {E.R_LCFG: E.MAX_LEVELS * E.NCFG, E.R_STATS: E.MAX_LEVELS * E.NSTAT, E.R_PCFG: 4,
                 E.R_TAGS: words, E.R_META: nsets * E.NMETA, E.R_SH: nl * E.NSH,
                 E.R_PREV: sum(caps), E.R_NEXT: sum(caps), E.R_SLINE: sum(caps),
                 E.R_PTAB: 4 * pf.table, E.R_STREE: sum(leaves)}
        hash_entries = 1 << 16 if self.three_c else 2
        pf_lines = max(pf.degree, pf.distance) if pf.kind != "none" else 0
        qcap = (nl + 1) * (_QUEUE + 2 * (1 + pf_lines))
        total = E.HEADER + sum(sizes.values()) + E.LANES + 2 * hash_entries + 4 * qcap
        check_fits(8 * total, f"the cache arrays of hierarchy {h.name!r}")
        off = E.HEADER
        # LANES - 1 spare words at the end: the tag match reads whole vectors
        M = np.zeros(E.HEADER + sum(sizes.values()) + E.LANES - 1, np.int64)
        for region, n in sizes.items():
            M[region] = off
            off += n
        M[E.R_END] = off
        self._M = M
        self._sizes = sizes
        for r in (E.R_PREV, E.R_NEXT, E.R_SLINE):
            self._region(r)[:] = -1
        assert (M[E.R_LCFG], M[E.R_STATS], M[E.R_PCFG]) == (E.LCFG0, E.STATS0, E.PCFG0)
        lcfg = self._region(E.R_LCFG).reshape(E.MAX_LEVELS, E.NCFG)
        o, mo = int(M[E.R_TAGS]), int(M[E.R_META])
        seeds = [(h.seed * 2654435761 + 0x1234567 + k * 0x9E3779B9) & 0x7FFFFFFFFFFFFFFF or 1
                 for k in range(nl)]
        for k, lvl in enumerate(h.levels):
            sets, ways = lvl.sets, lvl.ways
            sh = E.tag_shift(ways)
            lcfg[k] = (sets, ways, o, mo, _POLICY[lvl.policy], lvl.write == "through",
                       lvl.index == "hash" and sets > 1, sets - 1 if sets & (sets - 1) == 0 else -1,
                       max(1, (sets - 1).bit_length()), h.line.bit_length() - 1, sh,
                       sets * (ways + E.NMETA) * 8 > _AHEAD_BYTES, seeds[k])
            o += sets * ways
            mo += sets * E.NMETA
            # every way invalid, in decreasing way order so that way 0 is filled first
            self._words(k)[:] = (-1 << sh) | (np.arange(ways - 1, -1, -1, dtype=np.int64) << 2)
        M[E.X_AHEAD] = lcfg[:nl, E.C_AHEAD].any()
        # the largest line number whose word cannot overflow
        M[E.X_MAXLINE] = (1 << (63 - max(lcfg[:nl, E.C_SH]))) - 1
        sh = self._region(E.R_SH).reshape(nl, E.NSH)
        sh[:, E.H_OFF] = np.concatenate([[0], np.cumsum(caps)[:-1]])
        sh[:, E.H_CAP] = caps
        sh[:, E.H_HEAD] = sh[:, E.H_TAIL] = -1
        sh[:, E.H_RNG] = seeds   # the shadow draws as its level does, from a generator of its own
        sh[:, E.H_TREE] = int(M[E.R_STREE]) + np.concatenate([[0], np.cumsum(leaves)[:-1]])
        sh[:, E.H_LEAVES] = leaves
        self._region(E.R_PCFG)[:] = (_PREFETCH[pf.kind], pf.degree, pf.distance, pf.table)
        self._region(E.R_PTAB).reshape(pf.table, 4)[:, 0] = -1
        M[E.X_INCL] = _INCLUSION[h.inclusion]
        M[E.X_USE3C] = self.three_c
        M[E.X_NLEV] = nl
        self._H = self._new_hash(hash_entries)
        # the first level's requests wait in a queue of pairs (see engine._request): it is
        # served when it holds QUEUE pairs; one line adds at most 2 and 2 per prefetch
        M[E.X_QROOM] = _QUEUE
        M[E.X_QCAP] = qcap
        self._Q = np.zeros(4 * int(M[E.X_QCAP]), np.int64)
        self._served = np.zeros(nl + 1, np.int64)

    def _region(self, r: int) -> np.ndarray:
        """View of region ``r`` of the state array."""
        start = int(self._M[r])
        return self._M[start:start + self._sizes[r]]

    def _new_hash(self, entries: int) -> np.ndarray:
        self._M[E.X_HSHIFT] = 64 - (entries.bit_length() - 1)
        return np.full(2 * entries, -1, np.int64)

    def _grow_hash(self) -> None:
        old = self._H
        self._H = self._new_hash(len(old))  # twice the entries: each takes two values
        self._kernels().rehash(old, self._H, self._M[E.X_HSHIFT])

    def _margin(self) -> int:
        # most new 3C keys one access can add: lines it covers x levels x (itself, prefetches,
        # write-backs)
        h = self.hierarchy
        pf = max(h.prefetch.degree, h.prefetch.distance)
        return self._chunk_lines * len(h.levels) * (2 + pf + len(h.levels))

    # ---- running -------------------------------------------------------------------------
    def _next_chunk(self) -> bool:
        while self._chunk is None or self._pos >= len(self._chunk):
            nxt = next(self._source, None)
            if nxt is None:
                self._chunk = None
                return False
            top = int(self._M[E.X_MAXLINE] + 1) * self.hierarchy.line
            nxt = _writable(nxt)
            largest = nxt.check(top)
            self._chunk, self._pos = nxt, 0
            self._chunk_lines = largest // self.hierarchy.line + 2
        return True

    def _advance(self, n: int | None, ev: np.ndarray | None) -> int:
        """Run up to ``n`` accesses (all if None); return how many ran."""
        done = 0
        record = ev is not None
        evbuf = ev if record else np.zeros((1, E.NEVENT), np.int64)
        while (n is None or done < n) and self._next_chunk():
            c = self._chunk
            stop = len(c) if n is None else min(len(c), self._pos + n - done)
            margin = self._margin()
            hlimit = len(self._H) // 4 - margin
            if self.three_c and self._M[E.X_HCOUNT] > hlimit:
                self._grow_hash()
                continue
            first_event = int(self._M[E.X_EVN])
            reached = self._kernels().run(self._M, self._H, self._Q, c.addr, c.size, c.write, c.pc,
                                          self._pos, stop, self._served, evbuf, record, hlimit, margin)
            if record:   # the engine numbers accesses within the chunk; events, within the trace
                evbuf[first_event:self._M[E.X_EVN], E.E_ACCESS] += self.accesses + done - self._pos
            done += reached - self._pos
            self._pos = reached
            if reached < stop:
                if record and self._M[E.X_EVN] > 0:
                    break  # event buffer full; the caller drains it
                if self.three_c:
                    self._grow_hash()
        self.accesses += done
        return done

    def run(self) -> Stats:
        """Run the rest of the source and return the statistics."""
        self._advance(None, None)
        return self.stats()

    def step(self, n: int = 1) -> np.ndarray:
        """Run the next ``n`` accesses and return their events (``EVENT_DTYPE``, one per line)."""
        out = [np.zeros(0, EVENT_DTYPE)]
        left = n
        while left > 0 and self._next_chunk():
            lines = self._chunk_lines
            ev = np.empty((max(1024, min(left, 1 << 16) * lines), E.NEVENT), np.int64)  # rows are filled before use
            self._M[E.X_EVN] = 0
            ran = self._advance(left, ev)
            out.append(_events(ev[: self._M[E.X_EVN]]))
            left -= ran
        return np.concatenate(out)

    @property
    def finished(self) -> bool:
        """True when the source has no accesses left."""
        return not self._next_chunk()

    # ---- results -------------------------------------------------------------------------
    def stats(self) -> Stats:
        """Statistics so far."""
        h = self.hierarchy
        M = self._M
        stats = self._region(E.R_STATS).reshape(-1, E.NSTAT)
        levels = []
        for k, lvl in enumerate(h.levels):
            row = stats[k]
            meta = self._meta(k)
            levels.append(LevelStats(
                name=lvl.name, accesses=int(row[E.S_HIT] + row[E.S_MISS]), hits=int(row[E.S_HIT]),
                misses=int(row[E.S_MISS]), evictions=int(row[E.S_EVICT]),
                writebacks=int(row[E.S_WB]), compulsory=int(row[E.S_COMP]),
                capacity=int(row[E.S_CAP]), conflict=int(row[E.S_CONF]),
                prefetch_issued=int(row[E.S_PF_ISSUED]), prefetch_useful=int(row[E.S_PF_USEFUL]),
                prefetch_unused=int(row[E.S_PF_UNUSED]), served=int(self._served[k]),
                latency_ns=float(lvl.latency_ns),
                set_accesses=meta[:, E.M_ACC].copy(), set_misses=meta[:, E.M_MISS].copy(),
            ))
        return Stats(accesses=self.accesses, levels=levels, memory_reads=int(M[E.X_MEMR]),
                     memory_writes=int(M[E.X_MEMW]), memory_served=int(self._served[-1]),
                     memory_latency_ns=float(h.memory_latency_ns), three_c=self.three_c)

    def locate(self, lines: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where each line lives now: the first level holding it (``len(levels)`` for memory
        only) and whether that copy was prefetched and not yet used."""
        lines = np.ascontiguousarray(lines, dtype=np.int64)
        level = np.zeros(len(lines), np.int8)
        prefetched = np.zeros(len(lines), np.bool_)
        self._kernels().locate(self._M, lines, level, prefetched)
        return level, prefetched

    def occupancy(self, k: int) -> np.ndarray:
        """Valid ways in each set of level ``k`` (cheaper than a snapshot of a large level)."""
        return (self._words(k) >= 0).sum(axis=1)

    def _lcfg(self, k: int) -> np.ndarray:
        return self._region(E.R_LCFG).reshape(-1, E.NCFG)[k]

    def _words(self, k: int) -> np.ndarray:
        """Level ``k``'s tag words as a (sets, ways) view, each set a ring (see ``engine``)."""
        c = self._lcfg(k)
        off, sets, ways = int(c[E.C_OFF]), int(c[E.C_SETS]), int(c[E.C_WAYS])
        return self._M[off:off + sets * ways].reshape(sets, ways)

    def _meta(self, k: int) -> np.ndarray:
        """Level ``k``'s per-set values as a (sets, NMETA) view."""
        c = self._lcfg(k)
        off, sets = int(c[E.C_MOFF]), int(c[E.C_SETS])
        return self._M[off:off + sets * E.NMETA].reshape(sets, E.NMETA)

    def snapshot(self) -> list[LevelSnapshot]:
        """Each level's contents as (sets, ways) arrays, for drawing."""
        return [self.snapshot_level(k) for k in range(len(self.hierarchy.levels))]

    def snapshot_level(self, k: int) -> LevelSnapshot:
        """Level ``k``'s contents as (sets, ways) arrays, indexed by way."""
        lvl = self.hierarchy.levels[k]
        sets, ways = lvl.sets, lvl.ways
        sh = int(self._lcfg(k)[E.C_SH])
        w = self._words(k)
        meta = self._meta(k)
        # words in way order, with each word's ring position (0 = most recent)
        pos = (np.arange(ways) - meta[:, E.M_HEAD, None]) % ways
        by_way = np.argsort((w >> 2) & ((1 << (sh - 2)) - 1), axis=1)
        w = np.take_along_axis(w, by_way, axis=1)
        pos = np.take_along_axis(pos, by_way, axis=1)
        valid = w >= 0
        lines = np.where(valid, w >> sh, -1)
        dirty = (w & E.W_DIRTY) > 0
        prefetched = (w & E.W_PF) > 0
        recency = np.full((sets, ways), -1, np.int64)
        if lvl.policy in ("lru", "fifo"):
            recency = np.where(valid, ways - 1 - pos, -1)
        elif lvl.policy == "plru":
            recency[:] = (meta[:, E.M_PLRU, None] >> np.arange(ways)) & 1
            recency[:, 0] = 0
        return LevelSnapshot(
            name=lvl.name, lines=lines, valid=valid, dirty=dirty, prefetched=prefetched,
            recency=recency, sets=sets, indexing=lvl.index,
        )


def _writable(t: Trace) -> Trace:
    """``t`` with writable arrays: numba compiles a kernel again for read-only arrays (as
    ``Trace.of`` may make), and :func:`warmup` compiles for writable ones only."""
    fields = (t.addr, t.write, t.size, t.pc)
    if all(a.flags.writeable for a in fields):
        return t
    return Trace(*(a if a.flags.writeable else a.copy() for a in fields))


def _events(raw: np.ndarray) -> np.ndarray:
    ev = np.zeros(len(raw), EVENT_DTYPE)
    for name, col in (("access", E.E_ACCESS), ("address", E.E_ADDR), ("line", E.E_LINE),
                      ("write", E.E_WRITE), ("level", E.E_LEVEL), ("set", E.E_SET),
                      ("way", E.E_WAY), ("evicted", E.E_EVICTED)):
        ev[name] = raw[:, col]
    ev["prefetch_useful"] = raw[:, E.E_FLAGS] & E.FLAG_PF_USEFUL
    ev["prefetch_issued"] = raw[:, E.E_FLAGS] & E.FLAG_PF_ISSUED
    return ev


_compiled = threading.Event()
_pure_lock = threading.Lock()
_pure = None


def compiled_ready() -> bool:
    """True once :func:`warmup` has completed in this process."""
    return _compiled.is_set()


def pure_engine():
    """The engine's code as plain Python (:mod:`hwviz.sim.pure_engine`), built once."""
    global _pure
    with _pure_lock:
        if _pure is None:
            from hwviz.sim.pure_engine import build

            _pure = build()
    return _pure


def best_engine():
    """The compiled engine once :func:`warmup` has made it ready, else the pure-Python one."""
    return E if _compiled.is_set() else pure_engine()


def warmup(progress: Callable[[int, int, str], None] | None = None, *, child: bool = False) -> None:
    """Compile (or load from numba's cache) every kernel that Cache Lab and ``hwviz sim`` call,
    so that none of their calls compiles afterwards; then :func:`compiled_ready` is True.

    Parameters
    ----------
    progress : callable, optional
        Called as ``progress(done, total, what)`` before each stage (``what`` says what the
        stage compiles, in English; see :mod:`hwviz.sim.warm_stages`).
    child : bool
        Compile in a child process, then load the result from numba's cache here. Compiling is
        mostly Python, so in a thread it takes the interpreter from the others (the GUI steps
        Cache Lab two to three times slower meanwhile); a child does not. If the child fails,
        this process compiles.

    Safe to run in a background thread: :func:`best_engine` chooses the compiled engine only
    once every stage is done.
    """
    from hwviz.sim.warm_stages import STAGES, compile_in_child, run_stages

    n = len(STAGES)
    report = progress or (lambda done, total, what: None)
    if child and compile_in_child(lambda done, what: report(done, n + 1, what)):
        report(n, n + 1, "engine: loading the compiled code")
        run_stages()   # each stage finds its kernels in numba's cache
    else:
        run_stages(lambda done, what: report(done, n, what))
    _compiled.set()


def simulate(hierarchy: Hierarchy, trace, *, three_c: bool = False) -> Stats:
    """Run a whole trace (a :class:`Trace` or an iterable of chunks) and return its statistics."""
    return Simulator(hierarchy, trace, three_c=three_c).run()
