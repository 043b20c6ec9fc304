"""Ruled regions of a page: from the lines drawn on it to cells, rows and columns.

Every edge of every drawn path counts (a table may be drawn as stroked lines, as thin
filled rectangles, or as one filled rectangle per cell with hairline gaps between them).
Edges within :data:`SNAP` of each other are one rule; collinear pieces that touch are one
segment. Where a horizontal and a vertical rule cross is a corner; a cell is the
smallest rectangle of corners whose four sides are drawn. Cells that share corners are
one region, laid out on the columns and rows its cells' edges define; a merged cell
stands once, at its top-left position.

Whether a region is a table is decided by the caller (:mod:`gialint.read.pdf`): a box
around a line of prose is a region too.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from attrs import define, frozen

from gialint.read.pdf_page import Segment

SNAP = 3.0  # points: rules closer than this are one rule (a thin rectangle's two long edges, say)
MIN_LENGTH = 3.0  # points: a shorter piece (a thin rectangle's end) is not a rule
MAX_PIECES = 20_000  # more rules than this on one page is a drawing, not tables

Box = tuple[float, float, float, float]


@frozen
class Cell:
    """A cell of a region: its box, and its place on the region's rows and columns."""

    box: Box
    row: int
    column: int
    rowspan: int
    colspan: int


@define
class Region:
    """Cells that share corners, on ``columns`` (x positions) and ``rows`` (y positions)."""

    cells: list[Cell]
    columns: list[float]
    rows: list[float]

    @property
    def box(self) -> Box:
        return (self.columns[0], self.rows[0], self.columns[-1], self.rows[-1])

    def covering(self, row: int) -> list[int]:
        """The indices of the cells that cover any part of ``row`` (merged cells from above included)."""
        return [i for i, c in enumerate(self.cells) if c.row <= row < c.row + c.rowspan]


def _clusters(values: Sequence[float]) -> list[float]:
    """The distinct positions among ``values``: values within SNAP of the first of their run, averaged.

    Runs do not chain: rules 2 pt apart from each other (the double borders of a browser's
    table, a cell's edge and the table's frame) stay apart once they span more than SNAP.
    """
    out: list[float] = []
    group: list[float] = []
    for value in sorted(values):
        if group and value - group[0] > SNAP:
            out.append(sum(group) / len(group))
            group = []
        group.append(value)
    if group:
        out.append(sum(group) / len(group))
    return out


def _snap(positions: list[float], value: float) -> int:
    """The index of the position nearest ``value``."""
    i = bisect.bisect_left(positions, value)
    if i == len(positions) or (i > 0 and value - positions[i - 1] < positions[i] - value):
        i -= 1
    return i


def _merged(pieces: list[tuple[int, float, float]]) -> list[tuple[int, float, float]]:
    """Collinear pieces (line index, start, end) that overlap or touch, joined."""
    out: list[tuple[int, float, float]] = []
    for line, start, end in sorted(pieces):
        if out and out[-1][0] == line and start <= out[-1][2] + SNAP:
            out[-1] = (line, out[-1][1], max(out[-1][2], end))
        else:
            out.append((line, start, end))
    return out


def _implied(
    horizontal: list[tuple[int, float, float]],
    vertical: list[tuple[int, float, float]],
    xs: list[float],
    ys: list[float],
) -> list[tuple[int, float, float]]:
    """Horizontal rules drawn out to the vertical rules that end on their line.

    A table split over two pages often has the top of its first row drawn only over some
    columns; the column rules that stop at that height show where the edge runs.
    """
    by_line: dict[int, list[tuple[int, float, float]]] = {}
    for piece in horizontal:
        by_line.setdefault(piece[0], []).append(piece)
    out = list(horizontal)
    for xi, y0, y1 in vertical:
        x = xs[xi]
        for end in (y0, y1):
            line = _snap(ys, end)
            pieces = by_line.get(line)
            if abs(ys[line] - end) > SNAP or not pieces or any(p[1] - SNAP <= x <= p[2] + SNAP for p in pieces):
                continue
            nearest = min(pieces, key=lambda p: min(abs(p[1] - x), abs(p[2] - x)))
            out.append((line, min(x, nearest[1]), max(x, nearest[2])))
    return out


def regions(segments: Sequence[Segment], check: Callable[[], None] = lambda: None) -> list[Region]:
    """The ruled regions the segments draw, top to bottom."""
    pieces = [s for s in segments if s[3] - s[2] >= MIN_LENGTH]
    if len(pieces) > MAX_PIECES:
        return []  # a drawing (a map, a chart), not a page of tables: its text is read as text
    ys = _clusters([s[1] for s in pieces if s[0]])
    xs = _clusters([s[1] for s in pieces if not s[0]])
    if len(ys) < 2 or len(xs) < 2:
        return []
    vertical = _merged([(_snap(xs, s[1]), s[2], s[3]) for s in pieces if not s[0]])
    horizontal = _merged(_implied([(_snap(ys, s[1]), s[2], s[3]) for s in pieces if s[0]], vertical, xs, ys))
    # corners: (x index, y index) -> (the horizontal and the vertical segment through it)
    corners: dict[tuple[int, int], tuple[int, int]] = {}
    heights = [ys[piece[0]] for piece in horizontal]  # ascending: _merged sorts by line
    for v, (xi, y0, y1) in enumerate(vertical):
        check()
        x = xs[xi]
        for h in range(bisect.bisect_left(heights, y0 - SNAP), bisect.bisect_right(heights, y1 + SNAP)):
            yi, x0, x1 = horizontal[h]
            if x0 - SNAP <= x <= x1 + SNAP:
                corners[(xi, yi)] = (h, v)
    cells = _cells(corners, check)
    return [_region(group, xs, ys) for group in _connected(cells)]


def _cells(
    corners: dict[tuple[int, int], tuple[int, int]], check: Callable[[], None]
) -> list[tuple[int, int, int, int]]:
    """The smallest rectangles of corners whose four sides are drawn: (x0, y0, x1, y1) indices."""
    by_row: dict[int, list[int]] = {}
    by_column: dict[int, list[int]] = {}
    for xi, yi in corners:
        by_row.setdefault(yi, []).append(xi)
        by_column.setdefault(xi, []).append(yi)
    for values in (*by_row.values(), *by_column.values()):
        values.sort()
    found: list[tuple[int, int, int, int]] = []
    for (xi, yi), (h, v) in corners.items():
        check()
        rights = [x for x in by_row[yi] if x > xi and corners[(x, yi)][0] == h]
        belows = [y for y in by_column[xi] if y > yi and corners[(xi, y)][1] == v]
        done = False
        for y in belows:
            for x in rights:
                corner = corners.get((x, y))
                if corner is not None and corner[1] == corners[(x, yi)][1] and corner[0] == corners[(xi, y)][0]:
                    found.append((xi, yi, x, y))
                    done = True
                    break
            if done:
                break
    return found


def _connected(cells: list[tuple[int, int, int, int]]) -> list[list[tuple[int, int, int, int]]]:
    """Cells grouped by shared corners (union-find over corner points)."""
    parent = list(range(len(cells)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[int, int], int] = {}
    for i, (x0, y0, x1, y1) in enumerate(cells):
        for point in ((x0, y0), (x1, y0), (x0, y1), (x1, y1)):
            j = owner.setdefault(point, i)
            parent[root(i)] = root(j)
    groups: dict[int, list[tuple[int, int, int, int]]] = {}
    for i, cell in enumerate(cells):
        groups.setdefault(root(i), []).append(cell)
    return sorted(groups.values(), key=lambda g: (min(c[1] for c in g), min(c[0] for c in g)))


def _region(group: list[tuple[int, int, int, int]], xs: list[float], ys: list[float]) -> Region:
    columns = sorted({c[0] for c in group} | {c[2] for c in group})
    rows = sorted({c[1] for c in group} | {c[3] for c in group})
    cells = []
    for x0, y0, x1, y1 in sorted(group, key=lambda c: (c[1], c[0])):
        column, row = columns.index(x0), rows.index(y0)
        cells.append(
            Cell((xs[x0], ys[y0], xs[x1], ys[y1]), row, column, rows.index(y1) - row, columns.index(x1) - column)
        )
    return Region(cells, [xs[i] for i in columns], [ys[i] for i in rows])
