"""Every format gives the same answer: the seeds written as .docx, .html, .pdf and .md.

The files are made from the seed texts by :mod:`gialint.testing.writers` (python-docx,
HTML with a site's chrome around the report, reportlab), then read back by gialint.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import BASE, REPORTS, seed, written
from gialint.base.location import DocxCell, FilePosition, PdfPosition
from gialint.read import read_bytes
from gialint.run.api import LintResult, lint_bytes, lint_text

DEFECTS = BASE / "defects-2021.txt"  # arithmetic, label, unit and dash findings

KINDS = {
    "docx": "report.docx",
    "html": "report.html",
    "html-gb2312": "report.htm",
    "pdf": "report.pdf",
    "md": "report.md",
}


def _values(result: LintResult) -> dict[tuple[str, str, str], tuple[str, str | None]]:
    """Every statistic: (table, row, column) -> (kind, amount)."""
    return {
        (table.id, row.key, column.id): (cell.value.kind.value, str(cell.value.amount))
        for table, row, column, cell in result.document.value_cells()
    }


def _year(result: LintResult) -> int | None:
    return result.document.year.year if result.document.year else None


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize("path", REPORTS, ids=[p.stem[:12] for p in REPORTS])
def test_same_values_and_findings_in_every_format(path: Path, kind: str) -> None:
    text = lint_text(path.read_text(encoding="utf-8"))
    other = lint_bytes(written(path, kind), KINDS[kind])
    assert other.file_format == ("markdown" if kind == "md" else kind.split("-")[0])
    assert _values(other) == _values(text)
    assert len(_values(text)) > 20
    assert Counter(d.code for d in other.diagnostics) == Counter(d.code for d in text.diagnostics)
    assert _year(other) == _year(text)
    if kind not in ("md",):
        assert all(d.location is not None for d in other.diagnostics)


def _finding(result: LintResult, code: str) -> tuple[int, object]:
    found = next(d for d in result.diagnostics if d.code == code)
    return found.span.line, found.location


def test_docx_locations_name_the_word_table_cell() -> None:
    import io

    import docx

    data = written(DEFECTS, "docx")
    result = lint_bytes(data, "r.docx")
    document = docx.Document(io.BytesIO(data))
    checked = 0
    for d in result.diagnostics:
        if not isinstance(d.location, DocxCell) or d.found is None:
            continue
        table = document.tables[d.location.table - 1]
        cell = table.rows[d.location.row - 1].cells[d.location.column - 1]
        assert d.found in cell.text.replace(",", "")
        checked += 1
    assert checked >= 3  # 239 (a wrong total), "－" (a dash for a number), 国家机密 (a label variant)


def test_html_locations_are_lines_and_columns_of_the_page() -> None:
    data = written(DEFECTS, "html-gb2312")
    result = lint_bytes(data, "r.html")
    lines = data.decode("gbk").split("\n")
    checked = 0
    for d in result.diagnostics:
        assert isinstance(d.location, FilePosition)
        if d.found is not None:
            at = lines[d.location.line - 1][d.location.column - 1 :]
            assert at.startswith(d.found), (d.code, at[:20])
            checked += 1
    assert checked >= 3  # 239 (a wrong total), "－" (a dash for a number), 国家机密 (a label variant)


def test_pdf_locations_give_page_line_and_a_box_holding_the_cell() -> None:
    import pypdfium2

    data = written(DEFECTS, "pdf")
    result = lint_bytes(data, "r.pdf")
    checked = 0
    pdf = pypdfium2.PdfDocument(data)
    for d in result.diagnostics:
        assert isinstance(d.location, PdfPosition)
        if d.found is not None:
            page = pdf[d.location.page - 1]
            height = page.get_size()[1]
            x0, top, x1, bottom = d.location.box  # top-down; PDFium counts from the foot of the page
            inside = page.get_textpage().get_text_bounded(x0, height - bottom, x1, height - top)
            assert d.found in inside.replace("\r", "").replace("\n", "")
            checked += 1
    pdf.close()
    assert checked >= 3  # 239 (a wrong total), "－" (a dash for a number), 国家机密 (a label variant)


def test_pdf_drops_page_numbers_and_joins_wrapped_paragraphs() -> None:
    text = read_bytes(written(seed("000"), "pdf"), "r.pdf").text
    source = seed("000").read_text(encoding="utf-8")
    assert "- 1 -" not in text and "- 2 -" not in text
    longest = max(source.splitlines(), key=len).strip()
    assert len(longest) > 150 and longest in text  # a paragraph over several PDF lines is one line again


def test_a_table_across_pages_is_one_table() -> None:
    result = lint_bytes(written(seed("000"), "pdf"), "r.pdf")
    t3 = result.document.table("t3")
    assert t3 is not None and len(t3.sources) == 1
    pages = {d.location.page for d in result.diagnostics if isinstance(d.location, PdfPosition)}
    assert len(pages) > 1


def test_html_finds_the_report_inside_the_site_chrome() -> None:
    text = read_bytes(written(seed("002"), "html"), "r.html").text
    assert text.startswith("济宁市城市管理局2020年政府信息公开\n工作年度报告\n")
    for chrome in ("首页", "当前位置", "相关链接", "主办单位", "备案号"):
        assert chrome not in text
