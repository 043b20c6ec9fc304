"""What matching found wrong with a table's shape: :class:`ShapeProblem` (:mod:`gialint.analyze.matched`
exports it with the matched table that lists them).

Kept in a module of its own so that it is compiled with the matcher (gialint/compiled.py): each
reading of a table as a version of the format lists its own problems, some forty a report, and
an attrs class's interpreted ``__init__`` cost over a thousand machine instructions each.
"""

from __future__ import annotations

from typing import Final

from gialint.base.native import mypyc_attr
from gialint.base.span import Span
from gialint.base.value import FieldValue


@mypyc_attr(acyclic=True)
class ShapeProblem(FieldValue):
    """A row of the format not found, or found twice, or with more or fewer values than its
    columns, or values with no row: its ``kind`` (``missing-row``, ``duplicate-row``,
    ``extra-values``, ``missing-values``, ``stray-values``), where it shows (``span``), the format's
    ``row`` label, and the values ``expected`` and ``found``. Read-only, equal and hashed by those."""

    def __init__(
        self, kind: str, span: Span, row: str | None = None, expected: int | None = None, found: int | None = None
    ) -> None:
        self.kind: Final = kind
        self.span: Final = span
        self.row: Final = row
        self.expected: Final = expected
        self.found: Final = found

    def _fields(self) -> tuple[str, Span, str | None, int | None, int | None]:
        return (self.kind, self.span, self.row, self.expected, self.found)
