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


def _without_lookahead(pattern: str) -> str:
    """The heading's pattern without the look-ahead it opens with (which ends where the optional
    Markdown mark starts)."""
    assert pattern.startswith("(?=")
    return pattern[pattern.index(")#{0,6}") + 1 :]


_HEADING_PIECES = st.sampled_from(
    [
        "#",
        " ",
        "\t",
        "\u3000",
        "一",
        "十",
        "3",
        "（",
        "(",
        "）",
        "二、",
        "1.",
        "情况",
        "事项",
        "措施",
        "概况",
        "概述",
        "况",
        "、",
        "工作",
        "报告",
        "。",
        "，",
        "a",
        "|",
    ]
)


@given(st.lists(_HEADING_PIECES, max_size=10).map("".join))
def test_the_headings_look_ahead_only_at_what_their_patterns_imply(line: str) -> None:
    """Each heading's opening look-ahead turns away no line its pattern would take."""
    for name in HEADINGS:
        plain = re.compile(_without_lookahead(TERMINALS[name]))
        assert (re.fullmatch(TERMINALS[name], line) is None) == (plain.fullmatch(line) is None), (name, line)
        assert (re.fullmatch(TERMINALS[name], line + " x") is None) == (plain.fullmatch(line + " x") is None)


def test_the_headings_look_aheads_are_kept_exact_on_real_lines() -> None:
    for line in (
        *_HEADING_LINES,
        "四、政府信息公开行政复议、行政诉讼情况  ",
        "  （三）其他情况\u3000",
        "## 五、存在的主要问题及改进情况",
        "1、总体情况",
        "9、其他事项",
        "年度工作概况",
        "工作概述",
        "整改措施",
        "其他需要报告的事项",
        "４.其他",
    ):
        for name in HEADINGS:
            plain = _without_lookahead(TERMINALS[name])
            assert (re.fullmatch(TERMINALS[name], line) is None) == (re.fullmatch(plain, line) is None), (name, line)


@given(st.lists(_HEADING_PIECES, max_size=30).map("".join))
def test_a_subsection_headings_possessive_tail_takes_the_lines_the_greedy_one_would(line: str) -> None:
    """SUBSECTION_HEADING's last repeat gives nothing back ("{0,50}+"): a line is one whole, as
    the lexer asks (to its end), exactly when it would be with the repeat giving back."""
    pattern = TERMINALS["SUBSECTION_HEADING"]
    assert pattern.endswith("{0,50}+")
    greedy = pattern[: -len("+")]
    for text in (line, "（一）" + line, "12." + line, "（一）" + line * 3):
        assert (re.fullmatch(pattern, text) is None) == (re.fullmatch(greedy, text) is None), text
