"""GitHub Actions: one workflow command per finding, and a Markdown summary for the job page.

``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=GIA301 row-total::message``
puts the finding on the file's line in the pull request. When ``GITHUB_STEP_SUMMARY``
names a file (as it does in a workflow), a Markdown table of the findings per file and
per rule is appended to it. Chosen by itself when ``GITHUB_ACTIONS=true`` and no
``--format`` is given.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from typing import TextIO

from gialint.base.diagnostic import Severity
from gialint.base.location import FilePosition
from gialint.lint.result import LintResult
from gialint.report import FileError, ReportOptions, shown, visible
from gialint.report.stream import Spool, Writer, write_all

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def workflow_commands(results: Sequence[LintResult], errors: Sequence[FileError], lang: str) -> list[str]:
    lines = [line for result in results for line in _commands(result, lang)]
    lines.extend(_error_command(error) for error in errors)
    return lines


def _commands(result: LintResult, lang: str) -> list[str]:
    """The workflow commands of one report's findings."""
    lines = []
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
    return lines


def _error_command(error: FileError) -> str:
    return f"::error file={_property(shown(error.path))},title=gialint::{_data(error.message)}"


def _file_row(result: LintResult) -> str:
    return f"| `{shown(result.path)}` | {len(result.diagnostics)} |\n"


def _error_row(error: FileError) -> str:
    why = error.message.replace("|", "\\|")
    return f"| `{shown(error.path)}` | {why} |\n"


def markdown_summary(results: Sequence[LintResult], errors: Sequence[FileError], lang: str) -> str:
    """A Markdown summary of a run: totals, findings per rule, files with findings, unreadable files."""
    out = io.StringIO()
    write_all(_SummaryOnly(ReportOptions(lang=lang), out), results, errors)
    return out.getvalue()


class GithubWriter(Writer):
    """Each report's workflow commands as it comes, the unreadable files' at the end; the job
    summary, when ``GITHUB_STEP_SUMMARY`` names a file, from counts and spooled table rows."""

    def __init__(self, options: ReportOptions, out: TextIO) -> None:
        super().__init__(options, out)
        self.error_commands = Spool()
        self.summary = os.environ.get("GITHUB_STEP_SUMMARY")
        self.file_rows = Spool()
        self.error_rows = Spool()

    def chunk(self, result: LintResult) -> str:
        if not result.diagnostics:
            return ""
        if self.summary:
            self.file_rows.write(_file_row(result))
        return "".join(line + "\n" for line in _commands(result, self.options.lang))

    def unreadable(self, error: FileError) -> None:
        self.error_commands.write(_error_command(error) + "\n")
        if self.summary:
            self.error_rows.write(_error_row(error))

    def finish(self) -> None:
        self.error_commands.copy_to(self.out)
        if self.summary:
            with open(self.summary, "a", encoding="utf-8") as stream:
                self.write_summary(stream)

    def write_summary(self, stream: TextIO) -> None:
        tally, lang = self.tally, self.options.lang
        severities, unreadable = tally.by_severity, tally.unreadable
        parts = ["## gialint\n\n"]
        if lang == "en":
            parts.append(
                f"{tally.files} files checked: {tally.findings} findings ({severities[Severity.ERROR]} errors, "
                f"{severities[Severity.WARNING]} warnings, {severities[Severity.INFO]} info), "
                f"{unreadable} unreadable.\n"
            )
        else:
            parts.append(
                f"共检查 {tally.files} 个文件，发现 {tally.findings} 个问题（错误 {severities[Severity.ERROR]}，"
                f"警告 {severities[Severity.WARNING]}，提示 {severities[Severity.INFO]}），{unreadable} 个文件无法读取。\n"
            )
        if tally.by_rule:
            parts.append("\n| Rule | Name | Findings |\n|---|---|---:|\n")
            for (code, name), count in sorted(tally.by_rule.items()):
                parts.append(f"| {code} | `{name}` | {count} |\n")
            parts.append("\n| File | Findings |\n|---|---:|\n")
        stream.write("".join(parts))
        self.file_rows.copy_to(stream)
        if unreadable:
            stream.write("\n| Unreadable file | Why |\n|---|---|\n")
            self.error_rows.copy_to(stream)


class _SummaryOnly(GithubWriter):
    """The job summary alone, written to ``out``."""

    def __init__(self, options: ReportOptions, out: TextIO) -> None:
        super().__init__(options, out)
        self.summary = "-"

    def chunk(self, result: LintResult) -> str:
        super().chunk(result)
        return ""

    def finish(self) -> None:
        self.write_summary(self.out)


def report_github(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    write_all(GithubWriter(options, out), results, errors)
