"""Span and Cell: plain classes (native when compiled) that still read as the named tuples they
were — equal, hashed and ordered as their fields' tuple, unpacked, indexed, ``_replace`` — and
pickle by their fields (the result cache stores them)."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gialint.base.span import Span
from gialint.parse.ast import Cell
from gialint.parse.values import default_reader

_numbers = st.integers(min_value=1, max_value=40)
_spans = st.builds(Span, _numbers, _numbers, _numbers, _numbers)


def _cover(a: tuple[int, ...], b: tuple[int, ...]) -> tuple[int, ...]:
    """The named tuple's cover, on plain tuples."""
    first = a if a[:2] <= b[:2] else b
    last = a if a[2:] >= b[2:] else b
    return (first[0], first[1], last[2], last[3])


@given(_spans, _spans)
def test_a_span_compares_orders_and_hashes_as_its_tuple(a: Span, b: Span) -> None:
    ta, tb = tuple(a), tuple(b)
    assert ta == (a.line, a.column, a.end_line, a.end_column)
    assert (a == b) is (ta == tb) and (a != b) is (ta != tb)
    assert (a < b, a <= b, a > b, a >= b) == (ta < tb, ta <= tb, ta > tb, ta >= tb)
    assert hash(a) == hash(ta)  # as the named tuple hashed: sets and dicts of spans keep their order
    assert sorted([a, b]) == sorted([b, a])
    assert tuple(a.cover(b)) == _cover(ta, tb)


@given(_spans, st.sampled_from(["line", "column", "end_line", "end_column"]), _numbers)
def test_a_span_reads_and_replaces_as_the_named_tuple(span: Span, name: str, value: int) -> None:
    line, column, end_line, end_column = span
    assert (span[0], span[1], span[2], span[3]) == (line, column, end_line, end_column)
    assert span[:2] == (line, column) and len(span) == 4
    assert bool(span) is bool(tuple(span)) is True  # true as its tuple, told without making it
    changed = span._replace(**{name: value})
    assert getattr(changed, name) == value
    assert [getattr(changed, n) for n in Span._names if n != name] == [
        getattr(span, n) for n in Span._names if n != name
    ]
    assert pickle.loads(pickle.dumps(span)) == span


def test_a_span_is_not_a_tuple_and_names_what_it_lacks() -> None:
    span = Span(2, 1, 2, 5)
    assert not isinstance(span, tuple) and span != (2, 1, 2, 5)
    assert repr(span) == "Span(line=2, column=1, end_line=2, end_column=5)"
    assert span.as_dict() == {"line": 2, "column": 1, "end_line": 2, "end_column": 5}
    assert Span.on_line(3, 0, 4) == Span(3, 1, 3, 5)
    with pytest.raises(ValueError, match="'width'"):
        span._replace(width=3)
    with pytest.raises(TypeError):
        span < (2, 1, 2, 6)  # noqa: B015 - ordered only against another span, as a tuple against a tuple


def test_a_cell_is_its_three_fields() -> None:
    read = default_reader().classify
    cell = Cell("1\n2", Span(4, 2, 5, 2), read("12"))
    text, span, value = cell
    assert (text, span, value) == (cell.text, cell.span, cell.value) == (cell[0], cell[1], cell[2])
    assert cell.label == "12" and len(cell) == 3 and bool(cell) is True
    assert cell == Cell("1\n2", Span(4, 2, 5, 2), read("12")) and hash(cell) == hash(Cell("1\n2", span, read("12")))
    assert cell != Cell("1\n2", Span(4, 2, 5, 3), read("12"))
    assert cell._replace(text="7", value=read("7")) == Cell("7", span, read("7"))
    assert pickle.loads(pickle.dumps(cell)) == cell
    assert repr(cell).startswith("Cell('1\\n2', Span(line=4, ")
