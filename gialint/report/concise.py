"""One line per finding: ``path:line:column: CODE severity message`` (or ``path: 表3 第5行 第2列: …``).

With ``--show-source``, the source line follows with the finding underlined.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TextIO

from gialint.lint.result import LintResult
from gialint.report import FileError, ReportOptions, shown, visible, where
from gialint.report.stream import Writer, write_all


class ConciseWriter(Writer):
    apart = True  # (with --show-source, its source lines come from the result's text)
    apart_options = ("lang", "show_source")

    def pieces(self, result: LintResult) -> tuple[str, ...]:
        return (self.chunk(result),)

    def chunk(self, result: LintResult) -> str:
        from gialint.report.full import LABELS, PlainPrinter, frame

        if not result.diagnostics:
            return ""
        lang = self.options.lang
        path = shown(result.path)
        buffer = io.StringIO()
        printer = PlainPrinter(buffer) if self.options.show_source else None
        lines = result.text.split("\n") if printer is not None else []
        for d in result.diagnostics:
            buffer.write(
                visible(f"{where(path, d, lang)}: {d.code} {LABELS[lang][d.severity]} {d.message.get(lang)}") + "\n"
            )
            if printer is not None:
                frame(printer, lines, d, result.file_format in ("text", "markdown"))
        return buffer.getvalue()


def report_concise(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    write_all(ConciseWriter(options, out), results, errors)
