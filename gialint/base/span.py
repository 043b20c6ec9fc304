"""Source locations: 1-based lines and columns, in characters of the decoded text.

``end_column`` is exclusive, as in Lark tokens and SARIF regions: a cell "24大项" at
line 48, columns 6-10 has ``column=6, end_column=10``. A zero-width span
(``column == end_column``) marks a place, such as where an empty cell stands.

A span is a named tuple: immutable, hashable, ordered by where it starts, and made
several hundred times per report, where an attrs class would cost three times as much.
"""

from __future__ import annotations

from typing import NamedTuple

_DOC = """Where a piece of text stands: 1-based ``line`` and ``column`` of its start, ``end_line`` and
``end_column`` (exclusive) of its end, in characters of the decoded text."""


class Span(NamedTuple):
    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def on_line(cls, line: int, start: int, end: int) -> Span:
        """The span of ``text[start:end]`` (0-based, end exclusive) on ``line``."""
        return cls(line, start + 1, line, end + 1)

    def cover(self, other: Span) -> Span:
        """The smallest span holding both ``self`` and ``other``."""
        first = self if self[:2] <= other[:2] else other
        last = self if self[2:] >= other[2:] else other
        return Span(first[0], first[1], last[2], last[3])

    def as_dict(self) -> dict[str, int]:
        return {
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }


# set at run time: mypyc, which compiles this module, gives a class docstring of its own ("filler")
setattr(Span, "__doc__", _DOC)  # noqa: B010
