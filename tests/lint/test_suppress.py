"""Inline suppressions: what each form covers, and that comment lines never change the parse."""

from __future__ import annotations

import pytest

import gialint
from conftest import BASE
from gialint.analyze.suppress import find_suppressions

REPORT = (BASE / "report-2020.txt").read_text(encoding="utf-8")
TAB = (BASE / "report-2020-tab.txt").read_text(encoding="utf-8")


def with_lines(text: str, inserts: dict[int, str], replace: dict[int, str] | None = None) -> str:
    lines = text.split("\n")
    for number, line in (replace or {}).items():
        lines[number - 1] = line
    for number in sorted(inserts, reverse=True):
        lines.insert(number - 1, inserts[number])
    return "\n".join(lines)


def values(text: str) -> dict[tuple[str, str, str], str]:
    doc = gialint.parse_text(text)
    return {(t.id, r.key, c.id): cell.text for t in doc.tables for r, c, cell in t.value_cells()}


UNIT = {13: "行政许可\t5件\t-3\t8", 17: "行政处罚\t3件\t6\t3"}  # two GIA402 findings


def found(text: str) -> list[tuple[str, int]]:
    return [(d.code, d.span.line) for d in gialint.lint_text(text, select=["GIA402", "GIA901"]).diagnostics]


def test_ignore_covers_the_next_line_that_is_not_blank_or_a_comment() -> None:
    text = with_lines(REPORT, {13: "<!-- gialint: ignore GIA402 件 as in the source -->"}, UNIT)
    assert found(text) == [("GIA402", 18)]  # line 13 moved to 14 and is suppressed; 17 moved to 18
    text = with_lines(REPORT, {13: "<!-- gialint: ignore unit-in-cell -->", 14: "<!-- another comment -->"}, UNIT)
    assert found(text) == [("GIA402", 19)]  # by name; the comment line in between is passed over


def test_disable_and_enable_cover_a_range() -> None:
    text = with_lines(
        REPORT, {12: "<!-- gialint: disable GIA4 copied from the system -->", 18: "<!-- gialint: enable -->"}, UNIT
    )
    assert found(text) == []
    text = with_lines(REPORT, {12: "<!-- gialint: disable GIA402 -->", 15: "<!-- gialint: enable GIA402 -->"}, UNIT)
    assert found(text) == [("GIA402", 19)]
    text = with_lines(REPORT, {16: "<!-- gialint: disable GIA402 -->"}, UNIT)  # never enabled: to the end
    assert found(text) == [("GIA402", 13)]


def test_ignore_file() -> None:
    text = with_lines(REPORT, {60: "<!-- gialint: ignore-file GIA402 figures copied as published -->"}, UNIT)
    assert found(text) == []


def test_suppressed_findings_are_not_fixed_or_counted() -> None:
    text = with_lines(REPORT, {13: "<!-- gialint: ignore GIA402 -->"}, UNIT)
    result = gialint.lint_text(text)
    assert [(d.code, d.span.line) for d in result.diagnostics if d.code == "GIA402"] == [("GIA402", 18)]


@pytest.mark.parametrize("base", [REPORT, TAB], ids=["tsv", "tab"])
def test_comment_lines_anywhere_leave_the_tables_as_they_were(base: str) -> None:
    lines = base.split("\n")
    expected = values(base)
    for number in range(2, len(lines), 3):  # a comment before every third line
        text = with_lines(base, {number: "<!-- gialint: ignore GIA402 -->"})
        got = values(text)
        assert got == expected, f"a comment before line {number} changed the tables"


def test_directives_are_read_with_their_reason_and_lines() -> None:
    text = "x\n<!-- gialint: ignore GIA402,GIA403 件 is in the source -->\n\ny\n<!-- gialint: disable GIA4 -->\nz\n<!-- gialint: enable GIA4 -->\n"
    found_ = find_suppressions(text)
    first, second = found_.items
    assert first.selectors == ("GIA402", "GIA403") and first.reason == "件 is in the source"
    assert (first.first_line, first.last_line) == (4, 4)
    assert (second.first_line, second.last_line) == (6, 6)
    assert found_.malformed == ()


def test_crlf_text_is_suppressed_the_same() -> None:
    text = with_lines(REPORT, {13: "<!-- gialint: ignore GIA402 -->"}, UNIT).replace("\n", "\r\n")
    assert found(text) == [("GIA402", 18)]
