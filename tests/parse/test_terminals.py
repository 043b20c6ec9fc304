"""Terminals of grammars/report.lark checked against what their comments say they match."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from gialint.parse.tables import load_tables

TERMINALS = dict(load_tables().terminals)


@given(st.text(alphabet="\t a汉1\u3000|", max_size=14))
def test_a_tsv_row_has_a_tab_after_content_or_two_tabs(line: str) -> None:
    """TSV_ROW: a line whose first tab follows a non-space, or with two tabs or more."""
    first = line.find("\t")
    expected = first >= 0 and ((first > 0 and not line[first - 1].isspace()) or line.count("\t") >= 2)
    assert (re.fullmatch(TERMINALS["TSV_ROW"], line) is not None) == expected


HEADINGS = ("SECTION_HEADING", "SUBSECTION_HEADING", "BARE_HEADING")
_HEADING_LINES = ("一、总体情况", "（二）主动公开", "3.其他", "行政复议情况", "二、", "本年度情况。", "（1）", "a", "#")


def test_a_heading_may_open_with_a_markdown_mark() -> None:
    """One to six "#", spaces after them or not, before any heading; seven are no mark."""
    for name in HEADINGS:
        for line in _HEADING_LINES:
            plain = re.fullmatch(TERMINALS[name], line) is not None
            for marks in range(9):
                for spaces in ("", " ", "\t", "\u3000", " \u3000\t"):
                    marked = re.fullmatch(TERMINALS[name], "#" * marks + spaces + line) is not None
                    assert marked == (plain and marks <= 6), (name, marks, spaces, line)
