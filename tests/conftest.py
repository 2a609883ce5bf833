"""Test configuration: no display is needed (Qt renders offscreen)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
