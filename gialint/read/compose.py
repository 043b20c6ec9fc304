"""Turning what a reader found (lines of text, table grids) into the text gialint lints.

Every reader produces the same two kinds of block: :class:`TextLine` (a paragraph
line, made of runs that each know their origin) and :class:`Grid` (a table as the
eye sees it: rows of cells, merged cells standing once at their top-left position).
:func:`compose` writes them as a Markdown document — lines as lines, grids as
``| a | b |`` rows — and records a :class:`~gialint.base.location.Segment` for every run
and cell, so a finding in the text can be traced back to the original file.

A Markdown row holds one cell per cell of the table that the row crosses, in order
(:func:`markdown_rows`): a cell spanning several grid columns is written once, not as
a value followed by blanks, since the matcher reads a row's values by their order
after its label. A cell reaching down from a row above stands as one blank cell,
which keeps the values after it in their places; a grid column in which no row
starts a cell (a column a word processor made only to draw a shifted border) is left
out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import frozen

from gialint.base.location import Location, Segment, SourceMap
from gialint.base.precompiled import regex

LAYOUT_CELL_CHARS = 300  # a table "cell" holding more text than this is page layout, not data
MAX_CELLS = 100_000  # grid positions in one table, however its spans are declared
_CELL_SPACE = regex(r"[\t\n\r\f\v]+")
_LINE_BREAKS = regex(r"[\n\r\f\v]+")  # tabs stay: a tab-separated line is a table row


@frozen
class Run:
    """A piece of a line. ``exact``: its characters are the original's one for one (HTML)."""

    text: str
    location: Location
    exact: bool = False


@frozen
class TextLine:
    runs: tuple[Run, ...]
    heading: int = 0  # a Markdown heading level taken from the document's own style, or 0

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@frozen
class GridCell:
    """A cell at its top-left grid position; ``colspan``/``rowspan``: how many grid columns and rows it covers."""

    text: str
    location: Location
    colspan: int = 1
    rowspan: int = 1


@frozen
class Grid:
    """Rows of cells; ``None`` where a merged cell from above or the left covers the position, or where no cell is.

    A reader that knows a cell's spans says so in the cell (HTML, Word); a ``None`` that
    no declared span covers is a hole, written as a blank cell when a cell of another
    row starts in its column and it is not at the end of its row.
    """

    rows: tuple[tuple[GridCell | None, ...], ...]


Block = TextLine | Grid


@frozen
class Extracted:
    """A report file as text, with the map back to the file (None when the file *is* the text)."""

    text: str
    format: str  # text | markdown | html | docx | pdf
    source_map: SourceMap | None = None
    encoding: str | None = None


def cell_text(parts: Iterable[str]) -> str:
    """A cell's text on one line: its paragraphs joined, tabs and breaks as nothing, "|" as "｜"."""
    return _CELL_SPACE.sub("", "".join(parts)).replace("|", "｜").strip()


def compose(blocks: Sequence[Block]) -> tuple[str, SourceMap]:
    lines: list[str] = []
    segments: list[Segment] = []
    previous_grid = False
    for block in blocks:
        if isinstance(block, TextLine):
            if not block.text.strip():
                continue
            if previous_grid:
                lines.append("")
            _line(block, len(lines) + 1, lines, segments)
            previous_grid = False
        else:
            if not any(c is not None and c.text for row in block.rows for c in row):
                continue  # an empty grid draws a box or spaces the page: nothing to read
            rows = markdown_rows(block)
            lines.append("")  # a table stands apart from the text before it
            for row in rows:
                _row(row, len(lines) + 1, lines, segments)
            previous_grid = True
    return "\n".join(lines) + "\n", SourceMap(segments)


def markdown_rows(grid: Grid) -> list[list[GridCell | None]]:
    """The grid's rows as Markdown writes them: in each row, its cells in column order and
    one ``None`` (a blank) for each cell reaching down into it from a row above or each
    hole before its last cell; grid columns covered by a cell from the left, and columns
    in which no row starts a cell, give nothing. A row in which no cell starts is left
    out; a row of empty cells stays."""
    width = max((len(row) for row in grid.rows), default=0)
    starts = {c for row in grid.rows for c, cell in enumerate(row) if cell is not None}
    above: dict[tuple[int, int], tuple[int, int]] = {}  # (row, column) -> the covering cell's top-left
    for r, row in enumerate(grid.rows):
        for c, cell in enumerate(row):
            if cell is not None and cell.rowspan > 1:
                for i in range(r + 1, min(r + cell.rowspan, len(grid.rows))):
                    for j in range(c, min(c + max(cell.colspan, 1), width)):
                        above.setdefault((i, j), (r, c))
    out: list[list[GridCell | None]] = []
    for r, row in enumerate(grid.rows):
        if all(cell is None for cell in row):
            continue
        written: list[GridCell | None] = []
        last_cell = 0  # the length of ``written`` up to its last cell or covered position
        reaching: set[tuple[int, int]] = set()
        covered_to = 0  # the end of the columns a cell of this row covers
        for c in range(width):
            cell = row[c] if c < len(row) else None
            if cell is not None:
                written.append(cell)
                last_cell = len(written)
                covered_to = max(covered_to, c + max(cell.colspan, 1))
            elif c < covered_to:
                continue
            elif (r, c) in above:
                origin = above[(r, c)]
                if origin not in reaching:
                    reaching.add(origin)
                    written.append(None)
                    last_cell = len(written)
            elif c in starts:
                written.append(None)  # a hole
        out.append(written[:last_cell])
    return out


def _line(block: TextLine, number: int, lines: list[str], segments: list[Segment]) -> None:
    text = "#" * block.heading + " " if block.heading else ""
    if text:
        segments.append(Segment(number, 1, len(text) + 1, block.runs[0].location))
    for run in block.runs:
        piece = _LINE_BREAKS.sub(" ", run.text)
        start = len(text) + 1
        text += piece
        segments.append(Segment(number, start, start + len(piece), run.location, run.exact))
    lines.append(text)


def _row(row: Sequence[GridCell | None], number: int, lines: list[str], segments: list[Segment]) -> None:
    text = "|"
    for cell in row:
        content = "" if cell is None else cell_text([cell.text])
        start = len(text) + 2
        text += f" {content} |"
        if cell is not None:
            segments.append(Segment(number, start, start + len(content), cell.location))
    lines.append(text)
