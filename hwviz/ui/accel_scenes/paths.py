"""Where the accelerator scenes find recorded results (the folder the app ships)."""

from __future__ import annotations

from pathlib import Path

#: the recorded ``hwviz.bench/1`` files shipped with the app (see assets/results/README.md)
RESULTS_DIR = Path(__file__).resolve().parents[3] / "assets" / "results"
