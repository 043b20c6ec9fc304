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

from gialint.base import catalogue as msg
from gialint.base.diagnostic import Severity, Text
from gialint.base.location import FilePosition
from gialint.base.messages import say
from gialint.lint.result import LintResult
from gialint.report import FileError, ReportOptions, shown, totals, visible

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
        lines.append(f"::error file={_property(shown(error.path))},title=gialint::{_data(error.message.get(lang))}")
    return lines


def markdown_summary(results: Sequence[LintResult], errors: Sequence[FileError], lang: str) -> str:
    """A Markdown summary of a run: totals, findings per rule, files with findings, unreadable files."""
    by_rule = Counter((d.code, d.name) for r in results for d in r.diagnostics)
    parts = ["## gialint\n\n", say(msg.GITHUB_TOTALS, **totals(results, errors)).get(lang), "\n"]
    if by_rule:
        parts.append(_header(msg.GITHUB_RULE_HEADERS, lang, "|---|---|---:|"))
        for (code, name), count in sorted(by_rule.items()):
            parts.append(f"| {code} | `{name}` | {count} |\n")
        parts.append(_header(msg.GITHUB_FILE_HEADERS, lang, "|---|---:|"))
        for r in results:
            if r.diagnostics:
                parts.append(f"| `{shown(r.path)}` | {len(r.diagnostics)} |\n")
    if errors:
        parts.append(_header(msg.GITHUB_ERROR_HEADERS, lang, "|---|---|"))
        for e in errors:
            why = e.message.get(lang).replace("|", "\\|")
            parts.append(f"| `{shown(e.path)}` | {why} |\n")
    return "".join(parts)


def _header(headers: tuple[Text, ...], lang: str, rule: str) -> str:
    """A Markdown table's header row in ``lang``, and the row under it (``rule``)."""
    return f"\n| {' | '.join(h.get(lang) for h in headers)} |\n{rule}\n"


def report_github(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    for line in workflow_commands(results, errors, options.lang):
        out.write(line + "\n")
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        with open(summary, "a", encoding="utf-8") as stream:
            stream.write(markdown_summary(results, errors, options.lang))
