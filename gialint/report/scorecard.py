"""The scorecard (``gialint check DIR --format csv|xlsx -o scorecard.xlsx``): one row per report, one per rule.

Sheet ``reports``: a report a row, sorted by agency and year (reports with no agency last) —
its file, agency, year, format version, whether it could be read (and why not), its errors,
warnings and infos, and a column per installed rule with the number of its findings there.
Sheet ``rules``: a rule a row — how many reports it found something in, and how many findings.
xlsx has both sheets; CSV writes the reports on the output and the rules beside it, in
``FILE.rules.csv`` (with ``-o FILE.csv``; on standard output, the reports alone). Headers are
in the language of ``--lang`` (docs/output.md).
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TextIO

from gialint.base.diagnostic import Severity
from gialint.lint.result import FileError, LintResult
from gialint.report.tabular import SheetSpec, TableWriter, sibling, write_csv_rows

if TYPE_CHECKING:
    from gialint.report import ReportOptions

REPORTS, RULES = "reports", "rules"
#: The headers of the two sheets, before the rule columns: (zh, en) each.
_REPORT_HEADERS = (
    ("文件", "file"),
    ("机关", "agency"),
    ("年度", "year"),
    ("格式版本", "version"),
    ("可读", "readable"),
    ("不可读原因", "why unreadable"),
    ("错误", "errors"),
    ("警告", "warnings"),
    ("提示", "infos"),
)
_RULE_HEADERS = (
    ("规则", "rule"),
    ("名称", "name"),
    ("级别", "severity"),
    ("有此问题的报告数", "reports"),
    ("问题数", "findings"),
)
_YES_NO = {"zh": ("是", "否"), "en": ("yes", "no")}


def _headers(pairs: Sequence[tuple[str, str]], lang: str) -> tuple[str, ...]:
    return tuple(en if lang == "en" else zh for zh, en in pairs)


def rule_codes(results: Sequence[LintResult]) -> list[tuple[str, str]]:
    """``(code, name)`` of every installed rule, and of any other rule a result names, by code."""
    from gialint.lint.registry import rule_index

    known = {rule.code: rule.name for rule in rule_index().rules}
    for result in results:
        for d in result.diagnostics:
            known.setdefault(d.code, d.name)
    return sorted(known.items())


def scorecard_rows(
    results: Sequence[LintResult], errors: Sequence[FileError], lang: str
) -> tuple[SheetSpec, list[tuple[Any, ...]], SheetSpec, list[tuple[Any, ...]]]:
    """The two sheets, each as its spec and rows."""
    rules = rule_codes(results)
    yes, no = _YES_NO["en" if lang == "en" else "zh"]
    reports: list[tuple[tuple[Any, ...], tuple[Any, ...]]] = []
    found: Counter[str] = Counter()
    reports_with: Counter[str] = Counter()
    severities: dict[str, Severity] = {}
    for r in results:
        counts = Counter(d.code for d in r.diagnostics)
        levels = Counter(d.severity for d in r.diagnostics)
        for d in r.diagnostics:
            severities[d.code] = d.severity
        found.update(counts)
        reports_with.update(counts.keys())
        row = (
            r.path or "-",
            r.agency,
            r.year,
            r.version,
            yes,
            None,
            levels[Severity.ERROR],
            levels[Severity.WARNING],
            levels[Severity.INFO],
            *(counts[code] for code, _ in rules),
        )
        reports.append(((r.agency is None, r.agency or "", r.year or 0, row[0]), row))
    for e in errors:
        row = (e.path, None, None, None, no, e.message.get(lang), None, None, None, *(None for _ in rules))
        reports.append(((True, "", 0, e.path), row))
    reports.sort(key=lambda pair: pair[0])
    report_spec = SheetSpec(REPORTS, (*_headers(_REPORT_HEADERS, lang), *(code for code, _ in rules)))
    rule_spec = SheetSpec(RULES, _headers(_RULE_HEADERS, lang))
    rule_rows = [
        (code, name, severities[code].label if code in severities else None, reports_with[code], found[code])
        for code, name in rules
    ]
    return report_spec, [row for _, row in reports], rule_spec, rule_rows


def _file_name(stream: TextIO) -> str | None:
    """The file ``stream`` writes to (``-o FILE``); None for standard output."""
    name = getattr(stream, "name", None)
    return name if isinstance(name, str) and not name.startswith("<") else None


def report_scorecard_csv(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, stream: TextIO
) -> None:
    report_spec, reports, rule_spec, rules = scorecard_rows(results, errors, options.lang)
    write_csv_rows(stream, report_spec.columns, reports)
    name = _file_name(stream)
    if name is not None:
        with TableWriter(sibling(name, RULES), "csv", [rule_spec]) as writer:
            for row in rules:
                writer.add(RULES, row)


def report_scorecard_xlsx(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, stream: TextIO
) -> None:
    """The workbook, written to the binary file under ``stream`` (the CLI requires ``-o`` for xlsx)."""
    report_spec, reports, rule_spec, rules = scorecard_rows(results, errors, options.lang)
    data = io.BytesIO()
    with TableWriter("", "xlsx", [report_spec, rule_spec], stream=data) as writer:
        for sheet, rows in ((REPORTS, reports), (RULES, rules)):
            for row in rows:
                writer.add(sheet, row)
    stream.flush()
    stream.buffer.write(data.getvalue())
