"""Matching parsed tables to the format's tables 2, 3 and 4.

A table in the text is a sequence of located cells; layouts differ only in how cells
were found and whether row breaks are known. Matching therefore works on *virtual
rows*: the physical rows where the layout has them, and otherwise (the pipe layout)
runs of labels followed by runs of values. In each virtual row the last row label
names the row, and the cells after the last label are its values, in column order.

Every table is matched against each version of the format; the version(s) with the
fewest problems win. Tables identical in both versions (table 4) fit both. What
matching makes of a table, :class:`~gialint.analyze.matched.MatchedTable`, is in :mod:`gialint.analyze.matched`.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import Any, Final

from gialint.analyze.matched import LabelHit, MatchedTable, ShapeProblem, Unreadable
from gialint.base import catalogue as msg
from gialint.base.memo import Memo
from gialint.formats import FormatModel, TableSpec, Template, TemplateRow
from gialint.formats.labels import normalize, similarity, strip_note
from gialint.formats.model import LabelRef
from gialint.parse.ast import Cell, Layout, Report, Section, Table
from gialint.parse.values import ValueKind
from gialint.read.clock import CHECK_EVERY, check_time

#: Labels at least this alike (after normalisation) are taken for the same label (GIA203).
FUZZY_THRESHOLD = 0.8


class CellRole(enum.Enum):
    BLANK = "blank"
    VALUE = "value"  # a number or a dash
    LABEL = "label"  # one of the format's labels
    TEXT = "text"  # other text: a label we cannot place, or a value that is not a number


class _Classified:
    """A cell of a table as matching reads it. One per cell: a plain class, which the compiled
    build makes native (made and read several times faster than a named tuple)."""

    def __init__(self, cell: Cell, role: CellRole, hit: LabelHit | None, names_row: bool) -> None:
        self.cell: Final = cell
        self.role: Final = role
        self.hit: Final = hit
        self.names_row: Final = names_row  # a label that names a row or a group of rows (not a column)


_TEXT_KIND: Final = ValueKind.TEXT
_BLANK_KIND: Final = ValueKind.BLANK


def _classify(cells: list[Cell], spec: TableSpec) -> list[_Classified]:
    """Each cell's role in a table read as ``spec``."""
    out = []
    blank, value, label, text = CellRole.BLANK, CellRole.VALUE, CellRole.LABEL, CellRole.TEXT
    for index, cell in enumerate(cells):
        if not index % CHECK_EVERY:
            check_time(msg.AT_MATCHING, table=spec.id)
        kind = cell.value.kind
        if not cell.text:
            out.append(_Classified(cell, blank, None, False))
        elif kind is not _TEXT_KIND and kind is not _BLANK_KIND:
            out.append(_Classified(cell, value, None, False))
        else:
            refs, fuzzy, names_row, versions = _recognise.answer(spec, cell.text)
            if refs:
                hit = LabelHit(cell, refs, fuzzy, versions)
                out.append(_Classified(cell, label, hit, names_row))
            else:
                out.append(_Classified(cell, text, None, False))
    return out


def _normalized(text: str) -> str:
    """A cell's text as compared with the format's labels: its :attr:`Cell.label`, normalised."""
    return normalize(text.replace("\n", ""))


def _look_up_label(spec: TableSpec, text: str) -> tuple[tuple[LabelRef, ...], bool, bool, frozenset[str]]:
    """The format's labels a cell's text stands for, whether only by likeness (the costly
    part), whether one of them names a row, and the versions that have one of them."""
    normalized = _normalized(text)
    refs = spec.lookup(normalized)
    if refs:
        versions = frozenset().union(*(r.versions for r in refs))
        return refs, False, any(r.kind in ("row", "group") for r in refs), versions
    if len(normalized) >= 4:
        base = strip_note(normalized)
        best, score = None, 0.0
        for ref in spec.row_labels:
            candidate = normalize(ref.label)
            if abs(len(candidate) - len(base)) <= max(2, len(candidate) // 3):
                value = similarity(base, candidate)
                if value > score:
                    best, score = ref, value
        if best is not None and score >= FUZZY_THRESHOLD:
            return (best,), True, True, best.versions
    return (), False, False, frozenset()


def _tables_naming(model: FormatModel, text: str) -> tuple[TableSpec, ...]:
    """The format tables that have a cell's text as one of their labels (exactly)."""
    normalized = _normalized(text)
    return tuple(spec for spec in model.tables.values() if spec.lookup(normalized))


_recognise: Final = Memo(_look_up_label)
_naming: Final = Memo(_tables_naming)


def _virtual_rows(table: Table, classified: Sequence[_Classified]) -> list[list[_Classified]]:
    """Rows as the layout gives them; in the pipe layout, a new row at each label after a value.

    ``classified`` holds the table's cells in order.
    """
    if table.layout.row_breaks_known:
        physical, start = [], 0
        for row in table.rows:
            physical.append(list(classified[start : start + len(row.cells)]))
            start += len(row.cells)
        return physical
    rows: list[list[_Classified]] = [[]]
    for item in classified:
        previous = rows[-1][-1].role if rows[-1] else None
        if item.role is CellRole.LABEL and previous in (CellRole.VALUE, CellRole.BLANK, CellRole.TEXT):
            rows.append([])
        rows[-1].append(item)
    return rows


class _Attempt:
    """A table read as one version of the format: its cells, problems and score (a plain class:
    native in the compiled build)."""

    def __init__(
        self,
        template: Template,
        cells: dict[tuple[str, str], Cell],
        problems: list[ShapeProblem],
        foreign: int,
        cut: int = 0,
    ) -> None:
        self.template: Final = template
        self.cells: Final = cells
        self.problems: Final = problems
        self.foreign: Final = foreign  # labels this version does not have
        self.cut: Final = cut  # missing rows after the last row found: the table was cut there (a fragment)

    @property
    def score(self) -> tuple[int, int]:
        # rows after where the table stops say nothing of its version: the version with more rows
        # would lose for having more of them missing
        return (len(self.problems) - self.cut + self.foreign, -len(self.cells))


class _RowReading:
    """What a virtual row says whatever the version: its row label and the cells after its last label."""

    def __init__(
        self,
        hit: LabelHit | None,
        values: list[_Classified],
        nonblank: list[_Classified],
        where: Cell,
        unlabeled: bool,
    ) -> None:
        self.hit: Final = hit  # the last label naming a row or a group
        self.values: Final = values
        self.nonblank: Final = nonblank  # those values that are not blank
        self.where: Final = where  # the row's last cell
        self.unlabeled: Final = unlabeled  # the row holds no label at all


def _read_rows(rows: list[list[_Classified]]) -> list[_RowReading]:
    readings = []
    for row in rows:
        last_label = len(row) - 1
        while last_label >= 0 and row[last_label].role is not CellRole.LABEL:
            last_label -= 1
        hit = None
        for item in reversed(row[: last_label + 1]):
            if item.names_row:
                hit = item.hit
                break
        values = row[last_label + 1 :]
        nonblank = [v for v in values if v.role is not CellRole.BLANK]
        readings.append(_RowReading(hit, values, nonblank, row[-1].cell, last_label < 0))
    return readings


def _foreign(version: str, hits: Sequence[LabelHit]) -> int:
    """How many of a table's labels the version does not have."""
    return sum(1 for h in hits if version not in h.versions)


class _RowShape:
    """A row of a template, as :func:`_attempt` reads it: the format model's row (an attrs class,
    whose fields compiled code looks up by name) read once into native fields."""

    def __init__(self, row: TemplateRow) -> None:
        self.key: Final = row.key
        self.label: Final = row.label
        # untyped keys: compiled, a key typed as a pair is unpacked, then made again to look up
        self.cell_keys: Final[tuple[Any, ...]] = row.cell_keys  # one for each of the row's columns
        self.optional: Final = row.optional


class _Shape:
    """A template's rows as :func:`_attempt` reads them, made once for each template."""

    def __init__(self, template: Template) -> None:
        rows = tuple(_RowShape(row) for row in template.rows)
        self.version: Final = template.version
        self.by_key: Final = {row.key: row for row in rows}
        self.unlabeled: Final = tuple(row for row in rows if not row.label)
        self.ordered: Final = tuple(row for row in rows if not row.optional)


#: the shape of each template read, by id() (a template is hashed by every field), the template
#: kept beside it so that a reused id cannot give another's; forgotten all at once past a bound
_SHAPES: Final[dict[int, tuple[Template, _Shape]]] = {}
_SHAPES_KEPT: Final = 256


def _shape(template: Template) -> _Shape:
    known = _SHAPES.get(id(template))
    if known is None or known[0] is not template:
        if len(_SHAPES) >= _SHAPES_KEPT:
            _SHAPES.clear()
        known = _SHAPES[id(template)] = (template, _Shape(template))
    return known[1]


def _attempt(template: Template, rows: Sequence[_RowReading], foreign: int) -> _Attempt:
    shape = _shape(template)
    version = shape.version
    by_key = shape.by_key
    unlabeled = shape.unlabeled
    cells: dict[tuple[str, str], Cell] = {}
    problems: list[ShapeProblem] = []
    seen: dict[str, Cell] = {}
    # a row of blank cells and nothing else is the unlabeled row only when no row with values is
    # (a blank spacer row before table 4's figures must not take their place)
    blank_rows_count = not any(r.hit is None and r.nonblank and r.unlabeled for r in rows)
    for reading in rows:
        row_hit, found, nonblank = reading.hit, reading.values, reading.nonblank
        last, bare = reading.where, reading.unlabeled
        target: _RowShape | None = None
        anchor: Cell | None = None
        if row_hit is not None:
            ref = row_hit.ref_for(version)
            anchor = row_hit.cell
            if ref is not None and ref.kind == "row":
                target = by_key.get(ref.key)
        elif nonblank or (bare and blank_rows_count):
            # values with no label: the format's row without a label (table 4's one row); a row
            # of blank cells and nothing else is that row too, left empty (a blank template)
            target = next((r for r in unlabeled if r.key not in seen), None)
            if target is not None and not nonblank and len(found) < len(target.cell_keys):
                target = None
        if target is None:
            if nonblank and (row_hit is None or row_hit.ref_for(version) is not None):
                problems.append(ShapeProblem("stray-values", nonblank[0].cell.span, found=len(nonblank)))
            continue
        if target.key in seen:
            problems.append(ShapeProblem("duplicate-row", (anchor or found[0].cell).span, target.label))
            continue
        expected = len(target.cell_keys)
        first, end = 0, len(found)
        while end - first > expected and found[first].role is CellRole.BLANK:
            first += 1
        while end - first > expected and found[end - 1].role is CellRole.BLANK:
            end -= 1
        values = found[first:end]
        where = anchor or (values[0].cell if values else last)
        seen[target.key] = where
        if len(values) > expected:
            problems.append(
                ShapeProblem("extra-values", values[expected].cell.span, target.label, expected, len(values))
            )
        elif len(values) < expected:
            span = values[-1].cell.span if values else where.span
            problems.append(ShapeProblem("missing-values", span, target.label, expected, len(values)))
        # a short row fills what it has (by index: compiled, a zip is an object made and then
        # stepped through the iterator protocol, for every row of every version tried)
        keys = target.cell_keys
        for index in range(min(len(keys), len(values))):
            cells[keys[index]] = values[index].cell
    ordered = shape.ordered
    cut = 0
    for index, row_spec in enumerate(ordered):
        if row_spec.key not in seen:
            following = next((seen[r.key] for r in ordered[index + 1 :] if r.key in seen), None)
            place = following.span if following else (rows[-1].where.span if rows else None)
            if place is not None:
                problems.append(ShapeProblem("missing-row", place, row_spec.label, len(row_spec.cell_keys), 0))
                cut += following is None and bool(seen)
    return _Attempt(template, cells, problems, foreign, cut)


def _spec_for(table: Table, model: FormatModel) -> tuple[TableSpec, list[_Classified]] | None:
    """The format table with the most labels in this table (at least two), and its cells read against it.

    The table is recognised by exact label look-ups alone; only then are its cells
    classified against that one table, fuzzy matching included. A table whose cells run
    together (:attr:`Layout.GLUED`) is recognised by the labels its text holds, and has no cells.
    """
    if table.layout is Layout.GLUED:
        from gialint.parse.cues import cues_for

        glued = cues_for(model).glued_table(next(iter(table.cells)).text)
        return (model.tables[glued[0]], []) if glued is not None else None
    cells = [cell for row in table.rows for cell in row.cells]  # not through Table.cells: a generator step per cell
    votes: dict[int, int] = {}  # by id(): hashing a whole TableSpec costs more than the count
    for cell in cells:
        if cell.text and cell.value.kind is ValueKind.TEXT:
            for spec in _naming.answer(model, cell.text):
                votes[id(spec)] = votes.get(id(spec), 0) + 1
    best, most = None, 1
    for spec in model.tables.values():  # the format's order breaks ties
        if votes.get(id(spec), 0) > most:
            best, most = spec, votes[id(spec)]
    if best is None:
        return None
    return best, _classify(cells, best)


def match_tables(report: Report, model: FormatModel, prefer: str | None = None) -> tuple[MatchedTable, ...]:
    """Every table of the report that is one of the format's, read cell by cell.

    Consecutive tables recognised as the same format table (table 2 split into its
    blocks, say) are read as one. ``prefer`` breaks ties between versions.
    """
    found: list[tuple[TableSpec, Section | None, Table, list[_Classified]]] = []
    located = [(None, t) for t in _preamble_tables(report)] + [(s, t) for s in report.sections for t in s.tables]
    for section, table in located:
        recognised = _spec_for(table, model)
        if recognised is not None:
            found.append((recognised[0], section, table, recognised[1]))
    groups: list[list[tuple[TableSpec, Section | None, Table, list[_Classified]]]] = []
    for item in found:
        if groups and groups[-1][-1][0] is item[0]:
            groups[-1].append(item)
        else:
            groups.append([item])
    return tuple(_match_group(group, model, prefer) for group in groups)


def _preamble_tables(report: Report) -> list[Table]:
    return [b for b in report.preamble if isinstance(b, Table)]


def _match_group(
    group: list[tuple[TableSpec, Section | None, Table, list[_Classified]]],
    model: FormatModel,
    prefer: str | None,
) -> MatchedTable:
    spec = group[0][0]
    rows: list[list[_Classified]] = []
    hits: list[LabelHit] = []
    for _, _, table, classified in group:
        rows.extend(_virtual_rows(table, classified))
        hits.extend(c.hit for c in classified if c.hit is not None)
    readings = _read_rows([r for r in rows if r])
    attempts = _attempts([spec.template(v.id) for v in model.versions], readings, hits)
    best_score = min(a.score for a in attempts)
    fitting = [a for a in attempts if a.score == best_score]
    chosen = next((a for a in fitting if a.template.version == prefer), fitting[-1])
    sources = tuple(item[2] for item in group)
    cells, problems = chosen.cells, chosen.problems
    unreadable = _unreadable(sources, problems, hits)
    if unreadable is not None:
        cells, problems = _readable_part(chosen, unreadable)
    return MatchedTable(
        spec=spec,
        template=chosen.template,
        versions=frozenset(a.template.version for a in fitting),
        section=group[0][1],
        sources=sources,
        cells=cells,
        labels=tuple(hits),
        problems=tuple(problems),
        unreadable=unreadable,
    )


def _attempts(templates: list[Template], readings: Sequence[_RowReading], hits: Sequence[LabelHit]) -> list[_Attempt]:
    """The table read as each of ``templates``, in their order, leaving out those that cannot
    score as well as the best: a version's score is at least its foreign labels (each of its
    problems adds one, a cut takes back at most one for a missing row), so a version with more
    foreign labels than the best version's whole score is not read at all — most tables of a
    2021 report hold labels the 2019 format does not have."""
    foreign = [_foreign(t.version, hits) for t in templates]
    read: dict[int, _Attempt] = {}
    best = -1
    for index in sorted(range(len(templates)), key=foreign.__getitem__):  # the fewest foreign labels first
        if best >= 0 and foreign[index] > best:
            continue
        attempt = _attempt(templates[index], readings, foreign[index])
        read[index] = attempt
        best = attempt.score[0] if best < 0 else min(best, attempt.score[0])
    return [read[i] for i in sorted(read)]


#: Shape problems that, in a layout without row breaks, mean cells were split or merged on the way.
_COUNT_PROBLEMS = ("extra-values", "missing-values", "stray-values")


def _unreadable(
    sources: tuple[Table, ...], problems: list[ShapeProblem], hits: Sequence[LabelHit]
) -> Unreadable | None:
    """Why cells of these tables cannot be read one by one, or None when they can.

    Cells run together on a line cannot. In crawler text (one cell per line, nothing else), a
    row with more or fewer values than the format means cells were split ("1" / "62") or merged
    (identical lines dropped) on the way: which value is which column would be a guess.
    """
    glued = next((t for t in sources if t.layout is Layout.GLUED), None)
    if glued is not None:
        return Unreadable("glued", glued.span)
    if all(t.layout is Layout.LINES for t in sources):
        first = next((p for p in problems if p.kind in _COUNT_PROBLEMS), None)
        if first is not None:
            # at the row's label where it has one: the place a baseline keeps (t3 / row / new)
            label = next((h.cell for h in hits if first.row and any(r.label == first.row for r in h.refs)), None)
            span = label.span if label is not None else first.span
            return Unreadable("values", span, first.row, first.expected, first.found)
    return None


def _readable_part(chosen: _Attempt, why: Unreadable) -> tuple[dict[tuple[str, str], Cell], list[ShapeProblem]]:
    """The cells and problems left when the rows that cannot be read are set aside.

    Glued cells leave nothing. In crawler text each row's values are the lines after its own
    label, so a split or merged cell spoils only its row: the other rows stay, and sums that
    need a dropped cell are not checked. Its other shape problems (a row not found, or found
    twice) are no more trustworthy than the reading that found them: GIA207 stands for them all.
    """
    if why.kind == "glued":
        return {}, []
    spoiled = {p.row for p in chosen.problems if p.kind in _COUNT_PROBLEMS and p.row is not None}
    keys = {r.key for r in chosen.template.rows if r.label in spoiled}
    cells = {key: cell for key, cell in chosen.cells.items() if key[0] not in keys}
    return cells, []
