"""The items of a report in order, as :mod:`gialint.parse.arrange` reads them: each a title, a heading,
a subheading, a paragraph or a table, and the text and place of each; or a lone "|" line outside a
table (the grammar's ``PIPE``, a :class:`~gialint.parse.lexer.Line`), which says nothing and ends
any table read from the lines around it."""

from __future__ import annotations

from gialint.base.span import Span
from gialint.parse.ast import Heading, Paragraph, Table, Title
from gialint.parse.build import SubHeading
from gialint.parse.lexer import Line

Entry = Title | Heading | SubHeading | Paragraph | Table | Line


def text_of(entry: Entry) -> str | None:
    if isinstance(entry, Paragraph):
        return entry.text
    if isinstance(entry, Heading):
        return entry.text
    if isinstance(entry, SubHeading):
        return entry.heading.text
    return None


def span_of(entry: Entry) -> Span:
    if isinstance(entry, SubHeading):
        return entry.heading.span
    if isinstance(entry, Line):
        return Span(entry.line, 1, entry.line, entry.end_column)
    return entry.span


def piece(text: str, span: Span, start: int, end: int) -> Paragraph:
    """The paragraph of ``text[start:end]`` on a one-line ``span``, stripped."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    stripped = piece.strip()
    column = span.column + start + lead
    return Paragraph(stripped, Span(span.line, column, span.line, column + len(stripped)))
