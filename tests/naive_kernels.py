"""Plain-Python twins of hwviz.measure.kernels."""

import numpy as np


def strided_sum(a, stride, reps):
    return reps * sum(float(a[i]) for i in range(0, len(a), stride))


def sum_2d(a):
    return sum(float(a[i][j]) for i in range(a.shape[0]) for j in range(a.shape[1]))


def chase(nxt, start, steps):
    p = start
    for _ in range(steps):
        p = int(nxt[p])
    return p


def stream(kind, a, b, c, scalar):
    a, b, c = a.copy(), b.copy(), c.copy()
    for i in range(len(a)):
        if kind == "copy":
            c[i] = a[i]
        elif kind == "scale":
            b[i] = scalar * c[i]
        elif kind == "add":
            c[i] = a[i] + b[i]
        else:
            a[i] = b[i] + scalar * c[i]
    return a, b, c


def fma_chains(iters, x, accumulators):
    acc = [x + j for j in range(accumulators)]
    for _ in range(iters):
        acc = [v * 0.999999 + 1e-7 for v in acc]
    return sum(acc)


def fma_chain(iters, x):
    return fma_chains(iters, x, 1)


def bump_counters(size, slots, n):
    counters = np.zeros(size, np.int64)
    for s in slots:
        counters[s] += n
    return counters
