"""What a rule reports: :class:`Diagnostic`, in Chinese and English."""

from __future__ import annotations

import enum
from typing import Any

from attrs import frozen

from gialint.base.location import Location
from gialint.base.pickled import by_fields
from gialint.base.span import Span

LANGUAGES = ("zh", "en")


class Severity(enum.IntEnum):
    """How serious a finding is: ``ERROR`` (the format is not followed, a figure is wrong),
    ``WARNING`` (probably wrong, or written in a way that hinders reading), ``INFO`` (a note).
    Ordered, so that ``severity >= Severity.WARNING`` works; ``str()`` gives "error", "warning"
    or "info"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _LABELS[self]  # (``name`` is a Python property: a finding written out asks for this)

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r} (use error, warning or info)") from None


_LABELS: dict[Severity, str] = {severity: severity.name.lower() for severity in Severity}


@by_fields
@frozen
class Text:
    """A text in both languages gialint speaks: ``zh`` and ``en``; ``str()`` gives the Chinese,
    the default language, and ``get(lang)`` either."""

    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def __str__(self) -> str:
        """The text in gialint's default language, Chinese (``get("en")`` for English)."""
        return self.zh

    def format(self, **values: Any) -> Text:
        return Text(self.zh.format(**values), self.en.format(**values))


@by_fields
@frozen
class Related:
    """Another place that explains a finding (an addend of a sum, say); ``file`` names the
    file it is in when that is not the finding's own (last year's report, GIA601–GIA604)."""

    span: Span
    label: str
    location: Location | None = None  # in the original file, for .html/.docx/.pdf
    file: str | None = None  # another file (last year's report); None: the finding's own

    def as_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {**self.span.as_dict(), "label": self.label}
        if self.file is not None:
            data["file"] = self.file
        if self.location is not None:
            data["location"] = self.location.as_dict()
        return data


@by_fields
@frozen
class Edit:
    """Replace the text of ``span`` (on one line) with ``replacement``."""

    span: Span
    replacement: str

    def as_dict(self) -> dict[str, Any]:
        return {**self.span.as_dict(), "replacement": self.replacement}


class Applicability(enum.Enum):
    """Whether ``--fix`` applies a fix by itself (safe) or only with ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


@by_fields
@frozen
class Fix:
    """How to repair a finding: edits to the report's text that never change a reported figure."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE

    def as_dict(self) -> dict[str, Any]:
        return {"applicability": self.applicability.value, "edits": [e.as_dict() for e in self.edits]}


@by_fields
@frozen
class Diagnostic:
    """One finding: the rule (``code``, ``name``), how serious it is, where (``span`` in the text
    linted; ``location`` in a .html/.docx/.pdf file; ``place`` in the report's logic, such as
    ``("t3", "new", "total")``), what it says (``message``, a :class:`Text` in Chinese and English),
    for a sum the ``expected`` and ``found`` values and the ``related`` cells, and a ``fix``
    where one is known. ``as_dict()`` gives the JSON form."""

    code: str
    name: str
    severity: Severity
    span: Span
    message: Text
    expected: str | None = None
    found: str | None = None
    related: tuple[Related, ...] = ()
    location: Location | None = None  # in the original file, for .html/.docx/.pdf (see gialint.base.location)
    fix: Fix | None = None
    place: tuple[str, ...] = ()  # the logical place (gialint.lint.place), set by the linter

    @property
    def sort_key(self) -> tuple[int, int, str, int, int]:
        return (self.span.line, self.span.column, self.code, self.span.end_line, self.span.end_column)

    def placed(self, place: tuple[str, ...]) -> Diagnostic:
        """This finding at its logical ``place``: ``attrs.evolve(self, place=place)``, made directly
        (the linter places every finding, and ``evolve`` looks the class's fields up each time: a
        third of the cost of a finding). ``place`` is the last field (tests/base/test_diagnostic.py)."""
        return Diagnostic(
            self.code,
            self.name,
            self.severity,
            self.span,
            self.message,
            self.expected,
            self.found,
            self.related,
            self.location,
            self.fix,
            place,
        )

    def as_dict(self, lang: str = "zh") -> dict[str, Any]:
        data: dict[str, Any] = {
            **self.span.as_dict(),
            **({"location": self.location.as_dict()} if self.location is not None else {}),
            "code": self.code,
            "name": self.name,
            "severity": self.severity.label,
            "message": self.message.get(lang),
        }
        if self.expected is not None:
            data["expected"] = self.expected
        if self.found is not None:
            data["found"] = self.found
        if self.related:
            data["related"] = [r.as_dict() for r in self.related]
        if self.place:
            data["place"] = list(self.place)
        if self.fix is not None:
            data["fix"] = self.fix.as_dict()
        return data
