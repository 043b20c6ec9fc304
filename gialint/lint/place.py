"""Where a finding stands in the report's logic, not in its lines.

A *place* names a finding by the format's structure: a table cell is
``("t3", "new", "natural")`` (table, row key, column id), a row label
``("t3", "row", "new")``, a section heading ``("problems", "heading")``, and text in a
section its id and the text itself. Places survive edits elsewhere in the report, so
baselines (:mod:`gialint.run.baseline`) and SARIF fingerprints are built from them, and a
fix is judged by whether it adds findings at new places (:mod:`gialint.fix.fixer`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from gialint.analyze.document import Document
from gialint.base.span import Span
from gialint.formats.labels import normalize


def _within(inner: Span, outer: Span) -> bool:
    return (outer.line, outer.column) <= (inner.line, inner.column) and (inner.end_line, inner.end_column) <= (
        outer.end_line,
        outer.end_column,
    )


def _excerpt(lines: Sequence[str], span: Span) -> str:
    if span.line != span.end_line:
        text = lines[span.line - 1] if 0 < span.line <= len(lines) else ""
    else:
        text = lines[span.line - 1][span.column - 1 : span.end_column - 1] if 0 < span.line <= len(lines) else ""
    return normalize(text)[:40]


def logical_place(doc: Document, span: Span, lines: Sequence[str]) -> tuple[str, ...]:
    """The logical place of ``span`` in ``doc`` (``lines``: the text's lines)."""
    for table in doc.tables:
        if not _within(span, table.span):
            continue
        for (row, column), cell in table.cells.items():
            if cell.span == span:
                return (table.id, row, column)
        for hit in table.labels:
            if hit.cell.span == span:
                ref = hit.ref_for(table.template.version) or hit.refs[0]
                return (table.id, ref.kind, ref.key)
        return (table.id, _excerpt(lines, span))
    for found in doc.sections:
        section = found.section
        if not _within(span, section.span) and span.line != section.heading.span.line:
            continue
        name = found.identified.spec.id if found.identified else "section:" + normalize(section.heading.title)
        if span.line == section.heading.span.line:
            return (name, "heading")
        return (name, _excerpt(lines, span))
    title = doc.report.title
    if title is not None and span.line <= title.span.end_line and span.end_line >= title.span.line:
        return ("title",)
    return ("report", _excerpt(lines, span))


def fingerprint(path: str, code: str, place: Sequence[str]) -> str:
    """A stable digest of a finding's file, rule and logical place (hex, 16 characters)."""
    return hashlib.sha256("\x1f".join((path, code, *place)).encode("utf-8")).hexdigest()[:16]
