"""The interface's language: View > Language switches every menu and scene at run time, keeping
what each scene shows; the choice persists; --lang and the system's locale choose the first one."""

import time

import pytest
from PySide6.QtCore import QCoreApplication

from hwviz.ui import i18n
from ui_helpers import window  # noqa: F401 - fixture


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.install("en")


def zh(context, text):
    """``text`` as the Chinese catalog has it (read from the .ts, not from Qt)."""
    from hwviz.ui.i18n.catalog import TS_FILES, read_ts

    return read_ts(TS_FILES["zh_CN"]).get((context, text), "")


def test_view_language_switches_menus_and_scenes_at_run_time_and_back(window):
    file_zh, quick_zh = zh("Menus", "&File"), zh("Measure", "Quick run (a few seconds)")
    assert file_zh and quick_zh and file_zh != "&File"
    window.actions_by_name["language:zh_CN"].trigger()
    assert i18n.current() == "zh_CN" and window.settings["language"] == "zh_CN"
    assert window.menuBar().actions()[0].text() == file_zh
    assert window.scenes["row-col"].mode_box.itemText(0) == quick_zh
    assert window.actions_by_name["language:zh_CN"].isChecked()
    window.actions_by_name["language:en"].trigger()
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.scenes["row-col"].mode_box.itemText(0) == "Quick run (a few seconds)"


def test_a_switch_keeps_the_scene_its_parameters_position_and_result(window):
    lab = window.scenes["cache-lab"]
    lab.set_param("pattern", "column-major")
    window.navigator.setCurrentIndex(list(window.scenes).index("cache-lab"))
    window.seek(37)
    shown = window.scenes["row-col"].shown
    window.set_language("zh_CN")
    lab = window.scenes["cache-lab"]
    assert window.scene is lab and lab.params()["pattern"] == "column-major" and lab.position() == 37
    assert window.transport.scrub.isEnabled()
    assert window.scenes["row-col"].shown is shown
    assert window.navigator.currentText() == lab.title


def slow_runner(name, *, quick, cancel, progress, point, topology):
    while True:
        cancel.check()
        time.sleep(0.01)


def test_the_language_cannot_change_mid_measurement(window, qtbot):
    window.navigator.setCurrentIndex(list(window.scenes).index("row-col"))
    window.scene.runner = slow_runner
    window.run_experiment()
    assert window.worker.busy
    window.actions_by_name["language:zh_CN"].trigger()
    assert i18n.current() == "en" and window.actions_by_name["language:en"].isChecked()
    assert "Finish or cancel the measurement" in window.message_label.text()
    window.cancel_experiment()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=3000)


def test_the_command_line_then_the_saved_choice_then_the_system_decide(monkeypatch):
    assert i18n.choose("zh_CN", "en") == "zh_CN"
    assert i18n.choose(None, "zh_CN") == "zh_CN"
    monkeypatch.setattr(i18n, "system_language", lambda: "zh_CN")
    assert i18n.choose(None, "") == "zh_CN"
    assert i18n.choose(None, "klingon") == "zh_CN"


def test_without_a_chinese_font_the_switch_says_what_to_install(monkeypatch):
    monkeypatch.setattr(i18n.QFontDatabase, "families", staticmethod(lambda *a: []))
    assert "fonts-noto-cjk" in i18n.font_problem("zh_CN")
    assert i18n.font_problem("en") == ""


def test_the_command_lines_languages_are_the_catalogs():
    from hwviz.cli import LANGS

    assert tuple(i18n.LANGUAGES) == LANGS


def test_shot_renders_in_chinese_and_leaves_english_installed(tmp_path, qapp, no_leftovers):
    from hwviz.ui.shot import take_shot

    take_shot("row-col", [], 0, "projector", "1366x768", str(tmp_path / "zh.png"), language="zh_CN")
    assert (tmp_path / "zh.png").stat().st_size > 0
    assert i18n.current() == "en"
    assert QCoreApplication.translate("Menus", "&File") == "&File"


def test_every_translated_text_is_a_literal_the_catalog_can_find():
    from hwviz.ui.i18n.catalog import untracked_calls

    assert untracked_calls() == []
