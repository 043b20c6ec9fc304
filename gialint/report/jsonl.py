"""``--format jsonl``: one JSON object a line — a line per finding, then a line for its file.

Nothing comes before the first line or after the last, so the output of several runs
(shards of a corpus) joined with ``cat`` is the output of one run over them all. Schema in
docs/output.md: a finding is ``{"type": "diagnostic", "path", ...}`` with the fields of the
``json`` format's diagnostics; a file is ``{"type": "file", "path", "status": "checked",
"agency", "year", "findings", "errors", "warnings", "infos"}``, or ``"status": "unreadable"``
with its ``message``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any, TextIO

from gialint.base.diagnostic import Severity
from gialint.lint.result import LintResult
from gialint.report import FileError, ReportOptions, shown
from gialint.report.json_format import diagnostics_of
from gialint.report.stream import Writer, write_all


def file_line(result: LintResult) -> dict[str, Any]:
    """A checked file's line: where it is, whose report for which year, its findings by severity."""
    levels = Counter(d.severity for d in result.diagnostics)
    return {
        "type": "file",
        "path": shown(result.path) if result.path else None,
        "status": "checked",
        "agency": result.agency,
        "year": result.year,
        "findings": len(result.diagnostics),
        "errors": levels[Severity.ERROR],
        "warnings": levels[Severity.WARNING],
        "infos": levels[Severity.INFO],
    }


class JsonlWriter(Writer):
    apart = True

    def pieces(self, result: LintResult) -> tuple[str, ...]:
        return (self.chunk(result),)

    def chunk(self, result: LintResult) -> str:
        lines = [{"type": "diagnostic", **d} for d in diagnostics_of(result, self.options.lang)]
        lines.append(file_line(result))
        return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)

    def unreadable(self, error: FileError) -> None:
        line = {
            "type": "file",
            "path": shown(error.path),
            "status": "unreadable",
            "message": error.message.get(self.options.lang),
        }
        self.out.write(json.dumps(line, ensure_ascii=False) + "\n")


def report_jsonl(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    write_all(JsonlWriter(options, out), results, errors)
