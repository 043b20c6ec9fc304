"""Memo: one computation per (owner, text), owners kept apart, forgotten all at once at its limit."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gialint.base.memo import Memo


class _Owner:
    def __init__(self, name: str) -> None:
        self.name = name


def _counting() -> tuple[Memo[_Owner, str | None], list[tuple[str, str]]]:
    calls: list[tuple[str, str]] = []

    def compute(owner: _Owner, text: str) -> str | None:
        calls.append((owner.name, text))
        return None if text == "none" else f"{owner.name}:{text}"

    return Memo(compute, limit=5), calls


def test_each_answer_is_computed_once_per_owner_and_text() -> None:
    memo, calls = _counting()
    a, b = _Owner("a"), _Owner("b")
    assert [memo(a, "x"), memo(b, "x"), memo(a, "x"), memo(b, "x"), memo(a, "none"), memo(a, "none")] == [
        "a:x",
        "b:x",
        "a:x",
        "b:x",
        None,
        None,
    ]
    assert calls == [("a", "x"), ("b", "x"), ("a", "none")]  # an answer of None is kept too


def test_owners_are_told_apart_by_identity_and_alternate_freely() -> None:
    memo, calls = _counting()
    a, twin = _Owner("a"), _Owner("a")  # equal in every field, two objects
    for owner in (a, twin, a, twin, a):
        assert memo(owner, "x") == "a:x"
    assert len(calls) == 2  # one for each object, however they alternate


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 2), st.sampled_from(["x", "y", "z", "none"])), max_size=40))
def test_it_answers_as_the_computation_does_and_stays_within_its_limit(asks: list[tuple[int, str]]) -> None:
    memo, calls = _counting()
    owners = [_Owner(str(i)) for i in range(3)]
    for index, text in asks:
        expected = None if text == "none" else f"{index}:{text}"
        assert memo(owners[index], text) == expected
        assert memo._size <= 5
    assert len(calls) <= len(asks)


def test_answer_is_the_memo_called() -> None:
    memo, calls = _counting()
    a = _Owner("a")
    assert memo.answer(a, "x") == memo(a, "x") == "a:x"
    assert memo(a, "y") == memo.answer(a, "y") == "a:y"
    assert calls == [("a", "x"), ("a", "y")]  # one computation each, whichever way it was asked
