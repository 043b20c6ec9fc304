"""What a document looks like: a report of the format, an older report, a data file, or something else.

gialint checks reports of the 2019 and 2021 formats. A file that is none — a report
under the 2008 regulation (old 统计表 with 指标名称 / 计量单位, a report year before
2019), a JSON or CSV data file, a README, a toy — should get one line that says what it
is (GIA206), not a flood of findings about the sections it lacks.

The decision rests on *positive* signs, never on how much of a report is missing: a
damaged report (a fragment, a crawl that lost its line breaks, a blank template) still
carries the wording of a section heading or a table label somewhere, and is a report.

- a data file: the text parses as JSON (an object or array), or every line is a CSV row
  with the same number of fields (two or more);
- an older report: none of the format's statistics tables, none of the wording only the
  formats have (``format_signs``), no report year of a format version, and at least ``legacy_min_signs`` of the 2008 regulation's signs
  (``[not_a_report] legacy_signs`` in formats.toml), a stated report year before 2019
  counting as one;
- something else: none of the signs of a report at all — the wording of the format's
  section headings (and their variants and keywords) and table labels, and
  ``report_signs`` — compared with spaces, line breaks and full-width forms removed.

The signs themselves, and the look for them in a file's bytes that lets a directory run
pass over the .md/.txt files that are not reports (a README), are in :mod:`gialint.read.signs`.
"""

from __future__ import annotations

import enum
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from attrs import frozen

from gialint.analyze.year import YearSource
from gialint.base.span import Span
from gialint.parse.ast import Paragraph, Report, Section, Subsection, Table
from gialint.read.signs import Signs, flatten, signs

if TYPE_CHECKING:
    from gialint.analyze.document import Document

__all__ = ["Kind", "Looks", "classify"]

#: A stated report year is taken from these places only (not from years counted in the prose).
STATED_YEAR = (YearSource.TITLE, YearSource.STATISTICS_PERIOD)


class Kind(enum.Enum):
    REPORT = "report"  # a report of the 2019 or 2021 format, whole or damaged
    LEGACY = "legacy"  # a report under the 2008 regulation
    JSON = "json"  # a JSON data file
    CSV = "csv"  # a CSV data file
    OTHER = "other"  # no sign of a report


@frozen
class Looks:
    """What a document looks like, and where that shows (the title, the year, or line 1)."""

    kind: Kind
    span: Span
    year: int | None = None  # an older report's year, when it states one


# ---------------------------------------------------------------------------- documents


def _lines(report: Report) -> Iterator[tuple[str, Span]]:
    """Every piece of text of the report in document order: title, headings, paragraphs, cells."""
    if report.title is not None:
        yield report.title.text, report.title.span
    yield from _blocks(report.preamble)
    yield from _blocks(report.sections)


def _blocks(items: Iterable[Paragraph | Table | Subsection | Section]) -> Iterator[tuple[str, Span]]:
    """:func:`_lines` of some blocks. (Not nested in it: a nested function that calls itself holds
    the cell that holds it, a reference cycle made for every report, which only the garbage
    collector frees.)"""
    for block in items:
        if isinstance(block, Paragraph):
            yield block.text, block.span
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    yield cell.text, cell.span
        else:
            yield block.heading.text, block.heading.span
            yield from _blocks(block.blocks)


def _is_json(text: str) -> bool:
    try:
        return isinstance(json.loads(text), (dict, list))
    except (ValueError, RecursionError):  # not JSON, or nested past what the parser follows
        return False


def _is_csv(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    import csv  # here: only a text without the format's tables is looked at as CSV

    try:
        widths = {len(row) for row in csv.reader(lines)}
    except csv.Error:  # a piece of several lines (a paragraph, a heading): not a CSV row
        return False
    return len(widths) == 1 and widths.pop() >= 2


def classify(doc: Document, known: Signs | None = None) -> Looks:
    """What the document looks like (see the module's description). A report with one of the
    format's tables is told at once, without looking at its text."""
    known = known or signs()
    report = doc.report
    first = next(_lines(report), None)
    start = report.title.span if report.title is not None else (first[1] if first else Span(1, 1, 1, 1))
    if first is not None and first[0][:1] in ("{", "[") and _is_json("\n".join(t for t, _ in _lines(report))):
        return Looks(Kind.JSON, start)
    if doc.tables:
        return Looks(Kind.REPORT, start)
    texts = [text for text, _ in _lines(report)]
    if not any(True for _ in report.tables) and _is_csv(texts):
        return Looks(Kind.CSV, start)
    flat = flatten("\n".join(texts))
    year = doc.year
    if year is None or year.year < known.first_year:
        stated = year if year is not None and year.source in STATED_YEAR else None
        score = sum(1 for sign in known.legacy if sign in flat) + (stated is not None)
        if score >= known.legacy_min and not any(sign in flat for sign in known.format_only):
            return Looks(Kind.LEGACY, stated.span if stated else start, stated.year if stated else None)
    if any(sign in flat for sign in known.report):
        return Looks(Kind.REPORT, start)
    return Looks(Kind.OTHER, start)
