"""Bounds on the work gialint does for one file, so that no file can exhaust a run.

The defaults are documented in docs/file-formats.md ("Limits"); the configuration sets
others (its ``limits`` table), the library takes them through :class:`Limits`.

Time is one budget for the whole of a file's pipeline: :func:`budget` starts the clock of
:mod:`gialint.read.clock` when a file is read (or its text linted), and every stage looks at
that clock through :func:`check_time`, which costs a counter's test in between.
"""

from __future__ import annotations

from contextlib import AbstractContextManager

from attrs import frozen

from gialint.read.clock import CHECK_EVERY, Deadline, check_time
from gialint.read.clock import budget as clock_budget
from gialint.read.clock import deadline as clock_deadline

__all__ = ["CHECK_EVERY", "DEFAULT_LIMITS", "MIB", "Deadline", "Limits", "budget", "check_time"]

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
        return clock_deadline(self.max_seconds)


DEFAULT_LIMITS = Limits()


def budget(limits: Limits) -> AbstractContextManager[Deadline]:
    """Run one file's pipeline within ``limits.max_seconds``: every stage inside looks at this
    clock. Inside another budget (a file's reading inside its linting), the outer one holds."""
    return clock_budget(limits.max_seconds)
