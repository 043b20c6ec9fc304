"""Where a finding stands in the report's logic, not in its lines.

A *place* names a finding by the format's structure: a table cell is
``("t3", "new", "natural")`` (table, row key, column id), a row label
``("t3", "row", "new")``, a section heading ``("problems", "heading")``, and text in a
section its id and the text itself. Places survive edits elsewhere in the report, so
baselines (:mod:`gialint.run.baseline`) and SARIF fingerprints are built from them, and a
fix is judged by whether it adds findings at new places (:mod:`gialint.fix.fixer`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from gialint.analyze.document import Document
from gialint.analyze.matched import LabelHit, MatchedTable
from gialint.base.span import Span
from gialint.formats.labels import normalize
from gialint.parse.outline import SectionFound


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


class Placer:
    """Logical places of the findings in one document, each found in time that does not grow with
    the report: the cells and labels of each table by their span, tables and sections by where
    they start (a report of thousands of rows or headings gets thousands of findings)."""

    def __init__(self, doc: Document, lines: Sequence[str]) -> None:
        self._doc = doc
        self._lines = lines
        self._tables = sorted(doc.tables, key=lambda t: (t.span.line, t.span.column))
        self._table_starts = [(t.span.line, t.span.column) for t in self._tables]
        self._table_cells: dict[int, dict[Span, tuple[str, ...]]] = {}
        self._looked_in: set[int] = set()  # tables a finding was placed in, without their index
        self._sections = list(doc.sections)
        self._section_starts = [(found.section.span.line, found.section.span.column) for found in self._sections]

    def __call__(self, span: Span) -> tuple[str, ...]:
        table = self._table_at(span)
        if table is not None:
            place = self._cell_place(table, span)
            return place if place is not None else (table.id, _excerpt(self._lines, span))
        found = self._section_at(span)
        if found is not None:
            section = found.section
            name = found.identified.spec.id if found.identified else "section:" + normalize(section.heading.title)
            heading = section.heading.span
            if span.line == heading.line and span.column < max(heading.end_column, heading.column + 1):
                return (name, "heading")
            return (name, _excerpt(self._lines, span))
        title = self._doc.report.title
        if title is not None and span.line <= title.span.end_line and span.end_line >= title.span.line:
            return ("title",)
        return ("report", _excerpt(self._lines, span))

    def _table_at(self, span: Span) -> MatchedTable | None:
        # tables do not overlap: the one that starts last at or before the span is the only candidate
        index = bisect.bisect_right(self._table_starts, (span.line, span.column)) - 1
        if index >= 0 and _within(span, self._tables[index].span):
            return self._tables[index]
        return None

    def _cell_place(self, table: MatchedTable, span: Span) -> tuple[str, ...] | None:
        """The place of the cell or label of ``table`` at ``span``: a cell's before a label's, the
        first of each. A table's first finding looks through its cells; a second one makes an
        index of them, so that a table of thousands of findings does not look through it each time."""
        places = self._table_cells.get(id(table))
        if places is not None:
            return places.get(span)
        if id(table) not in self._looked_in:
            self._looked_in.add(id(table))
            for (row, column), cell in table.cells.items():
                if cell.span == span:
                    return (table.id, row, column)
            for hit in table.labels:
                if hit.cell.span == span:
                    return _label_place(table, hit)
            return None
        places = {}
        for hit in reversed(table.labels):  # the first label at a span wins, then any cell
            places[hit.cell.span] = _label_place(table, hit)
        for (row, column), cell in reversed(list(table.cells.items())):
            places[cell.span] = (table.id, row, column)
        self._table_cells[id(table)] = places
        return places.get(span)

    def _section_at(self, span: Span) -> SectionFound | None:
        # sections follow one another (several on one line of crawler text, where headings stand
        # mid-line): the one starting last at or before the span, if the span is within it or on
        # its heading's line
        index = bisect.bisect_right(self._section_starts, (span.line, span.column)) - 1
        if index < 0:
            return None
        found = self._sections[index]
        section = found.section
        if _within(span, section.span) or span.line == section.heading.span.line:
            return found
        return None


def _label_place(table: MatchedTable, hit: LabelHit) -> tuple[str, ...]:
    ref = hit.ref_for(table.template.version) or hit.refs[0]
    return (table.id, ref.kind, ref.key)


def fingerprint(path: str, code: str, place: Sequence[str]) -> str:
    """A stable digest of a finding's file, rule and logical place (hex, 16 characters)."""
    import hashlib  # here: only SARIF output and baselines ask for it

    return hashlib.sha256("\x1f".join((path, code, *place)).encode("utf-8")).hexdigest()[:16]
