"""Answers kept per (owner, text): :class:`Memo`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

_Owner = TypeVar("_Owner")
_Answer = TypeVar("_Answer")


class Memo(Generic[_Owner, _Answer]):
    """``compute(owner, text)``, kept per (owner, text) for up to ``limit`` answers (then forgotten
    all at once): reports repeat the same labels, a run the same settings.

    Keyed by the owner's ``id()`` — hashing a format table or a settings object costs more than
    the answer saves — with the owner kept beside the answer, so that a reused id cannot give
    another object's answer.
    """

    def __init__(self, compute: Callable[[_Owner, str], _Answer], limit: int = 8192) -> None:
        self._compute = compute
        self._limit = limit
        self._known: dict[tuple[int, str], tuple[_Owner, _Answer]] = {}

    def __call__(self, owner: _Owner, text: str) -> _Answer:
        known = self._known.get((id(owner), text))
        if known is not None and known[0] is owner:
            return known[1]
        if len(self._known) >= self._limit:
            self._known.clear()
        answer = self._compute(owner, text)
        self._known[(id(owner), text)] = (owner, answer)
        return answer

    def clear(self) -> None:
        self._known.clear()
