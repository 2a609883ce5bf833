"""Plain-Python twin of the simulator engine (hwviz.sim.engine), written for reading.

Each set keeps Python objects and a recency list instead of stamps in flat arrays; the 3C
shadow is a list of lines with a dict. Same model, independent code: the tests compare the two.
"""

from __future__ import annotations

from dataclasses import dataclass

MASK64 = (1 << 64) - 1
STAT_KEYS = ("accesses", "hits", "misses", "evictions", "writebacks", "compulsory", "capacity",
             "conflict", "prefetch_issued", "prefetch_useful", "prefetch_unused")


@dataclass
class Entry:
    line: int
    dirty: bool = False
    prefetched: bool = False


class Rng:
    """The engine's xorshift64, on Python ints."""

    def __init__(self, seed, level):
        self.x = ((seed * 2654435761 + 0x1234567 + level * 0x9E3779B9) & 0x7FFFFFFFFFFFFFFF) or 1

    def below(self, n):
        x = self.x
        x ^= (x << 13) & MASK64
        x ^= x >> 7
        x ^= (x << 17) & MASK64
        self.x = x
        return (x & 0x7FFFFFFFFFFFFFFF) % n


class Shadow:
    """A level's fully associative 3C shadow: the level's capacity and replacement policy."""

    def __init__(self, cfg, rng):
        self.policy, self.cap = cfg.policy, cfg.lines
        self.slots = []           # the line in each slot; slots fill in order
        self.slot_of = {}
        self.order = []           # slots, LRU: least recent first; FIFO: oldest first
        self.leaves = 1 << (self.cap - 1).bit_length()
        self.tree = [0] * self.leaves   # PLRU, per node: 1 if the next victim is to the right
        self.rng = rng

    def point_away(self, slot):
        node, half = 1, self.leaves >> 1
        while half:
            right = 1 if slot & half else 0
            self.tree[node] = 1 - right
            node, half = 2 * node + right, half >> 1

    def use(self, ln):
        slot = self.slot_of[ln]
        if self.policy == "lru":
            self.order.remove(slot)
            self.order.append(slot)
        elif self.policy == "plru":
            self.point_away(slot)

    def victim(self):
        if self.policy in ("lru", "fifo"):
            return self.order[0]
        if self.policy == "random":
            return self.rng.below(self.cap)
        node, low, half = 1, 0, self.leaves >> 1
        while half:   # a tree over a power of two of leaves: never walk past the last slot
            right = self.tree[node] if low + half < self.cap else 0
            node, low, half = 2 * node + right, low + right * half, half >> 1
        return low

    def insert(self, ln):
        if len(self.slots) < self.cap:
            slot = len(self.slots)
            self.slots.append(ln)
        else:
            slot = self.victim()
            del self.slot_of[self.slots[slot]]
            self.order.remove(slot)
            self.slots[slot] = ln
        self.slot_of[ln] = slot
        self.order.append(slot)
        if self.policy == "plru":
            self.point_away(slot)


class Level:
    def __init__(self, cfg, rng, three_c, shadow_rng):
        self.cfg = cfg
        self.nsets, self.ways = cfg.sets, cfg.ways
        self.ways_of = [[None] * self.ways for _ in range(self.nsets)]
        self.order = [[] for _ in range(self.nsets)]   # LRU: least recent first; FIFO: oldest first
        self.tree = [[0] * self.ways for _ in range(self.nsets)]
        self.rng = rng
        self.stats = dict.fromkeys(STAT_KEYS, 0)
        self.set_acc = [0] * self.nsets
        self.set_miss = [0] * self.nsets
        self.three_c = three_c
        self.shadow = Shadow(cfg, shadow_rng)
        self.seen = set()

    def set_of(self, ln):
        x = ln
        if self.cfg.index == "hash" and self.nsets > 1:
            bits = max(1, (self.nsets - 1).bit_length())
            h = 0
            while x:
                h ^= x & ((1 << bits) - 1)
                x >>= bits
            x = h
        return x % self.nsets

    def find(self, ln):
        s = self.set_of(ln)
        for w, e in enumerate(self.ways_of[s]):
            if e is not None and e.line == ln:
                return s, w
        return s, None

    def touch_tree(self, s, w):
        node, half = 1, self.ways >> 1
        while half:
            right = 1 if w & half else 0
            self.tree[s][node] = 1 - right
            node = 2 * node + right
            half >>= 1

    def used(self, s, w):
        if self.cfg.policy == "lru":
            self.order[s].remove(w)
            self.order[s].append(w)
        elif self.cfg.policy == "plru":
            self.touch_tree(s, w)

    def victim(self, s):
        for w, e in enumerate(self.ways_of[s]):
            if e is None:
                return w
        pol = self.cfg.policy
        if pol in ("lru", "fifo"):
            return self.order[s][0]
        if pol == "random":
            return self.rng.below(self.ways)
        node = 1
        while node < self.ways:
            node = 2 * node + self.tree[s][node]
        return node - self.ways

    def shadow_touch(self, ln, allocate=True):
        """0 never seen, 1 seen but not resident, 2 resident in the fully associative shadow,
        which takes the line in only if the level would (``allocate``)."""
        if not self.three_c:
            return 2
        if ln in self.shadow.slot_of:
            self.shadow.use(ln)
            return 2
        result = 1 if ln in self.seen else 0
        self.seen.add(ln)
        if allocate:
            self.shadow.insert(ln)
        return result


class NaiveSim:
    def __init__(self, hierarchy, three_c=False):
        h = hierarchy.validate()
        self.h = h
        self.levels = [Level(c, Rng(h.seed, k), three_c, Rng(h.seed, k)) for k, c in enumerate(h.levels)]
        self.three_c = three_c
        self.mem_reads = self.mem_writes = 0
        self.served = [0] * (len(self.levels) + 1)
        self.pf = h.prefetch
        self.rpt = {}         # stride: table index -> [pc, last addr, stride, confidence]
        self.streams = []     # stream: [last line, direction, last use]
        self.tick = 0
        self.l1_victim = -1

    # ---- basic operations on one level ------------------------------------------------
    def probe(self, k, ln, demand, allocate=True):
        L = self.levels[k]
        s, w = L.find(ln)
        seen = L.shadow_touch(ln, allocate)
        if w is not None:
            L.used(s, w)
        if demand:
            L.stats["accesses"] += 1
            L.set_acc[s] += 1
            if w is not None:
                L.stats["hits"] += 1
            else:
                L.stats["misses"] += 1
                L.set_miss[s] += 1
                if self.three_c:
                    L.stats[("compulsory", "capacity", "conflict")[seen]] += 1
        return None if w is None else L.ways_of[s][w]

    def drop(self, k, s, w):
        L = self.levels[k]
        e = L.ways_of[s][w]
        if e.prefetched:
            L.stats["prefetch_unused"] += 1
        L.ways_of[s][w] = None
        if w in L.order[s]:
            L.order[s].remove(w)
        return e.dirty

    def fill(self, k, ln, dirty, pf):
        L = self.levels[k]
        s = L.set_of(ln)
        w = L.victim(s)
        old = L.ways_of[s][w]
        v, vd = -1, False
        if old is not None:
            L.stats["evictions"] += 1
            v = old.line
            vd = self.drop(k, s, w)
            if k == 0:
                self.l1_victim = v
            if self.h.inclusion == "inclusive":
                for j in range(k):
                    sj, wj = self.levels[j].find(v)
                    if wj is not None:
                        vd = self.drop(j, sj, wj) or vd
        L.ways_of[s][w] = Entry(ln, bool(dirty), bool(pf))
        if L.cfg.policy in ("lru", "fifo"):
            L.order[s].append(w)
        elif L.cfg.policy == "plru":
            L.touch_tree(s, w)
        return v, vd

    def write_back(self, k, ln):
        while k < len(self.levels):
            through = self.levels[k].cfg.write == "through"
            e = self.probe(k, ln, False, allocate=not through)
            if through:
                k += 1
                continue
            if e is not None:
                e.dirty = True
                return
            v, vd = self.fill(k, ln, True, False)
            if v < 0 or not vd:
                return
            self.levels[k].stats["writebacks"] += 1
            ln, k = v, k + 1
        self.mem_writes += 1

    # ---- accesses ---------------------------------------------------------------------
    def access(self, ln, write, pf):
        if self.h.inclusion == "exclusive":
            return self.access_exclusive(ln, write, pf)
        n = len(self.levels)
        served = None
        to_fill = []          # (level, dirty), top first
        k = 0
        while k < n:
            through = self.levels[k].cfg.write == "through"
            e = self.probe(k, ln, not pf, allocate=not (write and through))
            if e is not None:
                served = k if served is None else served
                if k == 0 and not pf and e.prefetched:
                    e.prefetched = False
                    self.levels[0].stats["prefetch_useful"] += 1
                if write and through:
                    k += 1
                    continue
                if write:
                    e.dirty = True
                break
            if write and through:
                k += 1
                continue
            to_fill.append((k, write))
            write = False
            k += 1
        if k == n:
            served = n if served is None else served
            if write:
                self.mem_writes += 1
            else:
                self.mem_reads += 1
        for j, d in reversed(to_fill):
            v, vd = self.fill(j, ln, d, pf and j == 0)
            if v >= 0 and vd:
                self.levels[j].stats["writebacks"] += 1
                self.write_back(j + 1, v)
        return served

    def access_exclusive(self, ln, write, pf):
        n = len(self.levels)
        e = self.probe(0, ln, not pf)
        if e is not None:
            if not pf and e.prefetched:
                e.prefetched = False
                self.levels[0].stats["prefetch_useful"] += 1
            if write:
                e.dirty = True
            return 0
        served, dirty = n, bool(write)
        for k in range(1, n):
            if self.probe(k, ln, not pf) is not None:
                served = k
                s, w = self.levels[k].find(ln)
                dirty = self.drop(k, s, w) or dirty
                break
        if served == n:
            self.mem_reads += 1
        v, vd = self.fill(0, ln, dirty, pf)
        k = 1
        while v >= 0:
            if vd:
                self.levels[k - 1].stats["writebacks"] += 1
            if k == n:
                if vd:
                    self.mem_writes += 1
                break
            self.levels[k].shadow_touch(v)
            v, vd = self.fill(k, v, vd, False)
            k += 1
        return served

    # ---- prefetchers ------------------------------------------------------------------
    def prefetch(self, ln):
        if ln < 0 or self.levels[0].find(ln)[1] is not None:
            return
        self.levels[0].stats["prefetch_issued"] += 1
        self.access(ln, False, True)

    def train(self, ln, addr, pc, trigger, first_line):
        kind, line_size = self.pf.kind, self.h.line
        if kind == "next-line" and trigger:
            for d in range(1, self.pf.degree + 1):
                self.prefetch(ln + d)
        elif kind == "stride" and first_line:
            i = pc % self.pf.table
            e = self.rpt.get(i)
            if e is None or e[0] != pc:
                self.rpt[i] = [pc, addr, 0, 0]
                return
            delta = addr - e[1]
            if delta == e[2] and delta != 0:
                e[3] = min(e[3] + 1, 3)
            elif e[3] > 0:
                e[3] -= 1
            else:
                e[2] = delta
            e[1] = addr
            if e[3] >= 2 and e[2] != 0:
                step = e[2]
                if abs(step) < line_size:
                    step = line_size if step > 0 else -line_size
                for d in range(1, self.pf.degree + 1):
                    self.prefetch((addr + d * step) // line_size)
        elif kind == "stream" and trigger:
            self.tick += 1
            for st in self.streams:
                if st[1] != 0 and 0 < (ln - st[0]) * st[1] <= self.pf.distance:
                    st[0], st[2] = ln, self.tick
                    for d in range(1, self.pf.distance + 1):
                        self.prefetch(ln + st[1] * d)
                    return
            for st in self.streams:
                if st[1] == 0 and ln != st[0] and abs(ln - st[0]) <= 2:
                    st[0], st[1], st[2] = ln, (1 if ln > st[0] else -1), self.tick
                    return
            new = [ln, 0, self.tick]
            if len(self.streams) < self.pf.table:
                self.streams.append(new)
            else:
                oldest = min(range(len(self.streams)), key=lambda e: self.streams[e][2])
                self.streams[oldest] = new

    # ---- a whole trace ----------------------------------------------------------------
    def run(self, addrs, writes, sizes, pcs):
        line = self.h.line
        events = []
        for a, w, n, pc in zip(addrs, writes, sizes, pcs):
            first, last = a // line, (a + n - 1) // line
            for ln in range(first, last + 1):
                self.l1_victim = -1
                L1 = self.levels[0].stats
                useful, misses, issued = L1["prefetch_useful"], L1["misses"], L1["prefetch_issued"]
                lvl = self.access(ln, bool(w), False)
                self.served[lvl] += 1
                useful = L1["prefetch_useful"] > useful
                trigger = useful or L1["misses"] > misses
                if self.pf.kind != "none":
                    self.train(ln, a, pc, trigger, ln == first)
                events.append((ln, lvl, self.l1_victim, useful, L1["prefetch_issued"] > issued))
        return events

    def result(self):
        """Per-level stats, memory reads/writes and served counts, shaped like the engine's."""
        return {
            "levels": [dict(L.stats, set_accesses=L.set_acc, set_misses=L.set_miss) for L in self.levels],
            "memory": (self.mem_reads, self.mem_writes),
            "served": self.served,
        }
