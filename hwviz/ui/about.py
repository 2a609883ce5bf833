"""The About text: version, and where every quoted number comes from."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from hwviz import __version__
from hwviz.sim.presets import PRESETS
from hwviz.ui import palette


def tr(text: str) -> str:
    """Translate ``text`` in the About text's context."""
    return QCoreApplication.translate("About", text)


def about_html() -> str:
    """The dialog's text."""
    presets = "".join(f"<li><b>{escape(name)}</b>: {escape(make().note)}</li>" for name, make in PRESETS.items())
    return (f"<h2>hwviz {escape(__version__)}</h2>"
            + tr("<p>See the CPU memory hierarchy and parallelism: a cache simulator that explains, "
                 "live numba kernels that measure this machine.</p>"
                 "<p>Every figure is <i>simulated</i> (with the hierarchy shown), <i>measured</i> here "
                 "(hwviz bench, with its method) or <i>quoted</i> (sources below).</p>")
            + f"<h3>{tr('Hierarchy presets')}</h3><ul>{presets}</ul>"
            f"<h3>{tr('Colours')}</h3><p>{escape(palette.__doc__.splitlines()[2].strip())} "
            f"{escape(palette.__doc__.splitlines()[3].strip())}</p>")
