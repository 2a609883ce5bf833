"""Plain-text tables of measurement results, for the terminal."""

from __future__ import annotations

from hwviz.base.units import format_size
from hwviz.measure.results import Result

AXES = ("size_bytes", "stride", "n", "order", "padded", "kernel", "workload", "threads", "bound",
        "placement", "distance_bytes", "impl", "workers", "cpus")
RATES = (("gbps", "GB/s", "{:.2f}"), ("gflops", "GFLOP/s", "{:.1f}"), ("ns_per_op", "ns/op", "{:.3g}"),
         ("ns_per_element", "ns/element", "{:.3g}"), ("ops_per_ns", "ops/ns", "{:.3g}"),
         ("speedup", "speedup", "{:.2f}x"), ("slowdown", "col/row", "{:.1f}x"))


def _cell(key: str, v) -> str:
    if key in ("size_bytes", "distance_bytes") and isinstance(v, int):
        return format_size(v) if key == "size_bytes" else f"{v} B"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if key == "cpus":
        return "OS" if v is None else ",".join(map(str, v))
    return str(v)


def format_result(r: Result) -> str:
    """A table of the result's points: axis columns, rates, and the spread of the samples."""
    lines = [f"{r.experiment} on {r.machine.get('cpu_model', 'unknown CPU')}"]
    if not r.points:
        return "\n".join(lines + [r.note])
    axes = [a for a in AXES if any(a in p for p in r.points)]
    rates = [x for x in RATES if any(x[0] in p for p in r.points)]
    head = [a.replace("_bytes", "") for a in axes] + [label for _, label, _ in rates] + ["spread"]
    rows = []
    for p in r.points:
        row = [_cell(a, p.get(a, "")) for a in axes]
        row += [fmt.format(p[k]) if k in p else "" for k, _, fmt in rates]
        row.append(f"{100 * p.get('spread', 0):.0f}%")
        rows.append(row)
    widths = [max(len(x) for x in col) for col in zip(head, *rows)]
    fmt_row = lambda cells: "  ".join(c.rjust(w) for c, w in zip(cells, widths))  # noqa: E731
    lines += [fmt_row(head)] + [fmt_row(r_) for r_ in rows]
    if r.note:
        lines.append(r.note)
    lines.append("rates use the fastest of 5 samples; spread = (slowest - fastest) / median")
    return "\n".join(lines)
