"""``{"version": 1, "diagnostics": [...], "errors": [...], "reports": [...], "files": N}`` (schema in
docs/output.md), written as the run goes (:class:`~gialint.report.stream.JsonStream`): ``files`` comes
last, the count being known at the end."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from gialint.lint.result import LintResult
from gialint.report import FileError, ReportOptions, shown
from gialint.report.stream import JsonStream, Writer, slot, value, write_all

JSON_VERSION = 1


def diagnostics_of(result: LintResult, lang: str) -> list[dict[str, Any]]:
    path = shown(result.path) if result.path else None
    return [{"path": path, **d.as_dict(lang)} for d in result.diagnostics]


def report_of(result: LintResult) -> dict[str, Any]:
    return {"path": shown(result.path) if result.path else None, "agency": result.agency, "year": result.year}


def error_of(error: FileError, lang: str) -> dict[str, Any]:
    return {"path": shown(error.path), "message": error.message.get(lang)}


def as_json(results: Sequence[LintResult], errors: Sequence[FileError], lang: str) -> dict[str, Any]:
    return {
        "version": JSON_VERSION,
        "diagnostics": [d for r in results for d in diagnostics_of(r, lang)],
        "errors": [error_of(e, lang) for e in errors],
        "reports": [report_of(r) for r in results],
        "files": len(results) + len(errors),
    }


class JsonWriter(Writer):
    apart = True

    def __init__(self, options: ReportOptions, out: TextIO) -> None:
        super().__init__(options, out)
        skeleton = {
            "version": JSON_VERSION,
            "diagnostics": slot("diagnostics"),
            "errors": slot("errors"),
            "reports": slot("reports"),
            "files": value("files"),
        }
        self.document = JsonStream(skeleton, out)

    def start(self) -> None:
        self.document.start()

    def pieces(self, result: LintResult) -> tuple[str, ...]:
        """The file's item of ``reports``, then its findings' items of ``diagnostics``."""
        item = self.document.item
        return (
            item("reports", report_of(result)),
            *[item("diagnostics", d) for d in diagnostics_of(result, self.options.lang)],
        )

    def joined(self, pieces: tuple[str, ...]) -> str:
        self.document.texts("reports", pieces[:1])
        return self.document.texts("diagnostics", pieces[1:])

    def joined_bytes(self, pieces: tuple[bytes, ...]) -> bytes:
        self.document.texts_bytes("reports", pieces[:1])
        return self.document.texts_bytes("diagnostics", pieces[1:])

    def chunk(self, result: LintResult) -> str:
        return self.joined(self.pieces(result))

    def unreadable(self, error: FileError) -> None:
        self.document.items("errors", [error_of(error, self.options.lang)])

    def finish(self) -> None:
        self.document.finish({"files": str(self.tally.files)}, self.binary)
        self.out.write("\n")


def report_json(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    write_all(JsonWriter(options, out), results, errors)


def dump_json(data: Any, out: TextIO) -> None:
    """``data`` as the JSON formats write it (indented, characters as they are), in one write."""
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
