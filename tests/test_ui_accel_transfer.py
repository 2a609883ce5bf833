"""The transfer scene: the drawn timelines are the model's, totals and idle share written on
the picture, the cursor sweeps as the shell plays it, bad input beside its field."""

import pytest
from accel_ui_helpers import assert_refused, scene_fixture
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from hwviz.accel.transfer import scenario
from hwviz.ui.accel_scenes.transfer import TransferScene
from hwviz.ui.accel_scenes.transfer_view import KIND_COLORS


scene = scene_fixture(TransferScene, "light")


@pytest.mark.parametrize("name", ["batched", "scalar", "pinned"])
def test_the_view_shows_the_models_timelines_and_totals(scene, name):
    scene.set_param("scenario", name)
    expected = scenario(name, scene.model_params())
    assert [tl.total for tl in scene.view.timelines] == [tl.total for tl in expected]
    summary = scene.view.summary(scene.view.timelines[0])
    assert "total" in summary and f"GPU idle {100 * expected[0].gpu_idle_fraction:.0f} %" in summary
    assert summary.startswith(expected[0].name + ":")        # each model name has its words
    assert scene.length() == -(-max(tl.total for tl in expected) * 1e6 // 1)


def test_parameters_reach_the_model(scene):
    for name, text in (("pcie", "3.0"), ("copy_latency_us", "20"), ("launch_latency_us", "7"), ("kernel_us", "50"),
                       ("size", "1MiB"), ("copies", "8"), ("steps", "4"), ("host_gbps", "5")):
        scene.set_param(name, text)
    p = scene.model_params()
    assert p.bandwidth == pytest.approx(15.754e9) and p.copy_latency == pytest.approx(20e-6)
    assert (p.size, p.copies, p.steps) == (1 << 20, 8, 4) and p.host_bandwidth == 5e9
    assert scene.export_data()["source"].startswith("modelled")


def bar_pixel(scene, seconds: float, row: int) -> str:
    """Colour at ``seconds`` on row ``row`` (0 CPU, 1 copy, 2 GPU) of the first timeline."""
    v = scene.view
    img = v.grab().toImage()
    fm = v.fontMetrics()
    label_w = max(fm.horizontalAdvance(n) for n in ("CPU", "copy engine", "GPU compute")) + fm.height()
    span = max(tl.total for tl in v.timelines)
    block = (v.height() - 2 * fm.height()) / 2
    row_h = max(6.0, (block - fm.height() * 1.6) / 3)
    x = label_w + (v.width() - label_w - fm.height()) * seconds / span
    y = fm.height() * 1.5 + row * row_h + row_h / 2
    return QColor(img.pixel(int(x * img.width() / v.width()), int(y * img.height() / v.height()))).name()


def test_playing_sweeps_the_cursor_over_the_bars(scene):
    scene.set_param("scenario", "pinned")
    first = scene.view.timelines[0]
    staging = next(e for e in first.events if e.kind == "staging")
    QApplication.processEvents()
    assert bar_pixel(scene, staging.end / 2, 0) == KIND_COLORS["staging"].lower()
    scene.seek(0)
    QApplication.processEvents()
    assert bar_pixel(scene, staging.end / 2, 0) != KIND_COLORS["staging"].lower()
    scene.advance(scene.length())
    assert scene.position() == scene.length()


@pytest.mark.parametrize("name,text", [("pcie", "7.0"), ("copy_latency_us", "-1"), ("size", "0"), ("copies", "0"),
                                       ("steps", "x"), ("scenario", "warp"), ("nope", "1")])
def test_bad_input_raises_and_changes_nothing(scene, name, text):
    assert_refused(scene, name, text)


def test_bad_input_in_a_field_shows_beside_it(scene):
    edit = scene.controls.fields["kernel_us"]
    edit.setText("0")
    edit.editingFinished.emit()
    assert not scene.controls.errors["kernel_us"].isHidden()
