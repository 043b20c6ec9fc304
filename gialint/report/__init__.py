"""Reporters: how diagnostics are printed. ``full`` (rich, for people), ``concise``, ``json``,
``jsonl`` (a line per finding and per file, for large runs and shards), ``sarif`` (code scanning), ``github`` (workflow annotations), ``junit`` (CI test reports),
``html`` (a self-contained review page), and the scorecard of many reports, ``csv`` and ``xlsx``
(a row per report, a row per rule).

A reporter is a function ``(results, errors, options, stream) -> None``; the CLI picks one
by name from :data:`REPORTERS`. ``gialint check`` writes through each format's streaming
writer (:data:`WRITERS`, :func:`gialint.report.stream.get_writer`): a file's part as soon as every earlier
file is done.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from attrs import frozen

from gialint.base.diagnostic import Severity
from gialint.base.files import printable_path
from gialint.lint.result import FileError as FileError  # where reporters have always found it

if TYPE_CHECKING:
    from gialint.base.diagnostic import Diagnostic
    from gialint.lint.result import LintResult


@frozen
class ReportOptions:
    lang: str = "zh"
    color: bool | None = None  # None: decide from the terminal
    quiet: bool = False  # full: no closing summary
    show_source: bool = False  # concise: add the source line under each finding (full always shows it)
    root: str | None = None  # the repository root paths are made relative to (SARIF); None: found from the cwd
    fail_on: Severity = Severity.ERROR  # the lowest severity that fails a file (JUnit), as it sets the exit code


#: Characters a report's text may hold that must not reach a terminal or an XML file as they are:
#: C0 controls but tab and line feed (ESC starts terminal sequences, BEL, NUL…), DEL and C1
#: controls, and the bidirectional overrides that can make a line read other than it is.
_HIDDEN = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}


def visible(text: str) -> str:
    """``text`` with control characters written as escapes (``\\x1b``), for people and for XML."""
    return text.translate(_HIDDEN)


def shown(path: str | None) -> str:
    """A report's path as output shows it ("-" for standard input; a name in no encoding escaped)."""
    return printable_path(path) if path else "-"


def where(path: str, diagnostic: Diagnostic, lang: str) -> str:
    """``path:line:column`` in the file (text, HTML), or ``path: 表3 第5行 第2列`` / ``path: 第3页 第12行``."""
    from gialint.base.location import FilePosition

    location = diagnostic.location
    if location is None:
        return f"{path}:{diagnostic.span.line}:{diagnostic.span.column}"
    if isinstance(location, FilePosition):
        return f"{path}:{location.line}:{location.column}"
    return f"{path}: {location.describe(lang)}"


Reporter = Callable[["Sequence[LintResult]", Sequence[FileError], ReportOptions, TextIO], None]

#: Output formats by name, each imported only when it is used.
REPORTERS = {
    "full": "gialint.report.full:report_full",
    "concise": "gialint.report.concise:report_concise",
    "json": "gialint.report.json_format:report_json",
    "jsonl": "gialint.report.jsonl:report_jsonl",
    "sarif": "gialint.report.sarif:report_sarif",
    "github": "gialint.report.github:report_github",
    "junit": "gialint.report.junit:report_junit",
    "html": "gialint.report.html:report_html",
    "csv": "gialint.report.scorecard:report_scorecard_csv",
    "xlsx": "gialint.report.scorecard:report_scorecard_xlsx",
}
#: Formats written as bytes to a file: ``-o FILE`` is required.
BINARY = ("xlsx",)
#: The formats of the tables ``extract`` and ``scorecard`` write (:class:`gialint.report.tabular.TableWriter`),
#: named here so that the command line lists them without importing the writer.
TABULAR_FORMATS = ("csv", "jsonl", "xlsx", "parquet")


#: The streaming writer of each format that has one (the others keep the run: see
#: :class:`gialint.report.stream.Collected`).
WRITERS = {
    "full": "gialint.report.full:FullWriter",
    "concise": "gialint.report.concise:ConciseWriter",
    "json": "gialint.report.json_format:JsonWriter",
    "jsonl": "gialint.report.jsonl:JsonlWriter",
    "sarif": "gialint.report.sarif:SarifWriter",
    "github": "gialint.report.github:GithubWriter",
    "junit": "gialint.report.junit:JunitWriter",
}


def load(spec: str) -> Any:
    """What ``"module:name"`` names, imported."""
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)


def get_reporter(name: str) -> Reporter:
    reporter: Reporter = load(REPORTERS[name])
    return reporter
