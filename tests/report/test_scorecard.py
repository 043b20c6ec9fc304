"""The scorecard: a row per report (sorted by agency and year), a row per rule."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from lxml import etree

from gialint.base.diagnostic import Diagnostic, Severity, Text
from gialint.base.span import Span
from gialint.lint.registry import rule_index
from gialint.lint.result import FileError, LintResult
from gialint.report import ReportOptions, get_reporter
from gialint.report.scorecard import scorecard_rows

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _finding(code: str, severity: Severity) -> Diagnostic:
    return Diagnostic(code, code.lower(), severity, Span(1, 1, 1, 2), Text("问题", "problem"))


def _result(path: str, agency: str | None, year: int | None, *codes: tuple[str, Severity]) -> LintResult:
    return LintResult(path, tuple(_finding(c, s) for c, s in codes), None, "", agency=agency, year=year, version="2021")


RESULTS = [
    _result("b2022.txt", "乙局", 2022, ("GIA302", Severity.ERROR), ("GIA302", Severity.ERROR)),
    _result("none.txt", None, None, ("GIA206", Severity.ERROR)),
    _result("a2023.txt", "甲局", 2023, ("GIA402", Severity.WARNING)),
    _result("a2021.txt", "甲局", 2021, ("GIA302", Severity.ERROR), ("GIA105", Severity.INFO)),
]
ERRORS = [FileError("bad.pdf", "the PDF is damaged")]


def test_one_row_per_report_sorted_by_agency_and_year_with_counts_per_severity_and_rule() -> None:
    spec, rows, _, _ = scorecard_rows(RESULTS, ERRORS, "en")
    codes = [rule.code for rule in rule_index().rules]
    assert spec.columns[:9] == (
        "file",
        "agency",
        "year",
        "version",
        "readable",
        "why unreadable",
        "errors",
        "warnings",
        "infos",
    )
    assert list(spec.columns[9:]) == sorted(codes)
    assert [row[0] for row in rows] == [
        "b2022.txt",
        "a2021.txt",
        "a2023.txt",
        "bad.pdf",
        "none.txt",
    ]  # 乙 (U+4E59) before 甲 (U+7532)
    by_file = {row[0]: dict(zip(spec.columns, row, strict=True)) for row in rows}
    a2021 = by_file["a2021.txt"]
    assert (a2021["agency"], a2021["year"], a2021["version"], a2021["readable"]) == ("甲局", 2021, "2021", "yes")
    assert (a2021["errors"], a2021["warnings"], a2021["infos"]) == (1, 0, 1)
    assert (a2021["GIA302"], a2021["GIA105"], a2021["GIA402"]) == (1, 1, 0)
    assert by_file["b2022.txt"]["GIA302"] == 2 and by_file["b2022.txt"]["errors"] == 2
    bad = by_file["bad.pdf"]
    assert (bad["readable"], bad["why unreadable"], bad["errors"], bad["GIA302"]) == (
        "no",
        "the PDF is damaged",
        None,
        None,
    )


def test_one_row_per_rule_across_reports() -> None:
    _, _, spec, rows = scorecard_rows(RESULTS, ERRORS, "en")
    assert spec.columns == ("rule", "name", "severity", "reports", "findings")
    by_rule = {row[0]: row for row in rows}
    assert by_rule["GIA302"][2:] == ("error", 2, 3)
    assert by_rule["GIA402"][2:] == ("warning", 1, 1)
    assert by_rule["GIA301"][2:] == (None, 0, 0)  # a rule that found nothing has its row
    assert len(rows) == len(rule_index().rules)


def test_headers_are_chinese_by_default() -> None:
    spec, rows, rule_spec, _ = scorecard_rows(RESULTS, ERRORS, "zh")
    assert spec.columns[:5] == ("文件", "机关", "年度", "格式版本", "可读") and rule_spec.columns[0] == "规则"
    assert {row[4] for row in rows} == {"是", "否"}


def test_csv_scorecard_writes_the_rules_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "scorecard.csv"
    with open(out, "w", encoding="utf-8", newline="") as stream:
        get_reporter("csv")(RESULTS, ERRORS, ReportOptions(lang="en"), stream)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert [row[0] for row in rows] == ["file", "b2022.txt", "a2021.txt", "a2023.txt", "bad.pdf", "none.txt"]
    rules = list(csv.reader(io.StringIO((tmp_path / "scorecard.rules.csv").read_text("utf-8-sig"), newline="")))
    assert rules[0] == ["rule", "name", "severity", "reports", "findings"]
    assert ["GIA302", "outcome-total", "error", "2", "3"] in rules  # the name is the installed rule's


def test_xlsx_scorecard_has_both_sheets_with_frozen_headers(tmp_path: Path) -> None:
    out = tmp_path / "scorecard.xlsx"
    with open(out, "w", encoding="utf-8") as stream:
        get_reporter("xlsx")(RESULTS, ERRORS, ReportOptions(), stream)
    with zipfile.ZipFile(out) as z:
        names = [s.get("name") for s in etree.fromstring(z.read("xl/workbook.xml")).iter(f"{MAIN}sheet")]
        assert names == ["reports", "rules"]
        for index in (1, 2):
            sheet = etree.fromstring(z.read(f"xl/worksheets/sheet{index}.xml"))
            pane = sheet.find(f".//{MAIN}pane")
            assert pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1"
            assert len(list(sheet.iter(f"{MAIN}row"))) == (6 if index == 1 else 1 + len(rule_index().rules))
        strings = z.read("xl/sharedStrings.xml").decode("utf-8")
        assert "甲局" in strings and "不可读原因" in strings
