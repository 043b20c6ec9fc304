"""The five real reports of the corpus (tests/fixtures/seeds): what gialint must find in them."""

from __future__ import annotations

import gialint
from conftest import seed
from gialint.analyze.year import YearSource
from gialint.base.diagnostic import Severity


def findings(prefix: str) -> list[tuple[str, int]]:
    return [(d.code, d.span.line) for d in gialint.lint_path(seed(prefix)).diagnostics]


def test_000_units_and_plus_sign_hubei_labels_accepted() -> None:
    result = gialint.lint_path(seed("000"))
    found = [(d.code, d.span.line) for d in result.diagnostics]
    # every number cell with a unit: 24大项, 151件, 11个, 50423023.14元
    assert [line for code, line in found if code == "GIA402"] == [48, 50, 98, 99]
    assert ("GIA403", 49) in found  # +6
    assert not [d for d in result.diagnostics if d.code.startswith("GIA1") and d.severity is Severity.ERROR]
    assert not [c for c, _ in found if c.startswith(("GIA2", "GIA3"))]


def test_000_cell_locations() -> None:
    cells = {d.span.line: d.span for d in gialint.lint_path(seed("000")).diagnostics if d.code == "GIA402"}
    assert (cells[48].column, cells[48].end_column) == (6, 10)  # "\t    24大项"
    assert (cells[99].column, cells[99].end_column) == (2, 14)  # "\t50423023.14元"


def test_001_pipe_layout_without_title() -> None:
    result = gialint.lint_path(seed("001"))
    found = [(d.code, d.span.line) for d in result.diagnostics]
    assert ("GIA105", 1) in found  # no title
    labels = {d.span.line: d for d in result.diagnostics if d.code == "GIA203"}
    assert sorted(labels) == [205, 351]
    assert labels[205].expected == "1.属于国家秘密" and labels[205].found == "1.属于国家机密"
    assert labels[351].expected == "2.没有现成信息需要另行制作"
    assert ("GIA403", 50) in found  # 增318件
    assert result.document.year is not None
    assert result.document.year.year == 2020 and result.document.year.source is YearSource.BODY
    assert not [c for c, _ in found if c in ("GIA101", "GIA201") or c.startswith("GIA3")]


def test_002_section_without_numeral_is_still_section_four() -> None:
    result = gialint.lint_path(seed("002"))
    found = [(d.code, d.span.line) for d in result.diagnostics]
    assert ("GIA103", 366) in found
    assert "GIA101" not in [c for c, _ in found]
    four = [f for f in result.document.sections if f.identified and f.identified.spec.numeral == "四"]
    assert [f.section.heading.span.line for f in four] == [366]
    assert ("GIA403", 75) in found  # －2
    assert ("GIA402", 101) in found  # 66.36万元
    assert not [c for c, _ in found if c.startswith("GIA3")]


def test_003_is_clean_2021_report_but_for_the_fee() -> None:
    result = gialint.lint_path(seed("003"))
    assert {t.template.version for t in result.document.tables} == {"2021"}
    assert result.document.version == "2021"
    # its tables are right; section 六 says only "无", where the 2021 format asks for the 信息处理费
    found = [(d.code, d.span.line) for d in result.diagnostics if d.severity >= Severity.WARNING]
    assert found == [("GIA502", 90)]


def test_004_arabic_heading_and_dash_zero_mix() -> None:
    result = gialint.lint_path(seed("004"))
    found = [(d.code, d.span.line) for d in result.diagnostics]
    assert ("GIA103", 5) in found
    mixes = [d for d in result.diagnostics if d.code == "GIA401"]
    assert len(mixes) == 1
    t3 = result.document.table("t3")
    assert t3 is not None and t3.span.line <= mixes[0].span.line <= t3.span.end_line
    # 0 in 自然人 (16 cells) is the less-used style; its first cell is （二）部分公开 / 自然人
    assert mixes[0].span.line == t3.cell("partial", "natural").span.line == 139
    assert "16" in mixes[0].message.zh and "123" in mixes[0].message.zh
    assert not [c for c, _ in found if c.startswith("GIA3")]


def test_004_arithmetic_reads_dashes_as_zero() -> None:
    doc = gialint.lint_path(seed("004")).document
    t3 = doc.table("t3")
    assert t3 is not None
    assert t3.cell("new", "commercial").value.amount == 1
    assert t3.cell("new", "public_interest").value.is_empty
    assert t3.cell("new", "total").value.amount == 30
