"""``{"version": 1, "files": N, "diagnostics": [...], "errors": [...]}`` (schema in docs/output.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from gialint.lint.result import LintResult
from gialint.report import FileError, ReportOptions, shown

JSON_VERSION = 1


def as_json(results: Sequence[LintResult], errors: Sequence[FileError], lang: str) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "files": len(results) + len(errors),
        "diagnostics": [
            {"path": shown(r.path) if r.path else None, **d.as_dict(lang)} for r in results for d in r.diagnostics
        ],
        "errors": [{"path": shown(e.path), "message": e.message.get(lang)} for e in errors],
        "reports": [{"path": shown(r.path) if r.path else None, "agency": r.agency, "year": r.year} for r in results],
    }


def report_json(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    json.dump(as_json(results, errors, options.lang), out, ensure_ascii=False, indent=2)
    out.write("\n")
