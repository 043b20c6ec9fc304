"""The clock of the file being worked on: one budget of time for a file's whole pipeline.

:func:`budget` starts the clock when a file is read (or its text linted) and every stage looks
at the same clock — the readers between pages, paragraphs, tables and compressed chunks, the
parser every :data:`CHECK_EVERY` lines, matching every :data:`CHECK_EVERY` cells, the linter
between rules and every :data:`CHECK_EVERY` findings placed — through :func:`check_time` (the
linter asks :func:`time_is_up` first, before each rule, and makes the message only then).

How long a file may take is :class:`gialint.read.limits.Limits`'s ``max_seconds``; this module
is the running clock alone, apart from the limits so that it can be compiled
(gialint/compiled.py): the linter looks at it before each rule of each report.
"""

from __future__ import annotations

import time
from contextvars import ContextVar, Token
from types import TracebackType
from typing import TYPE_CHECKING, Final

from gialint.base import catalogue as msg
from gialint.base.messages import say
from gialint.base.native import mypyc_attr
from gialint.base.value import FieldValue
from gialint.read.source import ReadError

if TYPE_CHECKING:
    from gialint.base.diagnostic import Text

#: Lines, cells or findings between two looks at the clock in the parser, matching and the linter.
CHECK_EVERY: Final = 4096


@mypyc_attr(acyclic=True)
class Deadline(FieldValue):
    """When the time for the file being worked on is up (``time.monotonic()``), and how many
    seconds it was given."""

    __slots__ = ("at", "seconds")

    def __init__(self, at: float, seconds: float) -> None:
        self.at: Final = at
        self.seconds: Final = seconds

    def _fields(self) -> tuple[float, float]:
        return (self.at, self.seconds)

    def check(self, where: Text | str, **values: object) -> None:
        """Raise :class:`ReadError` when the time for this file is up; ``where`` (a message of the
        catalogue, with ``values``) says what was being worked on, and is filled in only then."""
        if time.monotonic() > self.at:
            raise ReadError(msg.TIME_UP, seconds=self.seconds, where=say(where, **values))


_running: ContextVar[Deadline | None] = ContextVar("gialint_deadline", default=None)


def deadline(seconds: float) -> Deadline:
    """The clock of the file being worked on, else a new one of ``seconds`` from now (which no
    other stage looks at: :func:`budget` starts one for all)."""
    outer = _running.get()
    return outer if outer is not None else Deadline(time.monotonic() + seconds, seconds)


class _Budget:
    """What :func:`budget` gives: on entry the clock of the file being worked on, else a new one
    that every stage inside looks at. A class: a generator made into a context manager costs some
    microseconds more, and linting a file enters its budget twice (``lint_path``, then ``lint_text``)."""

    __slots__ = ("_seconds", "_tokens")

    def __init__(self, seconds: float) -> None:
        self._seconds = seconds
        # one for each entry not yet left (the same budget may be entered within itself): the
        # clock to put back, or None inside another budget
        self._tokens: list[Token[Deadline | None] | None] = []

    def __enter__(self) -> Deadline:
        outer = _running.get()
        if outer is not None:
            self._tokens.append(None)
            return outer
        started = Deadline(time.monotonic() + self._seconds, self._seconds)
        self._tokens.append(_running.set(started))
        return started

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        token = self._tokens.pop()
        if token is not None:
            _running.reset(token)


def budget(seconds: float) -> _Budget:
    """Run one file's pipeline within ``seconds`` (``with budget(s) as deadline:``): every stage
    inside looks at this clock. Inside another budget (a file's reading inside its linting), the
    outer one holds."""
    return _Budget(seconds)


def time_is_up() -> bool:
    """Whether the file being worked on has used up its time (no budget: never): what
    :func:`check_time` looks at first, for a caller that looks often (the linter, before each rule)."""
    deadline = _running.get()
    return deadline is not None and time.monotonic() > deadline.at


def check_time(where: Text | str, **values: object) -> None:
    """Raise :class:`ReadError` when the file being worked on has used up its time (no budget: never)."""
    deadline = _running.get()
    if deadline is not None and time.monotonic() > deadline.at:
        deadline.check(where, **values)
