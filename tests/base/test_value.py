"""FieldValue: equal, hashed and shown by the fields a class lists (through its subclasses: a
class of a compiled module cannot be extended by Python code, tests included)."""

from __future__ import annotations

import pickle

from gialint.analyze.narrative import Figure
from gialint.analyze.prose import Passage
from gialint.analyze.section_text import Piece, Prose
from gialint.base.span import Span

SPAN = Span(1, 1, 1, 3)


def test_equal_and_hashed_by_the_fields() -> None:
    assert Passage("公开", SPAN, None, None, 0) == Passage("公开", SPAN, None, None, 0)
    assert Passage("公开", SPAN, None, None, 0) != Passage("公开", SPAN, None, None, 1)
    assert len({Passage("公开", SPAN, None, None, 0), Passage("公开", SPAN, None, None, 0)}) == 1


def test_another_class_with_the_same_fields_is_not_equal() -> None:
    prose = Prose("公开", ((0, Piece("公开", SPAN)),), SPAN)
    assert prose == Prose("公开", ((0, Piece("公开", SPAN)),), SPAN)
    assert prose != ("公开", ((0, Piece("公开", SPAN)),), SPAN)
    assert Passage("公开", SPAN, None, None, 0) != prose


def test_shown_by_its_class_and_fields() -> None:
    assert repr(Prose("无", (), SPAN)) == f"Prose('无', (), {SPAN!r})"


def test_pickled_by_its_fields() -> None:
    # the compiled build's native classes have no __dict__: pickled by class and fields
    values = [Passage("公开", SPAN, None, None, 0), Prose("无", ((0, Piece("无", SPAN)),), SPAN), Figure(3, "件", 0, 2)]
    assert [pickle.loads(pickle.dumps(v)) for v in values] == values
