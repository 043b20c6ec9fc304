"""A contextual line lexer: every line of the text is one token.

Lark's own contextual lexer tries, at each point, only the terminals the parser can
accept there. This lexer does the same, one whole line at a time: among the terminals
the LALR parser accepts in its current state, the first one in the grammar's order
whose pattern matches the complete line gives the line its type. Patterns may look
ahead at the following lines (``PIPE_CELL`` needs the next line to be a lone "|"),
which a character-level lexer cannot express.

Ignored terminals (``%ignore``) match where nothing else does and yield no token;
a line matching the ``COMMENT`` terminal is skipped before anything else is tried, so
a comment line may stand anywhere, even between the cells of a table.
The text given to the lexer uses "\\n" line ends (see :func:`gialint.read.source.normalize_newlines`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Final

from gialint.base import catalogue as msg
from gialint.base.native import mypyc_attr
from gialint.base.precompiled import regex
from gialint.parse.tables import END, Tables
from gialint.read.clock import CHECK_EVERY, check_time


@mypyc_attr(acyclic=True)
class Line:
    """A token: one line of the text and the terminal it was read as."""

    __slots__ = ("line", "type", "value")

    def __init__(self, type: str, value: str, line: int) -> None:
        self.type: Final = type
        self.value: Final = value
        self.line: Final = line

    @property
    def end_column(self) -> int:
        return len(self.value) + 1

    def __repr__(self) -> str:
        return f"Line({self.type!r}, {self.value!r}, {self.line})"


class LineLexer:
    def __init__(self, tables: Tables) -> None:
        self._tables = tables
        self._ignore = tables.ignore
        # each state's pattern's bound ``match``, once made (a call of it skips looking the
        # method up): a list by state, read by index where a dictionary would hash the number
        self._by_state: list[Callable[[str, int], re.Match[str] | None] | None] = [None] * len(tables.states)
        comment = next((regexp for name, regexp in tables.terminals if name == "COMMENT"), None)
        self._comment = regex(comment) if comment is not None else None

    def _matcher(self, state: int) -> Callable[[str, int], re.Match[str] | None]:
        matcher = self._by_state[state] = regex(self._tables.alternation(state)).match
        return matcher

    def tokens(self, text: str, stack: list[int]) -> Iterator[Line]:
        """The lines of ``text`` as tokens, then the end of the text (``END``, as lark's lexers give
        it); ``stack[-1]`` is the parser's state when each line is read."""
        lines = text.split("\n")
        if not lines[-1]:
            lines.pop()  # the empty "line" after a final line end, or an empty text
        ignore, matchers, every = self._ignore, self._by_state, CHECK_EVERY
        comment = self._comment if "<!--" in text else None
        pos = 0
        # (compiled: enumerate without a start and a global read once are a plain loop and a local)
        for index, value in enumerate(lines):
            number = index + 1
            if not number % every:
                check_time(msg.AT_LINE, n=number)
            if comment is not None and "<!--" in value and comment.fullmatch(value):
                pos += len(value) + 1
                continue
            state = stack[-1]
            matcher = matchers[state]
            if matcher is None:
                matcher = self._matcher(state)
            match = matcher(text, pos)
            kind = match.lastgroup if match is not None else "TEXT"
            if kind not in ignore:
                yield Line(kind or "TEXT", value, number)
            pos += len(value) + 1
        yield Line(END, "", 0)
