"""The README's screenshots, made with hwviz's own pytest plugin (the hwviz_shot fixture):

    pytest tests/test_readme_screenshots.py --hwviz-shots assets/screenshots

regenerates every picture the README shows; without the option each is rendered into the test's
temporary folder and checked for its size. Measurement scenes show the bundled recording
(assets/results), so the pictures say where their numbers come from."""

import pytest
from PySide6.QtGui import QImage

FULL, SMALL = "1920x1080", "1366x768"
MEASURED = ("row-col", "latency", "loops", "mountain", "topology", "threads", "smt", "false-sharing",
            "python-threads")
MODELLED = {"systolic": ({"dataflow": "ws"}, 14), "roofline": ({}, 0), "transfer": ({}, 100_000),
            "gpu": ({}, 8), "accelerators": ({}, 0)}

SHOTS = [
    ("cache-lab-row-major", dict(scene="cache-lab", params={"pattern": "row-major"}, steps=300, size=FULL)),
    ("cache-lab-column-major", dict(scene="cache-lab", params={"pattern": "column-major"}, steps=600, size=SMALL)),
    ("cache-lab-race", dict(scene="cache-lab", params={"race": "true"}, steps=16000, size=SMALL, presenter=True)),
    ("zh-cache-lab", dict(scene="cache-lab", params={"pattern": "column-major"}, steps=600, size=FULL,
                          language="zh_CN")),
    ("zh-row-col-1366", dict(scene="row-col", size=SMALL, language="zh_CN")),
    ("zh-lesson-slide11", dict(lesson="d2l-hardware", slide=11, size=FULL, language="zh_CN")),
    ("lesson-slide3-1366", dict(lesson="d2l-hardware", slide=3, size=SMALL)),
]
for _scene in MEASURED:
    SHOTS += [(_scene, dict(scene=_scene, size=FULL)), (f"{_scene}-1366", dict(scene=_scene, size=SMALL))]
for _scene, (_params, _steps) in MODELLED.items():
    SHOTS += [(f"{_scene}{suffix}", dict(scene=_scene, params=_params, steps=_steps, size=size))
              for suffix, size in (("", FULL), ("-1366", SMALL))]


@pytest.mark.parametrize("name, args", SHOTS, ids=[name for name, _ in SHOTS])
def test_readme_screenshot(hwviz_shot, name, args):
    path = hwviz_shot(name=name, theme="projector", **args)
    image = QImage(str(path))
    width, height = (int(x) for x in args["size"].split("x"))
    assert (image.width(), image.height()) == (width, height)
