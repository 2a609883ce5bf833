"""The pytest plugin hwviz installs: a teacher's test file outside the package, in a folder of its
own, renders PNGs with the hwviz_shot fixture."""

import os
import subprocess
import sys

from PySide6.QtGui import QImage

from hwviz.ui.pytest_plugin import _file_name

TEACHER = '''
def test_my_slides(hwviz_shot):
    a = hwviz_shot("cache-lab", params={"pattern": "column-major", "rows": 16}, steps=40)
    b = hwviz_shot("systolic", params={"dataflow": "ws"}, steps=5, size="1366x768", name="ws")
    assert a.name == "cache-lab.png" and b.name == "ws.png"
'''

BAD = '''
def test_bad(hwviz_shot):
    hwviz_shot("nope")
'''


def run_pytest(folder, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                          cwd=folder, env=env, capture_output=True, text=True, timeout=300)


def test_a_test_file_outside_the_package_renders_pngs(tmp_path):
    (tmp_path / "test_slides.py").write_text(TEACHER)
    shots = tmp_path / "pictures"
    done = run_pytest(tmp_path, "test_slides.py", "--hwviz-shots", str(shots))
    assert done.returncode == 0, done.stdout + done.stderr
    sizes = {p.name: (QImage(str(p)).width(), QImage(str(p)).height()) for p in shots.iterdir()}
    assert sizes == {"cache-lab.png": (1920, 1080), "ws.png": (1366, 768)}


def test_a_bad_scene_fails_the_test_with_one_sentence(tmp_path):
    (tmp_path / "test_bad.py").write_text(BAD)
    done = run_pytest(tmp_path, "test_bad.py")
    assert done.returncode == 1
    assert "ConfigError: unknown scene 'nope' (choose cache-lab" in done.stdout


def test_names_follow_the_scene_size_and_language():
    assert _file_name("row-col", None, 1, "1920x1080", "en", None) == "row-col.png"
    assert _file_name("row-col", None, 1, "1366x768", "zh_CN", None) == "row-col-1366-zh_CN.png"
    assert _file_name(None, "/x/d2l-hardware.toml", 3, "1920x1080", "en", None) == "d2l-hardware-slide3.png"
    assert _file_name("x", None, 1, "1920x1080", "en", "my shot/1") == "my_shot_1.png"
