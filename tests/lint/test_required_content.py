"""The required-content rules (GIA502–GIA507) beyond their YAML cases: on every real report, on
generated reports in every layout, and the text they read (a section joined from its pieces)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import gialint
from conftest import BASE, FIXTURES, SEEDS
from gialint.analyze.required import required_content
from gialint.analyze.section_text import Piece, Prose, fold, section_matches, section_prose
from gialint.analyze.year_claims import _PERIOD_REST, _YEAR, _periods, _this_year
from gialint.base.span import Span
from gialint.formats import load
from gialint.testing import LAYOUTS, PROSE, consistent_values, render

CODES = ("GIA502", "GIA503", "GIA504", "GIA506", "GIA507")
ROOT = Path(__file__).resolve().parents[2]
REAL = FIXTURES / "real"

#: Every finding of these rules on the real reports, the seeds and the examples, each read by
#: hand: the blank template states nothing (its placeholders are not text); 三明 2021 and seed 003
#: are 2021 reports whose section 六 is only "无"; seed 004 (and the example made from it) says it
#: has five parts. The 2011 report is not of the format: GIA206 takes it over. Everything else
#: states what the format requires.
EXPECTED: dict[str, list[tuple[str, int]]] = {
    "blank-template-2021.docx": [("GIA503", 2), ("GIA504", 59), ("GIA502", 61)],
    "generated/blank-template-2021.libreoffice.pdf": [("GIA503", 2), ("GIA504", 59), ("GIA502", 61)],
    "sanming-2021-crawl.txt": [("GIA502", 507)],
    "seeds/003_8775b43b601402e9.txt": [("GIA502", 90)],
    "seeds/004_666ea03b608989f8.txt": [("GIA506", 4)],
    "examples/hangzhou-2020.txt": [("GIA506", 4)],
}


def _corpus() -> list[tuple[str, Path]]:
    tooling = {"README.md", "expected.json", "generate.sh", "unreadable-font.pdf"}
    files = [(str(p.relative_to(REAL)), p) for p in sorted(REAL.rglob("*")) if p.is_file() and p.name not in tooling]
    files += [(f"seeds/{p.name}", p) for p in sorted(SEEDS.iterdir())]
    files += [(f"examples/{p.name}", p) for p in sorted((ROOT / "examples").glob("*.txt"))]
    files += [(f"base/{p.name}", p) for p in sorted(BASE.glob("*.txt"))]
    return files


@pytest.mark.parametrize(("name", "path"), _corpus(), ids=[name for name, _ in _corpus()])
def test_findings_on_real_and_sample_reports(name: str, path: Path) -> None:
    result = gialint.lint_path(path)
    found = [(d.code, d.span.line) for d in result.diagnostics if d.code in CODES]
    assert found == EXPECTED.get(name, [])


def test_every_expected_file_exists() -> None:
    assert set(EXPECTED) <= {name for name, _ in _corpus()}


YEARS = st.sampled_from([2019, 2020, 2021, 2022, 2024])


@given(YEARS, st.integers(0, 2**32), st.sampled_from(LAYOUTS))
def test_generated_reports_state_what_the_format_requires(year: int, seed: int, layout: object) -> None:
    rendered = render(year, consistent_values(year, random.Random(seed)), layout)  # type: ignore[arg-type]
    assert gialint.lint_text(rendered.text, select=list(CODES)).diagnostics == ()


@given(st.sampled_from([2021, 2022, 2024]), st.integers(0, 2**32), st.sampled_from(LAYOUTS))
def test_a_bare_none_in_section_six_is_found_in_every_layout(year: int, seed: int, layout: object) -> None:
    text = render(year, consistent_values(year, random.Random(seed)), layout).text  # type: ignore[arg-type]
    text = text.replace("本年度未收取信息处理费。", "无。")
    lines = text.split("\n")
    heading = next(i for i, line in enumerate(lines) if line.endswith("六、其他需要报告的事项")) + 1
    found = [(d.code, d.span.line) for d in gialint.lint_text(text, select=list(CODES)).diagnostics]
    assert found == [("GIA502", heading)]


@given(YEARS, st.integers(0, 2**32), st.sampled_from(LAYOUTS))
def test_a_bare_none_in_section_five_and_a_copied_title_year_are_found(year: int, seed: int, layout: object) -> None:
    # a report made from last year's: the title gets the new year, section 一 keeps the old one
    text = render(year, consistent_values(year, random.Random(seed)), layout).text  # type: ignore[arg-type]
    text = text.replace(PROSE["problems"], "无。").replace(f"某某局{year}年", f"某某局{year + 1}年", 1)
    lines = text.split("\n")
    five = next(i for i, line in enumerate(lines) if line.endswith("五、存在的主要问题及改进情况")) + 1
    opening = next(i for i, line in enumerate(lines) if line.startswith(f"{year}年，本机关")) + 1
    found = [(d.code, d.span.line, d.span.column) for d in gialint.lint_text(text, select=list(CODES)).diagnostics]
    assert sorted(found) == sorted([("GIA504", five, 1), ("GIA507", opening, 1)])


def test_crawler_line_breaks_are_joined_and_mapped_back() -> None:
    # a crawler breaks lines wherever the page had a tag ("202\n1\n年"): the section reads as one
    # text, and a match across the pieces points from its first to its last character
    lines = (BASE / "report-2021.txt").read_text(encoding="utf-8").split("\n")
    lines[4:5] = ["202", "1", "年，本机关主动公开和依申请公开依法有序。"]
    doc = gialint.parse_text("\n".join(lines))
    overview = section_prose(doc, 1)
    assert overview is not None and overview.text.startswith("2021年,本机关")
    start = overview.text.index("2021")
    assert tuple(overview.span_of(start, start + 5)) == (5, 1, 7, 2)
    assert tuple(overview.span_of(start + 5, start + 8)) == (7, 2, 7, 5)  # "本机关", within one line


def test_heading_line_words_are_the_sections_text() -> None:
    lines = (BASE / "report-2021.txt").read_text(encoding="utf-8").split("\n")
    lines[59:61] = ["六、其他需要报告的事项：无"]
    other = section_prose(gialint.parse_text("\n".join(lines)), 6)
    assert other is not None and other.text == "无"
    assert tuple(other.span_of(0, 1)) == (60, 13, 60, 14)
    assert tuple(other.anchor) == (60, 1, 60, 14)


def test_fold_keeps_offsets() -> None:
    assert fold("统计期限为２０２１年（全年）：无，１２月") == "统计期限为2021年(全年):无,12月"
    assert len(fold("\u3000ＡＢ，。")) == 5


@pytest.mark.parametrize(
    ("written", "index"),
    [
        ("总体情况", 1),
        ("概述", 1),
        ("主动公开", 2),
        ("依申请公开情况", 3),
        ("被申请行政复议和提起行政诉讼情况", 4),
        ("提起行政诉讼的情况", 4),
        ("问题及改进", 5),
        ("信息公开工作存在的主要问题及改进情况", 5),
        ("其他事项", 6),
        ("政府信息公开收费及减免情况", None),
        ("政府信息公开情况统计表", None),
    ],
)
def test_a_listed_part_names_a_section_leniently(written: str, index: int | None) -> None:
    spec = section_matches(written, load())
    assert (spec.index if spec else None) == index


@given(st.text(st.sampled_from("，：（）ＡＢ０９\u3000。、年度 ,a") | st.characters(), max_size=60))
def test_fold_is_the_character_by_character_translation(text: str) -> None:
    wide = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
    assert fold(text) == text.translate(wide)


_YEAR_PIECES = [
    "本年度",
    "本年",
    "今年",
    "全年",
    "年",
    "度",
    "(",
    ")",
    "（",
    "2021",
    "1999",
    "20",
    "2",
    "0",
    " ",
    "\n",
    "x",
]


@example("今年 \n(2021年)，本年(2020)")
@given(st.lists(st.sampled_from(_YEAR_PIECES), max_size=30).map("".join))
def test_this_year_claims_are_those_of_the_words_then_a_bracketed_year(text: str) -> None:
    words = required_content(load()).years
    which = "|".join(re.escape(w) for w in sorted(words.this_year_words, key=len, reverse=True))
    pattern = re.compile(r"(?:" + which + r")\s*\(\s*" + _YEAR + r"\s*年?度?\s*\)")  # the plain pattern
    span = Span(1, 1, 1, len(text) + 1)
    prose = Prose(text, ((0, Piece(text, span)),), span)
    found = [(c.year, c.span.column) for c in _this_year(prose, words)]
    assert found == [(int(m["year"]), 1 + m.start("year")) for m in pattern.finditer(text)]


_PERIOD_PIECES = [
    "2021",
    "1999",
    "2020",
    "20",
    "19",
    "1",
    "0",
    "12",
    "31",
    "年",
    "月",
    "日",
    "起",
    "至",
    "-",
    " ",
    "。",
]
_PERIOD_PIECES += ["2021年1月1日至2021年12月31日", "2019年01月01日起到12月31日", "统计期限"]


@example("2021年1月1日至2021年12月31日，12019年1月1日至12月31日")
@given(st.lists(st.sampled_from(_PERIOD_PIECES), max_size=25).map("".join))
def test_periods_are_those_of_one_pattern_for_both_centuries(text: str) -> None:
    pattern = re.compile(_YEAR + _PERIOD_REST)  # "(?:19|20)" in one pattern
    span = Span(1, 1, 1, len(text) + 1)
    prose = Prose(text, ((0, Piece(text, span)),), span)
    claims = [(c.year, c.span.column) for c in _periods(prose, required_content(load()).years, anywhere=True)]
    expected = [(int(m[g]), 1 + m.start(g)) for m in pattern.finditer(text) for g in ("year", "end") if m[g]]
    assert claims == expected
