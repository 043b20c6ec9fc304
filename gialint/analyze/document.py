"""A parsed report together with what gialint worked out about it.

:class:`Document` is what every rule reads: the syntax tree, the report year and
where it was found, which of the format's sections each heading is, and each
statistics table matched to its version, row by row and cell by cell.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from attrs import frozen

from gialint.analyze.agency import Agency, find_agency
from gialint.analyze.match import match_tables
from gialint.analyze.matched import MatchedTable
from gialint.analyze.meta import NO_META, PageMeta, find_meta
from gialint.analyze.narrative import Narrative, read_narrative
from gialint.analyze.options import DEFAULT_OPTIONS, LintOptions
from gialint.analyze.prose import Passage, find_passages
from gialint.analyze.suppress import NONE, Suppressions, find_suppressions
from gialint.analyze.year import ReportYear, YearSource, find_year
from gialint.base import catalogue as msg
from gialint.base.cached import cached_property
from gialint.base.span import Span
from gialint.formats import ColumnSpec, FormatModel, SectionSpec, TemplateRow, Version, load
from gialint.formats.model import AdditionsError, with_additions
from gialint.parse.ast import Cell, Report, Section
from gialint.parse.driver import parse_normalized
from gialint.parse.outline import SectionFound, outline
from gialint.read.source import ReadError, normalize_newlines

_T = TypeVar("_T")


@frozen(slots=False)  # not slotted: see "Cached properties" in docs/performance.md
class Document:
    """A report as gialint understands it, what every rule reads: ``report`` (the located syntax
    tree), ``year`` (and where it was found), ``sections`` (each heading identified with one of
    the format's six), ``tables`` (tables 2–4 matched to their format version, cell by cell:
    ``doc.table("t3").cell("new", "total")``), ``meta`` (what the published page states) and
    ``model`` (the formats), ``passages`` (the prose, paragraph by paragraph), ``agency`` (who
    published it) and ``previous`` (last year's report of the same agency, when a run has it,
    named ``source_name``)."""

    report: Report
    year: ReportYear | None
    sections: tuple[SectionFound, ...]
    tables: tuple[MatchedTable, ...]
    model: FormatModel
    suppressions: Suppressions = NONE
    assumed_version: str | None = None  # the configured version, for a report whose year is unknown
    meta: PageMeta = NO_META  # what the published page states: date, publishing body, page title
    agency: Agency | None = None  # the agency the report is by, from its title or page
    previous: Document | None = None  # last year's report of the same agency (GIA601–GIA604), set by the run
    source_name: str | None = None  # the file it was read from, as a run names it (set by the run)

    # worked out once (the fields they read do not change): the linter and a dozen rules ask
    @cached_property
    def expected_version(self) -> Version | None:
        """The format the report year calls for (None when the year is unknown or before 2019);
        for a report without a year, the configured version."""
        if self.year is not None:
            return self.model.expected_version(self.year.year)
        return self.model.version(self.assumed_version) if self.assumed_version else None

    @cached_property
    def version(self) -> str | None:
        """The format version the report is held to: the year's, else the one its tables fit."""
        if self.expected_version is not None:
            return self.expected_version.id
        fits = {v for t in self.tables if len(t.versions) == 1 for v in t.versions}
        return fits.pop() if len(fits) == 1 else None

    def table(self, table_id: str) -> MatchedTable | None:
        return next((t for t in self.tables if t.id == table_id), None)

    def recognised_sections(self) -> Iterator[tuple[SectionSpec, Section]]:
        """Each section whose heading names one of the format's, in document order."""
        return iter(self._recognised_sections)

    @cached_property
    def _recognised_sections(self) -> tuple[tuple[SectionSpec, Section], ...]:
        # listed once: a dozen rules and the prose of each section ask, and a generator's every
        # step is interpreted
        return tuple((found.identified.spec, found.section) for found in self.sections if found.identified is not None)

    def value_cells(self) -> Iterator[tuple[MatchedTable, TemplateRow, ColumnSpec, Cell]]:
        """Every value cell of every statistics table, with its table, row and column."""
        return iter(self._value_cells)

    @cached_property
    def passages(self) -> tuple[Passage, ...]:
        """The report's prose, paragraph by paragraph, with the section each stands in."""
        return find_passages(self.report, self.sections)

    def once(self, key: str, make: Callable[[], _T]) -> _T:
        """What ``make()`` gives, made once for this document and kept under ``key``: what several
        rules derive from the same text (a section's prose, the year claims) is derived once."""
        kept = self._derived
        if key not in kept:
            kept[key] = make()
        found: _T = kept[key]
        return found

    @cached_property
    def _derived(self) -> dict[str, Any]:
        return {}

    @cached_property
    def narrative(self) -> Narrative:
        """What the prose states: figures bound to the tables' quantities, totals with their parts."""
        return read_narrative(self.passages, self.model, self.year.year if self.year else None)

    @cached_property
    def _value_cells(self) -> tuple[tuple[MatchedTable, TemplateRow, ColumnSpec, Cell], ...]:
        # most rules walk every value cell; list them once
        found: list[tuple[MatchedTable, TemplateRow, ColumnSpec, Cell]] = []
        for table in self.tables:
            found.extend([(table, row, column, cell) for row, column, cell in table.value_cells()])
        return tuple(found)


def analyze(
    report: Report,
    model: FormatModel | None = None,
    options: LintOptions = DEFAULT_OPTIONS,
    suppressions: Suppressions = NONE,
    *,
    source_name: str | None = None,
    previous: Document | None = None,
) -> Document:
    """What the report means; ``options`` give the year or version for a report that states no
    year; ``source_name`` and ``previous``: as :class:`Document` has them (set by a run)."""
    model = model or load()
    if options.content is not None:
        try:
            model = with_additions(model, options.content)
        except AdditionsError as error:  # checked when the configuration was read; changed since
            raise ReadError(msg.CONTENT_FILE, error=error.text) from None
    meta = find_meta(report, model)
    year = find_year(report, None if meta.title is None else (meta.title.value, meta.title.span))
    if year is None and options.year is not None:
        year = ReportYear(options.year, YearSource.CONFIG, Span(1, 1, 1, 1))
    expected = model.expected_version(year.year) if year else None
    assumed = options.version if year is None else None
    prefer = expected.id if expected else assumed
    tables = match_tables(report, model, prefer=prefer)
    agency = find_agency(report, meta, model)
    return Document(
        report, year, outline(report), tables, model, suppressions, assumed, meta, agency, previous, source_name
    )


def parse_document(
    text: str,
    model: FormatModel | None = None,
    options: LintOptions = DEFAULT_OPTIONS,
    *,
    source_name: str | None = None,
    previous: Document | None = None,
    normalized: bool = False,
) -> Document:
    """Parse and analyse a report's text (suppression comments included); ``source_name`` and
    ``previous``: see :func:`analyze`. ``normalized``: the text's line ends are already "\\n"
    alone (what :func:`~gialint.read.source.normalize_newlines` gives), so that a run which has
    normalised it does not look through it again."""
    if not normalized:
        text = normalize_newlines(text)
    report = parse_normalized(text)
    return analyze(report, model, options, find_suppressions(text), source_name=source_name, previous=previous)
