"""Desktop integration: the launcher, the AppStream metainfo and the icon theme agree with each
other and with the app, every data file the wheel installs exists, and the freedesktop
validators pass where they are installed (Debian: desktop-file-utils, appstream)."""

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from hwviz.ui.app import APP_ID

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "packaging" / "linux" / f"{APP_ID}.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"


def test_launcher_metainfo_and_icons_name_the_same_app():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(DESKTOP, encoding="utf-8")
    d = entry["Desktop Entry"]
    assert (d["Type"], d["Exec"], d["Icon"], d["Terminal"]) == ("Application", "hwviz", APP_ID, "false")
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.find("provides").findtext("binary") == "hwviz"
    from hwviz import __version__

    assert root.find("releases/release").get("version") == __version__


def test_every_icon_size_is_its_folders_size(qapp):
    from PySide6.QtGui import QImage

    pngs = sorted((ROOT / "assets" / "icons" / "hicolor").glob(f"*x*/apps/{APP_ID}.png"))
    assert len(pngs) >= 6
    for p in pngs:
        w, h = (int(x) for x in p.parts[-3].split("x"))
        image = QImage(str(p))
        assert (image.width(), image.height()) == (w, h)
        assert image.pixelColor(0, 0).alpha() == 0 and image.pixelColor(w // 2, h // 2).alpha() == 255


def test_every_data_file_the_wheel_installs_exists():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["data-files"]
    for target, patterns in data.items():
        for pattern in patterns:
            assert sorted(ROOT.glob(pattern)), f"{target}: {pattern} matches no file"


@pytest.mark.parametrize("tool, path", [("desktop-file-validate", DESKTOP),
                                        ("appstreamcli", METAINFO)])
def test_the_freedesktop_validators_pass(tool, path):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (Debian: desktop-file-utils, appstream)")
    args = [tool, str(path)] if tool != "appstreamcli" else [tool, "validate", "--no-net", "--pedantic", str(path)]
    done = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "hint" not in done.stdout and "P:" not in done.stdout, done.stdout + done.stderr
