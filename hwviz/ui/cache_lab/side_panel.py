"""One run of Cache Lab: its matrices, its loop and what the last access did."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from hwviz.base.units import format_ns
from hwviz.sim.lab import LabRun, LabSession
from hwviz.ui import palette
from hwviz.ui.cache_lab import tr
from hwviz.ui.cache_lab.code_view import CodeView
from hwviz.ui.cache_lab.matrix_view import MatrixView
from hwviz.ui.theme import Theme


class SidePanel(QWidget):
    """One run: its title, its matrices and its loop. In a race, the title says when the run
    finished; the finished runner waits at its last access."""

    def __init__(self, index: int, parent=None):
        super().__init__(parent)
        self.index = index
        self.run: LabRun | None = None
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.matrix = MatrixView()
        self.code = CodeView()
        lay.addWidget(self.matrix, 1)
        lay.addWidget(self.code)

    def set_run(self, run: LabRun, racing: bool) -> None:
        """Show ``run``; ``racing`` marks it with its run colour."""
        self.run = run
        self.matrix.set_run(run, palette.RUNS[self.index] if racing else "")
        self.code.set_run(run)

    def apply_theme(self, theme: Theme) -> None:
        """Restyle."""
        self.matrix.apply_theme(theme)
        self.code.apply_theme(theme)

    def header(self, session: LabSession) -> tuple[str, str, str]:
        """(long, short, shortest) title: the pattern and its simulated time; in a race, its
        finish. The shortest leaves the name to the run's colour square and the legend."""
        run = self.run
        name = run.pattern.name
        if session.racing and run.finished:
            t = format_ns(run.total_ns)
            return (tr("{name}   finished at {time}").format(name=name, time=t),
                    tr("{name} done {time}").format(name=name, time=t), tr("done {time}").format(time=t))
        t = format_ns(float(run.time_ns[run.pos]))
        return f"{name}   {t}", f"{name} {t}", t

    def show_state(self, session: LabSession) -> None:
        """Repaint after the run moved."""
        self.matrix.show_state(*self.header(session))
        self.code.update()
