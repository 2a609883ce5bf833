"""The systolic scene driven as the shell drives it: stepping every cycle to the end gives A @ B
and the closed form's cycle count; step back and scrub; PE pixels; bad input beside its field."""

import numpy as np
import pytest
from accel_ui_helpers import scene_fixture
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from hwviz.base.errors import ConfigError
from hwviz.ui.accel_scenes.systolic import SystolicScene
from hwviz.ui.accel_scenes.systolic_view import band_shades, pe_colors, shade_levels
from hwviz.ui.theme import THEMES


scene = scene_fixture(SystolicScene, "light", (1400, 800))


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


@pytest.mark.parametrize("dataflow", ["ws", "is"])
def test_each_pe_shows_its_stationary_value_beside_the_moving_partial_sum(scene, dataflow):
    """ws: PE (k, n) holds B[k, n]; is: PE (k, m) holds A[m, k]; both in the band and the tooltip."""
    for name, text in (("array", "4x4"), ("gemm", "4,4,4"), ("dataflow", dataflow)):
        scene.set_param(name, text)
    scene.seek(5)                                # loaded at cycle 4; PE (0, 0) and (0, 1), (1, 0) multiply
    scene.refresh()
    QApplication.processEvents()
    view, a, b = scene.array_view, scene.session.a, scene.session.b
    want = b if dataflow == "ws" else a.T
    st = scene.session.state()
    assert np.array_equal(st.held, want) and view.stationary
    assert f"stationary value (stays): {want[2, 3]:.0f}" in view.pe_tooltip(2, 3)
    assert f"partial sum (moves down): {st.value[0, 0]:.0f}" in view.pe_tooltip(0, 0)
    img = view.grab().toImage()
    x, y = view.band_point(2, 3)
    assert QColor(img.pixel(x, y)).name() == band_shades(THEMES["light"])[-1]   # numbers fit: one shade
    assert ("weight" if dataflow == "ws" else "input") in scene.legend.text()


def test_a_32_by_32_array_shades_the_band_by_the_stationary_value(scene):
    for name, text in (("array", "32x32"), ("gemm", "40,40,40"), ("dataflow", "ws")):
        scene.set_param(name, text)
    scene.seek(40)
    scene.refresh()
    QApplication.processEvents()
    view, st = scene.array_view, scene.session.state()
    img = view.grab().toImage()
    levels = shade_levels(np.where(st.used, st.held, np.nan))
    seen = set()
    for i, j in ((0, 0), (5, 7), (20, 3), (31, 31)):
        x, y = view.band_point(i, j)
        assert QColor(img.pixel(x, y)).name() == band_shades(THEMES["light"])[levels[i, j]]
        seen.add(int(levels[i, j]))
    assert len(seen) > 1 and view.pe_at(*view.band_point(5, 7)) == (5, 7)
