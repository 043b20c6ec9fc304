"""The parse driver gives every rule's method the children a plain LALR reduction gives it."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from test_parse import _LINE_SHAPES

from gialint.parse.driver import Parser, _Inlined
from gialint.parse.lexer import Line
from gialint.parse.tables import END, load_tables


class _Recorder:
    """A builder whose every method returns its rule's name and the children it was given."""

    def __getattr__(self, origin: str) -> Any:
        return lambda items: (origin, tuple(_shown(i) for i in items))


def _shown(item: Any) -> Any:
    return (item.type, item.value, item.line) if isinstance(item, Line) else item


def _reference(parser: Parser, text: str) -> Any:
    """The driver's loop without its shortcuts: each reduction pops its children and pushes one
    value, an inlined rule's children gathered in a holder that its parent takes apart."""
    actions, reductions = parser._actions, parser._reductions
    stack: list[int] = [parser._tables.start]
    values: list[Any] = []
    for token in parser._lexer.tokens(text, stack):
        while True:
            action = actions[stack[-1]][token.type]
            if action >= 0:
                stack.append(action)
                values.append(token)
                break
            origin, size, handler = reductions[~action]
            children = values[len(values) - size :] if size else []
            del values[len(values) - size :], stack[len(stack) - size :]
            items: list[Any] = []
            for child in children:
                items.extend(child.items if type(child) is _Inlined else [child])
            holder = _Inlined()
            holder.items = items
            state = actions[stack[-1]][origin]
            stack.append(state)
            values.append(holder if handler is None else handler(items))
            if state == parser._tables.end:
                return values[-1]
    raise AssertionError(f"no end after {END}")


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(_LINE_SHAPES, max_size=14))
def test_the_driver_reduces_as_a_plain_lalr_parser_does(lines: list[str]) -> None:
    parser = Parser(load_tables(), _Recorder())
    text = "\n".join(lines) + "\n"
    expected = _reference(parser, text)
    assert expected[0] == "start"
    assert parser.parse(text) == expected
