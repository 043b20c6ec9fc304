"""A table cell of the syntax tree: :class:`Cell` (:mod:`gialint.parse.ast` exports it).

Kept in a module of its own so that it is compiled with the parsing (gialint/compiled.py),
while the tree's other nodes stay attrs classes: a report has hundreds of cells, and the compiled
build makes and reads a native class several times faster than the named tuple a cell used to be.
"""

from __future__ import annotations

from typing import ClassVar, Final

from gialint.base.span import Span
from gialint.base.value import TupleValue
from gialint.parse.values import CellValue


class Cell(TupleValue):
    """One table cell. ``text`` is as written (a wrapped cell keeps its line break), ``span``
    where it stands, ``value`` read from ``text``. Read-only, equal and hashed by the three,
    and read as the named tuple it once was (:class:`~gialint.base.value.TupleValue`)."""

    __slots__ = ("span", "text", "value")
    _names: ClassVar[tuple[str, ...]] = ("text", "span", "value")

    def __init__(self, text: str, span: Span, value: CellValue) -> None:
        self.text: Final = text
        self.span: Final = span
        self.value: Final = value

    def _fields(self) -> tuple[str, Span, CellValue]:
        return (self.text, self.span, self.value)

    @property
    def label(self) -> str:
        """The text with line breaks removed, for comparing with the format's labels."""
        return "".join(self.text.split("\n"))
