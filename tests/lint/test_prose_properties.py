"""Properties of the prose checks GIA505 (enumeration) and GIA509 (repeated-word), on reports
written by :mod:`gialint.testing` with paragraphs drawn by hypothesis."""

from __future__ import annotations

import random
import re

from hypothesis import example, given
from hypothesis import strategies as st

import gialint
from gialint.analyze.prose import Passage
from gialint.analyze.writing import (
    Repetition,
    _doubled,
    _scopes,
    enumeration_of,
    enumeration_slips,
    markers,
    repetition_of,
)
from gialint.base.diagnostic import Diagnostic
from gialint.base.span import Span
from gialint.formats import load
from gialint.parse.ast import Heading, Layout, NumeralStyle
from gialint.testing import LAYOUTS, consistent_values, render

CODES = ("GIA505", "GIA509")
NUMERALS: list[str] = load().content["enumeration"]["numerals"]  # 一 … 二十
# words of a report, no two sharing a character: a word written twice is the only way a
# paragraph made of them can hold a doubled word, and no word written twice after another
# makes an allowed phrase ("项目" would make "目的的")
WORDS = (
    "政务", "公开", "信息", "平台", "建设", "监督", "保障", "申请", "组织", "领导", "制度", "培训",
    "网站", "审核", "发布", "解读", "回应", "资金", "工程", "落实", "新媒体", "优化营商", "的",
)  # fmt: skip


def test_the_words_share_no_character() -> None:
    characters = "".join(WORDS)
    assert len(set(characters)) == len(characters)
    assert all(len(w) <= load().content["repeated_word"]["longest"] for w in WORDS)
    assert load().content["repeated_word"]["characters"] == ["的"]  # the one word of one character here
    assert not any(p in a + b + b for a in WORDS for b in WORDS for p in repetition_of(load()).allowed)


sentences = st.lists(st.sampled_from(WORDS[:-1]), min_size=2, max_size=8, unique=True).map("".join)
# sentences of words, none twice in a sentence (nor, so, any run of words written twice)
paragraphs = st.lists(st.lists(st.sampled_from(WORDS), min_size=2, max_size=10, unique=True), min_size=1, max_size=4)


def _report(paragraph_lines: list[str], year: int, seed: int, layout: Layout) -> tuple[str, int]:
    """A generated report with ``paragraph_lines`` after the heading of section 一, and the line
    number of the first of them."""
    lines = render(year, consistent_values(year, random.Random(seed)), layout).text.split("\n")
    at = next(i for i, line in enumerate(lines) if line.endswith("总体情况")) + 1
    lines[at:at] = paragraph_lines
    return "\n".join(lines), at + 1


def _findings(text: str) -> list[Diagnostic]:
    return list(gialint.lint_text(text, select=list(CODES)).diagnostics)


def _text(sentences_of_words: list[list[str]]) -> str:
    return "".join("".join(words) + "。" for words in sentences_of_words)


@given(st.sampled_from([2019, 2020, 2021, 2023]), st.integers(0, 2**32), st.sampled_from(LAYOUTS))
def test_a_generated_report_gets_no_finding(year: int, seed: int, layout: Layout) -> None:
    text = render(year, consistent_values(year, random.Random(seed)), layout).text
    assert _findings(text) == []


@given(paragraphs, st.integers(1, 10), st.booleans(), st.integers(0, 2**32), st.sampled_from(LAYOUTS))
def test_well_written_paragraphs_get_no_finding(
    words: list[list[str]], points: int, one_line: bool, seed: int, layout: Layout
) -> None:
    """Sentences without a doubled word and a list 一是 … N是, in one line or one point a line."""
    body = [f"{NUMERALS[n]}是{_text(words)}" for n in range(points)]
    lines = ["".join(body)] if one_line else body
    text, _ = _report(lines, 2021, seed, layout)
    assert _findings(text) == []


@given(paragraphs, st.data())
def test_a_doubled_word_is_caught_where_it_stands(words: list[list[str]], data: st.DataObject) -> None:
    s = data.draw(st.integers(0, len(words) - 1), label="sentence")
    i = data.draw(st.integers(0, len(words[s]) - 1), label="word")
    word = words[s][i]
    words[s][i : i + 1] = [word, word]
    paragraph = _text(words)
    second = len(_text(words[:s])) + len("".join(words[s][: i + 1]))
    text, line = _report([paragraph], 2020, data.draw(st.integers(0, 2**32)), Layout.TSV)
    found = [(d.code, d.span.line, d.span.column, d.span.end_column) for d in _findings(text)]
    assert found == [("GIA509", line, second + 1, second + 1 + len(word))]


@given(st.integers(2, 10), st.data())
def test_a_changed_point_number_is_caught_at_that_point(points: int, data: st.DataObject) -> None:
    """一是 … N是 with the k-th marker (k ≥ 2; a list whose first marker is not 一 cannot be told
    from one whose start is out of view) changed to another number: one finding, there."""
    k = data.draw(st.integers(2, points), label="changed point")
    m = data.draw(st.integers(2, points + 1).filter(lambda m: m != k), label="written number")
    numbers = [m if n == k else n for n in range(1, points + 1)]
    sentence = data.draw(sentences, label="sentence")
    body = [f"{NUMERALS[n - 1]}是{sentence}。" for n in numbers]
    one_line = data.draw(st.booleans(), label="one line")
    lines = ["".join(body)] if one_line else body
    text, first = _report(lines, 2021, data.draw(st.integers(0, 2**32)), Layout.TSV)
    line, column = (first, 1 + len("".join(body[: k - 1]))) if one_line else (first + k - 1, 1)
    found = _findings(text)
    assert [(d.code, d.span.line, d.span.column) for d in found] == [("GIA505", line, column)]
    assert f"应为“{NUMERALS[k - 1]}是”" in found[0].message.zh


# few characters, so that words are written twice often; a space, digits, a character beyond
# the Basic Multilingual Plane and a lone surrogate (text decoded with errors kept) among them
_ALPHABET = st.one_of(
    st.sampled_from(["公", "开", "信", "息", "的", "一", " ", "0", "1", "\n", "。", "𠀀", "\udc80"]), st.characters()
)


# a doubled word at the end of a text; a run of equal characters longer than a word
@example("优化营商建设建设。", 4)
@example("公公公公公公公公公", 3)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.integers(2, 6))
def test_doubled_words_are_those_the_pattern_finds_at_every_character(text: str, longest: int) -> None:
    pattern = re.compile(f"(?P<word>[\u4e00-\u9fff]{{2,{longest}}})(?P=word)")
    base = repetition_of(load())
    config = Repetition(
        pattern, longest, base.characters, base.counts, base.numerals, base.allowed, base.sentence_marks
    )
    assert [m.span() for m in _doubled(text, config)] == [m.span() for m in pattern.finditer(text)]


def _plain_markers(text: str) -> list[tuple[int, int, int, int]]:
    """(family, number, start, end) of every marker, by the templates as plain patterns: the
    numeral as a class of characters before what follows it, one pattern per template."""
    raw = load().content["enumeration"]
    numerals: list[str] = raw["numerals"]
    characters = re.escape("".join(sorted(set("".join(numerals)))))
    numeral = {"{zh}": f"(?P<num>[{characters}][{characters}]?)", "{n}": "(?P<num>[0-9][0-9]?)"}
    numbers = {n: i + 1 for i, n in enumerate(numerals)} | {str(i): i for i in range(1, 21)}
    found = []
    for index, family in enumerate(raw["family"]):
        not_before = family.get("not_before", "")
        for template in family["templates"]:
            before, placeholder, after = re.split(r"(\{zh\}|\{n\})", template, maxsplit=1)
            pattern = re.escape(before) + numeral[placeholder] + re.escape(after)
            pattern += f"(?![{re.escape(not_before)}])" if not_before else ""
            for m in re.finditer(pattern, text):
                number = numbers.get(m["num"])
                if number is not None and not text[m.start("num") - 1 : m.start("num")].isdigit():
                    found.append((index, number, m.start(), m.end()))
    return sorted(found, key=lambda f: f[2])


_MARKER_PIECES = ["一", "二", "十", "三", "是", "1", "2", "0", ".", "．", "、", "（", "(", "）", ")", "，", "统", " "]


@example("二十一是，十二三是。2021.1、12．")
@given(st.lists(st.sampled_from(_MARKER_PIECES), max_size=40).map("".join))
def test_markers_are_those_of_the_templates_as_plain_patterns(text: str) -> None:
    config = enumeration_of(load())
    assert [(m.family, m.number, m.start, m.end) for m in markers(text, config)] == _plain_markers(text)


# points in and out of order, and numerals cut from what follows them
_SLIP_PIECES = ["一是", "二是", "三是", "五是", "（一）", "（二）", "（四）", "1.", "2.", "4、", "三", "是", "，", "工作"]  # fmt: skip


def _slips_scope_by_scope(passages: list[Passage]) -> list[tuple[int, int, int, str, str]]:
    """GIA505's slips with each scope (a run of one subsection's passages) read as a text of its
    own: what :func:`enumeration_slips` finds in one text for the whole report."""
    found = []
    for scope in _scopes(passages):
        found.extend((s.passage.index, s.start, s.end, s.found, s.expected) for s in enumeration_slips(scope, load()))
    return found


@given(
    st.lists(
        st.tuples(st.integers(0, 2), st.lists(st.sampled_from(_SLIP_PIECES), max_size=8).map("".join)),
        min_size=1,
        max_size=8,
    )
)
def test_the_slips_of_one_scan_are_those_of_each_scope_read_alone(runs: list[tuple[int, str]]) -> None:
    """Passages in runs under three subsection headings, a run often cut between a numeral and
    what follows it: the scopes joined into one text change nothing."""
    headings = [Heading(f"（{n}）工作", n, "工作", NumeralStyle.PAREN_CHINESE, Span(1, 1, 1, 6)) for n in "一二三"]
    section = load().sections[0]
    passages = [
        Passage(text, Span(i + 1, 1, i + 1, len(text) + 1), section, headings[h], i) for i, (h, text) in enumerate(runs)
    ]
    found = [(s.passage.index, s.start, s.end, s.found, s.expected) for s in enumeration_slips(passages, load())]
    assert found == _slips_scope_by_scope(passages)


# "是" held more often than _FEW (one scan), "（" and "、" a few times (tried where they stand)
@example("一是" * 30 + "（一）（二）12、")
@given(st.lists(st.sampled_from(_MARKER_PIECES), max_size=120).map("".join))
def test_each_template_matches_as_finditer_does_whether_its_literal_is_rare_or_common(text: str) -> None:
    from gialint.analyze.writing import _matches

    config = enumeration_of(load())
    for family in config.families:
        for template in family.templates:
            assert [m.span() for m in _matches(template, text)] == [m.span() for m in template.pattern.finditer(text)]


@example("优化营商建设建设。", 4)
@example("公公公公公公公公公", 3)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.integers(2, 4))
def test_the_two_ways_of_finding_where_a_word_may_be_doubled_agree(text: str, longest: int) -> None:
    # the compiled build reads code points one by one, the pure-Python build compares shifted
    # integers of the lowest bytes: the first finds exactly where two characters recur k on
    from gialint.analyze.writing import _repeat_starts_by_character, _repeat_starts_by_shift

    exact = [
        i
        for i in range(len(text))
        if any(i + k + 2 <= len(text) and text[i : i + 2] == text[i + k : i + k + 2] for k in range(2, longest + 1))
    ]
    assert _repeat_starts_by_character(text, longest) == exact
    assert set(exact) <= set(_repeat_starts_by_shift(text, longest))
