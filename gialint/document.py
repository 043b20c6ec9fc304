"""A parsed report together with what gialint worked out about it.

:class:`Document` is what every rule reads: the syntax tree, the report year and
where it was found, which of the format's sections each heading is, and each
statistics table matched to its version, row by row and cell by cell.
"""

from __future__ import annotations

from collections.abc import Iterator

from attrs import frozen

from gialint.ast import Cell, Report, Section
from gialint.formats import ColumnSpec, FormatModel, SectionSpec, TemplateRow, Version, load
from gialint.match import MatchedTable, match_tables
from gialint.outline import SectionFound, outline
from gialint.parse import parse_report
from gialint.year import ReportYear, find_year


@frozen
class Document:
    report: Report
    year: ReportYear | None
    sections: tuple[SectionFound, ...]
    tables: tuple[MatchedTable, ...]
    model: FormatModel

    @property
    def expected_version(self) -> Version | None:
        """The format the report year calls for (None when the year is unknown or before 2019)."""
        return self.model.expected_version(self.year.year) if self.year else None

    @property
    def version(self) -> str | None:
        """The format version the report is held to: the year's, else the one its tables fit."""
        if self.expected_version is not None:
            return self.expected_version.id
        fits = {v for t in self.tables if len(t.versions) == 1 for v in t.versions}
        return fits.pop() if len(fits) == 1 else None

    def table(self, table_id: str) -> MatchedTable | None:
        return next((t for t in self.tables if t.id == table_id), None)

    def recognised_sections(self) -> Iterator[tuple[SectionSpec, Section]]:
        """Each section whose heading names one of the format's, in document order."""
        for found in self.sections:
            if found.identified is not None:
                yield found.identified.spec, found.section

    def value_cells(self) -> Iterator[tuple[MatchedTable, TemplateRow, ColumnSpec, Cell]]:
        """Every value cell of every statistics table, with its table, row and column."""
        for table in self.tables:
            for row, column, cell in table.value_cells():
                yield table, row, column, cell


def analyze(report: Report, model: FormatModel | None = None) -> Document:
    model = model or load()
    year = find_year(report)
    expected = model.expected_version(year.year) if year else None
    tables = match_tables(report, model, prefer=expected.id if expected else None)
    return Document(report, year, outline(report), tables, model)


def parse_document(text: str, model: FormatModel | None = None) -> Document:
    """Parse and analyse a report's text."""
    return analyze(parse_report(text), model)
