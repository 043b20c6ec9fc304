"""The report's prose: every paragraph in order, with the section it stands in.

Rules that read what the text says (figures in sentences, required statements, numbered
points) walk :attr:`Document.passages <gialint.analyze.document.Document.passages>` rather
than the tree, and point at a phrase with :meth:`Passage.span_of`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from gialint.base.native import mypyc_attr
from gialint.base.span import Span
from gialint.base.value import FieldValue
from gialint.formats import SectionSpec
from gialint.parse.ast import Heading, Paragraph, Report, Subsection
from gialint.parse.outline import SectionFound


@mypyc_attr(acyclic=True)
class Passage(FieldValue):
    """One paragraph of prose (one line of the text) and where it stands. Read-only (its fields
    are ``Final``), equal to another with the same fields.

    A plain class, not an attrs one: in the compiled build (gialint/compiled.py) it is a native
    class, made and read many times faster — one is made for every paragraph of every report,
    and every content check reads them."""

    def __init__(
        self, text: str, span: Span, section: SectionSpec | None, subsection: Heading | None, index: int
    ) -> None:
        self.text: Final = text
        self.span: Final = span
        #: the format's section it stands in; None before the first or in one not recognised
        self.section: Final = section
        #: the subsection heading it stands under ("（一）主动公开情况"), if any
        self.subsection: Final = subsection
        self.index: Final = index  # its position among the report's passages

    def _fields(self) -> tuple[str, Span, SectionSpec | None, Heading | None, int]:
        return (self.text, self.span, self.section, self.subsection, self.index)

    @property
    def exact(self) -> bool:
        """Whether the text stands in the file as it is, on one line (not joined from pieces)."""
        return stands_as_written(self.text, self.span)

    def span_of(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]``; the whole passage where the text was joined from
        pieces whose columns are not its own (a row of cells read as a sentence)."""
        return sub_span(self.text, self.span, start, end)


def stands_as_written(text: str, span: Span) -> bool:
    """Whether ``text`` stands at ``span`` as it is, on one line: its columns are its characters."""
    return span.line == span.end_line and span.end_column - span.column == len(text)


def sub_span(text: str, span: Span, start: int, end: int) -> Span:
    """The span of ``text[start:end]``, for a text that stands at ``span``; all of ``span``
    where the text does not stand as written there, or the range is empty or outside it."""
    if not stands_as_written(text, span) or not 0 <= start < end <= len(text):
        return span
    return Span(span.line, span.column + start, span.line, span.column + end)


def _paragraphs(blocks: tuple[object, ...], under: Heading | None) -> Iterator[tuple[Paragraph, Heading | None]]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block, under
        elif isinstance(block, Subsection):
            yield from _paragraphs(block.blocks, block.heading)


def find_passages(report: Report, sections: tuple[SectionFound, ...]) -> tuple[Passage, ...]:
    """The prose of a report in document order: the preamble's, then each section's."""
    found: list[Passage] = []
    for paragraph, under in _paragraphs(report.preamble, None):
        found.append(Passage(paragraph.text, paragraph.span, None, under, len(found)))
    for section in sections:
        spec = section.identified.spec if section.identified is not None else None
        for paragraph, under in _paragraphs(section.section.blocks, None):
            found.append(Passage(paragraph.text, paragraph.span, spec, under, len(found)))
    return tuple(found)
