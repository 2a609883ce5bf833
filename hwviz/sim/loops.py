"""The loop behind each access pattern, as Python source, and which line made a given access."""

from __future__ import annotations

from dataclasses import dataclass

from hwviz.sim.patterns import Matrix, Pattern

_BODY = {
    "row-major": ("for i in range({rows}):\n"
                  "    for j in range({cols}):\n"
                  "        s += A[i][j]"),
    "column-major": ("for j in range({cols}):\n"
                     "    for i in range({rows}):\n"
                     "        s += A[i][j]"),
    "tiled": ("for ti in range(0, {rows}, {tile}):\n"
              "    for tj in range(0, {cols}, {tile}):\n"
              "        for i in range(ti, ti + {tile}):\n"
              "            for j in range(tj, tj + {tile}):\n"
              "                s += A[i][j]"),
    "strided": ("for p in range({passes}):\n"
                "    for t in range(0, {rows} * {cols}, {stride}):\n"
                "        i, j = divmod(t, {cols})\n"
                "        s += A[i][j]"),
    "random": ("for t in range({count}):\n"
               "    i, j = divmod(rng.integers({rows} * {cols}), {cols})\n"
               "    s += A[i][j]"),
    "transpose": ("for i in range({rows}):\n"
                  "    for j in range({cols}):\n"
                  "        B[j][i] = A[i][j]"),
}
# compiled-loop model of matmul (see patterns._matmul): the operand that does not depend on the
# innermost index is held in a register
_MATMUL_INNER = {
    "k": ("s = C[i][j]", "s += A[i][k] * B[k][j]", "C[i][j] = s"),
    "j": ("r = A[i][k]", "C[i][j] += r * B[k][j]", None),
    "i": ("r = B[k][j]", "C[i][j] += A[i][k] * r", None),
}
# which index names the rows and columns of each matmul operand
_MATMUL_INDEX = {"A": ("i", "k"), "B": ("k", "j"), "C": ("i", "j")}


@dataclass(frozen=True)
class Loop:
    """A pattern's loop: its source lines and, per program counter, the line that runs."""

    lines: tuple[str, ...]
    line_of_pc: tuple[int, ...]


def loop_of(p: Pattern) -> Loop:
    """The Python loop that makes ``p``'s accesses, with ``p``'s sizes filled in."""
    if p.name.startswith("matmul"):
        return _matmul_loop(p)
    text = _BODY[p.name].format(rows=p.rows, cols=p.cols, tile=p.tile, stride=p.stride,
                                passes=p.passes, count=p.count or p.rows * p.cols)
    lines = tuple(text.split("\n"))
    return Loop(lines, (len(lines) - 1,) * 2)


def _matmul_loop(p: Pattern) -> Loop:
    order = p.name[-3:]
    n, T = p.rows, p.tile
    pre, body, post = _MATMUL_INNER[order[2]]
    lines = []
    if T and T < n:  # block loops first, in the same order
        lines = ["    " * d + f"for {v}{v} in range(0, {n}, {T}):" for d, v in enumerate(order)]
        heads = [f"for {v} in range({v}{v}, {v}{v} + {T}):" for v in order]
    else:
        heads = [f"for {v} in range({n}):" for v in order]
    d = len(lines)
    lines += ["    " * d + heads[0], "    " * (d + 1) + heads[1], "    " * (d + 2) + pre,
              "    " * (d + 2) + heads[2], "    " * (d + 3) + body]
    pre_line, body_line = d + 2, d + 4
    post_line = body_line
    if post:
        lines.append("    " * (d + 2) + post)
        post_line = d + 5
    # program counters: A load 0, B load 1, C load 2, C store 3
    pcs = {
        "k": (body_line, body_line, pre_line, post_line),
        "j": (pre_line, body_line, body_line, body_line),
        "i": (body_line, pre_line, body_line, body_line),
    }[order[2]]
    return Loop(tuple(lines), pcs)


def describe_access(p: Pattern, mats: list[Matrix], addr: int) -> str:
    """Name the element at ``addr`` with the loop's index names, e.g. ``A[3][5]  i = 3, j = 5``."""
    for m in mats:
        cell = m.cell_of(addr)
        if cell is None:
            continue
        if p.name.startswith("matmul"):
            ri, ci = _MATMUL_INDEX[m.name]
        else:
            ri, ci = ("j", "i") if m.name == "B" else ("i", "j")
        r, c = cell
        return f"{m.name}[{r}][{c}]   {ri} = {r}, {ci} = {c}"
    return f"address {addr:#x}"
