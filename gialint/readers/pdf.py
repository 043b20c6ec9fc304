"""PDF files with a text layer: lines of text and ruled tables, page by page.

pdfplumber (on pdfminer.six) gives every character with its box, and finds ruled
tables from the lines drawn on the page, merged cells included. From those:

* characters are put together into lines by their position, not by how the PDF
  happened to split them into text runs; characters drawn twice (fake bold) are
  dropped, and a space the PDF puts between two Chinese characters is removed;
* a line that runs to the right margin continues on the next line (one paragraph);
* page furniture — "- 3 -", "第3页 共9页", "3/9" at the top or foot of a page — is dropped;
* a table that goes on at the top of the next page, with as many columns, is one table.

A location is the page, the line on that page (every line of text counts, table rows
included, top to bottom) and the box. Scanned PDFs (no text) and PDFs whose fonts have
no Unicode mapping (text comes out as "(cid:NN)") are refused with what to do.
"""

from __future__ import annotations

import bisect
import io
import logging
import re
from collections.abc import Sequence
from typing import Any

from attrs import define

from gialint.location import PdfPosition
from gialint.readers.compose import Block, Extracted, Grid, GridCell, Run, TextLine, cell_text, compose
from gialint.readers.limits import Limits
from gialint.source import ReadError

_FURNITURE = re.compile(
    r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})$"
)
_CJK = re.compile(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) +(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")
_CID = re.compile(r"^\(cid:\d+\)$")
MARGIN = 0.12  # the top and bottom share of a page where furniture stands
CID_RATIO = 0.05  # more "(cid:NN)" characters than this and the text layer is unusable

Box = tuple[float, float, float, float]


@define
class _Line:
    chars: list[dict[str, Any]]

    @property
    def top(self) -> float:
        return min(float(c["top"]) for c in self.chars)

    @property
    def box(self) -> Box:
        return (
            min(c["x0"] for c in self.chars),
            self.top,
            max(c["x1"] for c in self.chars),
            max(c["bottom"] for c in self.chars),
        )

    @property
    def size(self) -> float:
        return max(float(c.get("size") or 10) for c in self.chars)


def _lines(chars: Sequence[dict[str, Any]]) -> list[_Line]:
    """Characters grouped into lines: the same band from top to bottom, read left to right."""
    lines: list[_Line] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if lines and char["top"] - lines[-1].chars[0]["top"] <= max(2.0, 0.4 * float(char.get("size") or 10)):
            lines[-1].chars.append(char)
        else:
            lines.append(_Line([char]))
    for line in lines:
        line.chars.sort(key=lambda c: c["x0"])
    return lines


def _text(line: _Line) -> str:
    parts: list[str] = []
    previous: dict[str, Any] | None = None
    for char in line.chars:
        if previous is not None and char["x0"] - previous["x1"] > 0.6 * float(char.get("size") or 10):
            parts.append(" ")
        parts.append(char["text"])
        previous = char
    return _CJK.sub("", re.sub(r" {2,}", " ", "".join(parts))).strip()


def _unique(chars: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Without characters drawn again within a point of themselves (how PDFs fake bold type)."""
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for char in chars:
        text, x, y = char["text"], int(char["x0"]), int(char["top"])
        if any((text, x + dx, y + dy) in seen for dx in (-1, 0, 1) for dy in (-1, 0, 1)):
            continue
        seen.add((text, x, y))
        kept.append(char)
    return kept


#: A page's blocks top to bottom: (top, block, whether the line runs to the right margin).
_Page = list[tuple[float, Block, bool]]


class _PageReader:
    def __init__(self, page: Any, number: int) -> None:
        self.number = number
        self.page = page
        self.chars = _unique([c for c in page.chars if c.get("upright", True)])
        self._tops = sorted({round(line.top, 1) for line in _lines(self.chars)})

    def line_number(self, top: float) -> int:
        """The line on the page (from 1) that a character at ``top`` stands on."""
        return max(1, bisect.bisect_right(self._tops, round(top, 1) + 0.05))

    def read(self) -> _Page:
        tables = self.page.find_tables()
        boxes = [t.bbox for t in tables]
        inside: list[list[dict[str, Any]]] = [[] for _ in tables]
        outside: list[dict[str, Any]] = []
        for char in self.chars:
            x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
            index = next((i for i, b in enumerate(boxes) if b[0] <= x <= b[2] and b[1] <= y <= b[3]), None)
            (outside if index is None else inside[index]).append(char)
        blocks: list[tuple[float, Block, bool]] = []
        for table, chars in zip(tables, inside, strict=True):
            blocks.append((table.bbox[1], self._grid(table, chars), False))
        lines = [line for line in _lines(outside) if line.chars]
        height = float(self.page.height)
        # the text area's right edge, taking the margins to be equal
        right = float(self.page.width) - min((line.box[0] for line in lines), default=0.0)
        for line in lines:
            text = _text(line)
            box = line.box
            if not text or (_FURNITURE.match(text) and (box[1] < height * MARGIN or box[3] > height * (1 - MARGIN))):
                continue
            location = PdfPosition(self.number, self.line_number(line.top), box)
            full = box[2] >= right - 1.5 * line.size
            blocks.append((line.top, TextLine((Run(text, location),)), full))
        blocks.sort(key=lambda b: b[0])
        return blocks

    def _grid(self, table: Any, chars: list[dict[str, Any]]) -> Grid:
        rows = table.rows
        bands = [row.bbox[1] for row in rows]
        cells_by_row: list[list[tuple[Box, list[dict[str, Any]]]]] = [
            [(cell, []) for cell in row.cells if cell is not None] for row in rows
        ]
        for char in chars:
            y = (char["top"] + char["bottom"]) / 2
            x = (char["x0"] + char["x1"]) / 2
            r = max(0, bisect.bisect_right(bands, y) - 1)
            # a merged cell started in an earlier row: look upwards for the cell holding the point
            for candidate in range(r, -1, -1):
                hit = next(
                    (c for c in cells_by_row[candidate] if c[0][0] <= x <= c[0][2] and c[0][1] <= y <= c[0][3]), None
                )
                if hit is not None:
                    hit[1].append(char)
                    break
        columns = sorted({round(cell[0], 1) for row in rows for cell in row.cells if cell is not None})
        grid: list[tuple[GridCell | None, ...]] = []
        for found in cells_by_row:
            line: list[GridCell | None] = [None] * len(columns)
            for cell_box, inside in found:
                box: Box = (float(cell_box[0]), float(cell_box[1]), float(cell_box[2]), float(cell_box[3]))
                text = cell_text(_text(part) for part in _lines(inside))
                top = min((c["top"] for c in inside), default=box[1])
                column = bisect.bisect_left(columns, round(box[0], 1) - 0.05)
                if column < len(line):
                    line[column] = GridCell(text, PdfPosition(self.number, self.line_number(top), box))
            grid.append(tuple(line))
        return Grid(tuple(grid))


def _failure(error: BaseException) -> ReadError:
    """One line for an error pdfminer or pdfplumber raised (they wrap each other's exceptions)."""
    inner: BaseException = error
    seen = {id(inner)}
    while True:
        nested = next((a for a in inner.args if isinstance(a, BaseException)), None) or inner.__cause__
        if nested is None or id(nested) in seen:  # an exception can hold itself, or a cycle of causes
            break
        seen.add(id(nested))
        inner = nested
    if "Password" in type(inner).__name__ or "Encrypt" in type(inner).__name__:
        return ReadError("the PDF is protected by a password: save an unprotected copy first")
    detail = f"{type(inner).__name__}: {inner}" if str(inner) else type(inner).__name__
    return ReadError(f"not a readable PDF ({detail})".splitlines()[0])


def _open(data: bytes) -> Any:
    import pdfplumber

    try:
        return pdfplumber.open(io.BytesIO(data))
    except Exception as error:  # pdfminer raises many kinds for damaged files
        raise _failure(error) from None


def read_pdf(data: bytes, limits: Limits) -> Extracted:
    if b"%%EOF" not in data[-4096:]:
        raise ReadError("the PDF does not end with %%EOF: it looks truncated (an incomplete download or copy?)")
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its warnings about fonts are not the user's business
    deadline = limits.deadline()
    pdf = _open(data)
    pages: list[_Page] = []
    chars = cids = 0
    with pdf:
        try:
            count = len(pdf.pages)
            if count > limits.max_pages:
                raise ReadError(f"the PDF has {count} pages; gialint reads up to {limits.max_pages}")
            for number, page in enumerate(pdf.pages, start=1):
                deadline.check(f"page {number}")
                reader = _PageReader(page, number)
                chars += len(reader.chars)
                cids += sum(1 for c in reader.chars if _CID.match(c["text"]))
                pages.append(reader.read())
                page.close()
        except ReadError:
            raise
        except Exception as error:  # a damaged page
            raise _failure(error) from None
    if chars == 0:
        raise ReadError(
            "the PDF has no text layer (a scanned document?): run OCR on it first "
            "(e.g. `ocrmypdf -l chi_sim in.pdf out.pdf`) and check the recognised numbers"
        )
    if cids > CID_RATIO * chars:
        raise ReadError(
            "the PDF's fonts have no Unicode mapping, so its text comes out as (cid:NN) codes: "
            "export the PDF again from the original document, or OCR it"
        )
    return _extracted(pages)


def _extracted(pages: Sequence[_Page]) -> Extracted:
    blocks: list[Block] = []
    previous_full = False
    for page in pages:
        for index, (_, block, full) in enumerate(page):
            last = blocks[-1] if blocks else None
            if isinstance(block, Grid) and isinstance(last, Grid) and index == 0 and _same_columns(last, block):
                blocks[-1] = Grid(last.rows + block.rows)  # the table goes on from the previous page
            elif isinstance(block, TextLine) and isinstance(last, TextLine) and previous_full:
                blocks[-1] = TextLine(last.runs + block.runs)  # the paragraph goes on
            else:
                blocks.append(block)
            previous_full = full
    text, source_map = compose(blocks)
    return Extracted(text, "pdf", source_map)


def _same_columns(a: Grid, b: Grid) -> bool:
    return bool(a.rows and b.rows) and len(a.rows[-1]) == len(b.rows[0])
