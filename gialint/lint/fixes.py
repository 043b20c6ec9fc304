"""Helpers for rules that offer fixes: edits of table cells and heading text.

A fix replaces text on one line (see :class:`~gialint.base.diagnostic.Edit`); a cell
wrapped over two lines is not fixed. Applying fixes is :mod:`gialint.fix.fixer`'s job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from gialint.base.diagnostic import Applicability, Edit, Fix
from gialint.parse.ast import Cell
from gialint.parse.values import ValueKind

DASH = "-"


def cell_edit(cell: Cell, text: str) -> Edit | None:
    """Replace the cell's text (or fill an empty cell) with ``text``; None for a wrapped cell."""
    if cell.span.line != cell.span.end_line or "\n" in cell.text or cell.text == text:
        return None
    return Edit(cell.span, text)


def fix_of(edits: Iterable[Edit | None], safe: bool = True) -> Fix | None:
    """A fix of all the edits, or None when any of them cannot be made."""
    found = list(edits)
    if not found or any(e is None for e in found):
        return None
    return Fix(tuple(e for e in found if e is not None), Applicability.SAFE if safe else Applicability.UNSAFE)


def usual_dash(cells: Iterable[Cell]) -> str:
    """The dash these cells write most often (the first seen on a tie), or "-" when they write none."""
    dashes = Counter(c.text for c in cells if c.value.kind is ValueKind.DASH)
    return dashes.most_common(1)[0][0] if dashes else DASH
