"""Tooltips of Cache Lab's cells and cache entries: the address, cache line, set and tag in every
level, and the level that holds the line now."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QToolTip, QWidget

from hwviz.sim.lab import LabRun
from hwviz.ui.cache_lab import tr
from hwviz.ui.cache_lab.code_view import level_name


def line_tooltip(run: LabRun, line: int, address: int | None = None) -> str:
    """Describe cache ``line`` of ``run`` (and the element at ``address`` if given)."""
    w = run.where(line)
    addr = w["address"] if address is None else address
    rows = [run.element(addr) if run.cell_of(addr) else "",
            tr("address {address:#x}, cache line {line:#x}").format(address=addr, line=line)]
    for lvl, (st, tag) in zip(run.hierarchy.levels, w["sets"]):
        rows.append(tr("{level}: set {set}, tag {tag:#x}").format(level=lvl.name, set=st, tag=tag))
    rows.append(tr("now in: {level}").format(level=level_name(run, w["level"])))
    return "\n".join(r for r in rows if r)


def show_tooltip(widget: QWidget, event: QEvent, text_at) -> bool:
    """Handle a tooltip ``event`` of ``widget`` with ``text_at(pos)`` ("" hides it); return
    True if the event was a tooltip event."""
    if event.type() != QEvent.ToolTip:
        return False
    text = text_at(event.pos())
    if text:
        QToolTip.showText(event.globalPos(), text, widget)
    else:
        QToolTip.hideText()
        event.ignore()
    return True
