"""GitHub Actions: one workflow command per finding, and a Markdown summary for the job page.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=GIA301 row-total::message``
puts the finding on the file's line in the pull request. When ``GITHUB_STEP_SUMMARY``
names a file (as it does in a workflow), a Markdown table of the findings per file and
per rule is appended to it. Chosen by itself when ``GITHUB_ACTIONS=true`` and no
``--format`` is given.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from gialint.base.diagnostic import Severity
from gialint.base.location import FilePosition
from gialint.lint.result import LintResult
from gialint.report import FileError, ReportOptions, shown, visible

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_commands(results: Sequence[LintResult], errors: Sequence[FileError], lang: str) -> list[str]:
    lines = []
    for result in results:
        path = _property(shown(result.path))
        for d in result.diagnostics:
            location = d.location
            message = d.message.get(lang)
            if isinstance(location, FilePosition):
                where = f"line={location.line},col={location.column}"
            elif location is not None:
                where, message = "line=1", f"{message} ({location.describe(lang)})"
            else:
                s = d.span
                where = f"line={s.line},endLine={s.end_line},col={s.column},endColumn={s.end_column}"
            title = _property(f"{d.code} {d.name}")
            lines.append(f"::{COMMANDS[d.severity]} file={path},{where},title={title}::{_data(message)}")
    for error in errors:
        lines.append(f"::error file={_property(shown(error.path))},title=gialint::{_data(error.message)}")
    return lines


def markdown_summary(results: Sequence[LintResult], errors: Sequence[FileError], lang: str) -> str:
    """A Markdown summary of a run: totals, findings per rule, files with findings, unreadable files."""
    by_rule: Counter[tuple[str, str]] = Counter()
    severities: Counter[Severity] = Counter()
    for r in results:
        for d in r.diagnostics:
            by_rule[(d.code, d.name)] += 1
            severities[d.severity] += 1
    total = sum(by_rule.values())
    files = len(results) + len(errors)
    parts = ["## gialint\n\n"]
    if lang == "en":
        parts.append(
            f"{files} files checked: {total} findings ({severities[Severity.ERROR]} errors, "
            f"{severities[Severity.WARNING]} warnings, {severities[Severity.INFO]} info), "
            f"{len(errors)} unreadable.\n"
        )
    else:
        parts.append(
            f"共检查 {files} 个文件，发现 {total} 个问题（错误 {severities[Severity.ERROR]}，"
            f"警告 {severities[Severity.WARNING]}，提示 {severities[Severity.INFO]}），{len(errors)} 个文件无法读取。\n"
        )
    if by_rule:
        parts.append("\n| Rule | Name | Findings |\n|---|---|---:|\n")
        for (code, name), count in sorted(by_rule.items()):
            parts.append(f"| {code} | `{name}` | {count} |\n")
        parts.append("\n| File | Findings |\n|---|---:|\n")
        for r in results:
            if r.diagnostics:
                parts.append(f"| `{shown(r.path)}` | {len(r.diagnostics)} |\n")
    if errors:
        parts.append("\n| Unreadable file | Why |\n|---|---|\n")
        for e in errors:
            why = e.message.replace("|", "\\|")
            parts.append(f"| `{shown(e.path)}` | {why} |\n")
    return "".join(parts)


def report_github(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    for line in workflow_commands(results, errors, options.lang):
        out.write(line + "\n")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as stream:
            stream.write(markdown_summary(results, errors, options.lang))
