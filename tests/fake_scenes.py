"""Small scenes for testing the shell: a counting timeline and an experiment with a fake job."""

import time

from PySide6.QtWidgets import QLabel, QVBoxLayout

from hwviz.base.checks import whole_text
from hwviz.base.errors import ConfigError
from hwviz.ui.scene import ExperimentScene, TimelineScene


class CountingScene(TimelineScene):
    """A timeline of ``n`` steps whose state is its position."""

    name = "counting"
    title = "Counting"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.n, self.pos, self.presenting = 100, 0, False
        self.controls = QLabel("controls")
        self.view = QLabel("view")
        lay = QVBoxLayout(self)
        lay.addWidget(self.controls)
        lay.addWidget(self.view)

    def unit(self):
        return "ticks"

    def length(self):
        return self.n

    def position(self):
        return self.pos

    def advance(self, n):
        self.pos = min(self.n, self.pos + n)

    def seek(self, k):
        self.pos = max(0, min(self.n, k))

    def rate_range(self):
        return 1.0, 1000.0, 20.0

    def params(self):
        return {"n": str(self.n)}

    def set_param(self, name, text):
        if name != "n":
            raise ConfigError(f"unknown parameter {name!r}")
        self.n = whole_text(text, "n", 1, 10**6)
        self.pos = 0
        self.changed.emit()

    def apply_theme(self, theme):
        pass

    def refresh(self, animating=False):
        self.view.setText(f"{self.pos} of {self.n}")

    def set_presenting(self, on):
        self.presenting = on
        self.controls.setVisible(not on)

    def export_data(self):
        return {"scene": self.name, "source": "counted", "position": self.pos, "length": self.n}

    def export_rows(self):
        return ["position", "length"], [[self.pos, self.n]]


class FakeExperimentScene(ExperimentScene):
    """An experiment whose job sends ``points`` points, ``delay`` seconds apart, checking the
    cancel token every 10 ms; with ``fail`` it raises after the first point."""

    name = "fake-experiment"
    title = "Fake experiment"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.points, self.delay, self.fail = 3, 0.01, False
        self.received, self.result, self.error, self.started = [], None, "", 0
        self.label = QLabel()
        QVBoxLayout(self).addWidget(self.label)

    def job(self):
        points, delay, fail = self.points, self.delay, self.fail

        def run(ctx):
            out = []
            for i in range(points):
                end = time.monotonic() + delay
                while time.monotonic() < end:
                    ctx.check()
                    time.sleep(0.01)
                ctx.progress(i, points, f"point {i}")
                ctx.point(i * i)
                out.append(i * i)
                if fail:
                    raise ConfigError("the fake machine caught fire")
            return out
        return run

    def on_started(self):
        self.started += 1
        self.received, self.error, self.result = [], "", None

    def on_point(self, point):
        self.received.append(point)

    def on_finished(self, result):
        self.result = result

    def on_failed(self, message):
        self.error = message
        self.label.setText(message)

    def params(self):
        return {}

    def set_param(self, name, text):
        raise ConfigError(f"unknown parameter {name!r}")

    def apply_theme(self, theme):
        pass

    def refresh(self, animating=False):
        pass

    def set_presenting(self, on):
        pass

    def export_data(self):
        return {"scene": self.name, "source": "fake", "points": self.received}

    def export_rows(self):
        return ["point"], [[p] for p in self.received]
