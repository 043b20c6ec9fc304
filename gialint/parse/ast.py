"""The typed syntax tree of a report.

Every node is a small immutable value class (attrs; cells, made by the hundred, are compiled
plain classes: :mod:`gialint.parse.cell`) that knows where its text stands in the source file
(:class:`~gialint.base.span.Span`). The tree says what the report *looks*
like: which lines are headings, paragraphs and table cells. What the report *means*
(which section is which, which table cell is which statistic, which year it covers)
is worked out from it in :mod:`gialint.parse.outline`, :mod:`gialint.analyze.match` and
:mod:`gialint.analyze.year`.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

from attrs import frozen

from gialint.base.span import Span
from gialint.parse.cell import Cell as Cell  # re-exported: part of the tree


class Layout(enum.Enum):
    """How the cells of a table are laid out in the text."""

    TAB = "tab"  # one cell per line, tab-indented, blank lines between rows
    PIPE = "pipe"  # one cell per line, each followed by a line holding only "|"
    TSV = "tsv"  # one row per line, cells separated by tabs
    MARKDOWN = "markdown"  # | a | b |
    LINES = "lines"  # one cell per line, nothing else: crawler text (found by its labels, gialint.parse.arrange)
    GLUED = "glued"  # labels and figures run together on one line: the cells cannot be told apart

    @property
    def row_breaks_known(self) -> bool:
        return self not in (Layout.PIPE, Layout.LINES, Layout.GLUED)


class NumeralStyle(enum.Enum):
    """How a heading is numbered."""

    CHINESE = "chinese"  # 一、
    ARABIC = "arabic"  # 1、
    PAREN_CHINESE = "paren-chinese"  # （一）
    PAREN_ARABIC = "paren-arabic"  # （1）
    DOTTED_ARABIC = "dotted-arabic"  # 1.
    NONE = "none"  # no numeral


@frozen
class Heading:
    text: str  # the whole heading as written, without Markdown "#" marks
    numeral: str | None  # "四", "1", or None
    title: str  # the words after the numeral: "政府信息公开行政复议、行政诉讼情况"
    style: NumeralStyle
    span: Span


@frozen
class Row:
    cells: tuple[Cell, ...]
    span: Span


@frozen
class Table:
    layout: Layout
    rows: tuple[Row, ...]
    span: Span

    @property
    def cells(self) -> Iterator[Cell]:
        for row in self.rows:
            yield from row.cells


@frozen
class Paragraph:
    text: str
    span: Span


@frozen
class Subsection:
    heading: Heading
    blocks: tuple[Paragraph | Table, ...]
    span: Span


Block = Paragraph | Table | Subsection


@frozen
class Section:
    heading: Heading
    blocks: tuple[Block, ...]
    span: Span

    @property
    def tables(self) -> Iterator[Table]:
        for block in self.blocks:
            if isinstance(block, Table):
                yield block
            elif isinstance(block, Subsection):
                yield from (b for b in block.blocks if isinstance(b, Table))


@frozen
class Title:
    text: str  # the title's lines joined without their line breaks
    span: Span


@frozen
class Report:
    title: Title | None
    preamble: tuple[Block, ...]
    sections: tuple[Section, ...]
    span: Span  # the whole text

    @property
    def line_count(self) -> int:
        return self.span.end_line

    @property
    def tables(self) -> Iterator[Table]:
        for block in self.preamble:
            if isinstance(block, Table):
                yield block
        for section in self.sections:
            yield from section.tables
