"""Text in, syntax tree out: :func:`parse_report`.

The LALR(1) tables come from lark (:mod:`gialint.parse.tables`); the driver below runs them
over the line tokens of :class:`~gialint.parse.lexer.LineLexer` and calls the
:class:`~gialint.parse.build.Builder` method named for each rule as it is reduced. Rules whose
names start with "_" (and the helper rules lark makes for ``*``, ``+`` and ``?``) are
inlined: their children go to the rule that contains them, as in lark's trees.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from gialint.base.span import Span
from gialint.parse.ast import Report
from gialint.parse.build import Builder
from gialint.parse.lexer import LineLexer
from gialint.parse.tables import END, SHIFT, Tables, load_tables
from gialint.read.source import normalize_newlines


class ParseError(Exception):
    """The grammar could not describe the text (a bug: the grammar accepts any text)."""


class _Inlined:
    """The children of an inlined rule, on their way to the rule that contains it.

    A holder of a list rather than a list subclass: compiled code cannot subclass list.
    """

    __slots__ = ("items",)

    def __init__(self) -> None:
        self.items: list[Any] = []


class Parser:
    """The report grammar's LALR(1) tables, run over line tokens with a builder for each rule."""

    def __init__(self, tables: Tables, builder: Any) -> None:
        self._tables = tables
        self._lexer = LineLexer(tables)
        # one int per action: a state to shift to (or go to), or ~rule to reduce by
        self._actions = [
            {symbol: (arg if kind == SHIFT else ~arg) for symbol, (kind, arg) in state.items()}
            for state in tables.states
        ]
        actions: list[tuple[str, int, Callable[[list[Any]], Any] | None]] = []
        for origin, size in tables.rules:
            if origin.startswith("_"):
                actions.append((origin, size, None))
            else:
                handler = getattr(builder, origin, None)
                if handler is None:
                    raise TypeError(f"{type(builder).__name__} has no method for the rule {origin!r}")
                actions.append((origin, size, handler))
        self._reductions = actions

    def parse(self, text: str) -> Any:
        actions, reductions, end = self._actions, self._reductions, self._tables.end
        stack: list[int] = [self._tables.start]
        values: list[Any] = []
        for token in self._lexer.tokens(text, stack):  # the last is the end of the text (END)
            kind = token.type
            while True:
                action = actions[stack[-1]].get(kind)
                if action is None:  # pragma: no cover - the property tests show it does not happen
                    where = f"line {token.line}" if kind != END else "the end of the report"
                    raise ParseError(f"{where}: unexpected {kind}")
                if action >= 0:
                    stack.append(action)
                    values.append(token)
                    break
                origin, size, handler = reductions[~action]
                if handler is None and size == 1:
                    # an inlined rule of one symbol: its child stands for it as it is (an
                    # inlined child is taken apart, any other added, by whatever holds it)
                    state = stack[-1] = actions[stack[-2]][origin]
                    if state == end:  # pragma: no cover - the start rule has a method
                        return values[-1]
                    continue
                if handler is None and (size == 2 or size == 3) and type(values[-size]) is _Inlined:
                    # a left-recursive repetition taking one or two more symbols (a tab row's
                    # cell, a pipe table's cell and bar): grown where it stands, its new
                    # children popped (in pure Python, a slice and a loop over it cost more)
                    last = values.pop()
                    stack.pop()
                    # the holders typed (compiled: their lists read as native fields, not looked
                    # up by name), and the list too (its append and extend are then direct)
                    grown: _Inlined = values[-1] if size == 2 else values[-2]
                    items: list[Any] = grown.items
                    if size == 3:
                        middle = values.pop()
                        stack.pop()
                        if type(middle) is _Inlined:
                            inner: _Inlined = middle
                            items.extend(inner.items)
                        else:
                            items.append(middle)
                    if type(last) is _Inlined:
                        inner = last
                        items.extend(inner.items)
                    else:
                        items.append(last)
                    state = stack[-1] = actions[stack[-2]][origin]
                    if state == end:  # pragma: no cover - as above
                        return values[-1]
                    continue
                if size == 1 and handler is not None:  # most reductions of a rule with a method
                    child = values.pop()  # popped: compiled, that costs less than a slice deleted
                    stack.pop()
                    # the rule's children: an inlined child's own (its holder is dropped here)
                    state = actions[stack[-1]][origin]
                    stack.append(state)
                    if type(child) is _Inlined:
                        inner = child
                        values.append(handler(inner.items))
                    else:
                        values.append(handler([child]))
                    if state == end:
                        return values[-1]
                    continue
                if size:
                    children = values[-size:]
                    del values[-size:], stack[-size:]
                else:
                    children = []
                value: _Inlined
                if handler is None and children and type(children[0]) is _Inlined:
                    value = children[0]  # a left-recursive repetition: grow it in place
                    del children[0]
                else:
                    value = _Inlined()
                items = value.items
                for child in children:
                    if type(child) is _Inlined:
                        inner = child
                        items.extend(inner.items)
                    else:
                        items.append(child)
                state = actions[stack[-1]][origin]
                stack.append(state)
                values.append(value if handler is None else handler(items))
                if state == end:
                    return values[-1]
        raise ParseError("unexpected end of the report")  # pragma: no cover - as above


@functools.lru_cache(maxsize=1)
def parser() -> Parser:
    """The report parser, with the tables from the store (see :mod:`gialint.parse.tables`)."""
    from gialint.parse.arrange import Arranger
    from gialint.parse.cues import default_cues
    from gialint.parse.values import default_reader

    values = default_reader().values
    return Parser(load_tables(), Builder(values, Arranger(default_cues(), values)))


def parse_report(text: str) -> Report:
    """Parse a report's text into its :class:`~gialint.parse.ast.Report` tree."""
    return parse_normalized(normalize_newlines(text))


def parse_normalized(text: str) -> Report:
    """:func:`parse_report` of a text whose line ends are already "\\n" alone (what
    :func:`~gialint.read.source.normalize_newlines` gives): a run that has normalised the text
    once does not look through it again."""
    report: Report = parser().parse(text)
    end = len(text) - 1 if text.endswith("\n") else len(text)  # a final line end starts no line
    last_line = text.count("\n", 0, end) + 1
    last_length = end - (text.rfind("\n", 0, end) + 1)
    return Report(report.title, report.preamble, report.sections, Span(1, 1, last_line, last_length + 1))
