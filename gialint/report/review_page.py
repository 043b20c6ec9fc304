"""What the review page (``--format html``) shows of one report, as plain data for its template.

The page needs more than the findings: the text as gialint read it, with each finding's span
marked, and the statistics tables as grids whose cells know their row and column. Results of a
run carry the text but no syntax tree (they pass between processes and through the cache), so
the tables are read again here from the text, and only what the page draws is kept: for each
table its rows, and for each cell its text, place and the findings about it.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

from attrs import frozen

from gialint.analyze.document import Document, parse_document
from gialint.analyze.matched import MatchedTable
from gialint.analyze.options import LintOptions
from gialint.base.diagnostic import Diagnostic, Severity
from gialint.base.span import Span
from gialint.lint.result import LintResult
from gialint.report import shown, visible, where


@frozen
class Finding:
    """One finding as the page lists it; ``anchor`` is its id in the page."""

    anchor: str
    code: str
    name: str
    severity: str  # error | warning | info
    message: str
    where: str
    expected: str | None
    found: str | None
    marked: bool  # whether its span is marked in the text
    cell: str | None  # the anchor of the grid cell it is about, if any


@frozen
class Piece:
    """A run of a text line; ``findings`` are the anchors of the findings whose span covers it."""

    text: str
    findings: tuple[str, ...] = ()
    severity: str = ""  # the most serious of them
    title: str = ""  # their messages, shown on hover


@frozen
class Line:
    number: int
    pieces: tuple[Piece, ...]


@frozen
class GridCell:
    """A value cell of a table grid: ``text`` as written ("" when missing), the findings at it,
    ``expected`` next to ``found`` for a wrong figure, ``addend_of`` the findings it explains
    (the cells of a failing sum) and ``addends`` the anchors of the cells a failing one is made of."""

    anchor: str
    text: str
    missing: bool
    findings: tuple[str, ...]
    severity: str
    expected: str | None
    addend_of: tuple[str, ...]
    addends: tuple[str, ...]


@frozen
class GridRow:
    label: str
    header: tuple[str, ...]  # the column labels when they differ from the row before's, else ()
    cells: tuple[GridCell, ...]
    above: tuple[str, ...] = ()  # the labels printed across the table before it: a block's caption, a group


@frozen
class Grid:
    table: str
    title: str
    version: str
    unreadable: str | None
    rows: tuple[GridRow, ...]


@frozen
class ReportPage:
    anchor: str
    path: str
    agency: str | None
    year: int | None
    file_format: str
    counts: dict[str, int]  # by severity label
    lines: tuple[Line, ...]
    grids: tuple[Grid, ...]
    findings: tuple[Finding, ...]


def _document(result: LintResult) -> Document:
    if result.document is not None:
        return result.document
    # the year the run found (a configured ``year`` included) reads the tables with the same version
    return parse_document(result.text, options=LintOptions(year=result.year))


def _on_line(span: Span, number: int, length: int) -> tuple[int, int] | None:
    """The part of ``span`` on line ``number`` (0-based, end exclusive); an empty span marks a character."""
    if not span.line <= number <= span.end_line:
        return None
    start = span.column - 1 if number == span.line else 0
    end = span.end_column - 1 if number == span.end_line else length
    start, end = min(start, length), min(end, length)
    if end <= start:
        start, end = (start, start + 1) if start < length else (max(0, length - 1), length)
    return (start, end) if end > start else None


def _pieces(text: str, marks: Sequence[tuple[int, int, str, Severity]], said: dict[str, str]) -> tuple[Piece, ...]:
    if not marks:
        return (Piece(visible(text)),)
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    starting: dict[int, list[tuple[int, int, str, Severity]]] = defaultdict(list)
    ending: dict[int, list[str]] = defaultdict(list)
    for mark in marks:
        starting[mark[0]].append(mark)
        ending[mark[1]].append(mark[2])
    active: dict[str, Severity] = {}  # the findings over the piece being cut, one mark each per line
    pieces = []
    for start, end in itertools.pairwise(cuts):
        for anchor in ending.get(start, ()):
            del active[anchor]
        active.update((mark[2], mark[3]) for mark in starting.get(start, ()))
        anchors = tuple(active)
        severity = max(active.values(), default=None)
        title = "\n".join(said[a] for a in anchors)
        pieces.append(Piece(visible(text[start:end]), anchors, severity.label if severity else "", title))
    return tuple(pieces)


def _lines(text: str, findings: Sequence[tuple[str, Diagnostic]], lang: str) -> tuple[tuple[Line, ...], set[str]]:
    """The text's lines cut into pieces at the findings' spans, and the findings marked."""
    said = {anchor: visible(f"{d.code} {d.message.get(lang)}") for anchor, d in findings}
    lines = text.split("\n")
    marks: dict[int, list[tuple[int, int, str, Severity]]] = defaultdict(list)
    for anchor, d in findings:
        for number in range(max(1, d.span.line), min(d.span.end_line, len(lines)) + 1):
            part = _on_line(d.span, number, len(lines[number - 1]))
            if part is not None:
                marks[number].append((*part, anchor, d.severity))
    marked = {mark[2] for on_line in marks.values() for mark in on_line}
    return tuple(Line(n, _pieces(line, marks.get(n, ()), said)) for n, line in enumerate(lines, 1)), marked


def _labels_above(table: MatchedTable) -> dict[str, tuple[str, ...]]:
    """For a row key, what the format prints across the table before that row: a block's caption
    ("第二十条第（一）项") and the label of a group of rows ("（三）不予公开")."""
    version, multi = table.template.version, len(table.spec.blocks) > 1
    above: dict[str, tuple[str, ...]] = {}
    for block in table.spec.blocks:
        pending = [block.caption] if block.caption else []
        for row in block.rows:
            if row.versions is not None and version not in row.versions:
                continue
            key = f"{block.id}.{row.id}" if multi else row.id
            if row.group:
                pending.append(row.label)
            elif key in table.template.row_by_key:
                above[key], pending = tuple(visible(label) for label in pending), []
    return above


def _grid(table: MatchedTable, prefix: str, findings: Sequence[tuple[str, Diagnostic]]) -> Grid:
    """``prefix`` starts the anchors of the table's cells (the report's, and the table's id)."""
    cells = table.cells
    by_span = {cell.span: key for key, cell in cells.items()}
    at: dict[tuple[str, str], list[tuple[str, Diagnostic]]] = defaultdict(list)
    addend_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name, d in findings:
        key = (d.place[1], d.place[2]) if len(d.place) == 3 and d.place[0] == table.id else by_span.get(d.span)
        if key is not None and key in cells:
            at[key].append((name, d))
        for related in d.related:
            if related.file is None and related.span in by_span:
                addend_of[by_span[related.span]].append(name)

    def anchor(key: tuple[str, str]) -> str:
        return f"{prefix}-{key[0]}-{key[1]}"

    above = _labels_above(table)
    rows = []
    previous: tuple[str, ...] = ()
    for row in table.template.rows:
        header = tuple(visible(c.label) for c in row.columns)
        grid_cells = []
        for key in row.cell_keys:
            cell = cells.get(key)
            here = at.get(key, [])
            wrong = next((d for _, d in here if d.expected is not None), None)
            addends = tuple(
                anchor(by_span[r.span]) for _, d in here for r in d.related if r.file is None and r.span in by_span
            )
            grid_cells.append(
                GridCell(
                    anchor=anchor(key),
                    text=visible(cell.text) if cell is not None else "",
                    missing=cell is None,
                    findings=tuple(a for a, _ in here),
                    severity=max((d.severity for _, d in here), default=Severity.INFO).label if here else "",
                    expected=visible(wrong.expected) if wrong is not None and wrong.expected is not None else None,
                    addend_of=tuple(addend_of.get(key, ())),
                    addends=addends,
                )
            )
        rows.append(
            GridRow(visible(row.label), header if header != previous else (), tuple(grid_cells), above.get(row.key, ()))
        )
        previous = header
    unreadable = table.unreadable.kind if table.unreadable is not None else None
    return Grid(table.id, visible(table.spec.title), table.template.version, unreadable, tuple(rows))


def _table_anchors(prefix: str, doc: Document) -> Iterator[str]:
    """``r1-t3``; a table found twice in a report is ``r1-t3``, then ``r1-t3.2``."""
    seen: Counter[str] = Counter()
    for table in doc.tables:
        seen[table.id] += 1
        yield f"{prefix}-{table.id}" + (f".{seen[table.id]}" if seen[table.id] > 1 else "")


def review_page(result: LintResult, number: int, lang: str) -> ReportPage:
    """The page of one report, the ``number``-th of the run (anchors are unique across the page)."""
    prefix = f"r{number}"
    path = shown(result.path)
    numbered = [(f"{prefix}-f{i}", d) for i, d in enumerate(result.diagnostics, 1)]
    lines, marked = _lines(result.text, numbered, lang)
    doc = _document(result)
    grids = tuple(_grid(t, anchor, numbered) for t, anchor in zip(doc.tables, _table_anchors(prefix, doc), strict=True))
    cell_of = {a: c.anchor for g in grids for row in g.rows for c in row.cells for a in c.findings}
    counts = Counter(d.severity.label for d in result.diagnostics)
    return ReportPage(
        anchor=prefix,
        path=visible(path),
        agency=visible(result.agency) if result.agency else None,
        year=result.year,
        file_format=result.file_format,
        counts={s.label: counts[s.label] for s in sorted(Severity, reverse=True)},
        lines=lines,
        grids=grids,
        findings=tuple(
            Finding(
                anchor=a,
                code=d.code,
                name=d.name,
                severity=d.severity.label,
                message=visible(d.message.get(lang)),
                where=visible(where(path, d, lang)),
                expected=None if d.expected is None else visible(d.expected),
                found=None if d.found is None else visible(d.found),
                marked=a in marked,
                cell=cell_of.get(a),
            )
            for a, d in numbered
        ),
    )


def per_rule(pages: Iterable[ReportPage]) -> Iterator[tuple[str, str, int]]:
    """(code, severity, findings) for every rule found, most frequent first."""
    counts: Counter[str] = Counter()
    severity: dict[str, str] = {}
    for page in pages:
        for f in page.findings:
            counts[f.code] += 1
            severity.setdefault(f.code, f.severity)
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        yield code, severity[code], count
