"""One line per finding: ``path:line:column: CODE severity message`` (or ``path: 表3 第5行 第2列: …``).

With ``--show-source``, the source line follows with the finding underlined.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from gialint.lint.result import LintResult
from gialint.report import FileError, ReportOptions, shown, visible, where


def report_concise(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    from gialint.report.full import LABELS, PlainPrinter, frame

    printer = PlainPrinter(out) if options.show_source else None
    labels = LABELS[options.lang]
    for result in results:
        path = shown(result.path)
        lines = result.text.split("\n")
        for d in result.diagnostics:
            line = f"{where(path, d, options.lang)}: {d.code} {labels[d.severity]} {d.message.get(options.lang)}"
            out.write(visible(line) + "\n")
            if printer is not None:
                frame(printer, lines, d, result.file_format in ("text", "markdown"))
