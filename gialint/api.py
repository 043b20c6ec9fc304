"""The library API: lint or parse a report from Python."""

from __future__ import annotations

import os
from collections.abc import Iterable

from attrs import frozen

from gialint.diagnostic import Diagnostic
from gialint.document import Document, parse_document
from gialint.linter import Selection, lint_document
from gialint.parse import normalize_newlines
from gialint.registry import all_rules
from gialint.source import read_file


@frozen
class LintResult:
    path: str | None
    diagnostics: tuple[Diagnostic, ...]
    document: Document
    text: str  # the report's text, with LF line ends
    encoding: str | None = None


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
) -> LintResult:
    """Read (detecting the encoding) and lint a report file. Raises ReadError for unreadable files."""
    source = read_file(path)
    result = lint_text(source.text, str(path), select, ignore)
    return LintResult(result.path, result.diagnostics, result.document, result.text, source.encoding)
