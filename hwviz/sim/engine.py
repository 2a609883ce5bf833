"""The numba kernel that runs a trace through a cache hierarchy.

All state lives in flat arrays owned by :class:`hwviz.sim.simulator.Simulator`; the kernel is a
pure function of them, so a run can stop after any access and resume with identical results.

Model (the readable twin is ``tests/naive_sim.py``):

* Demand hits and misses count loads, stores and the write-allocate reads they cause.
  Write-backs and prefetch fills probe the levels below without counting as demand.
* Write-back levels absorb a store (dirty line); write-through levels forward it and do not
  allocate on a miss. A dirty victim is written to the next level (allocating there without a
  fetch, since the whole line is written) or to memory.
* ``inclusive`` back-invalidates copies above a victim; ``exclusive`` keeps one copy: a hit below
  moves the line to the first level and victims cascade down.
* 3C: each level has a fully associative shadow of equal capacity with the level's replacement
  policy (random with a generator of its own, seeded as the level's), fed the same probes and
  filled when the level fills (a write-through level does not allocate a write miss, so neither
  does its shadow); a demand miss is compulsory if the level never saw the line, conflict if
  the shadow hits, capacity otherwise.
* ``random`` replacement draws from one xorshift generator per level, seeded from the
  hierarchy's seed and the level's index.

Order of work. In a ``nine`` hierarchy no level changes a level above it, so the first level
serves each access at once and queues what it asks of the level below (fetches, write-backs,
prefetch fills); the queue is later served level by level in bulk (``_request``, ``_drain``).
Each level sees the same requests in the same order as when every access goes through all
levels at once, so every count is the same; only the host caches stay warmer. In ``inclusive``
hierarchies a victim below removes copies above, and in ``exclusive`` ones a hit below moves the
line up, so there each access goes through all levels at once (``_access``,
``_access_exclusive``).

Layout of a set. Each way is one int64 *word*: ``line << sh | way << 2 | dirty << 1 | prefetched``
with ``sh = 2 + bits of the way number``; an invalid way holds ``-1 << sh | way << 2``, negative,
so it never equals a line. The words of a set form a ring read from the set's ``head``: logical
position 0 is the most recent line (LRU) or the newest (FIFO). Valid words come first; invalid
words follow in decreasing way order. So the last position is always the next fill (the lowest
invalid way, else the LRU or FIFO victim), a fill turns the ring by moving ``head`` onto it, and a
16-way set is two host cache lines. A line never moves to another way; only its position in
the ring changes. Each set also has ``NMETA`` values: access and miss counts, head, PLRU bits.
"""

from __future__ import annotations

import numpy as np
from collections import namedtuple

from numba import njit

from hwviz.sim.intrinsics import LANES, lowest_bit, match_words, to_front, touch_ahead

# ---- the state array M (int64). The header holds region offsets and scalars.
(R_TAGS, R_META, R_SH, R_PREV, R_NEXT, R_SLINE, R_PTAB, R_LCFG, R_STATS, R_PCFG, R_STREE,
 R_END) = range(12)
(X_CLOCK, X_MEMR, X_MEMW, X_HCOUNT, X_HSHIFT, X_EVN, X_L1VICT, X_INCL, X_USE3C,
 X_NLEV, X_MAXLINE, X_AHEAD, X_QN, X_QROOM, X_QCAP) = range(16, 31)
HEADER = 32
MAX_LEVELS = 4
# per-level configuration, NCFG values per level at R_LCFG
# (and C_RNG, the state of the level's random replacement)
C_SETS, C_WAYS, C_OFF, C_MOFF, C_POLICY, C_WT, C_HASH, C_MASK, C_BITS, C_LBITS, C_SH, C_AHEAD, C_RNG = range(13)
NCFG = 13
P_LRU, P_FIFO, P_RANDOM, P_PLRU = range(4)
# per-set values, NMETA per set at C_MOFF
M_ACC, M_MISS, M_HEAD, M_PLRU = range(4)
NMETA = 4
# statistics, NSTAT values per level at R_STATS
# (a level's demand accesses are its hits plus its misses)
(S_HIT, S_MISS, S_EVICT, S_WB, S_COMP, S_CAP, S_CONF,
 S_PF_ISSUED, S_PF_USEFUL, S_PF_UNUSED) = range(10)
NSTAT = 10
I_NINE, I_INCLUSIVE, I_EXCLUSIVE = range(3)
# prefetcher configuration at R_PCFG; its table (4 values per entry) at R_PTAB
# The fixed-size regions sit at fixed offsets right after the header, so reading a configuration
# value or a counter is one load, not a load of the region's offset first.
LCFG0 = HEADER
STATS0 = LCFG0 + MAX_LEVELS * NCFG
PCFG0 = STATS0 + MAX_LEVELS * NSTAT
F_KIND, F_DEGREE, F_DISTANCE, F_TABLE = range(4)
K_NONE, K_NEXT, K_STRIDE, K_STREAM = range(4)
# 3C shadow, NSH values per level at R_SH: its slots, list ends and slots in use, its random
# generator (random levels) and its tree (PLRU levels: one value per node at R_STREE)
H_OFF, H_CAP, H_HEAD, H_TAIL, H_USED, H_RNG, H_TREE, H_LEAVES = range(8)
NSH = 8
# event columns
E_ACCESS, E_ADDR, E_LINE, E_WRITE, E_LEVEL, E_SET, E_WAY, E_EVICTED, E_FLAGS = range(9)
NEVENT = 9
FLAG_PF_USEFUL, FLAG_PF_ISSUED = 1, 2
# Levels whose state outgrows the host's caches have their set loaded AHEAD accesses early
# (C_AHEAD, and X_AHEAD if any level does).
AHEAD = 8
# tag word bits
W_PF, W_DIRTY = 1, 2
# requests a level sends to the next one (non-exclusive hierarchies, see _request): the queue Q
# holds (line, kind) pairs in two buffers of X_QCAP pairs; X_QN pairs wait in the first
Q_WRITE, Q_SERVED, Q_WB, Q_PF = 1, 2, 4, 8

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def tag_shift(ways: int) -> int:
    """``sh`` of a level with ``ways`` ways: the line number's place in a word."""
    return 2 + max(1, (ways - 1).bit_length())


#: What the kernel needs to know of one level, read from ``M`` once per pass over the level
#: (``level``): after a store to ``M`` the compiler would read a value from ``M`` again.
#: ``st`` is the offset of the level's statistics; ``use3c`` and ``incl`` are the hierarchy's.
Level = namedtuple("Level", "k sets ways off moff policy wt hash mask bits lbits sh ahead st use3c incl")


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def level(M, k):
    """The :data:`Level` of level ``k``."""
    c = LCFG0 + k * NCFG
    return Level(k, M[c + C_SETS], M[c + C_WAYS], M[c + C_OFF], M[c + C_MOFF], M[c + C_POLICY],
                 M[c + C_WT], M[c + C_HASH], M[c + C_MASK], M[c + C_BITS], M[c + C_LBITS],
                 M[c + C_SH], M[c + C_AHEAD], STATS0 + k * NSTAT, M[X_USE3C], M[X_INCL])


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _common(L):
    """Level ``L`` of a ``nine`` hierarchy is configured as most are: LRU, write-back, modulo
    indexing, no 3C. The hot loops have a copy for such levels (``_as_common``)."""
    return L.policy == P_LRU and not L.wt and not L.hash and not L.use3c and L.incl == I_NINE


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _as_common(L):
    """``L`` with what ``_common`` checked written as constants, so that the compiler leaves
    out the code for other settings where it inlines a helper with it."""
    return Level(L.k, L.sets, L.ways, L.off, L.moff, P_LRU, 0, 0, L.mask, L.bits, L.lbits, L.sh,
                 L.ahead, L.st, 0, I_NINE)


@njit(cache=True, nogil=True, _nrt=False)
def set_index(L, ln):
    """Set of line ``ln`` in level ``L`` (modulo or XOR-folded hash)."""
    x = ln
    if L.hash:
        bits = L.bits
        m = (np.int64(1) << bits) - 1
        h = np.int64(0)
        while x > 0:
            h ^= x & m
            x >>= bits
        x = h
    mask = L.mask
    if mask >= 0:
        return x & mask
    return x % L.sets


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _where(L, ln):
    """(first word, first meta value, set) of ``ln``'s set in level ``L``."""
    si = set_index(L, ln)
    return L.off + si * L.ways, L.moff + si * NMETA, si


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _find(M, L, base, ln):
    """Word index of ``ln`` in level ``L``'s set at ``base``, or -1."""
    sh = L.sh
    end = base + L.ways
    for s in range(base, end, LANES):
        m = match_words(M, s, ln, sh)
        if end - s < LANES:
            m &= (np.int64(1) << (end - s)) - 1
        if m:
            return s + lowest_bit(m)
    return -1


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _way(L, word):
    return (word >> 2) & ((np.int64(1) << (L.sh - 2)) - 1)


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _at(base, head, p, ways):
    """Word index of ring position ``p``."""
    s = head + p
    if s >= ways:
        s -= ways
    return base + s


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _to_front(M, base, meta, ways, s):
    """LRU: move word ``s`` to ring position 0, shifting the words before it back by one (in one
    vector, for sets of up to ``LANES`` ways) or the shorter side of the ring; return the word's
    new index."""
    head = M[meta + M_HEAD]
    p = s - base - head
    if p < 0:
        p += ways
    if p == 0:
        return s
    x = M[s]
    # the ring's last word needs no shifting (turning the ring back is one store, below)
    if ways <= LANES and p < ways - 1:
        to_front(M, base, ways, head, p, x)
        return base + head
    if p <= ways - 1 - p:
        for q in range(p, 0, -1):
            M[_at(base, head, q, ways)] = M[_at(base, head, q - 1, ways)]
        M[base + head] = x
        return base + head
    # close the gap from behind, then turn the ring back by one onto the freed word
    for q in range(p, ways - 1):
        M[_at(base, head, q, ways)] = M[_at(base, head, q + 1, ways)]
    head = head - 1 if head > 0 else ways - 1
    M[base + head] = x
    M[meta + M_HEAD] = head
    return base + head


@njit(cache=True, nogil=True, _nrt=False)
def _plru_touch(M, meta, ways, way):
    # tree bits at bit ``node`` (1..ways-1, heap order) of the set's PLRU value; each bit on
    # the path is set to point away from the way just used
    t = M[meta + M_PLRU]
    node = 1
    half = ways >> 1
    while half > 0:
        right = 1 if (way & half) else 0
        if right:
            t &= ~(np.int64(1) << node)
        else:
            t |= np.int64(1) << node
        node = 2 * node + right
        half >>= 1
    M[meta + M_PLRU] = t


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _touch(M, L, base, meta, s):
    """Record a use of word ``s`` for the replacement policy; return the word's index after."""
    pol = L.policy
    if pol == P_LRU:
        if s == base + M[meta + M_HEAD]:
            return s
        return _to_front(M, base, meta, L.ways, s)
    if pol == P_PLRU:
        _plru_touch(M, meta, L.ways, _way(L, M[s]))
    return s


@njit(cache=True, nogil=True, _nrt=False)
def _word_of_way(M, L, base, way):
    for s in range(base, base + L.ways):
        if _way(L, M[s]) == way:
            return s
    return -1


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _random(M, r):
    """The next draw of the xorshift generator whose state is ``M[r]``, from 0 to 2^63 - 1."""
    x = M[r]
    x ^= x << 13
    x ^= (x >> 7) & 0x01FFFFFFFFFFFFFF
    x ^= x << 17
    M[r] = x
    return x & 0x7FFFFFFFFFFFFFFF


@njit(cache=True, nogil=True, _nrt=False)
def _choose(M, L, base, meta):
    """Random and PLRU: the word to replace in a full set."""
    ways = L.ways
    if L.policy == P_RANDOM:
        return _word_of_way(M, L, base, _random(M, LCFG0 + L.k * NCFG + C_RNG) % ways)
    t = M[meta + M_PLRU]
    node = 1
    while node < ways:
        node = 2 * node + ((t >> node) & 1)
    return _word_of_way(M, L, base, node - ways)


# ---- 3C shadow: H is a hash table of (key, value) pairs, key = line * 4 + level, value = the
# ---- shadow slot or -1 (seen, not resident); each level's slots form a linked list in LRU
# ---- (or FIFO) order. The shadow replaces as its level does, so that a fully associative
# ---- level and its shadow hold the same lines.

@njit(cache=True, nogil=True, _nrt=False)
def _hpos(H, key, shift):
    # Fibonacci hashing into a power-of-two table (shift = 64 - log2(entries)), linear probing.
    mask = (len(H) >> 1) - 1
    i = np.int64((np.uint64(key) * _GOLDEN) >> np.uint64(shift))
    while H[2 * i] != key and H[2 * i] != -1:
        i = (i + 1) & mask
    return 2 * i


@njit(cache=True, nogil=True, _nrt=False)
def _unlink(M, k, s):
    pv, nx, sh = M[R_PREV], M[R_NEXT], M[R_SH] + NSH * k
    p, n = M[pv + s], M[nx + s]
    if p >= 0:
        M[nx + p] = n
    else:
        M[sh + H_HEAD] = n
    if n >= 0:
        M[pv + n] = p
    else:
        M[sh + H_TAIL] = p


@njit(cache=True, nogil=True, _nrt=False)
def _push_front(M, k, s):
    pv, nx, sh = M[R_PREV], M[R_NEXT], M[R_SH] + NSH * k
    h = M[sh + H_HEAD]
    M[pv + s] = -1
    M[nx + s] = h
    if h >= 0:
        M[pv + h] = s
    else:
        M[sh + H_TAIL] = s
    M[sh + H_HEAD] = s


@njit(cache=True, nogil=True, _nrt=False)
def _shadow_plru_touch(M, sh, slot):
    # as _plru_touch, one value per node: each node on the path points away from ``slot``
    t = M[sh + H_TREE]
    node = 1
    half = M[sh + H_LEAVES] >> 1
    while half > 0:
        right = 1 if (slot & half) else 0
        M[t + node] = 1 - right
        node = 2 * node + right
        half >>= 1


@njit(cache=True, nogil=True, _nrt=False)
def _shadow_victim(M, sh, pol):
    """The slot a full shadow replaces, as its level's policy would choose it. A PLRU tree has
    the next power of two of leaves; a path never leads to a leaf past the last slot."""
    off, cap = M[sh + H_OFF], M[sh + H_CAP]
    if pol == P_RANDOM:
        return off + _random(M, sh + H_RNG) % cap
    if pol == P_PLRU:
        t = M[sh + H_TREE]
        node = 1
        low = 0
        half = M[sh + H_LEAVES] >> 1
        while half > 0:
            right = M[t + node]
            if low + half >= cap:
                right = 0
            low += right * half
            node = 2 * node + right
            half >>= 1
        return off + low
    return M[sh + H_TAIL]


@njit(cache=True, nogil=True, _nrt=False)
def shadow_touch(M, H, k, ln, allocate):
    """Touch ``ln`` in level ``k``'s shadow; return 0 never seen, 1 seen but absent, 2 resident.
    An absent line enters the shadow only if ``allocate`` (the level fills it on a miss)."""
    key = (ln << 2) | k
    pos = _hpos(H, key, M[X_HSHIFT])
    sh = M[R_SH] + NSH * k
    pol = M[LCFG0 + k * NCFG + C_POLICY]
    if H[pos] == key:
        s = H[pos + 1]
        if s >= 0:
            if pol == P_LRU:
                _unlink(M, k, s)
                _push_front(M, k, s)
            elif pol == P_PLRU:
                _shadow_plru_touch(M, sh, s - M[sh + H_OFF])
            return 2
        result = 1
    else:
        H[pos] = key   # its value stays -1 (an empty entry's) unless the line enters below
        M[X_HCOUNT] += 1
        result = 0
    if not allocate:
        return result
    sl = M[R_SLINE]
    if M[sh + H_USED] < M[sh + H_CAP]:
        s = M[sh + H_OFF] + M[sh + H_USED]
        M[sh + H_USED] += 1
    else:
        s = _shadow_victim(M, sh, pol)
        _unlink(M, k, s)
        H[_hpos(H, (M[sl + s] << 2) | k, M[X_HSHIFT]) + 1] = -1
    M[sl + s] = ln
    H[pos + 1] = s
    _push_front(M, k, s)
    if pol == P_PLRU:
        _shadow_plru_touch(M, sh, s - M[sh + H_OFF])
    return result


@njit(cache=True, nogil=True, _nrt=False)
def rehash(H, NH, shift):
    """Move the 3C hash table ``H`` into the larger empty ``NH``."""
    for i in range(0, len(H), 2):
        if H[i] != -1:
            j = _hpos(NH, H[i], shift)
            NH[j] = H[i]
            NH[j + 1] = H[i + 1]



@njit(cache=True, nogil=True, _nrt=False)
def locate(M, lines, held, prefetched):
    """For each line, the first level holding it (``X_NLEV`` if none) and its prefetched bit."""
    nl = M[X_NLEV]
    for i in range(len(lines)):
        ln = lines[i]
        held[i] = nl
        prefetched[i] = 0
        for k in range(nl):
            L = level(M, k)
            s = _find(M, L, _where(L, ln)[0], ln)
            if s >= 0:
                held[i] = k
                prefetched[i] = M[s] & W_PF
                break


# ---- the hierarchy

@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _probe(M, H, L, ln, demand, allocate):
    """Look ``ln`` up in level ``L``; count it if ``demand``; return its word index or -1.
    ``allocate``: the level fills the line on a miss (its 3C shadow does the same)."""
    base, meta, _ = _where(L, ln)
    return _probe_at(M, H, L, ln, demand, base, meta, allocate)


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _probe_at(M, H, L, ln, demand, base, meta, allocate):
    """``_probe`` in the set whose first word is ``base`` and first meta value ``meta``."""
    s = _find(M, L, base, ln)
    use3c = L.use3c
    seen = 2
    if use3c:
        seen = shadow_touch(M, H, L.k, ln, allocate)
    if s >= 0:
        s = _touch(M, L, base, meta, s)
    if demand:
        st = L.st
        M[meta + M_ACC] += 1
        if s >= 0:
            M[st + S_HIT] += 1
        else:
            M[st + S_MISS] += 1
            M[meta + M_MISS] += 1
            if use3c:
                M[st + (S_COMP if seen == 0 else S_CAP if seen == 1 else S_CONF)] += 1
    return s


@njit(cache=True, nogil=True, _nrt=False)
def _drop(M, L, base, meta, s):
    """Invalidate word ``s`` of level ``L`` and move it into the ring's invalid tail; return its
    dirty bit. A prefetched line never used counts as unused."""
    v = M[s]
    if v & W_PF:
        M[L.st + S_PF_UNUSED] += 1
    ways = L.ways
    way = _way(L, v)
    head = M[meta + M_HEAD]
    p = s - base - head
    if p < 0:
        p += ways
    while p < ways - 1:
        nv = M[_at(base, head, p + 1, ways)]
        if nv < 0 and _way(L, nv) < way:
            break
        M[_at(base, head, p, ways)] = nv
        p += 1
    M[_at(base, head, p, ways)] = (np.int64(-1) << L.sh) | (way << 2)
    return (v >> 1) & 1


@njit(cache=True, nogil=True, _nrt=False)
def _back_invalidate(M, k, ln):
    """Inclusive hierarchies: remove ``ln`` above level ``k``; return 1 if a copy was dirty."""
    d = np.int64(0)
    for j in range(k):
        L = level(M, j)
        base, meta, _ = _where(L, ln)
        s = _find(M, L, base, ln)
        if s >= 0:
            d |= _drop(M, L, base, meta, s)
    return d


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _fill(M, L, ln, d, pf):
    """Place ``ln`` in level ``L``; return (victim line or -1, victim dirty)."""
    base, meta, _ = _where(L, ln)
    v, vd, _ = _fill_at(M, L, ln, d, pf, base, meta)
    return v, vd


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _fill_at(M, L, ln, d, pf, base, meta):
    """``_fill`` in the set whose first word is ``base`` and first meta value ``meta``; return
    (victim line or -1, victim dirty, the new line's word)."""
    ways, sh, pol = L.ways, L.sh, L.policy
    head = M[meta + M_HEAD]
    last = base + (head - 1 if head > 0 else ways - 1)
    # the ring's last word, unless random or PLRU pick in a full set
    s = last
    v = M[last]
    if v >= 0 and pol >= P_RANDOM:
        s = _choose(M, L, base, meta)
        v = M[s]
    way = _way(L, v)
    M[s] = (ln << sh) | (way << 2) | (d << 1) | pf
    if s == last:
        M[meta + M_HEAD] = s - base   # the ring turns: the new line is position 0
    if pol == P_PLRU:
        _plru_touch(M, meta, ways, way)
    if v < 0:
        return np.int64(-1), np.int64(0), s
    vl = v >> sh
    vd = (v >> 1) & 1
    M[L.st + S_EVICT] += 1
    if v & W_PF:
        M[L.st + S_PF_UNUSED] += 1
    if L.k == 0:
        M[X_L1VICT] = vl
    if L.incl == I_INCLUSIVE:
        vd |= _back_invalidate(M, L.k, vl)
    return vl, vd, s


@njit(cache=True, nogil=True, _nrt=False)
def _write_back(M, H, k, ln):
    """A dirty line ``ln`` leaves level ``k - 1``; write it into level ``k`` and below."""
    nlev = M[X_NLEV]
    while k < nlev:
        L = level(M, k)
        s = _probe(M, H, L, ln, False, not L.wt)
        if L.wt:
            k += 1
            continue
        if s >= 0:
            M[s] |= W_DIRTY
            return
        v, vd = _fill(M, L, ln, 1, 0)
        if v < 0 or vd == 0:
            return
        M[L.st + S_WB] += 1
        ln = v
        k += 1
    M[X_MEMW] += 1


@njit(cache=True, nogil=True, _nrt=False)
def _access(M, H, ln, w, pf):
    """Demand (or prefetch, ``pf``) access of line ``ln`` through all levels of an inclusive
    hierarchy; return the serving level."""
    nlev = M[X_NLEV]
    demand = not pf
    served = -1
    fill_bits = 0
    dirty_bits = 0
    k = 0
    while k < nlev:
        L = level(M, k)
        wt = L.wt
        s = _probe(M, H, L, ln, demand, not (w and wt))
        if s >= 0:
            if served < 0:
                served = k
            if k == 0 and demand and M[s] & W_PF:
                M[s] &= ~W_PF
                M[L.st + S_PF_USEFUL] += 1
            if w and wt:
                k += 1
                continue
            if w:
                M[s] |= W_DIRTY
            break
        if w and wt:
            k += 1
            continue
        fill_bits |= 1 << k
        if w:
            dirty_bits |= 1 << k
            w = 0
        k += 1
    if k == nlev:
        if served < 0:
            served = nlev
        if w:
            M[X_MEMW] += 1
        else:
            M[X_MEMR] += 1
    for j in range(nlev - 1, -1, -1):
        if fill_bits & (1 << j):
            L = level(M, j)
            v, vd = _fill(M, L, ln, (dirty_bits >> j) & 1, 1 if (pf and j == 0) else 0)
            if v >= 0 and vd:
                M[L.st + S_WB] += 1
                _write_back(M, H, j + 1, v)
    return served


@njit(cache=True, nogil=True, _nrt=False)
def _access_exclusive(M, H, ln, w, pf):
    """Demand (or prefetch) access in an exclusive hierarchy; return serving level."""
    nlev = M[X_NLEV]
    demand = not pf
    L0 = level(M, 0)
    s = _probe(M, H, L0, ln, demand, True)
    if s >= 0:
        if demand and M[s] & W_PF:
            M[s] &= ~W_PF
            M[L0.st + S_PF_USEFUL] += 1
        if w:
            M[s] |= W_DIRTY
        return 0
    served = nlev
    d = w
    for k in range(1, nlev):
        L = level(M, k)
        s = _probe(M, H, L, ln, demand, True)
        if s >= 0:
            served = k
            base, meta, _ = _where(L, ln)
            d |= _drop(M, L, base, meta, s)
            break
    if served == nlev:
        M[X_MEMR] += 1
    v, vd = _fill(M, L0, ln, d, 1 if pf else 0)
    L = L0
    k = 1
    while v >= 0:
        if vd:
            M[L.st + S_WB] += 1
        if k == nlev:
            if vd:
                M[X_MEMW] += 1
            break
        L = level(M, k)
        if L.use3c:
            shadow_touch(M, H, k, v, True)
        v, vd = _fill(M, L, v, vd, 0)
        k += 1
    return served


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _send(Q, o, ln, kind):
    Q[o] = ln
    Q[o + 1] = kind
    return o + 2


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _request(M, H, L, ln, kind, Q, o):
    """Serve one request at level ``L`` of a ``nine`` hierarchy; what the level below must
    see in turn goes to ``Q`` from index ``o``. Return (next free index in ``Q``, 1 if ``L``
    hit, the line's word in ``L`` afterwards or -1).

    In such a hierarchy a level never changes a level above it, so each level can handle the
    requests of the level above in order, later and in bulk, with the same result as serving
    every access through all levels at once. A kind is demand (read, or ``Q_WRITE``), ``Q_PF``
    (a prefetch fill) or ``Q_WB`` (a dirty line written back); ``Q_SERVED`` marks a demand
    write a write-through level above already served.
    """
    demand = (kind & (Q_WB | Q_PF)) == 0
    base, meta, _ = _where(L, ln)
    through = L.wt and (kind & (Q_WRITE | Q_WB))
    s = _probe_at(M, H, L, ln, demand, base, meta, not through)
    if s >= 0:
        if L.k == 0 and demand and M[s] & W_PF:
            M[s] &= ~W_PF
            M[L.st + S_PF_USEFUL] += 1
        if through:
            return _send(Q, o, ln, kind | (Q_SERVED if demand else 0)), 1, s
        if kind & (Q_WRITE | Q_WB):
            M[s] |= W_DIRTY
        return o, 1, s
    if through:   # write-through levels do not allocate on a write miss
        return _send(Q, o, ln, kind), 0, np.int64(-1)
    if not kind & Q_WB:
        # the line is fetched from below (a write allocates: a read below), then placed here
        o = _send(Q, o, ln, kind & ~Q_WRITE)
    v, vd, s = _fill_at(M, L, ln, 1 if kind & (Q_WRITE | Q_WB) else 0,
                        1 if (L.k == 0 and kind & Q_PF) else 0, base, meta)
    if v >= 0 and vd:
        M[L.st + S_WB] += 1
        o = _send(Q, o, v, Q_WB)
    return o, 0, s


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _serve(M, H, Q, L, src, end, o, served, lvl):
    """``_drain``'s loop over one level: serve the requests in ``Q[src:end]``, sending on from
    index ``o``; return (the next free index, the level of the last demand hit, else ``lvl``)."""
    ahead = L.ahead
    k = L.k
    for r in range(src, end, 2):
        if ahead and r + 2 * AHEAD < end:
            _load_ahead(M, L, Q[r + 2 * AHEAD])
        kind = Q[r + 1]
        o, hit, _ = _request(M, H, L, Q[r], kind, Q, o)
        if hit and not kind & (Q_WB | Q_PF | Q_SERVED):
            served[k] += 1
            lvl = k
    return o, lvl


@njit(cache=True, nogil=True, _nrt=False)
def _drain(M, H, Q, served):
    """Serve the waiting requests at the levels below the first and in memory; return the level
    that served the last demand request among them (-1 if none)."""
    nlev = M[X_NLEV]
    cap = 2 * M[X_QCAP]
    src, n = 0, M[X_QN]
    M[X_QN] = 0
    lvl = -1
    for k in range(1, nlev):
        dst = cap - src
        o = dst
        end = src + 2 * n
        L = level(M, k)
        if _common(L):
            o, lvl = _serve(M, H, Q, _as_common(L), src, end, o, served, lvl)
        else:
            o, lvl = _serve(M, H, Q, L, src, end, o, served, lvl)
        src, n = dst, (o - dst) >> 1
    for r in range(src, src + 2 * n, 2):
        kind = Q[r + 1]
        if kind & (Q_WB | Q_WRITE):
            M[X_MEMW] += 1
        else:
            M[X_MEMR] += 1
        if not kind & (Q_WB | Q_PF | Q_SERVED):
            served[nlev] += 1
            lvl = nlev
    return lvl


@njit(cache=True, nogil=True, _nrt=False)
def _prefetch(M, H, Q, ln):
    """Bring ``ln`` into the first level unless it is there; tag it as prefetched."""
    if ln < 0 or ln > M[X_MAXLINE]:
        return
    L0 = level(M, 0)
    if _find(M, L0, _where(L0, ln)[0], ln) >= 0:
        return
    M[L0.st + S_PF_ISSUED] += 1
    incl = M[X_INCL]
    if incl == I_EXCLUSIVE:
        _access_exclusive(M, H, ln, 0, True)
    elif incl == I_INCLUSIVE:
        _access(M, H, ln, 0, True)
    else:
        M[X_QN] = _request(M, H, L0, ln, Q_PF, Q, 2 * M[X_QN])[0] >> 1


@njit(cache=True, nogil=True, _nrt=False)
def _train_stride(M, H, Q, addr, pc):
    # reference prediction table: tag (pc), last address, stride, 2-bit confidence
    pc0 = PCFG0
    e = M[R_PTAB] + 4 * (pc % M[pc0 + F_TABLE])
    if M[e] != pc:
        M[e] = pc
        M[e + 1] = addr
        M[e + 2] = 0
        M[e + 3] = 0
        return
    delta = addr - M[e + 1]
    if delta == M[e + 2] and delta != 0:
        if M[e + 3] < 3:
            M[e + 3] += 1
    elif M[e + 3] > 0:
        M[e + 3] -= 1
    else:
        M[e + 2] = delta
    M[e + 1] = addr
    stride = M[e + 2]
    if M[e + 3] >= 2 and stride != 0:
        lb = level(M, 0).lbits
        line = np.int64(1) << lb
        step = stride
        if -line < stride < line:  # sub-line strides walk line by line
            step = line if stride > 0 else -line
        for d in range(1, M[pc0 + F_DEGREE] + 1):
            _prefetch(M, H, Q, (addr + d * step) >> lb)


@njit(cache=True, nogil=True, _nrt=False)
def _train_stream(M, H, Q, ln):
    # table rows: last line, direction (0 while training), last use, valid
    pc0 = PCFG0
    n = M[pc0 + F_TABLE]
    dist = M[pc0 + F_DISTANCE]
    t = M[R_PTAB]
    M[X_CLOCK] += 1
    now = M[X_CLOCK]
    for e in range(t, t + 4 * n, 4):
        if M[e + 3] and M[e + 1] != 0:
            delta = (ln - M[e]) * M[e + 1]
            if 0 < delta <= dist:
                M[e] = ln
                M[e + 2] = now
                for d in range(1, dist + 1):
                    _prefetch(M, H, Q, ln + M[e + 1] * d)
                return
    for e in range(t, t + 4 * n, 4):
        if M[e + 3] and M[e + 1] == 0:
            delta = ln - M[e]
            if delta != 0 and -2 <= delta <= 2:
                M[e] = ln
                M[e + 1] = 1 if delta > 0 else -1
                M[e + 2] = now
                return
    victim = t
    for e in range(t, t + 4 * n, 4):
        if not M[e + 3]:
            victim = e
            break
        if M[e + 2] < M[victim + 2]:
            victim = e
    M[victim] = ln
    M[victim + 1] = 0
    M[victim + 2] = now
    M[victim + 3] = 1


@njit(cache=True, nogil=True, _nrt=False)
def run(M, H, Q, addr, size, write, pc, start, stop, served, ev, record, hlimit, hmargin):
    """Run accesses ``start..stop`` of the trace; return the index of the first access not run.

    Stops early (so the caller can make room) when the event buffer ``ev`` could overflow or the
    3C hash table could come to hold more than ``hlimit`` keys; one access adds at most
    ``hmargin``. ``served[k]`` counts line accesses served by level ``k`` (the last entry is
    main memory). In a ``nine`` hierarchy the first level's requests to the levels below
    wait in ``Q`` and are served in bulk (see ``_request``); all are served before returning.
    """
    L0 = level(M, 0)
    lb = L0.lbits
    incl = L0.incl
    nine = incl == I_NINE
    kind = M[PCFG0 + F_KIND]
    use3c = L0.use3c
    miss0 = L0.st + S_MISS
    useful0 = L0.st + S_PF_USEFUL
    issued0 = L0.st + S_PF_ISSUED
    # Repeat hits: after an access to one line, the following accesses to the same line, while
    # it is still in the first level, are hits that change no state but counters and the dirty
    # bit (a second use ranks the line as the first did, a prefetch bit was cleared by the first
    # use). They are counted in bulk unless events are recorded, the stride prefetcher must see
    # every access, the access just issued a prefetch (which may have moved another line), or
    # it wrote to a write-through first level with 3C on (see _repeat_hits).
    batch = not record and kind != K_STRIDE
    plain = not record and kind == K_NONE   # nothing to do after an access but count it
    # levels loaded ahead here: the first, or all unless the queue defers the levels below
    ahead = L0.ahead or (M[X_AHEAD] and not nine)
    nlev = M[X_NLEV]
    if plain and _common(L0):
        return _served_all(M, H, Q, served, _run_plain(M, H, Q, addr, size, write, start, stop,
                                                       served, _as_common(L0)))
    pending = 0   # accesses whose requests wait in Q
    i = start
    while i < stop:
        if ahead and i + AHEAD < stop:
            later = addr[i + AHEAD] >> lb
            for k in range(1 if nine else nlev):
                L = level(M, k)
                if L.ahead:
                    _load_ahead(M, L, later)
        a = addr[i]
        first = a >> lb
        last = (a + size[i] - 1) >> lb
        if record and M[X_EVN] + (last - first + 1) > ev.shape[0]:
            return _served_all(M, H, Q, served, i)
        if use3c and M[X_HCOUNT] + pending * hmargin > hlimit:
            _drain(M, H, Q, served)
            pending = 0
            if M[X_HCOUNT] > hlimit:
                return i
        w = np.int64(write[i])
        issued_before = M[issued0]
        pending += 1
        at = np.int64(-2)   # the first level's word of the line just accessed, -2 unknown
        for ln in range(first, last + 1):
            if not plain:
                M[X_L1VICT] = -1
                useful_before = M[useful0]
                miss_before = M[miss0]
                issued_before = M[issued0]
            if nine:
                if M[X_QN] > M[X_QROOM]:
                    _drain(M, H, Q, served)
                    pending = 1
                o, hit, at = _request(M, H, L0, ln, Q_WRITE if w else 0, Q, 2 * M[X_QN])
                M[X_QN] = o >> 1
                lvl = 0
                if hit:
                    served[0] += 1
                elif record:
                    lvl = _drain(M, H, Q, served)
                    pending = 1
            else:
                if incl == I_EXCLUSIVE:
                    lvl = _access_exclusive(M, H, ln, w, False)
                else:
                    lvl = _access(M, H, ln, w, False)
                served[lvl] += 1
                at = -2
            if plain:
                continue
            useful = M[useful0] > useful_before
            if kind == K_NEXT:
                if useful or M[miss0] > miss_before:
                    for d in range(1, M[PCFG0 + F_DEGREE] + 1):
                        _prefetch(M, H, Q, ln + d)
            elif kind == K_STRIDE:
                if ln == first:
                    _train_stride(M, H, Q, a, pc[i])
            elif kind == K_STREAM:
                if useful or M[miss0] > miss_before:
                    _train_stream(M, H, Q, ln)
            if record:
                j = M[X_EVN]
                M[X_EVN] = j + 1
                base, meta, si = _where(L0, ln)
                s = _find(M, L0, base, ln)
                ev[j, E_ACCESS] = i
                ev[j, E_ADDR] = a
                ev[j, E_LINE] = ln
                ev[j, E_WRITE] = w
                ev[j, E_LEVEL] = lvl
                ev[j, E_SET] = si
                ev[j, E_WAY] = _way(L0, M[s]) if s >= 0 else -1
                ev[j, E_EVICTED] = M[X_L1VICT]
                ev[j, E_FLAGS] = ((FLAG_PF_USEFUL if useful else 0)
                                  | (FLAG_PF_ISSUED if M[issued0] > issued_before else 0))
        i += 1
        if (batch and first == last and i < stop and addr[i] >> lb == first
                and M[issued0] == issued_before):
            if at == -2:
                at = _find(M, L0, _where(L0, first)[0], first)
            i = _repeat_hits(M, L0, addr, size, write, i, stop, first, lb, served, at)
    return _served_all(M, H, Q, served, stop)


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _run_plain(M, H, Q, addr, size, write, start, stop, served, L0):
    """``run``'s loop when nothing happens after an access but counting (no events, no
    prefetcher, no 3C): the same requests, without the checks for what is off."""
    lb = L0.lbits
    ahead = L0.ahead
    room = 2 * M[X_QROOM]
    o = 2 * M[X_QN]
    hits = np.int64(0)
    i = start
    while i < stop:
        if ahead and i + AHEAD < stop:
            _load_ahead(M, L0, addr[i + AHEAD] >> lb)
        a = addr[i]
        first = a >> lb
        last = (a + size[i] - 1) >> lb
        kind = Q_WRITE if write[i] else 0
        at = np.int64(-1)
        for ln in range(first, last + 1):
            if o > room:
                M[X_QN] = o >> 1
                _drain(M, H, Q, served)
                o = 0
            o, hit, at = _request(M, H, L0, ln, kind, Q, o)
            hits += hit
        i += 1
        if first == last and i < stop and addr[i] >> lb == first:
            i = _repeat_hits(M, L0, addr, size, write, i, stop, first, lb, served, at)
    M[X_QN] = o >> 1
    served[0] += hits
    return i


@njit(cache=True, nogil=True, _nrt=False)
def _served_all(M, H, Q, served, i):
    if M[X_QN]:
        _drain(M, H, Q, served)
    return i


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _load_ahead(M, L, ln):
    """Start loading ``ln``'s set of level ``L`` into the host's caches."""
    base, meta, _ = _where(L, ln)
    last = base + L.ways - 1
    for s in range(base, last, 8):   # every host cache line of the set
        touch_ahead(M, s)
    touch_ahead(M, last)
    touch_ahead(M, meta)


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _repeat_hits(M, L0, addr, size, write, i, stop, ln, lb, served, s):
    """Count the run of accesses from ``i`` (which is in line ``ln``) that stay in line ``ln``
    while it sits in the first level, at word ``s`` (-1: not there); return the index after
    the run. The access before the run left the line most recent (LRU), its PLRU path pointing
    away, and repeating a use changes neither. Not after a write to a write-through level with
    3C on: the write left its line out of the 3C shadow (no fill), and a read puts it in."""
    if s < 0 or (L0.wt and L0.use3c and write[i - 1]):
        return i
    meta = _where(L0, ln)[1]
    wt0 = L0.wt
    j = i
    wrote = 0
    while j < stop and addr[j] >> lb == ln and (addr[j] + size[j] - 1) >> lb == ln:
        if write[j]:
            if wt0:
                break
            wrote = 1
        j += 1
    r = j - i
    if r:
        M[L0.st + S_HIT] += r
        M[meta + M_ACC] += r
        served[0] += r
        if wrote:
            M[s] |= W_DIRTY
    return j
