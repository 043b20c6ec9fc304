"""The typed syntax tree of a report.

Every node is a small immutable value that knows where its text stands in the source file
(:class:`~gialint.base.span.Span`): read-only (``Final``) fields, equal, hashed, shown and pickled
by them (:class:`~gialint.base.value.FieldValue`). The tree says what the report *looks* like:
which lines are headings, paragraphs and table cells. What the report *means* (which section is
which, which table cell is which statistic, which year it covers) is worked out from it in
:mod:`gialint.parse.outline`, :mod:`gialint.analyze.match` and :mod:`gialint.analyze.year`.

The nodes are plain classes, not attrs classes, and this module is compiled with the parsing
(gialint/compiled.py): there they are native classes, made and read several times faster — a
report has hundreds of cells and dozens of rows and paragraphs. A cell still reads as the named
tuple it once was (:class:`~gialint.base.value.TupleValue`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import ClassVar, Final

from gialint.base.native import mypyc_attr
from gialint.base.span import Span
from gialint.base.value import FieldValue, TupleValue
from gialint.parse.values import CellValue


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


@mypyc_attr(acyclic=True)
class Cell(TupleValue):
    """One table cell. ``text`` is as written (a wrapped cell keeps its line break), ``span``
    where it stands, ``value`` read from ``text``."""

    __slots__ = ("span", "text", "value")
    _names: ClassVar[tuple[str, ...]] = ("text", "span", "value")

    def __init__(self, text: str, span: Span, value: CellValue) -> None:
        self.text: Final = text
        self.span: Final = span
        self.value: Final = value

    def _fields(self) -> tuple[str, Span, CellValue]:
        return (self.text, self.span, self.value)

    @property
    def label(self) -> str:
        """The text with line breaks removed, for comparing with the format's labels."""
        return "".join(self.text.split("\n"))


@mypyc_attr(acyclic=True)
class Heading(FieldValue):
    def __init__(self, text: str, numeral: str | None, title: str, style: NumeralStyle, span: Span) -> None:
        self.text: Final = text  # the whole heading as written, without Markdown "#" marks
        self.numeral: Final = numeral  # "四", "1", or None
        self.title: Final = title  # the words after the numeral: "政府信息公开行政复议、行政诉讼情况"
        self.style: Final = style
        self.span: Final = span

    def _fields(self) -> tuple[str, str | None, str, NumeralStyle, Span]:
        return (self.text, self.numeral, self.title, self.style, self.span)


@mypyc_attr(acyclic=True)
class Row(FieldValue):
    def __init__(self, cells: tuple[Cell, ...], span: Span) -> None:
        self.cells: Final = cells
        self.span: Final = span

    def _fields(self) -> tuple[tuple[Cell, ...], Span]:
        return (self.cells, self.span)


@mypyc_attr(acyclic=True)
class Table(FieldValue):
    def __init__(self, layout: Layout, rows: tuple[Row, ...], span: Span) -> None:
        self.layout: Final = layout
        self.rows: Final = rows
        self.span: Final = span

    def _fields(self) -> tuple[Layout, tuple[Row, ...], Span]:
        return (self.layout, self.rows, self.span)

    @property
    def cells(self) -> Iterator[Cell]:
        for row in self.rows:
            yield from row.cells


@mypyc_attr(acyclic=True)
class Paragraph(FieldValue):
    def __init__(self, text: str, span: Span) -> None:
        self.text: Final = text
        self.span: Final = span

    def _fields(self) -> tuple[str, Span]:
        return (self.text, self.span)


@mypyc_attr(acyclic=True)
class Subsection(FieldValue):
    def __init__(self, heading: Heading, blocks: tuple[Paragraph | Table, ...], span: Span) -> None:
        self.heading: Final = heading
        self.blocks: Final = blocks
        self.span: Final = span

    def _fields(self) -> tuple[Heading, tuple[Paragraph | Table, ...], Span]:
        return (self.heading, self.blocks, self.span)


Block = Paragraph | Table | Subsection


@mypyc_attr(acyclic=True)
class Section(FieldValue):
    def __init__(self, heading: Heading, blocks: tuple[Block, ...], span: Span) -> None:
        self.heading: Final = heading
        self.blocks: Final = blocks
        self.span: Final = span

    def _fields(self) -> tuple[Heading, tuple[Block, ...], Span]:
        return (self.heading, self.blocks, self.span)

    @property
    def tables(self) -> Iterator[Table]:
        for block in self.blocks:
            if isinstance(block, Table):
                yield block
            elif isinstance(block, Subsection):
                yield from (b for b in block.blocks if isinstance(b, Table))


@mypyc_attr(acyclic=True)
class Title(FieldValue):
    def __init__(self, text: str, span: Span) -> None:
        self.text: Final = text  # the title's lines joined without their line breaks
        self.span: Final = span

    def _fields(self) -> tuple[str, Span]:
        return (self.text, self.span)


@mypyc_attr(acyclic=True)
class Report(FieldValue):
    def __init__(
        self, title: Title | None, preamble: tuple[Block, ...], sections: tuple[Section, ...], span: Span
    ) -> None:
        self.title: Final = title
        self.preamble: Final = preamble
        self.sections: Final = sections
        self.span: Final = span  # the whole text

    def _fields(self) -> tuple[Title | None, tuple[Block, ...], tuple[Section, ...], Span]:
        return (self.title, self.preamble, self.sections, self.span)

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
