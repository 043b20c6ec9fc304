"""What linting a file gives: :class:`LintResult`, or :class:`FileError` when it cannot be read.

Kept apart from :mod:`gialint.api` so that reporters, and runs whose results all come
from the cache, can hold results without importing the parser and the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from attrs import frozen

from gialint.diagnostic import Diagnostic

if TYPE_CHECKING:
    from gialint.document import Document


@frozen
class LintResult:
    path: str | None
    diagnostics: tuple[Diagnostic, ...]
    document: Document | None  # None in results of lint_paths (see there)
    text: str  # the text linted (for .html/.docx/.pdf: as extracted), with LF line ends
    encoding: str | None = None
    file_format: str = "text"  # text | markdown | html | docx | pdf


@frozen
class FileError:
    """A file that could not be read or linted, with one line that says why."""

    path: str
    message: str
