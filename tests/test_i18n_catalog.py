"""The Simplified Chinese catalog: complete (a string added to the code without a translation fails
here), faithful to each source's placeholders and markup, consistent with the glossary's terms,
and shipped compiled exactly as lrelease builds it from the .ts."""

import re
import string
import tomllib
from collections import Counter

import pytest

from hwviz.ui.i18n import catalog

TS = catalog.TS_FILES["zh_CN"]
GLOSSARY = TS.parent / "glossary.toml"

#: (glossary term, source text) -> why its translation does not use the term's Chinese
EXCEPTIONS = {
    ("kernel", "Convolution H,W,Cin,Cout (3x3 kernel)"): "a convolution's kernel is 卷积核, not a GPU 核函数",
    ("transfer", "Modelled, not measured: a copy takes latency + bytes / bandwidth. PCIe {gen} x16: {bw} "
                 "each way ({status}: {note}; {source}). Latencies, kernel time and host memcpy speed are "
                 "assumptions: set yours, or measure them with hwviz bench transfer on a machine with a "
                 "CUDA GPU."): "only in the command name hwviz bench transfer, which stays Latin",
    ("copy", "Model (MSI), not a measurement: two cores take turns adding 1 to their own counter. A write "
             "needs the line in state M in the writer's cache, so the other copy becomes I."):
        "a cached copy of a line is a 副本, not a 拷贝 (the act of copying)",
    ("lesson", "Simulated on the {preset} preset: each access costs its level's latency, one after another. "
               "Real CPUs overlap misses and prefetch, so the measured curves sit above the model's: the gap "
               "is part of the lesson."): "the lesson taught, not a lesson file (课件)",
    ("worker", "x {text!r} must be workers or n"): "workers is the value the command line takes",
    ("siblings", "light {text!r} must be siblings or cores"): "siblings is the value the command line takes",
    ("core", "light {text!r} must be siblings or cores"): "cores is the value the command line takes",
    ("heatmap", "view {text!r} must be surface or heatmap"): "heatmap is the value the command line takes",
}


@pytest.fixture(scope="module")
def messages():
    """(context, source) -> translation, as the committed .ts holds them."""
    return catalog.read_ts(TS)


@pytest.fixture(scope="module")
def glossary():
    return tomllib.loads(GLOSSARY.read_text(encoding="utf-8"))["terms"]


def placeholders(text: str) -> Counter:
    """Each ``{field!conv:spec}`` of a str.format text, with how often it appears."""
    return Counter(f"{{{name}{'!' + conv if conv else ''}{':' + spec if spec else ''}}}"
                   for _, name, spec, conv in string.Formatter().parse(text) if name is not None)


def markup(text: str) -> list[str]:
    """The HTML tags and entities of ``text``, in order."""
    return re.findall(r"</?[a-zA-Z][^>]*>|&#?\w+;", text)


def missing_terms(source: str, translation: str, terms: dict[str, str]) -> list[str]:
    """The glossary terms found in ``source`` whose Chinese is not in ``translation``. A term is a
    whole word (plural allowed; a lower-case term matches any case); a longer term takes its
    span, so "cache line" is checked and not the "cache" inside it; placeholders are no words."""
    text = re.sub(r"\{[^{}]*\}", " ", source)
    out = []
    for term in sorted(terms, key=len, reverse=True):
        flags = re.IGNORECASE if term.islower() else 0
        pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?:s|es)?(?![\w-])", flags)
        if pattern.search(text):
            text = pattern.sub(" ", text)
            if terms[term] not in translation:
                out.append(term)
    return out


def test_the_catalog_has_every_string_the_code_translates_and_all_are_translated(messages):
    wanted = {(m.context, m.source) for m in catalog.extract()}
    absent = sorted(wanted - messages.keys())
    assert not absent, ("strings the code translates but the .ts lacks (run python -m hwviz.ui.i18n.catalog "
                        "and translate them):\n" + "\n".join(map(repr, absent)))
    unfinished = sorted(k for k in wanted if not messages[k])
    assert not unfinished, "unfinished in the .ts:\n" + "\n".join(map(repr, unfinished))
    stale = sorted(messages.keys() - wanted)
    assert not stale, "the .ts holds strings the code no longer has:\n" + "\n".join(map(repr, stale))


def test_no_string_is_translated_through_a_variable_the_catalog_cannot_read():
    assert not catalog.untracked_calls(), "tr(variable): write each text as a literal tr(\"...\")"


def test_each_translation_keeps_the_placeholders_and_markup_of_its_source(messages):
    bad = [f"{ctx}: {src!r} -> {zh!r}" for (ctx, src), zh in messages.items()
           if placeholders(src) != placeholders(zh) or sorted(markup(src)) != sorted(markup(zh))
           or src.count("\n") != zh.count("\n")]
    assert not bad, "placeholders, tags or line breaks changed:\n" + "\n".join(bad)


def test_menu_accelerators_and_dialog_ellipses_are_kept(messages):
    for (ctx, src), zh in messages.items():
        accel = re.search(r"&(\w)", src) if ctx == "Menus" else None  # elsewhere & is text ("Q&A")
        if accel:
            assert zh.endswith(f"(&{accel.group(1).upper()})"), (src, zh)
        if src.endswith("…"):
            assert zh.endswith("…"), (src, zh)


def test_glossary_terms_are_translated_with_the_glossary_chinese(messages, glossary):
    used = {}
    bad = []
    for (ctx, src), zh in messages.items():
        for term in missing_terms(src, zh, glossary):
            if (term, src) in EXCEPTIONS:
                used[(term, src)] = True
            else:
                bad.append(f"{term!r} ({glossary[term]}) in {ctx}: {src!r} -> {zh!r}")
    assert not bad, "glossary term not used:\n" + "\n".join(bad)
    assert used.keys() == EXCEPTIONS.keys(), f"exceptions no longer needed: {EXCEPTIONS.keys() - used.keys()}"


def test_the_term_check_finds_a_wrong_term_and_prefers_the_longer_one():
    terms = {"cache": "缓存", "cache line": "缓存线", "core": "核心", "SMT": "超线程"}
    assert missing_terms("one cache line per core", "每个核一条缓存线", terms) == ["core"]
    assert missing_terms("the {cache} of smt", "", terms) == []
    assert missing_terms("Caches and SMT", "高速缓冲", terms) == ["cache", "SMT"]


def test_the_committed_qm_is_what_lrelease_builds_from_the_ts(tmp_path):
    built = tmp_path / "zh_CN.qm"
    catalog.compile_qm(TS, built)
    assert built.read_bytes() == TS.with_suffix(".qm").read_bytes(), \
        "hwviz_zh_CN.qm is stale: run python -m hwviz.ui.i18n.catalog"
