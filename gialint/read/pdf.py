"""PDF files with a text layer: lines of text and tables, page by page.

PDFium (through pypdfium2) gives every character with its box and every path drawn on
the page (:mod:`gialint.read.pdf_page`); the ruled regions are built from those paths
(:mod:`gialint.read.pdf_grid`), the lines from the characters
(:mod:`gialint.read.pdf_lines`), and tables drawn without rules from lines whose
pieces stand in columns (:mod:`gialint.read.pdf_aligned`). From those:

* prose is prose: a ruled region is a table only where its rows hold at least two
  cells side by side, or a full-width cell that carries a label of one of the format's
  tables ("第二十条第（一）项"); a box drawn around each line of prose (a "framed" Word
  export) or a frame around the page is not a table, and its lines are read as text;
  lines in columns without rules are a table only when they carry such a label;
* characters are put together into lines by their position, not by how the PDF split
  them into text runs; characters drawn twice (fake bold) are dropped, a space between
  two Chinese characters is removed, digits drawn as separate runs make one number, and
  Kangxi radicals or compatibility ideographs read as the characters they show;
* a line that runs to the right margin continues on the next line (one paragraph)
  unless the next line is indented; punctuation that opens a line ("。一、总体情况")
  belongs to the line before;
* page furniture — "- 3 -", "第3页 共9页", "3/9" at the top or foot of a page, and a
  running header or footer repeated on the pages — is dropped;
* a table that goes on at the top of the next page, on the same columns (or some of
  them), is one table, and a cell the page break cut in two is one cell.

A location is the page, the line on that page (every line of text counts, table rows
included, top to bottom) and the box, on the page as shown (after /Rotate). Scanned
PDFs (no text) and PDFs whose fonts have no Unicode mapping are refused with what to do.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence
from typing import Any

from attrs import define, evolve

from gialint.base import catalogue as msg
from gialint.base.location import PdfPosition
from gialint.base.messages import first_line, say
from gialint.base.precompiled import regex
from gialint.read.compose import Extracted, Grid, GridCell, Run, TextLine, cell_text, compose
from gialint.read.limits import Deadline, Limits
from gialint.read.pdf_aligned import aligned_runs, columns, pieces
from gialint.read.pdf_grid import SNAP, Region, regions
from gialint.read.pdf_lines import Line, line_text, lines_of
from gialint.read.pdf_page import Char, PageContent, page_content
from gialint.read.pdf_streams import check_streams
from gialint.read.source import ReadError

_FURNITURE = regex(
    r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})$"
)
#: Punctuation that closes what comes before it: a line never starts with it.
_CLOSING = regex(r"^[。，、；：！？）》」』”’．,;:!?)]+")
MARGIN = 0.12  # the top and bottom share of a page where furniture stands
CID_RATIO = 0.05  # more characters without a Unicode mapping than this and the text layer is unusable

Box = tuple[float, float, float, float]


@define
class _Table:
    """A table found on a page: rows of (left, right, cell) for the cells that start in each row."""

    rows: list[list[tuple[float, float, GridCell]]]
    left: float
    right: float

    @property
    def columns(self) -> list[float]:
        return _positions([x for row in self.rows for left, right, _ in row for x in (left, right)])

    def grid(self) -> Grid:
        columns = self.columns
        out: list[tuple[GridCell | None, ...]] = []
        for row in self.rows:
            line: list[GridCell | None] = [None] * max(1, len(columns) - 1)
            for left, right, cell in row:
                index = min(_nearest(columns, left), len(line) - 1)
                line[index] = evolve(cell, colspan=max(1, _nearest(columns, right) - index))
            out.append(tuple(line))
        return Grid(tuple(out))


_Block = TextLine | _Table
SAME_SIZE = 0.15  # lines whose heights differ by less than this share are in the same type size


@define
class _Placed:
    """A block on its page, and what decides whether a line goes on from the line before."""

    top: float
    block: _Block
    full: bool = False  # the line runs to the right margin
    band: str = ""  # "head" or "foot": the line stands in the top or bottom margin
    indented: bool = False  # from the left margin: a paragraph's first line, a heading, a centred title
    size: float = 0.0  # the height of most of the line's characters

    def goes_on(self, previous: _Placed | None) -> bool:
        """Whether this line continues the paragraph of ``previous`` (the line before it)."""
        return (
            previous is not None
            and previous.full
            and not self.indented
            and abs(self.size - previous.size) <= SAME_SIZE * max(self.size, previous.size)
        )


#: A page's blocks, top to bottom.
_Page = list[_Placed]


def _positions(values: Sequence[float]) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > SNAP:
            out.append(value)
    return out


def _nearest(positions: Sequence[float], value: float) -> int:
    return min(range(len(positions)), key=lambda i: abs(positions[i] - value))


@functools.lru_cache(maxsize=4096)
def is_table_label(text: str) -> bool:
    """Whether ``text`` is a label of one of the format's tables (a header, a row, a block title)."""
    from gialint.formats import load
    from gialint.formats.labels import normalize

    normalized = normalize(text)
    return bool(normalized) and any(spec.lookup(normalized) for spec in load().tables.values())


class _PageReader:
    def __init__(self, content: PageContent, number: int, deadline: Deadline) -> None:
        self.number = number
        self.content = content
        self.where = say(msg.AT_PAGE, n=number)
        self.deadline = deadline
        lines = lines_of(content.chars)
        self._tops = [line.top for line in lines]
        self._numbers = {id(char): number for number, line in enumerate(lines, start=1) for char in line.chars}

    def line_number(self, chars: Sequence[Char], top: float) -> int:
        """The line on the page (from 1) that the first of ``chars`` stands on, or the line at ``top``."""
        if chars:
            return min(self._numbers.get(id(char), len(self._tops)) for char in chars)
        return max(1, bisect.bisect_right(self._tops, top + 0.05))

    def read(self) -> _Page:
        found = regions(self.content.segments, lambda: self.deadline.check(self.where))
        inside: list[list[list[Char]]] = [[[] for _ in region.cells] for region in found]
        outside: list[Char] = []
        places = [_places(region) for region in found]
        for char in self.content.chars:
            hit = _locate(found, places, char)
            if hit is None:
                outside.append(char)
            else:
                inside[hit[0]][hit[1]].append(char)
        blocks: list[_Placed] = []
        for region, chars in zip(found, inside, strict=True):
            texts = [cell_text(line.text for line in lines_of(part)) for part in chars]
            runs = _table_rows(region, texts)
            for rows in runs:
                blocks.append(_Placed(region.rows[rows[0]], self._table(region, rows, chars, texts)))
            kept = {i for rows in runs for i, c in enumerate(region.cells) if c.row in rows}
            outside.extend(char for i, part in enumerate(chars) if i not in kept for char in part)
        blocks.extend(self._prose(outside))
        blocks.sort(key=lambda b: b.top)
        return blocks

    def _prose(self, chars: list[Char]) -> list[_Placed]:
        lines = lines_of(chars)
        height = self.content.height
        # the text area's right edge, taking the margins to be equal
        left = min((line.box[0] for line in lines), default=0.0)
        right = self.content.width - left
        out: list[_Placed] = []
        runs = aligned_runs(lines, is_table_label, line_text)
        for run in runs:
            out.append(_Placed(lines[run.start].top, self._aligned([lines[i] for i in run])))
        in_tables = {i for run in runs for i in run}
        for index, line in enumerate(lines):
            if index in in_tables:
                continue
            text = line.text
            box = line.box
            band = "head" if box[1] < height * MARGIN else "foot" if box[3] > height * (1 - MARGIN) else ""
            if not text or (band and _FURNITURE.match(text)):
                continue
            location = PdfPosition(self.number, self.line_number(line.chars[:1], line.top), box)
            full = box[2] >= right - 1.5 * line.size
            indented = box[0] > left + line.size
            out.append(_Placed(line.top, TextLine((Run(text, location),)), full, band, indented, line.type_size))
        return out

    def _aligned(self, lines: list[Line]) -> _Table:
        """A table without rules: each line a row, each piece a cell of the column it stands in."""
        rows = [pieces(line) for line in lines]
        spans = columns(rows)
        edges = [spans[0][0]] + [(a[1] + b[0]) / 2 for a, b in itertools.pairwise(spans)] + [spans[-1][1]]
        table_rows: list[list[tuple[float, float, GridCell]]] = []
        for row in rows:
            cells: dict[int, list[list[Char]]] = {}
            for piece in row:
                column = max(0, bisect.bisect_right(edges, (piece[0].x0 + piece[-1].x1) / 2) - 1)
                cells.setdefault(min(column, len(spans) - 1), []).append(piece)
            table_rows.append(
                [(edges[column], edges[column + 1], self._piece_cell(parts)) for column, parts in sorted(cells.items())]
            )
        return _Table(table_rows, edges[0], edges[-1])

    def _piece_cell(self, parts: list[list[Char]]) -> GridCell:
        chars = [char for part in parts for char in part]
        box = (
            min(c.x0 for c in chars),
            min(c.top for c in chars),
            max(c.x1 for c in chars),
            max(c.bottom for c in chars),
        )
        text = cell_text(line_text(part) for part in parts)
        return GridCell(text, PdfPosition(self.number, self.line_number(chars[:1], box[1]), box))

    def _table(self, region: Region, rows: range, chars: list[list[Char]], texts: list[str]) -> _Table:
        table_rows: list[list[tuple[float, float, GridCell]]] = [[] for _ in rows]
        for cell, inside, text in zip(region.cells, chars, texts, strict=True):
            if cell.row not in rows:
                continue
            location = PdfPosition(self.number, self.line_number(inside, cell.box[1]), cell.box)
            rowspan = min(cell.rowspan, rows.stop - cell.row)
            table_rows[cell.row - rows.start].append(
                (cell.box[0], cell.box[2], GridCell(text, location, rowspan=rowspan))
            )
        return _Table(table_rows, region.columns[0], region.columns[-1])


def _places(region: Region) -> dict[tuple[int, int], int]:
    """Each (row, column) position of a region: the index of the cell covering it."""
    places: dict[tuple[int, int], int] = {}
    for index, cell in enumerate(region.cells):
        for row in range(cell.row, cell.row + cell.rowspan):
            for column in range(cell.column, cell.column + cell.colspan):
                places[(row, column)] = index
    return places


def _locate(found: list[Region], places: list[dict[tuple[int, int], int]], char: Char) -> tuple[int, int] | None:
    """The region and cell whose box holds the middle of ``char``: the smallest, if boxes nest (a frame)."""
    x, y = char.centre, char.middle
    best: tuple[int, int] | None = None
    area = 0.0
    for index, region in enumerate(found):
        x0, top, x1, bottom = region.box
        if not (x0 <= x <= x1 and top <= y <= bottom):
            continue
        column = bisect.bisect_right(region.columns, x) - 1
        row = bisect.bisect_right(region.rows, y) - 1
        cell = places[index].get((min(row, len(region.rows) - 2), min(column, len(region.columns) - 2)))
        if cell is not None:
            box = region.cells[cell].box
            size = (box[2] - box[0]) * (box[3] - box[1])
            if best is None or size < area:
                best, area = (index, cell), size
    return best


def _table_rows(region: Region, texts: list[str]) -> list[range]:
    """The runs of a region's rows that are a table.

    A row covered by one cell only, holding text that is no label of a format table, is
    prose in a box; the rows between such rows are a table when at least one of them
    holds two cells or more side by side.
    """
    out: list[range] = []
    start = 0
    multi = False
    for row in range(len(region.rows) - 1):
        covering = region.covering(row)
        if len(covering) == 1 and texts[covering[0]] and not is_table_label(texts[covering[0]]):
            if multi:
                out.append(range(start, row))
            start, multi = row + 1, False
        elif len(covering) > 1:
            multi = True
    if multi:
        out.append(range(start, len(region.rows) - 1))
    return out


def _failure(error: BaseException) -> ReadError:
    """One line for an error PDFium raised (or an exception that wraps another)."""
    inner: BaseException = error
    seen = {id(inner)}
    while True:
        nested = next((a for a in inner.args if isinstance(a, BaseException)), None) or inner.__cause__
        if nested is None or id(nested) in seen:  # an exception can hold itself, or a cycle of causes
            break
        seen.add(id(nested))
        inner = nested
    if "Password" in type(inner).__name__ or "Encrypt" in type(inner).__name__ or "password" in str(inner):
        return ReadError(msg.PDF_PASSWORD)
    detail = f"{type(inner).__name__}: {inner}" if str(inner) else type(inner).__name__
    return ReadError(msg.PDF_UNREADABLE, detail=first_line(detail))


def _open(data: bytes) -> Any:
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(data)
    except Exception as error:  # PdfiumError for damaged or protected files
        raise _failure(error) from None


def read_pdf(data: bytes, limits: Limits) -> Extracted:
    if b"%%EOF" not in data[-4096:]:
        raise ReadError(msg.PDF_TRUNCATED)
    deadline = limits.deadline()
    check_streams(data, limits, deadline)
    pdf = _open(data)
    pages: list[_Page] = []
    chars = unmapped = 0
    try:
        count = len(pdf)
        if count > limits.max_pages:
            raise ReadError(msg.PDF_PAGES, count=count, most=limits.max_pages)
        for number in range(1, count + 1):
            where = say(msg.AT_PAGE, n=number)
            deadline.check(where)
            page = pdf[number - 1]
            try:
                content = page_content(page, deadline, where)
            finally:
                page.close()
            chars += len(content.chars)
            unmapped += content.unmapped
            pages.append(_PageReader(content, number, deadline).read())
    except ReadError:
        raise
    except Exception as error:  # a damaged page
        raise _failure(error) from None
    finally:
        pdf.close()
    if chars == 0:
        raise ReadError(msg.PDF_NO_TEXT)
    if unmapped > CID_RATIO * chars:
        raise ReadError(msg.PDF_NO_UNICODE)
    return _extracted(_without_running_lines(pages))


def _without_running_lines(pages: list[_Page]) -> list[_Page]:
    """The pages without a running header or footer: a line in the top or bottom margin that
    stands there, the same but for its numbers, on at least two pages and half of them."""
    seen: dict[tuple[str, str], int] = {}
    for page in pages:
        for key in {key for key in map(_running_key, page) if key is not None}:
            seen[key] = seen.get(key, 0) + 1
    running = {key for key, count in seen.items() if count >= max(2, len(pages) / 2)}
    return [[placed for placed in page if _running_key(placed) not in running] for page in pages]


def _running_key(placed: _Placed) -> tuple[str, str] | None:
    if not placed.band or not isinstance(placed.block, TextLine):
        return None
    return placed.band, re.sub(r"\d+", "#", placed.block.text)


def _extracted(pages: Sequence[_Page]) -> Extracted:
    blocks: list[_Block] = []
    previous: _Placed | None = None
    for page in pages:
        for index, placed in enumerate(page):
            block = placed.block
            last = blocks[-1] if blocks else None
            if isinstance(block, _Table) and isinstance(last, _Table) and index == 0 and _same_columns(last, block):
                _join_split_cells(last, block)  # a row the break cut: its pieces go back into the cells above
                last.rows.extend(_without_empty_lead(block.rows))  # the table goes on from the previous page
            elif isinstance(block, TextLine) and isinstance(last, TextLine):
                block = _give_back_punctuation(last, block, blocks)
                if placed.goes_on(previous):
                    blocks[-1] = TextLine(blocks[-1].runs + block.runs)  # type: ignore[union-attr]  # the paragraph goes on
                elif block.runs:
                    blocks.append(block)
            else:
                blocks.append(block)
            previous = placed
    text, source_map = compose([b.grid() if isinstance(b, _Table) else b for b in blocks])
    return Extracted(text, "pdf", source_map)


def _give_back_punctuation(last: TextLine, block: TextLine, blocks: list[_Block]) -> TextLine:
    """``block`` without the punctuation it opens with, which goes to the end of ``last`` (the last of ``blocks``)."""
    first = block.runs[0]
    match = _CLOSING.match(first.text)
    if match is None:
        return block
    blocks[-1] = TextLine((*last.runs, Run(match.group(), first.location)), last.heading)
    rest = first.text[match.end() :].lstrip()
    return TextLine(((Run(rest, first.location),) if rest else ()) + block.runs[1:], block.heading)


def _without_empty_lead(rows: list[list[tuple[float, float, GridCell]]]) -> list[list[tuple[float, float, GridCell]]]:
    """``rows`` without the rows of empty cells at their head: what is left of a row the page
    break cut once its pieces have gone back into the cells above."""
    start = 0
    while start < len(rows) and not any(cell.text for _, _, cell in rows[start]):
        start += 1
    return rows[start:]


def _join_split_cells(last: _Table, block: _Table) -> None:
    """Join a cell the page break cut in two ("（四）无" | "法提供") back into the cell above it.

    A cell at the top of the continued table is the rest of the last cell above it in the
    same column when the two together make a label of the format and it alone does not.
    """
    while last.rows and not any(cell.text for _, _, cell in last.rows[-1]):
        last.rows.pop()  # a row of empty cells at the foot of the page: the top of a row the break cut
    first = block.rows[0] if block.rows else []
    for left, right, cell in list(first):
        if not cell.text:
            continue
        above = next(
            (
                (row, i)
                for row in reversed(last.rows)
                for i, (x0, x1, _) in enumerate(row)
                if abs(x0 - left) <= SNAP and abs(x1 - right) <= SNAP
            ),
            None,
        )
        if above is None:
            continue
        row, i = above
        x0, x1, upper = row[i]
        if is_table_label(upper.text + cell.text) and not is_table_label(cell.text):
            row[i] = (x0, x1, evolve(upper, text=upper.text + cell.text, rowspan=upper.rowspan + cell.rowspan))
            first.remove((left, right, cell))


def _same_columns(a: _Table, b: _Table) -> bool:
    """Whether ``b`` stands on the same columns as ``a`` (or on some of them, merged)."""
    if not (a.rows and b.rows) or abs(a.left - b.left) > SNAP or abs(a.right - b.right) > SNAP:
        return False
    small, large = sorted((a.columns, b.columns), key=len)
    return all(any(abs(x - y) <= SNAP for y in large) for x in small)
