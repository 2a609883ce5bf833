"""The plot every measurement scene draws on: series whose disturbed points are hollow, cache-size
markers, reference lines and labels, on log axes where asked, styled by the theme; and the key
beside it, one line per series saying what it is."""

from __future__ import annotations

import math
from html import escape

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy

from hwviz.ui.theme import THEMES, Theme
from hwviz.ui.widgets.plot_style import curve_pen, new_plot, style_plot

#: glyphs of the key for a solid, a dashed and a dotted line
LINE_GLYPHS = {"solid": "━━", "dashed": "╍╍", "dotted": "┅┅"}


class ResultPlot:
    """A pyqtgraph plot with the helpers the scenes share; ``widget`` goes into the layout.

    Positions are given in data units; on a log axis they are converted here, so callers never
    see pyqtgraph's log10 coordinates.
    """

    def __init__(self, log_x: bool = True, log_y: bool = False):
        self.widget = new_plot()
        self.log_x, self.log_y = log_x, log_y
        self.widget.setLogMode(x=log_x, y=log_y)
        self.theme: Theme = THEMES["light"]
        self.axis_text = ("", "")
        self.texts: list[pg.TextItem] = []
        #: (label, position in data units, "v" or "h") of every marker and reference line
        self.lines: list[tuple[str, float, str]] = []

    def apply_theme(self, theme: Theme, left: str, bottom: str) -> None:
        """Restyle the axes and label them (translated text)."""
        self.theme, self.axis_text = theme, (left, bottom)
        style_plot(self.widget, theme, left, bottom)

    def clear(self) -> None:
        """Remove every item."""
        self.widget.clear()
        self.texts, self.lines = [], []

    def _x(self, x: float) -> float:
        return math.log10(x) if self.log_x else x

    def _y(self, y: float) -> float:
        return math.log10(y) if self.log_y else y

    def series(self, xs, ys, color: str, *, dashed: bool = False, hollow=None, symbol: str = "o",
               thin: bool = False) -> pg.PlotDataItem:
        """A curve through the points, each drawn as ``symbol``; points where ``hollow`` is true
        (samples spread too much) are drawn hollow."""
        t = self.theme
        pen = curve_pen(color, t, dashed)
        if thin:
            pen.setWidthF(max(1.5, pen.widthF() * 0.6))
        hollow = list(hollow) if hollow is not None else [False] * len(xs)
        brushes = [pg.mkBrush(t.surface if h else color) for h in hollow]
        item = self.widget.plot(list(xs), list(ys), pen=pen, symbol=symbol or None,
                                symbolSize=max(8, t.font_size * 0.8), symbolBrush=brushes,
                                symbolPen=pg.mkPen(color, width=max(1.5, t.pen(1.0))))
        return item

    def _font(self, factor: float, bold: bool) -> QFont:
        f = QFont(self.widget.font())
        f.setPointSizeF(self.theme.font_size * factor)
        f.setBold(bold)
        return f

    def text(self, x: float, y: float, text: str, color: str | None = None, *,
             anchor=(0, 1), factor: float = 0.9, bold: bool = False) -> pg.TextItem:
        """A label at data position (x, y); ``anchor`` as pyqtgraph's (0..1, 0..1)."""
        item = pg.TextItem(text, color=color or self.theme.text, anchor=anchor)
        item.setFont(self._font(factor, bold))
        item.setPos(self._x(x), self._y(y))
        self.widget.addItem(item)
        self.texts.append(item)
        return item

    def vline(self, x: float, label: str, color: str | None = None, row: int = 0) -> pg.InfiniteLine:
        """A vertical marker (a cache size) labelled at the top of the plot; ``row`` 1 puts
        the label a line lower (a compared machine's markers)."""
        return self._line(x, 90, label, color, (0.02, 0.98 - 0.08 * row))

    def hline(self, y: float, label: str, color: str | None = None) -> pg.InfiniteLine:
        """A horizontal reference line labelled at the left edge."""
        return self._line(y, 0, label, color, (0.02, 0.02))

    def _line(self, v: float, angle: int, label: str, color: str | None, where) -> pg.InfiniteLine:
        t = self.theme
        pen = pg.mkPen(color or t.muted, width=max(1.0, t.pen(0.8)), style=Qt.DotLine)
        pos = self._x(v) if angle == 90 else self._y(v)
        line = pg.InfiniteLine(pos=pos, angle=angle, pen=pen, label=label,
                               labelOpts={"position": where[1] if angle == 90 else where[0],
                                          "color": color or t.text, "anchors": [(0, 0), (0, 0)]
                                          if angle == 90 else [(0, 1), (0, 1)]})
        line.label.setFont(self._font(0.9, False))
        self.widget.addItem(line)
        self.lines.append((label, v, "v" if angle == 90 else "h"))
        return line

    def x_ticks(self, values, fmt) -> None:
        """Label the x axis at ``values`` only, each as ``fmt(value)`` (a log axis otherwise
        crowds its minor ticks with labels)."""
        ticks = [(self._x(v), fmt(v)) for v in sorted(set(values))]
        self.widget.getAxis("bottom").setTicks([ticks, []])

    def y_ticks(self, values, fmt) -> None:
        """Label the y axis at ``values`` only."""
        ticks = [(self._y(v), fmt(v)) for v in sorted(set(values))]
        self.widget.getAxis("left").setTicks([ticks, []])

    def x_range(self, lo: float, hi: float) -> None:
        """Show ``lo``..``hi`` on the x axis (data units)."""
        self.widget.setXRange(self._x(lo), self._x(hi), padding=0.04)

    def y_range(self, lo: float, hi: float) -> None:
        """Show ``lo``..``hi`` on the y axis (data units)."""
        self.widget.setYRange(self._y(lo), self._y(hi), padding=0.04)


def key_html(entries: list[tuple[str, str, str]], theme: Theme) -> str:
    """Rich text of a key: one line per ``(colour, style, text)``, style one of
    :data:`LINE_GLYPHS`, ``"headline"`` (bold text) or ``""`` (plain text)."""
    lines = []
    for color, style, text in entries:
        glyph = LINE_GLYPHS.get(style, "")
        mark = f'<span style="color:{color}; font-weight:bold">{glyph}</span> ' if glyph else ""
        body = f"<b>{escape(text)}</b>" if style == "headline" else escape(text)
        lines.append(f'<div style="margin-bottom:4px">{mark}{body}</div>')
    return f'<div style="color:{theme.text}">{"".join(lines)}</div>'


def side_label() -> QLabel:
    """A word-wrapped rich-text label for the panel beside a plot."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.RichText)
    label.setAlignment(Qt.AlignTop | Qt.AlignLeft)
    label.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
    return label
