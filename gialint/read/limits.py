"""Bounds on the work gialint does for one file, so that no file can exhaust a run.

The defaults are documented in docs/formats-supported.md; the library takes other
values through :class:`Limits`.
"""

from __future__ import annotations

import time

from attrs import frozen

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
    max_seconds: float = 60.0  # reading one file; checked between pages, paragraphs and tables

    def deadline(self) -> Deadline:
        return Deadline(time.monotonic() + self.max_seconds, self.max_seconds)


DEFAULT_LIMITS = Limits()


@frozen
class Deadline:
    at: float
    seconds: float

    def check(self, where: str) -> None:
        """Raise :class:`ReadError` when the time for this file is up."""
        if time.monotonic() > self.at:
            raise ReadError(f"gave up after {self.seconds:g} s at {where}: the file is too slow to read")
