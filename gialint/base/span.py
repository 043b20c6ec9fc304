"""Source locations: 1-based lines and columns, in characters of the decoded text.

``end_column`` is exclusive, as in Lark tokens and SARIF regions: a cell "24大项" at
line 48, columns 6-10 has ``column=6, end_column=10``. A zero-width span
(``column == end_column``) marks a place, such as where an empty cell stands.

A span is a plain class with read-only (``Final``) fields, compiled with the parsing
(gialint/compiled.py), where it is a native class: a report makes and reads several hundred, and
a native class is made and read several times faster than the named tuple a span used to be. It
keeps what code written for that named tuple uses (:class:`~gialint.base.value.TupleValue`): equal
and hashed by its four numbers, ordered by where it starts, unpacked and indexed as ``(line,
column, end_line, end_column)``, ``_replace``. It is no longer a ``tuple``.
"""

from __future__ import annotations

from typing import ClassVar, Final

from gialint.base.native import mypyc_attr
from gialint.base.value import TupleValue

_DOC = """Where a piece of text stands: 1-based ``line`` and ``column`` of its start, ``end_line`` and
``end_column`` (exclusive) of its end, in characters of the decoded text."""


@mypyc_attr(acyclic=True)
class Span(TupleValue):
    __slots__ = ("column", "end_column", "end_line", "line")
    _names: ClassVar[tuple[str, ...]] = ("line", "column", "end_line", "end_column")

    def __init__(self, line: int, column: int, end_line: int, end_column: int) -> None:
        self.line: Final = line
        self.column: Final = column
        self.end_line: Final = end_line
        self.end_column: Final = end_column

    def _fields(self) -> tuple[int, int, int, int]:
        return (self.line, self.column, self.end_line, self.end_column)

    @classmethod
    def on_line(cls, line: int, start: int, end: int) -> Span:
        """The span of ``text[start:end]`` (0-based, end exclusive) on ``line``."""
        return Span(line, start + 1, line, end + 1)

    def cover(self, other: Span) -> Span:
        """The smallest span holding both ``self`` and ``other``."""
        if self.line < other.line or (self.line == other.line and self.column <= other.column):
            line, column = self.line, self.column
        else:
            line, column = other.line, other.column
        if self.end_line > other.end_line or (self.end_line == other.end_line and self.end_column >= other.end_column):
            return Span(line, column, self.end_line, self.end_column)
        return Span(line, column, other.end_line, other.end_column)

    def as_dict(self) -> dict[str, int]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }

    # compared field by field rather than through _fields(): spans are compared and hashed often
    def __eq__(self, other: object) -> bool:
        if isinstance(other, Span):
            return (
                self.line == other.line
                and self.column == other.column
                and self.end_line == other.end_line
                and self.end_column == other.end_column
            )
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._fields())

    def __lt__(self, other: object) -> bool:
        if isinstance(other, Span):
            return self._fields() < other._fields()
        return NotImplemented

    def __le__(self, other: object) -> bool:
        if isinstance(other, Span):
            return self._fields() <= other._fields()
        return NotImplemented

    def __gt__(self, other: object) -> bool:
        if isinstance(other, Span):
            return self._fields() > other._fields()
        return NotImplemented

    def __ge__(self, other: object) -> bool:
        if isinstance(other, Span):
            return self._fields() >= other._fields()
        return NotImplemented

    def __repr__(self) -> str:
        return f"Span(line={self.line}, column={self.column}, end_line={self.end_line}, end_column={self.end_column})"


# set at run time: mypyc, which compiles this module, gives a class docstring of its own ("filler")
setattr(Span, "__doc__", _DOC)  # noqa: B010
