"""What ``gialint extract`` gives for one report: :class:`Extraction`, its value cells as :class:`ValueCell`.

One row per value cell of the statistics tables, in the columns of :data:`COLUMNS` (declared
once here: the CSV, JSON Lines, xlsx and Parquet writers and ``gialint.extract`` all take them
from this list; docs/researchers.md explains each). Kept apart from :mod:`gialint.run.extract`,
which parses, so that the result cache can hold extractions without importing the parser.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from attrs import frozen

from gialint.base.location import DocxCell, DocxParagraph, FilePosition, Location, PdfPosition
from gialint.base.pickled import by_fields

Number = int | float

#: The columns of a row, in order: the report's (file … version), the cell's place in the format
#: (table … column_label), what it holds (text … unit), and where it is in the file (location …).
COLUMNS = (
    "file",
    "file_format",
    "agency",
    "year",
    "version",
    "table",
    "table_title",
    "row_id",
    "row_label",
    "column_id",
    "column_label",
    "text",
    "value",
    "kind",
    "unit",
    "location",
    "line",
    "char",
    "page",
    "word_table",
    "word_row",
    "word_column",
    "text_line",
)
#: The columns that hold whole numbers (or nothing); ``value`` is a number (or nothing); the rest text.
INTEGER_COLUMNS = frozenset({"year", "line", "char", "page", "word_table", "word_row", "word_column", "text_line"})
#: The columns of the errors output: a file that could not be read, and why.
ERROR_COLUMNS = ("file", "error")


class ValueCell(NamedTuple):
    """One value cell: its table, row and column (ids of formats.toml and the format's labels), its
    text as written, its number (None for a dash, a blank or text), how it was written (``kind``:
    integer, decimal, signed, with-unit, dash, blank, text) and its unit, the line and column of its
    text in the text gialint reads, and its ``location`` in the file (.html/.docx/.pdf).

    A named tuple, as :class:`gialint.parse.ast.Cell` is: a run over thousands of reports loads
    millions of them from the cache, and a tuple is made in a fraction of an attrs instance's time."""

    table: str
    table_title: str
    row_id: str
    row_label: str
    column_id: str
    column_label: str
    text: str
    value: Number | None
    kind: str
    unit: str | None
    text_line: int
    text_column: int
    location: Location | None = None

    def place(self) -> tuple[str, int | None, int | None, int | None, int | None, int | None, int | None]:
        """``location, line, char, page, word_table, word_row, word_column``, as the columns say."""
        found = self.location
        if found is None:  # a text report: its lines are the file's
            return "text", self.text_line, self.text_column, None, None, None, None
        if isinstance(found, FilePosition):
            return "file", found.line, found.column, None, None, None, None
        if isinstance(found, PdfPosition):
            return "pdf", found.line, None, found.page, None, None, None
        if isinstance(found, DocxCell):
            return "docx-cell", None, None, None, found.table, found.row, found.column
        assert isinstance(found, DocxParagraph)
        return "docx-paragraph", None, None, None, None, found.paragraph, None


@by_fields
@frozen
class Extraction:
    """A report's value cells, and what identifies the report: its file, format, agency, year and
    format version (each None where the report does not say)."""

    path: str | None
    file_format: str
    agency: str | None
    year: int | None
    version: str | None
    cells: tuple[ValueCell, ...]

    def records(self) -> Iterator[tuple[Any, ...]]:
        """Each cell as a row of :data:`COLUMNS`."""
        head = (self.path, self.file_format, self.agency, self.year, self.version)
        for c in self.cells:
            yield (*head, *c[:10], *c.place(), c.text_line)
