"""The library API: lint or parse a report from Python."""

from __future__ import annotations

import os
from collections.abc import Iterable
from types import TracebackType

from attrs import evolve

from gialint.analyze.document import Document, parse_document
from gialint.base.collector import paused_gc
from gialint.base.diagnostic import Diagnostic
from gialint.base.location import Location, SourceMap
from gialint.base.span import Span
from gialint.config.settings import DEFAULT_SETTINGS, Settings
from gialint.lint.linter import lint_document
from gialint.lint.registry import all_rules

# defined in gialint.lint.result; found here too, where programs have always imported them
from gialint.lint.result import FileError as FileError
from gialint.lint.result import LintResult as LintResult
from gialint.read import read_bytes, read_path
from gialint.read.compose import Extracted
from gialint.read.limits import Limits, budget
from gialint.read.source import normalize_newlines

#: Last year's report, for the cross-year rules (GIA601–GIA604): a path, or a parsed Document.
Previous = Document | str | os.PathLike[str] | None


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


class one_file:
    """Work on one file: within its time limit (:func:`~gialint.read.limits.budget`), the
    cyclic garbage collector paused (:mod:`gialint.base.collector`). A class, as those two are:
    a report passes through two of these."""

    __slots__ = ("_budget", "_paused")

    def __init__(self, limits: Limits) -> None:
        self._budget = budget(limits)
        self._paused = paused_gc()

    def __enter__(self) -> None:
        self._budget.__enter__()
        self._paused.__enter__()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._paused.__exit__(kind, error, traceback)
        self._budget.__exit__(kind, error, traceback)


def parse_text(text: str, settings: Settings | None = None) -> Document:
    """Parse a report: its syntax tree, year, sections and tables matched to the format.

    Raises :class:`~gialint.read.source.ReadError` past the settings' time limit."""
    settings = settings or DEFAULT_SETTINGS
    with one_file(settings.limits):
        return parse_document(text, options=settings.options)


def lint_text(
    text: str,
    path: str | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    *,
    settings: Settings | None = None,
    previous: Previous = None,
) -> LintResult:
    """Lint a report's text. ``select``/``ignore`` take codes, prefixes ("GIA3") or names and
    apply on top of ``settings`` (see :func:`settings_for`; default: no configuration).
    ``previous``: last year's report of the same agency — its path, or a :class:`Document`
    (from :func:`parse_text`) — which GIA601–GIA604 compare this one with. Raises
    :class:`~gialint.read.source.ReadError` past the settings' time limit (``limits``)."""
    settings = _settings(settings, select, ignore)
    with one_file(settings.limits):
        return _lint_text(text, path, settings, previous)


def _lint_text(
    text: str,
    path: str | None,
    settings: Settings,
    previous: Previous,
    extracted: Extracted | None = None,
    previous_map: SourceMap | None = None,
) -> LintResult:
    """Lint ``text``; when it was ``extracted`` from a file, with that file's encoding and format,
    and findings located in the original by its source map (and ``previous_map``, last year's)."""
    selection = settings.selection_for(path)
    selection.validate(all_rules())
    text = normalize_newlines(text)
    before = read_previous(previous, settings)[0]
    document = parse_document(text, options=settings.options, source_name=path, previous=before, normalized=True)
    found = lint_document(document, all_rules(), selection, settings.options, text.split("\n"))
    diagnostics = tuple(settings.with_severities(found))
    source_map = None if extracted is None else extracted.source_map
    if source_map is not None or previous_map is not None:
        diagnostics = tuple(locate(d, source_map, previous_map) for d in diagnostics)
    agency = document.agency
    return LintResult(
        path,
        diagnostics,
        document,
        text,
        encoding=None if extracted is None else extracted.encoding,
        file_format="text" if extracted is None else extracted.format,
        agency=None if agency is None else agency.name,
        agency_source=None if agency is None else agency.source.value,
        year=None if document.year is None else document.year.year,
        version=document.version,
    )


def read_previous(previous: Previous, settings: Settings) -> tuple[Document | None, SourceMap | None]:
    """Last year's report as a Document named by its file, and its source map (.html/.docx/.pdf).
    Read from a path with this report's settings but not its configured year or version,
    which are this year's."""
    if previous is None or isinstance(previous, Document):
        return previous, None
    name = os.fspath(previous)
    extracted = read_path(name, settings.limits)
    options = evolve(settings.options, year=None, version=None)
    return parse_document(extracted.text, options=options, source_name=name), extracted.source_map


def lint_path(
    path: str | os.PathLike[str],
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    limits: Limits | None = None,
    *,
    settings: Settings | None = None,
    previous: Previous = None,
) -> LintResult:
    """Read and lint a report file: .txt, .md, .html, .docx or .pdf (chosen by the extension).

    Raises :class:`~gialint.read.source.ReadError` for a file that cannot be read (this one or
    ``previous``, last year's report: see :func:`lint_text`), or that goes past ``limits``
    (default: the settings'), with one line for the user.
    Findings in .html/.docx/.pdf files carry a ``location`` in the original.
    """
    chosen = limits or (settings or DEFAULT_SETTINGS).limits
    with one_file(chosen):
        extracted = read_path(path, chosen)
        return lint_extracted(extracted, str(path), select, ignore, settings=settings, previous=previous)


def lint_bytes(
    data: bytes,
    name: str,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    limits: Limits | None = None,
    *,
    settings: Settings | None = None,
    previous: Previous = None,
) -> LintResult:
    """Lint a report given as bytes; ``name`` (a file name such as "report.docx") chooses the
    reader; ``previous``: last year's report (see :func:`lint_text`); ``limits``: as for :func:`lint_path`."""
    chosen = limits or (settings or DEFAULT_SETTINGS).limits
    with one_file(chosen):
        extracted = read_bytes(data, name, chosen)
        return lint_extracted(extracted, name, select, ignore, settings=settings, previous=previous)


def lint_extracted(
    extracted: Extracted,
    path: str | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    *,
    settings: Settings | None = None,
    previous: Previous = None,
) -> LintResult:
    settings = _settings(settings, select, ignore)
    before, before_map = read_previous(previous, settings)
    with one_file(settings.limits):
        return _lint_text(extracted.text, path, settings, before, extracted, before_map)


def locate(diagnostic: Diagnostic, source_map: SourceMap | None, previous_map: SourceMap | None = None) -> Diagnostic:
    """The diagnostic with its (and its related cells') location in the original file; a related
    cell of last year's report (``file`` set) with its location in that file."""

    def where(span: Span, other_file: bool) -> Location | None:
        found = previous_map if other_file else source_map
        return None if found is None else found.locate(span)

    return evolve(
        diagnostic,
        location=where(diagnostic.span, False),
        related=tuple(evolve(r, location=where(r.span, r.file is not None)) for r in diagnostic.related),
    )
