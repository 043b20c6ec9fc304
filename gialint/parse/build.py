"""Turns the parse of :file:`grammars/report.lark` into the :mod:`gialint.parse.ast` tree.

Each token is one line (see :mod:`gialint.parse.lexer`); here lines become headings,
paragraphs and located cells, cells are read (:mod:`gialint.parse.values`), items are grouped
under subsection headings, and a heading that the grammar could only guess at (no
numeral, or "1、") stays a section only if it names one of the format's sections.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Final

from gialint.base.precompiled import regex
from gialint.base.span import Span
from gialint.parse.ast import (
    Block,
    Cell,
    Heading,
    Layout,
    NumeralStyle,
    Paragraph,
    Report,
    Row,
    Section,
    Subsection,
    Table,
    Title,
)
from gialint.parse.lexer import Line
from gialint.parse.values import CellValue

_SPACE: Final = " \t\u3000\u00a0"
_HEADING = regex(
    r"#{0,6}[ \t\u3000]*(?:"
    r"(?P<cn>[一二三四五六七八九十]{1,2})[ \t\u3000]*[、.．]"
    r"|[（(][ \t]*(?P<pcn>[一二三四五六七八九十]{1,3})[ \t]*[）)]"
    r"|[（(][ \t]*(?P<par>\d{1,2})[ \t]*[）)]"
    r"|(?P<ar>\d{1,2})[ \t\u3000]*[、.．]"
    r")?[ \t\u3000]*(?P<title>.*)",
    re.DOTALL,
)


def _strip(line: int, piece: str, offset: int = 0) -> tuple[str, Span]:
    """The stripped text of ``piece``, which starts at 0-based column ``offset`` of ``line``,
    and its span (zero-width where empty)."""
    stripped = piece.strip(_SPACE)
    begin = offset + len(piece) - len(piece.lstrip(_SPACE)) + 1
    return stripped, Span(line, begin, line, begin + len(stripped))


def heading_from(token: Line, section_level: bool) -> Heading:
    text, span = _strip(token.line, token.value)
    return heading_from_text(text, span, section_level)


def heading_from_text(text: str, span: Span, section_level: bool = True) -> Heading:
    """The heading written as ``text`` (stripped) at ``span``."""
    match = _HEADING.fullmatch(text)
    assert match is not None  # every group is optional
    if match["cn"]:
        numeral, style = match["cn"], NumeralStyle.CHINESE
    elif match["pcn"]:
        numeral, style = match["pcn"], NumeralStyle.PAREN_CHINESE
    elif match["par"]:
        numeral, style = match["par"], NumeralStyle.PAREN_ARABIC
    elif match["ar"]:
        numeral = match["ar"]
        style = NumeralStyle.ARABIC if section_level else NumeralStyle.DOTTED_ARABIC
    else:
        numeral, style = None, NumeralStyle.NONE
    return Heading(text.lstrip("#").strip(_SPACE), numeral, match["title"].strip(_SPACE), style, span)


class SubHeading:
    """A subsection heading while the items after it are still being gathered."""

    __slots__ = ("heading",)

    def __init__(self, heading: Heading) -> None:
        self.heading = heading


def group_blocks(items: Sequence[Any]) -> tuple[Block, ...]:
    """Gather the paragraphs and tables after each subsection heading into it."""
    blocks: list[Block] = []
    current: SubHeading | None = None
    gathered: list[Paragraph | Table] = []

    def close() -> None:
        if current is not None:
            span = current.heading.span
            if gathered:
                span = span.cover(gathered[-1].span)
            blocks.append(Subsection(current.heading, tuple(gathered), span))

    for item in items:
        if isinstance(item, SubHeading):
            close()
            current, gathered = item, []
        elif isinstance(item, (Paragraph, Table)):
            (gathered if current is not None else blocks).append(item)
    close()
    return tuple(blocks)


class Builder:
    """One method per rule of the grammar, called with the rule's children (see :mod:`gialint.parse.driver`)."""

    def __init__(self, values: Mapping[str, CellValue], arrange: Callable[[list[Any]], list[Any]]) -> None:
        self._values = values
        self._arrange = arrange  # decides which lines are tables and section headings (gialint.parse.arrange)

    # -------------------------------------------------------------- cells
    # A cell of one line is made by the same few lines in _split, tab_row and pipe_table: _strip,
    # and the cell of its text, inlined in each (a call per cell is a fifth of a table's build).
    def _split(self, token: Line, separator: str, outer: bool) -> Row:
        # the hot loop of tables written a row per line
        text, line, values = token.value, token.line, self._values
        cells = []
        offset = 0
        for piece in text.split(separator):
            stripped = piece.strip(_SPACE)
            begin = offset + len(piece) - len(piece.lstrip(_SPACE)) + 1
            cells.append(Cell(stripped, Span(line, begin, line, begin + len(stripped)), values[stripped]))
            offset += len(piece) + 1
        if outer:  # "| a | b |": drop what stands outside the first and last bar
            cells = cells[1:-1]
        return Row(tuple(cells), Span(line, 1, line, len(text) + 1))

    def _table(self, layout: Layout, rows: Sequence[Row]) -> Table | Paragraph:
        cells = [cell for row in rows for cell in row.cells]
        span = rows[0].span.cover(rows[-1].span)
        if sum(1 for c in cells if c.text) < 2:  # one indented line is a paragraph
            return Paragraph(" ".join(c.text for c in cells if c.text), span)
        return Table(layout, tuple(rows), span)

    def _wrapped_cell(self, tokens: list[Line]) -> Cell:
        """A tab-layout cell wrapped over several lines."""
        first = tokens[0]
        parts = [_strip(t.line, t.value[1:], 1) if t is first else _strip(t.line, t.value) for t in tokens]
        texts = [text for text, _ in parts if text]
        spans = [span for text, span in parts if text]  # an empty first line: start where the words do
        span = spans[0].cover(spans[-1]) if spans else parts[0][1]
        text = "\n".join(texts)
        return Cell(text, span, self._values[text.replace("\n", "")])

    def tab_row(self, tokens: list[Line]) -> Row:
        values = self._values
        found: list[Cell] = []
        count = len(tokens)
        index = 0
        while index < count:
            token = tokens[index]
            after = index + 1  # a TAB_CELL line, then the CONTINUATION lines that wrap it
            while after < count and tokens[after].type != "TAB_CELL":
                after += 1
            if after - index > 1:
                found.append(self._wrapped_cell(tokens[index:after]))
            else:
                # one line (the tab layout's hot loop): the cell made inline; the tab is column 1
                line, piece = token.line, token.value[1:]
                stripped = piece.strip(_SPACE)
                begin = len(piece) - len(piece.lstrip(_SPACE)) + 2
                found.append(Cell(stripped, Span(line, begin, line, begin + len(stripped)), values[stripped]))
            index = after
        cells = tuple(found)
        return Row(cells, cells[0].span.cover(cells[-1].span))

    def tab_table(self, children: list[Any]) -> Table | Paragraph:
        return self._table(Layout.TAB, [c for c in children if isinstance(c, Row)])

    def pipe_table(self, tokens: list[Line]) -> Table | Paragraph:
        values = self._values
        found: list[Cell] = []
        for token in tokens:  # the pipe layout's hot loop: each cell made inline
            if token.type == "PIPE_CELL":
                line, piece = token.line, token.value
                stripped = piece.strip(_SPACE)
                begin = len(piece) - len(piece.lstrip(_SPACE)) + 1
                found.append(Cell(stripped, Span(line, begin, line, begin + len(stripped)), values[stripped]))
        cells = tuple(found)
        span = Span(tokens[0].line, 1, tokens[-1].line, tokens[-1].end_column)
        return self._table(Layout.PIPE, [Row(cells, span)])

    def tsv_table(self, tokens: list[Line]) -> Table | Paragraph:
        return self._table(Layout.TSV, [self._split(t, "\t", outer=False) for t in tokens])

    def md_table(self, tokens: list[Line]) -> Table | Paragraph:
        rows = [self._split(t, "|", outer=True) for t in tokens if t.type == "MD_ROW"]
        return self._table(Layout.MARKDOWN, rows)

    def table(self, children: list[Table | Paragraph]) -> Table | Paragraph:
        return children[0]

    # -------------------------------------------------------------- text
    def paragraph(self, tokens: list[Line]) -> Paragraph:
        text, span = _strip(tokens[0].line, tokens[0].value)
        return Paragraph(text, span)

    def subheading(self, tokens: list[Line]) -> SubHeading:
        return SubHeading(heading_from(tokens[0], section_level=False))

    def heading(self, tokens: list[Line]) -> Heading:
        return heading_from(tokens[0], section_level=True)

    def title(self, tokens: list[Line]) -> Title:
        # a Markdown heading mark ("# 某某局…报告") is not part of the title
        marks = [len(t.value) - len(t.value.lstrip(" \t\u3000#")) for t in tokens]
        parts = [_strip(t.line, t.value[mark:], mark) for t, mark in zip(tokens, marks, strict=True)]
        return Title("".join(text for text, _ in parts), parts[0][1].cover(parts[-1][1]))

    def section(self, children: list[Any]) -> tuple[Heading, list[Any]]:
        return children[0], children[1:]

    def start(self, children: list[Any]) -> Report:
        flat: list[Any] = []  # the report's items in order (the title first), a grammar section's heading first
        for child in children:
            if isinstance(child, tuple):
                flat.append(child[0])
                flat.extend(child[1])
            else:
                flat.append(child)
        preamble: list[Any] = []
        sections: list[tuple[Heading, list[Any]]] = []
        title: Title | None = None
        for item in self._arrange(flat):
            if isinstance(item, Title):
                title = item
            elif isinstance(item, Heading):
                sections.append((item, []))
            else:
                (sections[-1][1] if sections else preamble).append(item)
        built = []
        for heading, items in sections:
            blocks = group_blocks(items)
            span = heading.span.cover(blocks[-1].span) if blocks else heading.span
            built.append(Section(heading, blocks, span))
        return Report(title, group_blocks(preamble), tuple(built), Span(1, 1, 1, 1))  # span: see parse_report
