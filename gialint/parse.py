"""Text in, syntax tree out: :func:`parse_report`.

The LALR(1) tables come from lark (:mod:`gialint.tables`); the driver below runs them
over the line tokens of :class:`~gialint.lexer.LineLexer` and calls the
:class:`~gialint.build.Builder` method named for each rule as it is reduced. Rules whose
names start with "_" (and the helper rules lark makes for ``*``, ``+`` and ``?``) are
inlined: their children go to the rule that contains them, as in lark's trees.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from attrs import evolve

from gialint.ast import Report
from gialint.build import Builder
from gialint.lexer import LineLexer
from gialint.span import Span
from gialint.tables import END, SHIFT, Tables, load_tables

_LINE_ENDS = re.compile(r"\r\n?")


class ParseError(Exception):
    """The grammar could not describe the text (a bug: the grammar accepts any text)."""


class _Inlined(list[Any]):
    """The children of an inlined rule, on their way to the rule that contains it."""

    __slots__ = ()


class Parser:
    """The report grammar's LALR(1) tables, run over line tokens with a builder for each rule."""

    def __init__(self, tables: Tables, builder: Any) -> None:
        self._tables = tables
        self._lexer = LineLexer(tables)
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
        tables = self._tables
        states, reductions = tables.states, self._reductions
        stack: list[int] = [tables.start]
        values: list[Any] = []

        def reduce(rule: int) -> None:
            origin, size, handler = reductions[rule]
            children = values[len(values) - size :]
            del values[len(values) - size :], stack[len(stack) - size :]
            if handler is None and children and type(children[0]) is _Inlined:
                value = children[0]  # a left-recursive repetition: grow it in place
                children = children[1:]
            else:
                value = _Inlined()
            for child in children:
                if type(child) is _Inlined:
                    value.extend(child)
                else:
                    value.append(child)
            stack.append(states[stack[-1]][origin][1])
            values.append(value if handler is None else handler(value))

        for token in self._lexer.tokens(text, stack):
            while True:
                action = states[stack[-1]].get(token.type)
                if action is None:  # pragma: no cover - the property tests show it does not happen
                    raise ParseError(f"line {token.line}: unexpected {token.type}")
                if action[0] == SHIFT:
                    stack.append(action[1])
                    values.append(token)
                    break
                reduce(action[1])
        while stack[-1] != tables.end:
            action = states[stack[-1]].get(END)
            if action is None or action[0] == SHIFT:  # pragma: no cover - as above
                raise ParseError("unexpected end of the report")
            reduce(action[1])
        return values[-1]


@functools.lru_cache(maxsize=1)
def parser() -> Parser:
    """The report parser, with the tables from the store (see :mod:`gialint.tables`)."""
    from gialint.outline import default_identifier
    from gialint.values import default_reader

    return Parser(load_tables(), Builder(default_reader().classify, default_identifier().is_section))


def normalize_newlines(text: str) -> str:
    """CRLF and CR become LF; the line count and every column stay as they were."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return _LINE_ENDS.sub("\n", text) if "\r" in text else text


def parse_report(text: str) -> Report:
    """Parse a report's text into its :class:`~gialint.ast.Report` tree."""
    text = normalize_newlines(text)
    report: Report = parser().parse(text)
    lines = text.split("\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()  # the empty "line" after a final line end
    return evolve(report, span=Span(1, 1, len(lines), len(lines[-1]) + 1))
