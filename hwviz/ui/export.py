"""File > Save picture and File > Save data: the current scene as a PNG (at the window's size
or a chosen one) and its numbers as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QInputDialog

from hwviz import __version__
from hwviz.base.errors import ConfigError
from hwviz.base.files import write_atomic
from hwviz.ui.scene import Scene

#: picture sizes offered besides the window's own
SIZES = ((1920, 1080), (1366, 768), (1024, 768), (3840, 2160))


def tr(text: str) -> str:
    """Translate ``text`` in the export's context."""
    return QCoreApplication.translate("Export", text)


def picture(scene: Scene, size: tuple[int, int] | None = None) -> QImage:
    """The scene as it is now, at its own size or laid out at ``size`` (width, height)."""
    if size is None:
        return scene.grab().toImage()
    old = scene.size()
    scene.resize(*size)   # a visible widget lays out its children at once
    try:
        return scene.grab().toImage()
    finally:
        scene.resize(old)


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.WriteOnly)
    if not image.save(buf, "PNG"):
        raise ConfigError(tr("the picture could not be encoded as PNG"))
    return bytes(data)


def data_document(scene: Scene) -> dict:
    """The scene's numbers, with what produced them."""
    return {"app": f"hwviz {__version__}", "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "params": scene.params(), **scene.export_data()}


def data_csv(scene: Scene) -> str:
    """The scene's numbers as CSV text."""
    header, rows = scene.export_rows()
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def write_data(scene: Scene, path: str) -> None:
    """Write the scene's numbers to ``path``: CSV if it ends in .csv, else JSON."""
    if path.lower().endswith(".csv"):
        write_atomic(path, data_csv(scene))
    else:
        write_atomic(path, json.dumps(data_document(scene), indent=1, allow_nan=False) + "\n")


def save_picture(win) -> None:
    """Ask for a size and a file name, then write the current scene as a PNG."""
    scene = win.scene
    own = tr("This window's size ({w} x {h})").format(w=scene.width(), h=scene.height())
    choices = [own] + [f"{w} x {h}" for w, h in SIZES]
    choice, ok = QInputDialog.getItem(win, tr("Save picture"), tr("Size of the picture:"), choices, 0, False)
    if not ok:
        return
    size = None if choice == own else SIZES[choices.index(choice) - 1]
    path, _ = QFileDialog.getSaveFileName(win, tr("Save picture"), f"{scene.name}.png", tr("PNG pictures (*.png)"))
    if not path:
        return
    if not path.lower().endswith(".png"):
        path += ".png"
    try:
        write_atomic(path, png_bytes(picture(scene, size)))
    except ConfigError as e:
        win.show_message(str(e))
        return
    win.show_message(tr("Saved the picture to {path}.").format(path=path))


def save_data(win) -> None:
    """Ask for a file name, then write the current scene's numbers as JSON or CSV."""
    scene = win.scene
    json_filter, csv_filter = tr("JSON (*.json)"), tr("CSV (*.csv)")
    path, chosen = QFileDialog.getSaveFileName(win, tr("Save data"), f"{scene.name}.json",
                                               f"{json_filter};;{csv_filter}")
    if not path:
        return
    if not path.lower().endswith((".json", ".csv")):
        path += ".csv" if chosen == csv_filter else ".json"
    try:
        write_data(scene, path)
    except (ConfigError, ValueError) as e:
        win.show_message(str(e))
        return
    win.show_message(tr("Saved the data to {path}.").format(path=path))
