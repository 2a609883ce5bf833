"""The numba kernel that runs a trace through a cache hierarchy.

All state lives in flat arrays owned by :class:`hwviz.sim.simulator.Simulator`; the kernel is a
pure function of them, so a run can stop after any access and resume with identical results.
Slot ``off[k] + set * ways + way`` of the flat arrays is one way of one set of level ``k``.

Model (the readable twin is ``tests/naive_sim.py``):

* Demand hits and misses count loads, stores and the write-allocate reads they cause.
  Write-backs and prefetch fills probe the levels below without counting as demand.
* Write-back levels absorb a store (dirty line); write-through levels forward it and do not
  allocate on a miss. A dirty victim is written to the next level (allocating there without a
  fetch, since the whole line is written) or to memory.
* ``inclusive`` back-invalidates copies above a victim; ``exclusive`` keeps one copy: a hit below
  moves the line to the first level and victims cascade down.
* 3C: each level has a fully associative LRU shadow of equal capacity fed the same probes; a
  demand miss is compulsory if the level never saw the line, conflict if the shadow hits,
  capacity otherwise.
"""

from __future__ import annotations

import numpy as np
from numba import njit

# ---- layout of the state array M (int64). The header holds region offsets and scalars.
# ---- Each set of each level is one block of SETW * ways values, so a lookup touches one place:
# ---- tags (line numbers, -1 invalid), then stamps (LRU/FIFO order, -1 invalid), dirty bits,
# ---- prefetched bits, PLRU tree bits. A "slot" is the index of a tag in M; the other fields
# ---- of that way sit at slot + ways * (A_STAMP, A_DIRTY, A_PF).
SETW = 5
A_STAMP, A_DIRTY, A_PF, A_PLRU = 1, 2, 3, 4
(R_SETS, R_STATS, R_SETACC, R_SETMISS, R_SH, R_PREV, R_NEXT, R_SLINE, R_PTAB, R_LCFG, R_PCFG,
 R_END) = range(12)
(X_CLOCK, X_RNG, X_MEMR, X_MEMW, X_HCOUNT, X_HSHIFT, X_EVN, X_L1VICT, X_INCL, X_USE3C,
 X_NLEV) = range(16, 27)
HEADER = 32
MAX_LEVELS = 4
# per-level configuration, NCFG values per level at R_LCFG
C_SETS, C_WAYS, C_OFF, C_SOFF, C_POLICY, C_WT, C_HASH, C_MASK, C_BITS, C_LBITS = range(10)
NCFG = 10
P_LRU, P_FIFO, P_RANDOM, P_PLRU = range(4)
# statistics, NSTAT values per level at R_STATS
(S_ACC, S_HIT, S_MISS, S_EVICT, S_WB, S_COMP, S_CAP, S_CONF,
 S_PF_ISSUED, S_PF_USEFUL, S_PF_UNUSED) = range(11)
NSTAT = 11
I_NINE, I_INCLUSIVE, I_EXCLUSIVE = range(3)
# prefetcher configuration at R_PCFG; its table (4 values per entry) at R_PTAB
# The fixed-size regions sit at fixed offsets right after the header, so reading a configuration
# value or a counter is one load, not a load of the region's offset first.
LCFG0 = HEADER
STATS0 = LCFG0 + MAX_LEVELS * NCFG
PCFG0 = STATS0 + MAX_LEVELS * NSTAT
F_KIND, F_DEGREE, F_DISTANCE, F_TABLE = range(4)
K_NONE, K_NEXT, K_STRIDE, K_STREAM = range(4)
# 3C shadow, 5 values per level at R_SH
H_OFF, H_CAP, H_HEAD, H_TAIL, H_USED = range(5)
# event columns
E_ACCESS, E_ADDR, E_LINE, E_WRITE, E_LEVEL, E_SET, E_WAY, E_EVICTED, E_FLAGS = range(9)
NEVENT = 9
FLAG_PF_USEFUL, FLAG_PF_ISSUED = 1, 2

_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


@njit(cache=True, nogil=True, _nrt=False)
def cfg(M, k, c):
    """Configuration value ``c`` of level ``k``."""
    return M[LCFG0 + k * NCFG + c]


@njit(cache=True, nogil=True, _nrt=False)
def _stat(M, k, s):
    return STATS0 + k * NSTAT + s


@njit(cache=True, nogil=True, _nrt=False)
def set_index(M, k, ln):
    """Set of line ``ln`` in level ``k`` (modulo or XOR-folded hash)."""
    x = ln
    if cfg(M, k, C_HASH):
        bits = cfg(M, k, C_BITS)
        m = (np.int64(1) << bits) - 1
        h = np.int64(0)
        while x > 0:
            h ^= x & m
            x >>= bits
        x = h
    mask = cfg(M, k, C_MASK)
    if mask >= 0:
        return x & mask
    return x % cfg(M, k, C_SETS)


@njit(cache=True, nogil=True, _nrt=False)
def _base(M, k, ln):
    """Slot of way 0 of ``ln``'s set in level ``k``."""
    return cfg(M, k, C_OFF) + set_index(M, k, ln) * SETW * cfg(M, k, C_WAYS)


@njit(cache=True, nogil=True, _nrt=False)
def _find(M, base, ways, ln):
    for s in range(base, base + ways):
        if M[s] == ln:
            return s
    return -1


@njit(cache=True, nogil=True, _nrt=False)
def _plru_touch(M, base, ways, way):
    # Heap-ordered tree bits at plru[base + node], node 1..ways-1; each bit on the path is set
    # to point away from the way just used.
    p = base + A_PLRU * ways
    node = 1
    half = ways >> 1
    while half > 0:
        right = 1 if (way & half) else 0
        M[p + node] = 1 - right
        node = 2 * node + right
        half >>= 1


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _stamp(M, k, slot, base, on_fill):
    pol = cfg(M, k, C_POLICY)
    if pol == P_LRU or (pol == P_FIFO and on_fill):
        M[X_CLOCK] += 1
        M[slot + A_STAMP * cfg(M, k, C_WAYS)] = M[X_CLOCK]
    elif pol == P_PLRU:
        _plru_touch(M, base, cfg(M, k, C_WAYS), slot - base)


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _victim(M, k, base):
    ways = cfg(M, k, C_WAYS)
    pol = cfg(M, k, C_POLICY)
    if pol == P_LRU or pol == P_FIFO:
        # invalid ways carry stamp -1, so the minimum is the first invalid way if any
        st = A_STAMP * ways
        best = base
        for s in range(base + 1, base + ways):
            if M[st + s] < M[st + best]:
                best = s
        return best
    for s in range(base, base + ways):
        if M[s] < 0:
            return s
    if pol == P_RANDOM:
        x = M[X_RNG]
        x ^= x << 13
        x ^= (x >> 7) & 0x01FFFFFFFFFFFFFF
        x ^= x << 17
        M[X_RNG] = x
        return base + (x & 0x7FFFFFFFFFFFFFFF) % ways
    p = base + A_PLRU * ways
    node = 1
    while node < ways:
        node = 2 * node + M[p + node]
    return base + node - ways


# ---- 3C shadow: H is a hash table of (key, value) pairs, key = line * 4 + level, value = the
# ---- shadow slot or -1 (seen, not resident); each level's slots form an LRU linked list.

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
    pv, nx, sh = M[R_PREV], M[R_NEXT], M[R_SH] + 5 * k
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
    pv, nx, sh = M[R_PREV], M[R_NEXT], M[R_SH] + 5 * k
    h = M[sh + H_HEAD]
    M[pv + s] = -1
    M[nx + s] = h
    if h >= 0:
        M[pv + h] = s
    else:
        M[sh + H_TAIL] = s
    M[sh + H_HEAD] = s


@njit(cache=True, nogil=True, _nrt=False)
def shadow_touch(M, H, k, ln):
    """Touch ``ln`` in level ``k``'s shadow; return 0 never seen, 1 seen but absent, 2 resident."""
    key = (ln << 2) | k
    pos = _hpos(H, key, M[X_HSHIFT])
    if H[pos] == key:
        s = H[pos + 1]
        if s >= 0:
            _unlink(M, k, s)
            _push_front(M, k, s)
            return 2
        result = 1
    else:
        H[pos] = key
        M[X_HCOUNT] += 1
        result = 0
    sh = M[R_SH] + 5 * k
    sl = M[R_SLINE]
    if M[sh + H_USED] < M[sh + H_CAP]:
        s = M[sh + H_OFF] + M[sh + H_USED]
        M[sh + H_USED] += 1
    else:
        s = M[sh + H_TAIL]
        _unlink(M, k, s)
        H[_hpos(H, (M[sl + s] << 2) | k, M[X_HSHIFT]) + 1] = -1
    M[sl + s] = ln
    H[pos + 1] = s
    _push_front(M, k, s)
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
def locate(M, lines, level, prefetched):
    """For each line, the first level holding it (``X_NLEV`` if none) and its prefetched bit."""
    nl = M[X_NLEV]
    for i in range(len(lines)):
        ln = lines[i]
        level[i] = nl
        prefetched[i] = 0
        for k in range(nl):
            ways = cfg(M, k, C_WAYS)
            slot = _find(M, _base(M, k, ln), ways, ln)
            if slot >= 0:
                level[i] = k
                prefetched[i] = M[slot + A_PF * ways] > 0
                break


# ---- the hierarchy

@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _probe(M, H, k, ln, demand):
    """Look ``ln`` up in level ``k``; count it if ``demand``; return its slot or -1."""
    ways = cfg(M, k, C_WAYS)
    si = set_index(M, k, ln)
    base = cfg(M, k, C_OFF) + si * SETW * ways
    slot = _find(M, base, ways, ln)
    seen = 2
    if M[X_USE3C]:
        seen = shadow_touch(M, H, k, ln)
    if slot >= 0:
        _stamp(M, k, slot, base, False)
    if demand:
        st = _stat(M, k, 0)
        M[st + S_ACC] += 1
        M[M[R_SETACC] + cfg(M, k, C_SOFF) + si] += 1
        if slot >= 0:
            M[st + S_HIT] += 1
        else:
            M[st + S_MISS] += 1
            M[M[R_SETMISS] + cfg(M, k, C_SOFF) + si] += 1
            if M[X_USE3C]:
                if seen == 0:
                    M[st + S_COMP] += 1
                elif seen == 2:
                    M[st + S_CONF] += 1
                else:
                    M[st + S_CAP] += 1
    return slot


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _drop(M, k, slot):
    """Invalidate ``slot`` of level ``k``; return its dirty bit. A prefetched line never used
    counts as unused."""
    ways = cfg(M, k, C_WAYS)
    if M[slot + A_PF * ways]:
        M[_stat(M, k, S_PF_UNUSED)] += 1
    d = M[slot + A_DIRTY * ways]
    M[slot] = -1
    M[slot + A_STAMP * ways] = -1
    M[slot + A_DIRTY * ways] = 0
    M[slot + A_PF * ways] = 0
    return d


@njit(cache=True, nogil=True, _nrt=False)
def _back_invalidate(M, k, ln):
    """Inclusive hierarchies: remove ``ln`` above level ``k``; return 1 if a copy was dirty."""
    d = np.int64(0)
    for j in range(k):
        slot = _find(M, _base(M, j, ln), cfg(M, j, C_WAYS), ln)
        if slot >= 0:
            d |= _drop(M, j, slot)
    return d


@njit(cache=True, nogil=True, _nrt=False, inline="always")
def _fill(M, k, ln, d, pf):
    """Place ``ln`` in level ``k``; return (victim line or -1, victim dirty)."""
    base = _base(M, k, ln)
    slot = _victim(M, k, base)
    v = M[slot]
    vd = np.int64(0)
    if v >= 0:
        M[_stat(M, k, S_EVICT)] += 1
        vd = _drop(M, k, slot)
        if k == 0:
            M[X_L1VICT] = v
        if M[X_INCL] == I_INCLUSIVE:
            vd |= _back_invalidate(M, k, v)
    ways = cfg(M, k, C_WAYS)
    M[slot] = ln
    M[slot + A_DIRTY * ways] = d
    M[slot + A_PF * ways] = pf
    _stamp(M, k, slot, base, True)
    return v, vd


@njit(cache=True, nogil=True, _nrt=False)
def _write_back(M, H, k, ln):
    """A dirty line ``ln`` leaves level ``k - 1``; write it into level ``k`` and below."""
    nlev = M[X_NLEV]
    while k < nlev:
        slot = _probe(M, H, k, ln, False)
        if cfg(M, k, C_WT):
            k += 1
            continue
        if slot >= 0:
            M[slot + A_DIRTY * cfg(M, k, C_WAYS)] = 1
            return
        v, vd = _fill(M, k, ln, 1, 0)
        if v < 0 or vd == 0:
            return
        M[_stat(M, k, S_WB)] += 1
        ln = v
        k += 1
    M[X_MEMW] += 1


@njit(cache=True, nogil=True, _nrt=False)
def _access(M, H, ln, w, pf):
    """Demand (or prefetch, ``pf``) access of line ``ln``, non-exclusive; return serving level."""
    nlev = M[X_NLEV]
    demand = not pf
    served = -1
    fill_bits = 0
    dirty_bits = 0
    k = 0
    while k < nlev:
        slot = _probe(M, H, k, ln, demand)
        wt = cfg(M, k, C_WT)
        if slot >= 0:
            ways = cfg(M, k, C_WAYS)
            if served < 0:
                served = k
            if k == 0 and demand and M[slot + A_PF * ways]:
                M[slot + A_PF * ways] = 0
                M[_stat(M, 0, S_PF_USEFUL)] += 1
            if w and wt:
                k += 1
                continue
            if w:
                M[slot + A_DIRTY * ways] = 1
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
            v, vd = _fill(M, j, ln, (dirty_bits >> j) & 1, 1 if (pf and j == 0) else 0)
            if v >= 0 and vd:
                M[_stat(M, j, S_WB)] += 1
                _write_back(M, H, j + 1, v)
    return served


@njit(cache=True, nogil=True, _nrt=False)
def _access_exclusive(M, H, ln, w, pf):
    """Demand (or prefetch) access in an exclusive hierarchy; return serving level."""
    nlev = M[X_NLEV]
    demand = not pf
    slot = _probe(M, H, 0, ln, demand)
    if slot >= 0:
        ways = cfg(M, 0, C_WAYS)
        if demand and M[slot + A_PF * ways]:
            M[slot + A_PF * ways] = 0
            M[_stat(M, 0, S_PF_USEFUL)] += 1
        if w:
            M[slot + A_DIRTY * ways] = 1
        return 0
    served = nlev
    d = w
    for k in range(1, nlev):
        slot = _probe(M, H, k, ln, demand)
        if slot >= 0:
            served = k
            d |= _drop(M, k, slot)
            break
    if served == nlev:
        M[X_MEMR] += 1
    v, vd = _fill(M, 0, ln, d, 1 if pf else 0)
    k = 1
    while v >= 0:
        if vd:
            M[_stat(M, k - 1, S_WB)] += 1
        if k == nlev:
            if vd:
                M[X_MEMW] += 1
            break
        if M[X_USE3C]:
            shadow_touch(M, H, k, v)
        v, vd = _fill(M, k, v, vd, 0)
        k += 1
    return served


@njit(cache=True, nogil=True, _nrt=False)
def _prefetch(M, H, ln):
    """Bring ``ln`` into the first level unless it is there; tag it as prefetched."""
    if ln < 0 or _find(M, _base(M, 0, ln), cfg(M, 0, C_WAYS), ln) >= 0:
        return
    M[_stat(M, 0, S_PF_ISSUED)] += 1
    if M[X_INCL] == I_EXCLUSIVE:
        _access_exclusive(M, H, ln, 0, True)
    else:
        _access(M, H, ln, 0, True)


@njit(cache=True, nogil=True, _nrt=False)
def _train_stride(M, H, addr, pc):
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
        lb = cfg(M, 0, C_LBITS)
        line = np.int64(1) << lb
        step = stride
        if -line < stride < line:  # sub-line strides walk line by line
            step = line if stride > 0 else -line
        for d in range(1, M[pc0 + F_DEGREE] + 1):
            _prefetch(M, H, (addr + d * step) >> lb)


@njit(cache=True, nogil=True, _nrt=False)
def _train_stream(M, H, ln):
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
                    _prefetch(M, H, ln + M[e + 1] * d)
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
def run(M, H, addr, size, write, pc, start, stop, served, ev, record, hlimit):
    """Run accesses ``start..stop`` of the trace; return the index of the first access not run.

    Stops early (so the caller can make room) when the event buffer ``ev`` could overflow or the
    3C hash table holds more than ``hlimit`` keys. ``served[k]`` counts line accesses served by
    level ``k`` (the last entry is main memory).
    """
    lb = cfg(M, 0, C_LBITS)
    excl = M[X_INCL] == I_EXCLUSIVE
    kind = M[PCFG0 + F_KIND]
    ways0 = cfg(M, 0, C_WAYS)
    miss0 = _stat(M, 0, S_MISS)
    useful0 = _stat(M, 0, S_PF_USEFUL)
    issued0 = _stat(M, 0, S_PF_ISSUED)
    # Fast path for the common case, a plain hit in the first level: the same bookkeeping as
    # _probe + _access with the level's configuration held in locals. It applies when the first
    # level uses modulo indexing over a power-of-two set count, LRU or FIFO, and no 3C shadow.
    mask0 = cfg(M, 0, C_MASK)
    pol0 = cfg(M, 0, C_POLICY)
    wt0 = cfg(M, 0, C_WT)
    fast = (mask0 >= 0 and not cfg(M, 0, C_HASH) and not M[X_USE3C]
            and (pol0 == P_LRU or pol0 == P_FIFO))
    off0 = cfg(M, 0, C_OFF)
    setacc = M[R_SETACC]
    st0 = _stat(M, 0, 0)
    # Repeat hits: after an access to one line, the following accesses to the same line, while
    # it is still in the first level, are hits that change no state but counters (LRU/PLRU
    # already rank it most recent, FIFO and random ignore hits, a prefetch bit was cleared by the
    # first use). They are counted in bulk unless events are recorded, the stride prefetcher
    # must see every access, or the access just issued a prefetch (which may have made another
    # line more recent). The clock advances as if each were run one by one.
    batch = not record and kind != K_STRIDE
    i = start
    while i < stop:
        a = addr[i]
        first = a >> lb
        last = (a + size[i] - 1) >> lb
        if record and M[X_EVN] + (last - first + 1) > ev.shape[0]:
            return i
        if M[X_USE3C] and M[X_HCOUNT] > hlimit:
            return i
        w = np.int64(write[i])
        for ln in range(first, last + 1):
            M[X_L1VICT] = -1
            useful_before = M[useful0]
            miss_before = M[miss0]
            issued_before = M[issued0]
            lvl = -1
            if fast:
                si = ln & mask0
                base = off0 + si * SETW * ways0
                for slot in range(base, base + ways0):
                    if M[slot] == ln:
                        if M[slot + A_PF * ways0] == 0 and not (w and wt0):
                            M[st0 + S_ACC] += 1
                            M[st0 + S_HIT] += 1
                            M[setacc + si] += 1
                            if pol0 == P_LRU:
                                M[X_CLOCK] += 1
                                M[slot + A_STAMP * ways0] = M[X_CLOCK]
                            if w:
                                M[slot + A_DIRTY * ways0] = 1
                            lvl = 0
                        break
            if lvl < 0:
                if excl:
                    lvl = _access_exclusive(M, H, ln, w, False)
                else:
                    lvl = _access(M, H, ln, w, False)
            served[lvl] += 1
            useful = M[useful0] > useful_before
            if kind == K_NEXT:
                if useful or M[miss0] > miss_before:
                    for d in range(1, M[PCFG0 + F_DEGREE] + 1):
                        _prefetch(M, H, ln + d)
            elif kind == K_STRIDE:
                if ln == first:
                    _train_stride(M, H, a, pc[i])
            elif kind == K_STREAM:
                if useful or M[miss0] > miss_before:
                    _train_stream(M, H, ln)
            if record:
                j = M[X_EVN]
                M[X_EVN] = j + 1
                si = set_index(M, 0, ln)
                base = off0 + si * SETW * ways0
                slot = _find(M, base, ways0, ln)
                ev[j, E_ACCESS] = i
                ev[j, E_ADDR] = a
                ev[j, E_LINE] = ln
                ev[j, E_WRITE] = w
                ev[j, E_LEVEL] = lvl
                ev[j, E_SET] = si
                ev[j, E_WAY] = slot - base if slot >= 0 else -1
                ev[j, E_EVICTED] = M[X_L1VICT]
                ev[j, E_FLAGS] = ((FLAG_PF_USEFUL if useful else 0)
                                  | (FLAG_PF_ISSUED if M[issued0] > issued_before else 0))
        i += 1
        if batch and first == last and M[issued0] == issued_before:
            i = _repeat_hits(M, addr, size, write, i, stop, first, lb, served)
    return stop


@njit(cache=True, nogil=True, _nrt=False)
def _repeat_hits(M, addr, size, write, i, stop, ln, lb, served):
    """Count the run of accesses from ``i`` that stay in line ``ln`` while it sits in the first
    level; return the index after the run."""
    if i >= stop or addr[i] >> lb != ln:
        return i
    ways0 = cfg(M, 0, C_WAYS)
    si = set_index(M, 0, ln)
    slot = _find(M, cfg(M, 0, C_OFF) + si * SETW * ways0, ways0, ln)
    if slot < 0:
        return i
    wt0 = cfg(M, 0, C_WT)
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
        st0 = _stat(M, 0, 0)
        M[st0 + S_ACC] += r
        M[st0 + S_HIT] += r
        M[M[R_SETACC] + cfg(M, 0, C_SOFF) + si] += r
        served[0] += r
        if wrote:
            M[slot + A_DIRTY * ways0] = 1
        if cfg(M, 0, C_POLICY) == P_LRU:
            M[X_CLOCK] += r
            M[slot + A_STAMP * ways0] = M[X_CLOCK]
    return j
