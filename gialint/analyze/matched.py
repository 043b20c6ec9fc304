"""What matching makes of a statistics table: :class:`MatchedTable`, the labels it
recognised (:class:`LabelHit`) and the shape problems it found (:class:`ShapeProblem`).

These are the classes rules read; the matching itself is :mod:`gialint.analyze.match`. They live
apart so that the matcher can be compiled (see docs/performance.md) while these stay
plain Python classes, with their cached properties, for rules and plugins.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal

from attrs import frozen

from gialint.analyze.census import Census, amounts_of, take_census, value_cells
from gialint.analyze.label_hit import LabelHit as LabelHit  # re-exported: rules read the hits
from gialint.analyze.label_hit import foreign, headers, misspelt
from gialint.analyze.shape import ShapeProblem as ShapeProblem  # re-exported: rules read the problems
from gialint.base.cached import cached_property
from gialint.base.span import Span
from gialint.formats import ColumnSpec, TableSpec, Template, TemplateRow
from gialint.formats.model import LabelRef
from gialint.parse.ast import Cell, Section, Table


@frozen
class Unreadable:
    """Why a table's cells cannot be told apart, so that its figures are not checked (GIA207).

    ``kind``: "glued" (labels and figures run together on a line) or "values" (in a layout
    without row breaks, a row has more or fewer values than the format: cells were split or
    merged on the way, as crawlers do, and any reading of the columns would be a guess).
    """

    kind: str
    span: Span
    row: str | None = None
    expected: int | None = None
    found: int | None = None


@frozen(slots=False)  # not slotted: see "Cached properties" in docs/performance.md
class MatchedTable:
    spec: TableSpec
    template: Template  # the version it is read with
    versions: frozenset[str]  # every version it fits equally well
    section: Section | None
    sources: tuple[Table, ...]
    cells: Mapping[tuple[str, str], Cell]  # (row key, column id) -> cell
    labels: tuple[LabelHit, ...]
    problems: tuple[ShapeProblem, ...]
    unreadable: Unreadable | None = None  # then ``cells`` and ``problems`` are empty

    @cached_property
    def span(self) -> Span:
        return self.sources[0].span.cover(self.sources[-1].span)

    @cached_property  # kept: asked some 50 times a report, by the rules and the linter
    def id(self) -> str:
        return self.spec.id

    def cell(self, row: str, column: str) -> Cell | None:
        return self.cells.get((row, column))

    def value_cells(self) -> Iterator[tuple[TemplateRow, ColumnSpec, Cell]]:
        """Every value cell found, with its row and column, in the format's order."""
        return iter(self._value_cells)

    @cached_property
    def _value_cells(self) -> tuple[tuple[TemplateRow, ColumnSpec, Cell], ...]:
        # several rules walk every value cell: found once, by a compiled loop (analyze/census.py)
        return value_cells(self.template.rows, self.cells)

    @cached_property
    def census(self) -> Census:
        """The value cells that are not plain whole numbers, by sort (:mod:`gialint.analyze.census`):
        what the rules about cells read instead of every cell."""
        return take_census(self._value_cells)

    @cached_property
    def amounts(self) -> Mapping[tuple[str, str], Decimal | None]:
        """Each cell's amount for arithmetic (see :attr:`CellValue.amount`): None for text."""
        return amounts_of(self.cells)

    def column_headers(self, column: str) -> Iterator[Cell]:
        """The cells that carry a column's label."""
        return iter(headers(self.labels, column))

    def foreign_labels(self) -> Iterable[LabelHit]:
        """Labels that belong to another version of this table only."""
        return foreign(self.labels, self.template.version)

    def misspelt_labels(self) -> Iterable[tuple[LabelHit, LabelRef]]:
        """The labels of the table's version written other than the format writes them —
        recognised only by similarity, or a known typo — each with the format's label (GIA203)."""
        return misspelt(self.labels, self.template.version)

    def row_label(self, row: str) -> str:
        found = self.template.row_by_key.get(row)
        return found.label if found else row

    def column_label(self, column: str) -> str:
        for spec in self.template.columns:  # a loop, not next() over a generator: asked for every finding's cell
            if spec.id == column:
                return spec.label
        return column
