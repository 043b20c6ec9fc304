"""One line per finding: ``path:line:column: CODE severity message``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from gialint.api import LintResult
from gialint.report import FileError, ReportOptions


def report_concise(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    for result in results:
        path = result.path or "-"
        for d in result.diagnostics:
            out.write(
                f"{path}:{d.span.line}:{d.span.column}: {d.code} {d.severity.label} {d.message.get(options.lang)}\n"
            )
