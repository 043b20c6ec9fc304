"""Last year's report beside this year's: what GIA601–GIA604 compare.

A run sets :attr:`Document.previous <gialint.analyze.document.Document.previous>` to last year's
report of the same agency (``gialint check --previous``, or the pairing of a run's files). The
helpers here give it only where the two can be compared (:func:`previous_of`), name its file
(:func:`previous_name`), point at its cells (:func:`related_cell`), and measure how alike two
sections' prose is (:func:`section_texts`, :func:`text_similarity`), with the thresholds of
content.toml ``[copied]``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from attrs import frozen

from gialint.analyze.matched import MatchedTable
from gialint.base.diagnostic import Related
from gialint.base.memo import Memo
from gialint.base.precompiled import regex
from gialint.base.span import Span
from gialint.formats import FormatModel
from gialint.formats.labels import normalize
from gialint.parse.ast import Cell

if TYPE_CHECKING:
    from gialint.analyze.document import Document

_DIGIT = regex(r"\d")


@frozen
class CopiedSettings:
    """content.toml ``[copied]`` (GIA604)."""

    similarity: float
    min_chars: int
    shingle: int
    sentence_marks: str

    @classmethod
    def of(cls, table: dict[str, Any]) -> CopiedSettings:
        return cls(
            float(table.get("similarity", 0.8)),
            int(table.get("min_chars", 150)),
            int(table.get("shingle", 4)),
            str(table.get("sentence_marks", "。，；")),
        )


_copied: Memo[FormatModel, CopiedSettings] = Memo(
    lambda model, _: CopiedSettings.of(model.content.get("copied", {})), 16
)


def copied_settings(model: FormatModel) -> CopiedSettings:
    return _copied(model, "")


def previous_of(doc: Document) -> Document | None:
    """Last year's report, where it can be compared with this one: given, and — where both
    years are known — the year before this one."""
    previous = doc.previous
    if previous is None:
        return None
    if doc.year is not None and previous.year is not None and previous.year.year != doc.year.year - 1:
        return None
    return previous


def previous_name(previous: Document) -> str:
    """How a message names last year's report: its file, else its agency and year."""
    if previous.source_name:
        return previous.source_name
    agency = previous.agency.name if previous.agency is not None else ""
    return f"{agency}{previous.year.year if previous.year is not None else ''}" or "?"


def readable_table(doc: Document, table_id: str) -> MatchedTable | None:
    """The table, when it was found and its cells can be told apart."""
    table = doc.table(table_id)
    return table if table is not None and table.unreadable is None else None


@frozen
class TablePair:
    """A table of this year's report and the same table of last year's, both readable."""

    previous: Document  # last year's report
    this: MatchedTable
    last: MatchedTable


def table_pair(doc: Document, table_id: str, version: str | None = None) -> TablePair | None:
    """This year's and last year's ``table_id``, where the two reports can be compared and both
    tables read (and, with ``version``, both are in that format version)."""
    previous = previous_of(doc)
    if previous is None:
        return None
    this, last = readable_table(doc, table_id), readable_table(previous, table_id)
    if this is None or last is None:
        return None
    if version is not None and not this.template.version == last.template.version == version:
        return None
    return TablePair(previous, this, last)


def cell_amount(table: MatchedTable, row: str, column: str) -> tuple[Cell, Decimal] | None:
    """A cell and its amount (a dash or blank counts as 0), None where there is no number."""
    cell = table.cell(row, column)
    if cell is None or cell.value.amount is None:
        return None
    return cell, cell.value.amount


def related_cell(previous: Document, table: MatchedTable, row: str, column: str, span: Span) -> Related:
    """A cell of last year's report, as a related place in its own file."""
    label = f"{table.row_label(row)} / {table.column_label(column)}"
    return Related(span, label, file=previous_name(previous))


@frozen
class Term:
    """One cell of a cross-year identity: in ``this`` year's report or ``last`` year's, added (+1) or taken away (−1)."""

    year: str  # "this" | "last"
    row: str
    column: str
    sign: int = 1


@frozen
class Broken:
    """A cross-year identity that does not hold: this year's ``cell`` holds ``found``, the terms
    (``amounts``, in their order) make ``expected``; ``related`` points at each term's cell."""

    cell: Cell
    found: Decimal
    expected: Decimal
    amounts: tuple[Decimal, ...]
    related: tuple[Related, ...]
    previous: str  # how messages name last year's report (:func:`previous_name`)

    def values(self) -> dict[str, Any]:
        """What every cross-year finding says: ``expected``, ``found``, ``related`` and ``previous``."""
        return {
            "expected": _number(self.expected),
            "found": _number(self.found),
            "related": self.related,
            "previous": self.previous,
        }


def broken_chain(pair: TablePair, row: str, column: str, terms: Sequence[Term]) -> Broken | None:
    """Whether this year's cell (``row``, ``column``) differs from the signed sum of ``terms``;
    None when it does not, or when a cell has no number."""
    target = cell_amount(pair.this, row, column)
    found = [cell_amount(pair.this if t.year == "this" else pair.last, t.row, t.column) for t in terms]
    if target is None or any(f is None for f in found):
        return None
    cells = [f for f in found if f is not None]
    expected = sum((t.sign * amount for t, (_, amount) in zip(terms, cells, strict=True)), Decimal(0))
    if target[1] == expected:
        return None
    related = []
    for term, (cell, _) in zip(terms, cells, strict=True):
        if term.year == "last":
            related.append(related_cell(pair.previous, pair.last, term.row, term.column, cell.span))
        else:
            related.append(
                Related(cell.span, f"{pair.this.row_label(term.row)} / {pair.this.column_label(term.column)}")
            )
    amounts = tuple(a for _, a in cells)
    return Broken(target[0], target[1], expected, amounts, tuple(related), previous_name(pair.previous))


def _number(value: Decimal) -> str:
    """A Decimal as a report writes it: 12, 0.5, -3."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def value_rows(table: MatchedTable, *columns: str) -> Iterator[str]:
    """The keys of the rows that have all of ``columns``, in the format's order."""
    for row in table.template.rows:
        ids = {c.id for c in row.columns}
        if all(c in ids for c in columns):
            yield row.key


def section_texts(doc: Document, settings: CopiedSettings) -> dict[str, tuple[str, Span]]:
    """Each recognised section's prose joined, normalised and with its digits masked (new
    figures in the same sentences are the same text), with the section heading's span.
    Prose is the paragraphs with a sentence mark (``[copied] sentence_marks``): not a list of
    links or a site's footer, which a printed web page carries below the report, the same
    every year."""
    texts: dict[str, list[str]] = {}
    for passage in doc.passages:
        if passage.section is not None and any(mark in passage.text for mark in settings.sentence_marks):
            texts.setdefault(passage.section.id, []).append(passage.text)
    spans = {spec.id: section.heading.span for spec, section in doc.recognised_sections()}
    return {
        key: (_DIGIT.sub("0", normalize("".join(parts))), spans[key]) for key, parts in texts.items() if key in spans
    }


def _shingles(text: str, size: int) -> set[str]:
    return {text[i : i + size] for i in range(len(text) - size + 1)}


def text_similarity(a: str, b: str, settings: CopiedSettings) -> float | None:
    """How alike two sections' texts are, 0–1: the Jaccard overlap of their sets of
    ``shingle``-character pieces (linear in the length; the same sentences in another order
    share few). None when either is too short to say, or their lengths alone rule it out."""
    if min(len(a), len(b)) < settings.min_chars or min(len(a), len(b)) < settings.similarity * max(len(a), len(b)):
        return None
    sa, sb = _shingles(a, settings.shingle), _shingles(b, settings.shingle)
    return len(sa & sb) / len(sa | sb)
