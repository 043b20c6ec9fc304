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
