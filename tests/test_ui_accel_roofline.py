"""The roofline scene: ticked devices become roofs with their ridge labelled, parameters and bad
input, this machine's roof after a (faked) run, export."""

import pytest
from PySide6.QtCore import Qt
from accel_ui_helpers import scene_fixture

from hwviz.base.errors import ConfigError
from hwviz.measure.results import Result
from hwviz.ui.accel_scenes.roofline import RooflineScene


scene = scene_fixture(RooflineScene, "projector")


def labels(scene):
    return [t.toPlainText() for t in scene.texts]


def test_each_ticked_device_is_a_roof_with_its_ridge(scene):
    scene.set_param("devices", "nvidia-v100-sxm2,nvidia-a100-sxm4-80gb")
    scene.set_param("precision", "fp64")
    roofs = [r for r in scene.roofs() if r is not scene.machine]   # this machine: tested below
    assert [r.label for r in roofs] == ["NVIDIA V100 (SXM2)", "NVIDIA A100 80GB (SXM4)"]
    assert f"ridge {7.8e12 / 900e9:.3g}" in labels(scene) and f"ridge {19.5e12 / 2039e9:.3g}" in labels(scene)
    assert "7,800 GFLOP/s, 900 GB/s" in scene.key.text()
    ticked = [scene.device_list.item(k).text() for k in range(scene.device_list.count())
              if scene.device_list.item(k).checkState() == Qt.Checked]
    assert ticked == ["NVIDIA V100 (SXM2)", "NVIDIA A100 80GB (SXM4)"]


def test_ticking_in_the_list_changes_the_parameter(scene):
    scene.set_param("devices", "")
    scene.device_list.item(0).setCheckState(Qt.Checked)
    assert scene.params()["devices"] == "lecture-i7-7th"


def test_kernels_are_tagged_at_their_intensities(scene):
    scene.set_param("n", "600")
    names = [k.name for k in scene.kernel_list()]
    assert names[2] == "matmul n=600" and {"K1", "K2", "K3", "K4"} <= set(labels(scene))
    rows = scene.export_rows()[1]
    assert all(row[-1] == ("memory" if row[6] < row[4] else "compute") for row in rows)


@pytest.mark.parametrize("name,text", [("precision", "fp128"), ("n", "0"), ("conv", "1,2"),
                                       ("devices", "no-such-gpu"), ("colour", "x")])
def test_bad_parameters_raise_and_change_nothing(scene, name, text):
    before = scene.params()
    with pytest.raises(ConfigError):
        scene.set_param(name, text)
    assert scene.params() == before


def test_a_run_draws_this_machine_as_measured(scene, monkeypatch):
    import hwviz.measure.experiments as ex

    def fake(name, **_kw):
        pts = ([{"bound": "compute", "gflops": 40.0}] if name == "threads" else [{"kernel": "triad", "gbps": 10.0}])
        return Result(name, {}, {}, pts, "2026-01-01")

    monkeypatch.setattr(ex, "run_experiment", fake)

    class Ctx:
        cancel = None

        def progress(self, *a):
            pass

    scene.on_finished(scene.job()(Ctx()))
    m = scene.roofs()[-1]
    assert (m.label, m.peak, m.bandwidth) == ("this machine", 40e9, 10e9)
    assert "reached: measured" in scene.key.text() and "measured here" in scene.caption.text()
    assert scene.export_data()["roofs"][-1]["origin"] == "measured"


def test_the_bundled_recording_gives_this_machines_roof_marked_recorded(scene):
    from hwviz.measure.results import load_json
    from hwviz.ui.measure_scenes import records

    results = {r.experiment: r for r in load_json(records.BUNDLED_DIR / records.BUNDLED_FILE)}
    peak = max(p["gflops"] for p in results["threads"].points if p["bound"] == "compute")
    triad = max(p["gbps"] for p in results["stream"].points if p["kernel"] == "triad")
    m = scene.machine
    assert (m.peak, m.bandwidth) == (peak * 1e9, triad * 1e9)
    assert m.note.startswith(f"recorded in {records.BUNDLED_FILE}")
    assert m in scene.roofs()
