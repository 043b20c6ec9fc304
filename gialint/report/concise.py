"""One line per finding: ``path:line:column: CODE severity message`` (or ``path: 表3 第5行 第2列: …``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from gialint.api import LintResult
from gialint.report import FileError, ReportOptions, where


def report_concise(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    for result in results:
        path = result.path or "-"
        for d in result.diagnostics:
            out.write(f"{where(path, d, options.lang)}: {d.code} {d.severity.label} {d.message.get(options.lang)}\n")
