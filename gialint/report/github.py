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

from gialint.base import catalogue as msg
from gialint.base.diagnostic import Severity, Text
from gialint.base.location import FilePosition
from gialint.base.messages import say
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
    lines.extend(_error_command(error, lang) for error in errors)
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


def _error_command(error: FileError, lang: str) -> str:
    return f"::error file={_property(shown(error.path))},title=gialint::{_data(error.message.get(lang))}"


def _file_row(result: LintResult) -> str:
    return f"| `{shown(result.path)}` | {len(result.diagnostics)} |\n"


def _error_row(error: FileError, lang: str) -> str:
    why = error.message.get(lang).replace("|", "\\|")
    return f"| `{shown(error.path)}` | {why} |\n"


def markdown_summary(results: Sequence[LintResult], errors: Sequence[FileError], lang: str) -> str:
    """A Markdown summary of a run: totals, findings per rule, files with findings, unreadable files."""
    out = io.StringIO()
    write_all(_SummaryOnly(ReportOptions(lang=lang), out), results, errors)
    return out.getvalue()


def _header(headers: tuple[Text, ...], lang: str, rule: str) -> str:
    """A Markdown table's header row in ``lang``, and the row under it (``rule``)."""
    return f"\n| {' | '.join(h.get(lang) for h in headers)} |\n{rule}\n"


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
        self.error_commands.write(_error_command(error, self.options.lang) + "\n")
        if self.summary:
            self.error_rows.write(_error_row(error, self.options.lang))

    def finish(self) -> None:
        self.error_commands.copy_to(self.out)
        if self.summary:
            with open(self.summary, "a", encoding="utf-8") as stream:
                self.write_summary(stream)

    def write_summary(self, stream: TextIO) -> None:
        tally, lang = self.tally, self.options.lang
        unreadable = tally.unreadable
        parts = ["## gialint\n\n", say(msg.GITHUB_TOTALS, **tally.totals()).get(lang), "\n"]
        if tally.by_rule:
            parts.append(_header(msg.GITHUB_RULE_HEADERS, lang, "|---|---|---:|"))
            for (code, name), count in sorted(tally.by_rule.items()):
                parts.append(f"| {code} | `{name}` | {count} |\n")
            parts.append(_header(msg.GITHUB_FILE_HEADERS, lang, "|---|---:|"))
        stream.write("".join(parts))
        self.file_rows.copy_to(stream)
        if unreadable:
            stream.write(_header(msg.GITHUB_ERROR_HEADERS, lang, "|---|---|"))
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
