"""What linting a file gives: :class:`LintResult`, or :class:`FileError` when it cannot be read.

Kept apart from :mod:`gialint.run.api` so that reporters, and runs whose results all come
from the cache, can hold results without importing the parser and the rules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from gialint.base import catalogue as msg
from gialint.base.diagnostic import Diagnostic, Text
from gialint.base.messages import as_text, say

if TYPE_CHECKING:
    from gialint.analyze.document import Document


@frozen
class LintResult:
    """What linting one file gave: its ``diagnostics`` (in the order of the text), the analysed
    ``document``, the ``text`` linted (for .html/.docx/.pdf: as extracted), its ``encoding`` and
    ``file_format``; the ``agency`` the report is by (normalised: "平潭综合实验区"), where that was
    found (``agency_source``: "title", "page-title" or "publisher") and the ``year`` it covers —
    what pairs a run's reports across years (GIA601–GIA604) — and the format ``version`` it is
    held to ("2019", "2021"). ``as_dict()`` gives the JSON form."""

    path: str | None
    diagnostics: tuple[Diagnostic, ...]
    document: Document | None  # None in results of lint_paths (see there)
    text: str  # the text linted (for .html/.docx/.pdf: as extracted), with LF line ends
    encoding: str | None = None
    file_format: str = "text"  # text | markdown | html | docx | pdf
    agency: str | None = None
    agency_source: str | None = None  # title | page-title | publisher
    year: int | None = None
    version: str | None = None

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        """The file and its findings as the JSON output gives them (messages in ``lang``)."""
        return {
            "path": self.path,
            "file_format": self.file_format,
            "encoding": self.encoding,
            "agency": self.agency,
            "year": self.year,
            "diagnostics": [d.as_dict(lang) for d in self.diagnostics],
        }


@frozen
class FileError:
    """A file that could not be read or linted, with one line that says why (a :class:`Text`:
    ``str(error.message)`` the Chinese, ``error.message.get(lang)`` either)."""

    path: str
    message: Text = field(converter=as_text)

    @classmethod
    def internal(cls, path: str, error: Exception) -> FileError:
        """A file that tripped a bug in gialint: the run goes on, and the user is asked to report it."""
        return cls(path, say(msg.INTERNAL_ERROR, error=f"{type(error).__name__}: {error}"))
