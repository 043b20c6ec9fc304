"""The items of a report in order, as :mod:`gialint.parse.arrange` reads them: each a title, a heading,
a subheading, a paragraph or a table, and the text and place of each."""

from __future__ import annotations

from gialint.base.span import Span
from gialint.parse.ast import Heading, Paragraph, Table, Title
from gialint.parse.build import SubHeading

Entry = Title | Heading | SubHeading | Paragraph | Table


def text_of(entry: Entry) -> str | None:
    if isinstance(entry, Paragraph):
        return entry.text
    if isinstance(entry, Heading):
        return entry.text
    if isinstance(entry, SubHeading):
        return entry.heading.text
    return None


def span_of(entry: Entry) -> Span:
    return entry.heading.span if isinstance(entry, SubHeading) else entry.span


def piece(text: str, span: Span, start: int, end: int) -> Paragraph:
    """The paragraph of ``text[start:end]`` on a one-line ``span``, stripped."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    stripped = piece.strip()
    column = span.column + start + lead
    return Paragraph(stripped, Span(span.line, column, span.line, column + len(stripped)))
