"""Showing one accelerator scene on its own, as the scene tests need it."""


def shown(qtbot, cls, theme, size=(1366, 700)):
    """A ``cls`` scene in ``theme``, shown at ``size`` and exposed; the caller closes it."""
    s = cls()
    qtbot.addWidget(s)
    s.apply_theme(theme)
    s.resize(*size)
    s.show()
    qtbot.waitExposed(s)
    return s
