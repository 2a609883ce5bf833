"""The lesson file reader: the built-in lessons read, and every kind of bad lesson is one
error naming the file, the slide's line and the problem."""

import pytest

from hwviz.base.errors import ConfigError
from hwviz.cli import main
from hwviz.lessons.reader import builtin_lessons, find_lesson, load_lesson

GOOD = """title = { en = "Test", zh = "测试" }

[[slide]]
scene = "cache-lab"
params = { pattern = "column-major", rows = 16, race = false }
play = 40
caption = { en = "Down a column", zh = "按列" }

[[slide]]
scene = "row-col"
caption.en = "Measured"
"""


def write(tmp_path, text, name="l.toml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_lesson_reads_its_slides_params_actions_and_captions(tmp_path):
    lesson = load_lesson(write(tmp_path, GOOD), scenes=["cache-lab", "row-col"])
    assert lesson.title_in("zh") == "测试"
    first, second = lesson.slides
    assert (first.scene, first.play, first.line) == ("cache-lab", 40, 3)
    assert first.params == {"pattern": "column-major", "rows": "16", "race": "false"}
    assert (first.caption_in("zh"), second.caption_in("zh")) == ("按列", "Measured")   # English when no zh
    assert (second.line, second.play, second.run, second.open) == (9, None, None, None)
    assert lesson.where(1) == "l.toml, line 9 (slide 2)"


@pytest.mark.parametrize("text, message", [
    ("title = 'x'\n", r"l.toml: no \[\[slide\]\] tables"),
    ("[[slide]]\nscene = 'cache-lab'\n", r"l.toml, line 1 \(slide 1\): caption needs English text"),
    ("[[slide]]\ncaption = 'c'\n", r"line 1 \(slide 1\): every slide names its scene"),
    ("[[slide]]\nscene = 'nope'\ncaption = 'c'\n", r"line 1 \(slide 1\): unknown scene 'nope' \(choose cache-lab"),
    ("[[slide]]\nscene = 'cache-lab'\ncaption = 'c'\n\n[[slide]]\nscene = 'cache-lab'\ncaption = 'c'\nplay = -1\n",
     r"line 5 \(slide 2\): play -1 must be from 0 to 1,000,000,000"),
    ("[[slide]]\nscene = 'row-col'\ncaption = 'c'\nrun = 'slow'\n", r"run must be \"quick\" or \"full\""),
    ("[[slide]]\nscene = 'row-col'\ncaption = 'c'\nrun = 'quick'\nplay = 3\n", r"one action per slide \(play and run"),
    ("[[slide]]\nscene = 'row-col'\ncaption = 'c'\nopen = 'missing.json'\n", r"result file .*missing.json does not exist"),
    ("[[slide]]\nscene = 'row-col'\ncaption = { fr = 'c' }\n", r"caption has language 'fr' \(use en or zh\)"),
    ("[[slide]]\nscene = 'row-col'\ncaption = 'c'\nparams = { rows = [1] }\n", r"params.rows must be text or a number"),
    ("[[slide]]\nscene = 'row-col'\ncaption = 'c'\nspeed = 3\n", r"unknown key 'speed'"),
    ("colour = 1\n[[slide]]\nscene = 'row-col'\ncaption = 'c'\n", r"l.toml: unknown key 'colour'"),
    ("[[slide]\nscene = 'row-col'\n", r"l.toml is not valid TOML: .*line 1"),
])
def test_a_bad_lesson_is_one_error_naming_file_line_and_problem(tmp_path, text, message):
    with pytest.raises(ConfigError, match=message):
        load_lesson(write(tmp_path, text), scenes=["cache-lab", "row-col"])


def test_a_lesson_that_is_not_a_file_or_not_utf8_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="is a directory"):
        load_lesson(tmp_path)
    bad = tmp_path / "u16.toml"
    bad.write_bytes(GOOD.encode("utf-16"))
    with pytest.raises(ConfigError, match="UTF-16 or UTF-32"):
        load_lesson(bad)


def test_open_is_relative_to_the_lesson_file(tmp_path):
    (tmp_path / "r.json").write_text("{}")
    text = "[[slide]]\nscene = 'row-col'\ncaption = 'c'\nopen = 'r.json'\n"
    lesson = load_lesson(write(tmp_path, text))
    assert lesson.slides[0].open == str((tmp_path / "r.json").resolve())


def test_the_builtin_lesson_follows_the_lecture_with_both_languages():
    assert "d2l-hardware" in builtin_lessons()
    assert find_lesson("d2l-hardware") == builtin_lessons()["d2l-hardware"]
    lesson = load_lesson(find_lesson("d2l-hardware"))
    scenes = [s.scene for s in lesson.slides]
    for scene in ("latency", "cache-lab", "row-col", "mountain", "loops", "threads", "smt", "false-sharing",
                  "roofline", "transfer", "systolic"):
        assert scene in scenes
    assert scenes.index("latency") < scenes.index("row-col") < scenes.index("threads") < scenes.index("systolic")
    for s in lesson.slides:
        assert s.caption["en"].strip() and s.caption["zh"].strip()


def test_lesson_list_and_a_bad_lesson_from_the_command_line(capsys, tmp_path):
    assert main(["lesson", "--list"]) == 0
    assert "d2l-hardware" in capsys.readouterr().out
    bad = write(tmp_path, "[[slide]]\nscene = 'nope'\ncaption = 'c'\n")
    assert main(["shot", "--lesson", str(bad), "--out", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "l.toml, line 1 (slide 1): unknown scene 'nope'" in err[0]
    assert not (tmp_path / "x.png").exists()
