"""Bounds on the work gialint does for one file, so that no file can exhaust a run.

The defaults are documented in docs/file-formats.md ("Limits"); the configuration sets
others (its ``limits`` table), the library takes them through :class:`Limits`.

Time is one budget for the whole of a file's pipeline: :func:`budget` starts the clock
when a file is read (or its text linted) and every stage looks at the same clock —
the readers between pages, paragraphs, tables and compressed chunks, the parser every
:data:`CHECK_EVERY` lines, matching every :data:`CHECK_EVERY` cells, the linter between
rules and every :data:`CHECK_EVERY` findings placed — through :func:`check_time`, which
costs a counter's test in between.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Final

from attrs import frozen

from gialint.base import catalogue as msg
from gialint.base.diagnostic import Text
from gialint.base.messages import say
from gialint.read.source import ReadError

MIB = 1024 * 1024


@frozen
class Limits:
    """How much of a file gialint reads before it refuses it in one line (exit 2): sizes, pages,
    cells and time (docs/file-formats.md). ``gialint.lint_path(path, limits=Limits(...))``."""

    max_text_bytes: int = 16 * MIB  # .txt, .md, .html
    max_binary_bytes: int = 64 * MIB  # .docx, .pdf
    max_unzipped_bytes: int = 256 * MIB  # everything inside a .docx, or a PDF's streams, inflated
    max_zip_ratio: int = 200  # a member that inflates more than this (and past 1 MiB) is a zip bomb
    max_zip_members: int = 5000
    max_stream_bytes: int = 64 * MIB  # one compressed stream of a PDF, inflated
    max_pages: int = 300  # PDF pages
    max_seconds: float = 60.0  # one file, read, parsed, matched and linted

    def deadline(self) -> Deadline:
        """The clock of the file being worked on (see :func:`budget`), else a new one."""
        running = _running.get()
        return running if running is not None else Deadline(time.monotonic() + self.max_seconds, self.max_seconds)


DEFAULT_LIMITS = Limits()


@frozen
class Deadline:
    at: float
    seconds: float

    def check(self, where: Text | str, **values: object) -> None:
        """Raise :class:`ReadError` when the time for this file is up; ``where`` (a message of the
        catalogue, with ``values``) says what was being worked on, and is filled in only then."""
        if time.monotonic() > self.at:
            raise ReadError(msg.TIME_UP, seconds=self.seconds, where=say(where, **values))


#: Lines, cells or findings between two looks at the clock in the parser, matching and the linter.
CHECK_EVERY: Final = 4096

_running: ContextVar[Deadline | None] = ContextVar("gialint_deadline", default=None)


@contextmanager
def budget(limits: Limits) -> Iterator[Deadline]:
    """Run one file's pipeline within ``limits.max_seconds``: every stage inside looks at this
    clock. Inside another budget (a file's reading inside its linting), the outer one holds."""
    running = _running.get()
    if running is not None:
        yield running
        return
    deadline = Deadline(time.monotonic() + limits.max_seconds, limits.max_seconds)
    token = _running.set(deadline)
    try:
        yield deadline
    finally:
        _running.reset(token)


def check_time(where: Text | str, **values: object) -> None:
    """Raise :class:`ReadError` when the file being worked on has used up its time (no budget: never)."""
    running = _running.get()
    if running is not None:
        running.check(where, **values)
