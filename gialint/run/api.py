"""The library API: lint or parse a report from Python."""

from __future__ import annotations

import os
from collections.abc import Iterable

from attrs import evolve

from gialint.analyze.document import Document, parse_document
from gialint.base.diagnostic import Diagnostic
from gialint.base.location import SourceMap
from gialint.config.settings import DEFAULT_SETTINGS, Settings
from gialint.lint.linter import lint_document
from gialint.lint.registry import all_rules

# defined in gialint.lint.result; found here too, where programs have always imported them
from gialint.lint.result import FileError as FileError
from gialint.lint.result import LintResult as LintResult
from gialint.read import read_bytes, read_path
from gialint.read.compose import Extracted
from gialint.read.limits import DEFAULT_LIMITS, Limits
from gialint.read.source import normalize_newlines


def settings_for(path: str | os.PathLike[str]) -> Settings:
    """The settings of the configuration file that applies to ``path`` (defaults when there is none).

    Raises :class:`~gialint.config.ConfigError` for a configuration that cannot be used.
    """
    from gialint.config import find_config, load_config

    file = find_config(os.fspath(path))
    return load_config(file) if file else DEFAULT_SETTINGS


def _codes(codes: Iterable[str] | str | None) -> tuple[str, ...]:
    """``select="GIA401"`` means the one selector, not the letters G, I, A…"""
    return (codes,) if isinstance(codes, str) else tuple(codes or ())


def _settings(
    settings: Settings | None, select: Iterable[str] | str | None, ignore: Iterable[str] | str | None
) -> Settings:
    return (settings or DEFAULT_SETTINGS).overridden(select=_codes(select), ignore=_codes(ignore))


def parse_text(text: str, settings: Settings | None = None) -> Document:
    """Parse a report: its syntax tree, year, sections and tables matched to the format."""
    return parse_document(text, options=(settings or DEFAULT_SETTINGS).options)


def lint_text(
    text: str,
    path: str | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    *,
    settings: Settings | None = None,
) -> LintResult:
    """Lint a report's text. ``select``/``ignore`` take codes, prefixes ("GIA3") or names and
    apply on top of ``settings`` (see :func:`settings_for`; default: no configuration)."""
    settings = _settings(settings, select, ignore)
    selection = settings.selection_for(path)
    selection.validate(all_rules())
    text = normalize_newlines(text)
    document = parse_document(text, options=settings.options)
    diagnostics = lint_document(document, all_rules(), selection, settings.options, text.split("\n"))
    return LintResult(path, tuple(settings.with_severities(diagnostics)), document, text)


def lint_path(
    path: str | os.PathLike[str],
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    *,
    settings: Settings | None = None,
) -> LintResult:
    """Read and lint a report file: .txt, .md, .html, .docx or .pdf (chosen by the extension).

    Raises :class:`~gialint.read.source.ReadError` for a file that cannot be read, with one line
    for the user. Findings in .html/.docx/.pdf files carry a ``location`` in the original.
    """
    return lint_extracted(read_path(path, limits), str(path), select, ignore, settings=settings)


def lint_bytes(
    data: bytes,
    name: str,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    *,
    settings: Settings | None = None,
) -> LintResult:
    """Lint a report given as bytes; ``name`` (a file name such as "report.docx") chooses the reader."""
    return lint_extracted(read_bytes(data, name, limits), name, select, ignore, settings=settings)


def lint_extracted(
    extracted: Extracted,
    path: str | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    *,
    settings: Settings | None = None,
) -> LintResult:
    result = lint_text(extracted.text, path, select, ignore, settings=settings)
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
