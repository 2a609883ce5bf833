"""The systolic scene driven as the shell drives it: stepping every cycle to the end gives A @ B
and the closed form's cycle count; step back and scrub; PE pixels; bad input beside its field."""

import numpy as np
import pytest
from accel_ui_helpers import shown
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from hwviz.base.errors import ConfigError
from hwviz.ui.accel_scenes.systolic import SystolicScene
from hwviz.ui.accel_scenes.systolic_view import pe_colors
from hwviz.ui.theme import THEMES


@pytest.fixture
def scene(qtbot, no_leftovers):
    s = shown(qtbot, SystolicScene, THEMES["light"], (1400, 800))
    yield s
    s.close()


@pytest.mark.parametrize("dataflow", ["os", "ws", "is"])
def test_stepping_to_the_end_gives_the_product_and_the_closed_form(scene, dataflow):
    for name, text in (("array", "4x3"), ("gemm", "7,5,6"), ("dataflow", dataflow)):
        scene.set_param(name, text)
    plan = scene.session.plan
    cycles = 0
    while scene.position() < scene.length():
        scene.advance(1)
        scene.refresh()
        cycles += 1
    assert cycles == scene.length() == plan.cycles == plan.folds * plan.fold_cycles - 1
    data = scene.export_data()
    assert data["macs_done"] == 7 * 5 * 6 and data["closed_form"]["cycles"] == cycles
    assert np.array_equal(np.array(data["product"]), scene.session.a @ scene.session.b)
    assert f"Cycle {cycles:,} of {cycles:,}" in scene.counters.text()
    assert f"- 1 = {cycles:,} cycles" in scene.counters.text()


def test_step_back_and_scrub_show_the_same_state_as_stepping(scene):
    scene.set_param("dataflow", "ws")
    scene.seek(37)
    ahead = scene.session.state()
    scene.advance(1)
    scene.step(-1)
    again = scene.session.state()
    assert scene.position() == 37
    assert np.array_equal(ahead.value, again.value, equal_nan=True) and np.array_equal(ahead.active, again.active)
    scene.seek(0)
    scene.seek(scene.length() + 5)
    assert scene.position() == scene.length()


def pixel(scene, i, j) -> str:
    v = scene.array_view
    img = v.grab().toImage()
    x, y = v.fill_point(i, j)
    return QColor(img.pixel(x * img.width() // v.width(), y * img.height() // v.height())).name()


@pytest.mark.parametrize("theme", ["light", "dark", "projector"])
def test_active_idle_and_padding_pes_have_their_colours(scene, theme):
    scene.apply_theme(THEMES[theme])
    for name, text in (("array", "6x6"), ("gemm", "4,5,8"), ("dataflow", "os")):
        scene.set_param(name, text)
    scene.seek(2)                                # os, cycle 2: PEs with i + j <= 2 multiply
    scene.refresh()
    QApplication.processEvents()
    st = scene.session.state()
    assert st.active[1, 1] and not st.active[3, 3] and st.used[3, 3] and not st.used[5, 5]
    colors = pe_colors(THEMES[theme])
    assert pixel(scene, 1, 1) == colors["active"].lower()
    assert pixel(scene, 3, 3) == colors["idle"]
    assert pixel(scene, 5, 5) == colors["padding"]


def test_bad_input_shows_beside_its_field_and_changes_nothing(scene):
    before = scene.params()
    edit = scene.controls.fields["gemm"]
    edit.setText("12,0,3")
    edit.editingFinished.emit()
    err = scene.controls.errors["gemm"]
    assert not err.isHidden() and "N" in err.text()
    assert scene.params() == before
    edit.setText("3,3,3")
    edit.editingFinished.emit()
    assert err.isHidden() and scene.params()["gemm"] == "3,3,3"


def test_an_array_too_big_to_draw_is_refused_with_the_cli_named(scene):
    with pytest.raises(ConfigError, match="hwviz systolic"):
        scene.set_param("array", "128x128")
    assert scene.params()["array"] == "8x8"


def test_the_fold_map_and_counters_follow_the_fold(scene):
    scene.set_param("gemm", "20,20,4")           # os on 8 x 8: 3 x 3 folds
    plan = scene.session.plan
    scene.seek(plan.fold_cycles * 4 + 1)
    scene.refresh()
    assert scene.fold_map.current == 4
    assert "fold 5 of 9" in scene.counters.text()
