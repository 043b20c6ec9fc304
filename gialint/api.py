"""The library API: lint or parse a report from Python."""

from __future__ import annotations

import os
from collections.abc import Iterable

from attrs import evolve, frozen

from gialint.diagnostic import Diagnostic
from gialint.document import Document, parse_document
from gialint.linter import Selection, lint_document
from gialint.location import SourceMap
from gialint.parse import normalize_newlines
from gialint.readers import read_bytes, read_path
from gialint.readers.compose import Extracted
from gialint.readers.limits import DEFAULT_LIMITS, Limits
from gialint.registry import all_rules


@frozen
class LintResult:
    path: str | None
    diagnostics: tuple[Diagnostic, ...]
    document: Document
    text: str  # the text linted (for .html/.docx/.pdf: as extracted), with LF line ends
    encoding: str | None = None
    file_format: str = "text"  # text | markdown | html | docx | pdf


def _selection(select: Iterable[str] | None, ignore: Iterable[str] | None) -> Selection:
    selection = Selection(tuple(select) if select else ("ALL",), tuple(ignore or ()))
    selection.validate(all_rules())
    return selection


def parse_text(text: str) -> Document:
    """Parse a report: its syntax tree, year, sections and tables matched to the format."""
    return parse_document(text)


def lint_text(
    text: str,
    path: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> LintResult:
    """Lint a report's text. ``select``/``ignore`` take codes, prefixes ("GIA3") or names."""
    selection = _selection(select, ignore)
    text = normalize_newlines(text)
    document = parse_document(text)
    diagnostics = lint_document(document, all_rules(), selection)
    return LintResult(path, tuple(diagnostics), document, text)


def lint_path(
    path: str | os.PathLike[str],
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> LintResult:
    """Read and lint a report file: .txt, .md, .html, .docx or .pdf (chosen by the extension).

    Raises :class:`~gialint.source.ReadError` for a file that cannot be read, with one line
    for the user. Findings in .html/.docx/.pdf files carry a ``location`` in the original.
    """
    return lint_extracted(read_path(path, limits), str(path), select, ignore)


def lint_bytes(
    data: bytes,
    name: str,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> LintResult:
    """Lint a report given as bytes; ``name`` (a file name such as "report.docx") chooses the reader."""
    return lint_extracted(read_bytes(data, name, limits), name, select, ignore)


def lint_extracted(
    extracted: Extracted,
    path: str | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
) -> LintResult:
    result = lint_text(extracted.text, path, select, ignore)
    diagnostics = result.diagnostics
    if extracted.source_map is not None:
        diagnostics = tuple(locate(d, extracted.source_map) for d in diagnostics)
    return LintResult(result.path, diagnostics, result.document, result.text, extracted.encoding, extracted.format)


def locate(diagnostic: Diagnostic, source_map: SourceMap) -> Diagnostic:
    """The diagnostic with its (and its related cells') location in the original file."""
    return evolve(
        diagnostic,
        location=source_map.locate(diagnostic.span),
        related=tuple(evolve(r, location=source_map.locate(r.span)) for r in diagnostic.related),
    )
