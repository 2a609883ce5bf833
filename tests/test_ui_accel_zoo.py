"""The accelerator zoo scene: stepping highlights one kind and shows the lecture's point about it."""

import pytest
from accel_ui_helpers import scene_fixture

from hwviz.accel.zoo import FAMILIES
from hwviz.base.errors import ConfigError
from hwviz.ui.accel_scenes.zoo import ZooScene


scene = scene_fixture(ZooScene, "projector")


def labelled(scene):
    return [t.toPlainText().split("\n")[0] for t in scene.texts if t.isVisible()]


def test_overview_labels_every_device_with_a_power(scene):
    powered = [z for z in scene.points if z.per_watt]
    assert len(labelled(scene)) == len(powered) >= 7
    assert "NVIDIA A100 80GB" in labelled(scene) and "Google TPU v4" in labelled(scene)
    assert "1,560 GOPS/W (int8, spec)" in " ".join(t.toPlainText() for t in scene.texts)
    assert "Google TPU v5e" in scene.unpowered.text()            # catalogued without a power: no dot


def test_stepping_walks_the_kinds_with_their_captions(scene):
    seen = []
    for k in range(1, len(FAMILIES) + 1):
        scene.step(1)
        assert scene.position() == k
        seen.append(scene.family)
        assert all(z.family == scene.family for z in scene.points if z.per_watt and
                   z.device.name.split(" (")[0] in labelled(scene))
    assert seen == list(FAMILIES)
    scene.seek(3)                                  # the DSP
    assert "VLIW" in scene.caption.text() and labelled(scene) == ["TI TMS320C6678"]
    scene.seek(5)                                  # the CPU: the 7700K's derived fp32 peak over its TDP
    assert "general-purpose" in scene.caption.text() and labelled(scene) == ["Intel Core i7-7700K"]
    assert ["6 GOPS/W (fp32, derived)" in t.toPlainText() for t in scene.texts] == [t.isVisible() for t in scene.texts]
    scene.seek(3)
    scene.step(-1)
    assert scene.family == "fpga" and "hours" in scene.caption.text()


def test_the_step_parameter(scene):
    scene.set_param("step", "5")
    assert scene.family == "cpu" and scene.params() == {"step": "5"}
    with pytest.raises(ConfigError):
        scene.set_param("step", "6")
    with pytest.raises(ConfigError):
        scene.set_param("colour", "1")
