"""Lessons in the window: every slide of the built-in lesson shows its scene with its parameters
and action, the keys clickers send move through it, B blanks, G jumps, Esc leaves and puts the
scenes' own parameters back; a slide that does not fit its scene is one message."""

import pytest
from PySide6.QtCore import Qt

from hwviz.base.errors import ConfigError
from hwviz.lessons.reader import find_lesson, load_lesson
from hwviz.ui.lesson_player import open_lesson
from hwviz.ui.scene import TimelineScene
from ui_helpers import press, window  # noqa: F401 - fixture

TWO = """title = "Two"
[[slide]]
scene = "cache-lab"
params = { pattern = "column-major", rows = 16, cols = 16 }
play = 40
caption = { en = "first", zh = "第一" }

[[slide]]
scene = "cache-lab"
params = { rows = 8 }
caption = "second"

[[slide]]
scene = "row-col"
caption = "third"
"""


def lesson_file(tmp_path, text=TWO):
    p = tmp_path / "two.toml"
    p.write_text(text, encoding="utf-8")
    return str(p)


def check_slide(win, player, index):
    """The window shows slide ``index`` exactly as the lesson says."""
    slide = player.lesson.slides[index]
    scene = win.scene
    assert scene.name == slide.scene
    expected = dict(win.defaults[slide.scene], **slide.params)
    assert scene.params() == expected
    if isinstance(scene, TimelineScene):
        assert scene.position() == min(slide.play or 0, scene.length())
    elif hasattr(scene, "shown") and slide.open is None and slide.run is None:
        fresh = type(scene)()             # what the scene shows before anything is run or opened
        fresh.refresh()
        bundled = fresh.shown
        assert (scene.shown is None) == (bundled is None)
        if bundled is not None:
            assert scene.shown.origin == bundled.origin
            assert scene.shown.result.points == bundled.result.points
        fresh.deleteLater()
    assert player.bar.caption.text() == slide.caption_in(player.language)
    assert player.bar.counter.text() == f"{index + 1} / {len(player.lesson.slides)}"


def test_every_slide_of_the_builtin_lesson_shows_its_state(window):
    player = open_lesson(window, "d2l-hardware", "en", full_screen=False)
    assert window.presenting and window.lesson is player
    n = len(player.lesson.slides)
    for i in range(n):
        check_slide(window, player, i)
        player.move(1)
    assert player.index == n - 1          # stays on the last slide
    for i in (4, 1):                      # the same slide again shows the same state
        player.show(i)
        check_slide(window, player, i)


def test_clicker_keys_move_through_the_slides(qtbot, window, tmp_path):
    player = open_lesson(window, lesson_file(tmp_path), "zh", full_screen=False)
    check_slide(window, player, 0)
    assert player.bar.caption.text() == "第一"
    for key, index in ((Qt.Key_PageDown, 1), (Qt.Key_Right, 2), (Qt.Key_PageUp, 1), (Qt.Key_Left, 0),
                       (Qt.Key_Space, 1)):
        press(qtbot, window, key)
        check_slide(window, player, index)
    assert player.bar.caption.text() == "second"      # no Chinese caption: English


def test_b_blanks_the_screen_and_any_slide_key_brings_it_back(qtbot, window, tmp_path):
    player = open_lesson(window, lesson_file(tmp_path), "en", full_screen=False)
    press(qtbot, window, Qt.Key_B)
    assert player.blanked and player.blank.isVisible() and not window.stack.isVisible()
    qtbot.waitUntil(lambda: player.blank.height() > window.centralWidget().height() // 2)
    image = window.centralWidget().grab().toImage()
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert (centre.red(), centre.green(), centre.blue()) == (0, 0, 0)
    press(qtbot, window, Qt.Key_PageDown)          # first key: the slide comes back, unchanged
    assert not player.blanked and window.stack.isVisible() and player.index == 0
    press(qtbot, window, Qt.Key_Period)
    assert player.blanked
    press(qtbot, window, Qt.Key_Period)
    assert not player.blanked


def test_g_and_a_number_jump_to_a_slide(qtbot, window, tmp_path):
    player = open_lesson(window, lesson_file(tmp_path), "en", full_screen=False)
    press(qtbot, window, Qt.Key_G)
    assert player.bar.jump.isVisible()
    qtbot.keyClicks(player.bar.jump, "3")
    qtbot.keyClick(player.bar.jump, Qt.Key_Return)
    check_slide(window, player, 2)
    assert not player.bar.jump.isVisible()


def test_esc_leaves_the_lesson_and_puts_the_scenes_parameters_back(qtbot, window, tmp_path):
    lab = window.scenes["cache-lab"]
    lab.set_param("rows", "24")
    before = lab.params()
    open_lesson(window, lesson_file(tmp_path), "en", full_screen=False)
    assert lab.params()["rows"] == "16"
    press(qtbot, window, Qt.Key_Escape)
    assert window.lesson is None and not window.presenting
    assert lab.params() == before
    press(qtbot, window, Qt.Key_PageDown)           # the keys are the window's own again
    assert window.scene.name == list(window.scenes)[list(window.scenes).index("cache-lab") + 1]


@pytest.mark.parametrize("slide, message", [
    ("scene = 'cache-lab'\nparams = { rows = 0 }\ncaption = 'c'", r"two.toml, line 2 \(slide 1\): rows 0 must be"),
    ("scene = 'cache-lab'\nparams = { speed = 3 }\ncaption = 'c'", r"scene 'cache-lab' has no parameter 'speed'"),
    ("scene = 'row-col'\nplay = 3\ncaption = 'c'", r"scene 'row-col' has no timeline to play"),
    ("scene = 'systolic'\nrun = 'quick'\ncaption = 'c'", r"scene 'systolic' measures nothing"),
])
def test_a_slide_that_does_not_fit_its_scene_leaves_the_window_as_it_was(window, tmp_path, slide, message):
    lab = window.scenes["cache-lab"]
    before = {n: s.params() for n, s in window.scenes.items()}
    path = lesson_file(tmp_path, "\n[[slide]]\n" + slide + "\n")
    with pytest.raises(ConfigError, match=message):
        open_lesson(window, path, "en", full_screen=False)
    assert window.lesson is None and not window.presenting
    assert {n: s.params() for n, s in window.scenes.items()} == before
    assert lab.params() == before["cache-lab"]


def test_a_bad_lesson_from_the_menu_is_a_message(window, tmp_path, monkeypatch):
    from hwviz.ui import lesson_player

    path = lesson_file(tmp_path, "[[slide]]\nscene = 'nope'\ncaption = 'c'\n")
    monkeypatch.setattr(lesson_player.QFileDialog, "getOpenFileName", lambda *a, **k: (path, ""))
    window.actions_by_name["open_lesson"].trigger()
    assert window.lesson is None
    assert "two.toml, line 1 (slide 1): unknown scene 'nope'" in window.message_label.text()


def test_shot_renders_a_slide_with_its_caption(capsys, tmp_path, qapp, no_leftovers):
    from hwviz.cli import main

    out = tmp_path / "slide.png"
    assert main(["shot", "--lesson", lesson_file(tmp_path), "--slide", "1", "--theme", "projector",
                 "--size", "1366x768", "--out", str(out)]) == 0
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)
    lesson = load_lesson(find_lesson(lesson_file(tmp_path)))
    assert lesson.slides[0].caption_in("en") == "first"
