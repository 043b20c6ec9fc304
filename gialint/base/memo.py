"""Answers kept per (owner, text): :class:`Memo`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

_Owner = TypeVar("_Owner")
_Answer = TypeVar("_Answer")


class Memo(Generic[_Owner, _Answer]):
    """``compute(owner, text)``, kept per (owner, text) for up to ``limit`` answers (then forgotten
    all at once): reports repeat the same labels, a run the same settings.

    The answers of each owner are kept apart, found by the owner's ``id()`` — hashing a format
    table or a settings object costs more than the answer saves — with the owner kept beside
    them, so that a reused id cannot give another object's answers. The owner asked last is
    looked for first: the cells of one table are asked about one after another, and finding it
    so makes no key at all.
    """

    def __init__(self, compute: Callable[[_Owner, str], _Answer], limit: int = 8192) -> None:
        self._compute = compute
        self._limit = limit
        self._owners: dict[int, tuple[_Owner, dict[str, _Answer]]] = {}
        self._size = 0
        self._last: tuple[_Owner, dict[str, _Answer]] | None = None

    def __call__(self, owner: _Owner, text: str) -> _Answer:
        return self.answer(owner, text)

    def answer(self, owner: _Owner, text: str) -> _Answer:
        """The same as calling the memo. Compiled code that asks once per cell calls this: a call
        of the object itself goes through Python's call protocol (some 90 machine instructions
        more a call than this method's direct call)."""
        last = self._last
        if last is not None and last[0] is owner:
            answers = last[1]
        else:
            known = self._owners.get(id(owner))
            if known is None or known[0] is not owner:
                known = self._owners[id(owner)] = (owner, {})
            self._last = known
            answers = known[1]
        try:
            return answers[text]
        except KeyError:
            pass
        if self._size >= self._limit:
            self.clear()  # every owner's answers emptied, this one's too: kept under its owner again
            self._last = self._owners[id(owner)] = (owner, answers)
        answer = self._compute(owner, text)
        answers[text] = answer
        self._size += 1
        return answer

    def clear(self) -> None:
        for _, answers in self._owners.values():
            answers.clear()
        self._owners.clear()
        self._size = 0
        self._last = None
