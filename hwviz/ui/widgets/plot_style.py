"""One pyqtgraph style for every plot, following the theme: background, axes, tick and label
fonts, grid, and curve pens."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont

from hwviz.ui.theme import Theme


def new_plot() -> pg.PlotWidget:
    """A plot for teaching: no context menu, no mouse zoom (a stray drag on a projector must not
    lose the view), no SI prefixes on the axes (the labels carry the unit)."""
    plot = pg.PlotWidget()
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    for name in ("left", "bottom"):
        plot.getAxis(name).enableAutoSIPrefix(False)
    return plot


def style_plot(plot: pg.PlotWidget, theme: Theme, left: str = "", bottom: str = "") -> None:
    """Apply ``theme`` to ``plot`` and label its axes (already translated text)."""
    plot.setBackground(theme.surface)
    font = QFont(plot.font())
    font.setPointSizeF(theme.font_size * 0.9)
    for name in ("left", "bottom"):
        ax = plot.getAxis(name)
        ax.setPen(pg.mkPen(theme.text, width=max(1.0, theme.pen(0.6))))
        ax.setTextPen(theme.text)
        ax.setTickFont(font)
    style = {"color": theme.text, "font-size": f"{theme.font_size:.0f}pt"}
    if left:
        plot.setLabel("left", left, **style)
    if bottom:
        plot.setLabel("bottom", bottom, **style)
    plot.showGrid(x=False, y=True, alpha=0.3)


def curve_pen(color: str, theme: Theme, dashed: bool = False):
    """The pen of a data curve: thick enough to read from the back row."""
    from PySide6.QtCore import Qt

    return pg.mkPen(color, width=max(2.0, theme.pen(1.6)), style=Qt.DashLine if dashed else Qt.SolidLine)
