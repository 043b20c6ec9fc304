"""Tables drawn without rules: lines whose pieces stand in columns.

A line falls into pieces where a gap is wider than :data:`PIECE_GAP` times its height
(the space between two cells, not between two words). Consecutive lines of two pieces
or more are a table when their pieces stand in at least two columns — the columns are
where the pieces' horizontal extents overlap, so left-, centre- and right-aligned cells
all line up — and one of the pieces is a label of a format table ("信息内容", "规章"). A
signature line or an address block with a wide gap is not a table: it carries no label.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from gialint.read.pdf_lines import Line
from gialint.read.pdf_page import Char

PIECE_GAP = 1.5  # a gap wider than this many line heights separates two cells
NEXT_LINE = 2.5  # consecutive rows stand closer than this many line heights apart

#: A row of a table without rules: its pieces, each the characters of one cell.
Row = list[list[Char]]


def pieces(line: Line) -> Row:
    """The line cut where a gap is wider than a cell's spacing."""
    out: Row = []
    for char in line.chars:
        if char.space:
            continue
        if out and char.x0 - out[-1][-1].x1 > PIECE_GAP * min(char.size, out[-1][-1].size):
            out.append([char])
        elif out:
            out[-1].append(char)
        else:
            out.append([char])
    return out


def columns(rows: Sequence[Row]) -> list[tuple[float, float]]:
    """The columns the pieces stand in: their horizontal extents, overlapping ones merged."""
    spans = sorted((piece[0].x0, piece[-1].x1) for row in rows for piece in row)
    out: list[tuple[float, float]] = []
    for left, right in spans:
        if out and left <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], right))
        else:
            out.append((left, right))
    return out


def aligned_runs(
    lines: Sequence[Line], is_label: Callable[[str], bool], text: Callable[[list[Char]], str]
) -> list[range]:
    """The runs of ``lines`` (top to bottom) that are tables without rules."""
    cut = [pieces(line) for line in lines]
    out: list[range] = []
    current: list[int] = []

    def flush() -> None:
        rows = [cut[i] for i in current]
        if len(rows) >= 2 and len(columns(rows)) >= 2 and any(is_label(text(p)) for row in rows for p in row):
            out.append(range(current[0], current[-1] + 1))

    for index, line in enumerate(lines):
        several = len(cut[index]) >= 2
        if several and current:
            previous = lines[current[-1]]
            if line.top - previous.box[3] < NEXT_LINE * min(line.size, previous.size):
                current.append(index)
                continue
        flush()
        current = [index] if several else []
    flush()
    return out
