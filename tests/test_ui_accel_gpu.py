"""The GPU scene: the warp stepped instruction by instruction with greyed lanes, sectors and
cores as the models count them, bad input refused."""

import pytest
from accel_ui_helpers import assert_refused, scene_fixture
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from hwviz.ui.accel_scenes.gpu import GpuScene
from hwviz.ui.accel_scenes.gpu_views import ACTIVE, idle_color
from hwviz.ui.theme import THEMES


scene = scene_fixture(GpuScene, "light")


def lane_pixel(scene, row, lane) -> str:
    v = scene.warp_view
    img = v.grab().toImage()
    r = v.lane_rect(row, lane)
    return QColor(img.pixel(int(r.center().x() * img.width() / v.width()),
                            int(r.center().y() * img.height() / v.height()))).name()


def test_stepping_the_warp_greys_the_lanes_off_the_path(scene):
    scene.set_param("condition", "lane % 2 == 0")
    scene.set_param("if_len", "2")
    scene.set_param("else_len", "3")
    assert scene.length() == 5
    scene.seek(1)
    QApplication.processEvents()
    assert lane_pixel(scene, 0, 0) == ACTIVE.lower() and lane_pixel(scene, 0, 1) == idle_color(THEMES["light"])
    assert lane_pixel(scene, 2, 1) == THEMES["light"].surface          # not issued yet
    scene.advance(10)
    QApplication.processEvents()
    assert scene.position() == 5 and lane_pixel(scene, 2, 1) == ACTIVE.lower()
    assert "lanes busy 50 % so far, 50 % in all" in scene.warp_title.text()


def test_coalescing_and_occupancy_as_counted(scene):
    scene.set_param("pattern", "strided")
    scene.set_param("stride", "8")
    scene.set_param("n", "1000")
    d = scene.export_data()
    assert d["coalescing"]["transactions"] == 32 and d["coalescing"]["bytes_moved"] == 1024
    assert "32 transactions of 32 B move 1KiB for 128B used (12 %)" in scene.coal_title.text()
    assert d["occupancy"] == {"threads": 1000, "cores": 4000, "busy": 1000, "share": 0.25, "waves": 1}
    assert "25 % busy" in scene.cores_title.text()


def test_the_device_list_holds_the_catalogs_gpus_with_cores(scene):
    box = scene.controls.fields["device"]
    ids = [box.itemData(k) for k in range(box.count())]
    assert "nvidia-v100-sxm2" in ids and "lecture-gpu-ordinary" in ids
    scene.set_param("device", "nvidia-v100-sxm2")
    assert scene.occupancy().cores == 5120


@pytest.mark.parametrize("name,text", [("condition", "lane > 3"), ("if_len", "0"), ("pattern", "zigzag"),
                                       ("elem", "3"), ("device", "nvidia-h100-sxm5"), ("x", "1")])
def test_bad_input_raises_and_changes_nothing(scene, name, text):
    assert_refused(scene, name, text)
