"""SARIF 2.1.0 for code scanning (GitHub, GitLab, Azure DevOps).

What GitHub code scanning reads, and where it comes from: ``tool.driver`` (name,
version, informationUri-free) with ``rules`` built from the rule metadata (id = the rule
code, stable; name; short and full description, help in text and Markdown and the basis,
in the run's language; default level; tags); each result's ``ruleId``/``ruleIndex``,
``level``, ``message.text``, one location with a repository-relative URI (``uriBaseId``
``%SRCROOT%``) and a region (1-based lines and columns counted in Unicode code points, as
``columnKind`` says), the related cells, the fix as a SARIF ``fix``, and ``partialFingerprints`` built from the
finding's logical place (:mod:`gialint.lint.place`), so an alert survives edits elsewhere.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from gialint._version import __version__
from gialint.base.diagnostic import Diagnostic, Severity
from gialint.base.location import FilePosition, Location
from gialint.base.messages import as_text
from gialint.base.span import Span
from gialint.lint.place import fingerprint
from gialint.lint.registry import all_rules
from gialint.lint.result import LintResult
from gialint.lint.rule import DOC_HEADINGS
from gialint.report import FileError, ReportOptions
from gialint.report.stream import JsonStream, Writer, slot, value, write_all

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
FINGERPRINT_KEY = "gialintLogicalPlace/v1"


def repository_root(start: str | None = None) -> str:
    """The nearest directory at or above ``start`` (default: the working directory) holding .git;
    the working directory when there is none."""
    here = Path(start or os.getcwd()).resolve()
    for directory in (here, *here.parents):
        if (directory / ".git").exists():
            return str(directory)
    return str(here)


def artifact(path: str, root: str) -> dict[str, str]:
    """An artifactLocation: relative to %SRCROOT% when under the root, else an absolute file URI."""
    full = Path(path).resolve()
    try:
        rel = full.relative_to(root)
    except ValueError:
        return {"uri": full.as_uri()}
    return {"uri": quote(os.fsencode(rel.as_posix())), "uriBaseId": "%SRCROOT%"}  # a name in no encoding: its bytes


def _region(d: Diagnostic, span: Span | None = None) -> dict[str, int]:
    return _place(d.location, span or d.span)


def _place(location: Location | None, span: Span) -> dict[str, int]:
    """The region of a span, or of its location in an .html/.docx/.pdf file."""
    if isinstance(location, FilePosition):
        return {"startLine": location.line, "startColumn": location.column}
    if location is not None:  # .docx / .pdf: no lines to point at; the message says where
        return {"startLine": 1}
    return {
        "startLine": span.line,
        "startColumn": span.column,
        "endLine": span.end_line,
        "endColumn": max(span.end_column, span.column + 1) if span.end_line == span.line else span.end_column,
    }


def _rule_descriptor(rule: Any, lang: str) -> dict[str, Any]:
    doc = rule.documentation(lang)
    help_md = "\n\n".join(
        f"## {heading.get(lang)}\n\n{doc[part]}" for part, heading in DOC_HEADINGS.items() if part in doc
    )
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary.get(lang)},
        "fullDescription": {"text": doc["What it does"]},
        "help": {"text": f"{doc['What it does']}\n\n{doc['Why it matters']}", "markdown": help_md},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {
            "tags": ["gialint", f"GIA{rule.code[3]}xx" if rule.code.startswith("GIA") else rule.code[:-3]],
            "precision": "high",
            "fixable": rule.fixable,
            "basis": as_text(rule.rationale).get(lang),
        },
    }


def _result(result: LintResult, d: Diagnostic, index: dict[str, int], root: str, lang: str) -> dict[str, Any]:
    path = result.path or "-"
    where = artifact(path, root)
    message = d.message.get(lang)
    if d.location is not None and not isinstance(d.location, FilePosition):
        message = f"{message} ({d.location.describe(lang)})"
    rel = where["uri"]
    out: dict[str, Any] = {
        "ruleId": d.code,
        "level": LEVELS[d.severity],
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": where, "region": _region(d)}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(rel, d.code, d.place)},
    }
    if d.code in index:
        out["ruleIndex"] = index[d.code]
    if d.related:
        out["relatedLocations"] = [
            {
                "id": i,
                "message": {"text": r.label},
                "physicalLocation": {
                    "artifactLocation": where if r.file is None else artifact(r.file, root),
                    "region": _region(d, r.span) if r.file is None else _place(r.location, r.span),
                },
            }
            for i, r in enumerate(d.related, start=1)
        ]
    if d.fix is not None and d.location is None:
        out["fixes"] = [
            {
                "description": {"text": f"{d.code} ({d.fix.applicability.value})"},
                "artifactChanges": [
                    {
                        "artifactLocation": where,
                        "replacements": [
                            {
                                "deletedRegion": {
                                    "startLine": e.span.line,
                                    "startColumn": e.span.column,
                                    "endLine": e.span.end_line,
                                    "endColumn": e.span.end_column,
                                },
                                "insertedContent": {"text": e.replacement},
                            }
                            for e in d.fix.edits
                        ],
                    }
                ],
            }
        ]
    if d.location is not None:
        out["properties"] = {"location": d.location.as_dict()}
    return out


def as_sarif(results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions) -> dict[str, Any]:
    root = options.root or repository_root()
    index = _rule_index()
    return _document(
        [_result(r, d, index, root, options.lang) for r in results for d in r.diagnostics],
        [_notification(e, root, options.lang) for e in errors],
        not errors,
        root,
        options.lang,
    )


def _rule_index() -> dict[str, int]:
    return {r.code: i for i, r in enumerate(all_rules())}


def _notification(error: FileError, root: str, lang: str) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": error.message.get(lang)},
        "locations": [{"physicalLocation": {"artifactLocation": artifact(error.path, root)}}],
    }


def _document(results: Any, notifications: Any, successful: Any, root: str, lang: str) -> dict[str, Any]:
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "gialint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [_rule_descriptor(r, lang) for r in all_rules()],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": Path(root).as_uri() + "/"}},
                "columnKind": "unicodeCodePoints",
                "results": results,
                "invocations": [{"executionSuccessful": successful, "toolExecutionNotifications": notifications}],
            }
        ],
    }


class SarifWriter(Writer):
    """The results as they come; the unreadable files' notifications at the end."""

    def __init__(self, options: ReportOptions, out: TextIO) -> None:
        super().__init__(options, out)
        self.root = options.root or repository_root()
        self.index = _rule_index()
        skeleton = _document(slot("results"), slot("notifications"), value("successful"), self.root, options.lang)
        self.document = JsonStream(skeleton, out)

    def start(self) -> None:
        self.document.start()

    def chunk(self, result: LintResult) -> str:
        found = [_result(result, d, self.index, self.root, self.options.lang) for d in result.diagnostics]
        return self.document.items("results", found)

    def unreadable(self, error: FileError) -> None:
        self.document.items("notifications", [_notification(error, self.root, self.options.lang)])

    def finish(self) -> None:
        self.document.finish({"successful": "false" if self.tally.unreadable else "true"})
        self.out.write("\n")


def report_sarif(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    write_all(SarifWriter(options, out), results, errors)
