"""Turning what a reader found (lines of text, table grids) into the text gialint lints.

Every reader produces the same two kinds of block: :class:`TextLine` (a paragraph
line, made of runs that each know their origin) and :class:`Grid` (a table as the
eye sees it: rows of cells, merged cells standing once at their top-left position).
:func:`compose` writes them as a Markdown document — lines as lines, grids as
``| a | b |`` rows — and records a :class:`~gialint.location.Segment` for every run
and cell, so a finding in the text can be traced back to the original file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from attrs import frozen

from gialint.location import Location, Segment, SourceMap

_CELL_SPACE = re.compile(r"[\t\n\r\f\v]+")
_LINE_BREAKS = re.compile(r"[\n\r\f\v]+")  # tabs stay: a tab-separated line is a table row


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
    text: str
    location: Location


@frozen
class Grid:
    """Rows of cells; ``None`` where a merged cell from above or the left covers the position."""

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
            rows = [row for row in block.rows if any(c is not None and c.text for c in row)]
            if not rows:
                continue
            lines.append("")  # a table stands apart from the text before it
            for row in rows:
                _row(row, len(lines) + 1, lines, segments)
            previous_grid = True
    return "\n".join(lines) + "\n", SourceMap(segments)


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
