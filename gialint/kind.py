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
- an older report: none of the format's statistics tables, no report year of a format
  version, and at least ``legacy_min_signs`` of the 2008 regulation's signs
  (``[not_a_report] legacy_signs`` in formats.toml), a stated report year before 2019
  counting as one;
- something else: none of the signs of a report at all — the wording of the format's
  section headings (and their variants and keywords) and table labels, and
  ``report_signs`` — compared with spaces, line breaks and full-width forms removed.

The same signs, looked for in a file's bytes (:func:`bytes_have_report_sign`), let a
directory run pass over the .md/.txt files that are not reports (a README) at the cost of
a few substring searches.
"""

from __future__ import annotations

import csv
import enum
import functools
import json
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

from attrs import frozen

from gialint.ast import Heading, Paragraph, Report, Section, Subsection, Table
from gialint.span import Span
from gialint.year import YearSource

if TYPE_CHECKING:
    from gialint.document import Document

#: The extensions of files a directory run passes over when they carry no sign of a report.
SKIPPABLE_EXTENSIONS = (".md", ".markdown", ".txt", ".text")
#: A stated report year is taken from these places only (not from years counted in the prose).
STATED_YEAR = (YearSource.TITLE, YearSource.STATISTICS_PERIOD)
#: Encodings a sign is looked for in the raw bytes before anything is decoded.
QUICK_ENCODINGS = ("utf-8", "gb18030")

_NUMBERING = re.compile(r"^(?:[(]?[一二三四五六七八九十\d]{1,3}[)]|[一二三四五六七八九十\d]{1,3}[、.])+")
_SPACE = re.compile(r"\s+")


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

    @property
    def is_report(self) -> bool:
        return self.kind is Kind.REPORT


@frozen
class Signs:
    """The signs of formats.toml's ``[not_a_report]``, flattened (see :func:`flatten`)."""

    report: tuple[str, ...]  # most telling first: section headings, then table labels
    legacy: tuple[str, ...]
    legacy_min: int
    format_only: tuple[str, ...]  # wording only the 2019 and 2021 formats have
    first_year: int  # the first year of the earliest format version

    @functools.cached_property
    def all(self) -> tuple[str, ...]:
        """Every sign that a file is a report of some kind (an older one too)."""
        return (*self.report, *self.legacy)

    @functools.cached_property
    def all_chinese(self) -> bool:
        """Whether every sign holds a character beyond ASCII (so that ASCII bytes hold none)."""
        return not any(sign.isascii() for sign in self.all)

    @functools.cached_property
    def quick(self) -> tuple[bytes, ...]:
        """The signs as bytes in the common encodings, for a look before decoding."""
        found: dict[bytes, None] = {}
        for encoding in QUICK_ENCODINGS:
            for sign in self.all:
                if sign.isascii() or not all(ord(c) > 127 for c in sign):
                    continue  # written with ASCII after normalising: only the decoded look finds it
                found.setdefault(sign.encode(encoding), None)
        return tuple(found)


def flatten(text: str) -> str:
    """Text as signs are compared: NFKC (full-width forms, CJK compatibility characters), no white space."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _sign(text: str) -> str:
    """A heading or label as a sign: flattened, without its numbering ("（一）", "一、", "1.")."""
    return _NUMBERING.sub("", flatten(text))


def _labels(table: Mapping[str, Any]) -> Iterator[str]:
    yield table.get("title", "")
    for block in table.get("blocks", ()):
        yield block.get("caption") or ""
        yield from block.get("header", ())
        for row in block.get("header_rows", ()):
            yield from row
        for item in (*block.get("columns", ()), *block.get("rows", ())):
            yield item.get("label", "")
            yield from item.get("variants", ())
            yield from item.get("typos", ())


def _distinct(texts: Iterable[str], min_length: int) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for text in texts:
        sign = _sign(text)
        if len(sign) >= min_length:
            found.setdefault(sign, None)
    return tuple(found)


def signs_from(raw: Mapping[str, Any]) -> Signs:
    """The signs declared in a formats.toml (parsed)."""
    spec = raw["not_a_report"]
    min_length = int(spec["min_sign_length"])
    sections = raw["sections"]
    headings = [w for s in sections for w in (s["heading"], *s.get("variants", ()))]
    keywords = [k for s in sections for k in s.get("keywords", ())]
    labels = [label for table in raw["tables"].values() for label in _labels(table)]
    report = _distinct([*headings, *spec.get("report_signs", ()), *labels, *keywords], min_length)
    legacy = _distinct(spec.get("legacy_signs", ()), 1)
    format_only = _distinct(spec.get("format_signs", ()), 1)
    first_year = min(int(v["first_year"]) for v in raw["versions"])
    return Signs(report, legacy, int(spec["legacy_min_signs"]), format_only, first_year)


@functools.lru_cache(maxsize=1)
def signs() -> Signs:
    """The signs of the formats.toml shipped with gialint (read once per process)."""
    text = resources.files("gialint.formats").joinpath("formats.toml").read_text(encoding="utf-8")
    return signs_from(tomllib.loads(text))


# ---------------------------------------------------------------------------- files


def skippable(path: str) -> bool:
    """Whether a file found in a directory may be passed over when it is not a report: text and Markdown."""
    return path.lower().endswith(SKIPPABLE_EXTENSIONS)


def has_report_sign(text: str, known: Signs | None = None) -> bool:
    """Whether ``text`` carries any sign of a report (of the format, or an older one)."""
    flat = flatten(text)
    return any(sign in flat for sign in (known or signs()).all)


def bytes_have_report_sign(data: bytes, known: Signs | None = None) -> bool:
    """:func:`has_report_sign` for a file's bytes: a substring search in UTF-8 and GB18030 first
    (a report shows a sign at once), then the decoded text. Bytes that cannot be decoded count
    as a report: reading them is what reports the problem."""
    from gialint.source import ReadError, decode

    known = known or signs()
    # English text (or UTF-16 of it without a BOM) holds no Chinese sign: nothing to search
    english = data.isascii() and known.all_chinese
    if not english and any(sign in data for sign in known.quick):
        return True
    try:
        text = decode(data).text
    except ReadError:
        return True
    return not english and has_report_sign(text, known)


# ---------------------------------------------------------------------------- documents


def _lines(report: Report) -> Iterator[tuple[str, Span]]:
    """Every piece of text of the report in document order: title, headings, paragraphs, cells."""

    def blocks(items: Iterable[Paragraph | Table | Subsection | Section]) -> Iterator[tuple[str, Span]]:
        for block in items:
            if isinstance(block, Paragraph):
                yield block.text, block.span
            elif isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        yield cell.text, cell.span
            else:
                yield from heading(block.heading)
                yield from blocks(block.blocks)

    def heading(head: Heading) -> Iterator[tuple[str, Span]]:
        yield head.text, head.span

    if report.title is not None:
        yield report.title.text, report.title.span
    yield from blocks(report.preamble)
    yield from blocks(report.sections)


def _is_json(text: str) -> bool:
    try:
        return isinstance(json.loads(text), (dict, list))
    except (ValueError, RecursionError):  # not JSON, or nested past what the parser follows
        return False


def _is_csv(lines: list[str]) -> bool:
    if len(lines) < 2:
        return False
    try:
        widths = {len(row) for row in csv.reader(lines)}
    except csv.Error:  # a stray carriage return, say: not a CSV file
        return False
    return len(widths) == 1 and widths.pop() >= 2


def classify(doc: Document, known: Signs | None = None) -> Looks:
    """What the document looks like (see the module's description). A report with one of the
    format's tables, or with a report year of a format version and a sign, is told at once."""
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
