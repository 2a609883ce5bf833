"""Text written into a picture painted with QPainter, at the sizes the plots use and with no
text covering another: the tick labels and axis titles of the memory mountain."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from hwviz.ui.theme import Theme

#: text sizes (times the theme's font size): tick labels and axis titles as the pyqtgraph plots'
#: (``hwviz.ui.widgets.plot_style``), names written over a picture larger and bold
TICK, TITLE, NAME = 0.9, 1.0, 1.1


def scaled_font(base: QFont, theme: Theme, factor: float, bold: bool = False) -> QFont:
    """``base`` at ``factor`` times the theme's font size."""
    f = QFont(base)
    f.setPointSizeF(theme.font_size * factor)
    f.setBold(bold)
    return f


class Labels:
    """Writes texts with the painter ``p`` inside a picture ``width`` wide (a text wider is cut
    short with an ellipsis); ``boxes`` holds the (text, box) of each text written, in order."""

    def __init__(self, p: QPainter, base: QFont, theme: Theme, width: float):
        self.p, self.base, self.theme, self.width = p, base, theme, width
        self.boxes: list[tuple[str, QRectF]] = []

    def write(self, text: str, x: float, y: float, ha: float, va: float, factor: float = TICK,
              bold: bool = False, nudge: bool = False) -> QRectF | None:
        """Write ``text`` with its box's point (``ha``, ``va``) (shares of its width and height)
        at (``x``, ``y``), inside the picture. A box that would cover a text already written is
        moved up (``nudge``: such a text has a backing, to stay legible over the picture) or left
        out; return the box, or None when left out."""
        p = self.p
        p.setFont(scaled_font(self.base, self.theme, factor, bold))
        fm = QFontMetricsF(p.font())
        text = fm.elidedText(text, Qt.ElideRight, self.width - 4)
        w, h = fm.horizontalAdvance(text) + 4, fm.height()
        box = QRectF(min(max(x - ha * w, 0.0), self.width - w), max(y - va * h, 0.0), w, h)
        while any(box.intersects(b) for _t, b in self.boxes):
            if not nudge or box.top() < h:
                return None
            box.translate(0, -h)
        if nudge:
            back = QColor(self.theme.surface)
            back.setAlphaF(0.8)
            p.fillRect(box, back)
        p.setPen(QColor(self.theme.text))
        p.drawText(box, Qt.AlignCenter, text)
        self.boxes.append((text, box))
        return box

    def turned(self, text: str, top: float, bottom: float) -> None:
        """An axis title at the picture's left edge, turned to read upwards, centred between
        ``top`` and ``bottom`` (and cut short to fit between them)."""
        p = self.p
        p.save()
        p.setFont(scaled_font(self.base, self.theme, TITLE))
        p.setPen(QColor(self.theme.text))
        fm = QFontMetricsF(p.font())
        text = fm.elidedText(text, Qt.ElideRight, max(0.0, bottom - top - 4))
        w, y = fm.horizontalAdvance(text) + 4, (top + bottom) / 2
        p.translate(0, y)
        p.rotate(-90)
        p.drawText(QRectF(-w / 2, 4, w, fm.height()), Qt.AlignCenter, text)
        p.restore()
        self.boxes.append((text, QRectF(4, y - w / 2, fm.height(), w)))
