"""Tables found by what they say, in text whose layout gialint does not know.

Crawlers save a table one cell per line with nothing between; text taken from a PDF keeps a
row on a line with its cells apart by spaces, wraps a long label around its figures and writes
a group label a character a line; a crawler may run a whole table into one line. A run of such
lines that holds a format table's labels and figures is a table (:attr:`Layout.LINES`), its
cells read as a person reads them; labels and figures run together are one table whose cells
cannot be told apart (:attr:`Layout.GLUED`), which matching reports once (GIA207).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

from gialint.base.precompiled import regex
from gialint.base.span import Span
from gialint.parse.ast import Cell, Layout, Paragraph, Row, Table
from gialint.parse.cues import Cues
from gialint.parse.glued import glued_table
from gialint.parse.lines import Entry, piece, span_of, text_of
from gialint.parse.values import CellValue, ValueKind

#: How many consecutive lines of a table may be neither a label nor a value (wrapped fragments).
MAX_FRAGMENTS: Final = 6
#: The longest line taken for a fragment of a wrapped table cell.
FRAGMENT_LENGTH: Final = 16
#: The fewest labels and values that make a run of lines a table.
MIN_LABELS: Final = 3
MIN_VALUES: Final = 1
#: The longest text taken for a row label the format does not have word for word.
LABEL_LENGTH: Final = 40
#: The most lines joined into one label.
MAX_JOIN: Final = 6

_NUMBERING: Final = regex(r"\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]")
_SENTENCE: Final = regex(r"[。；;！!？?]")
_WORD: Final = regex(r"[^ \t\u3000]+")
_GROUPED_NUMBER: Final = regex(r"[-+]?\d{1,3}(?:[ \u3000]\d{3})+(?:\.\d+)?")
#: the parts of a line whose cells stand apart by two spaces or more, or a tab
_GAP_PART: Final = regex(r"[^ \t\u3000]+(?:[ \u3000][^ \t\u3000]+)*")
#: a page number that a text extractor left between a table's rows ("-3-", "- 4 -", "第3页")
_PAGE_NUMBER: Final = regex(
    r"[ \t\u3000]*(?:[-—–－][ \t]*\d{1,4}[ \t]*[-—–－]|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*[,，/]?[ \t]*共[ \t]*\d{1,4}[ \t]*页)?)[ \t\u3000]*"
)


class LineTables:
    """Finds the tables among a report's items (see the module's docstring)."""

    def __init__(self, cues: Cues, values: Mapping[str, CellValue]) -> None:
        self._cues = cues
        self._values = values

    def __call__(self, entries: list[Entry]) -> list[Entry]:
        out: list[Entry] = []
        index = 0
        barren = 0  # no table starts before this index: a failed run from earlier scanned that far
        while index < len(entries):
            end = None
            if index >= barren:
                end, scanned, tables = self._table_run(entries, index)
                if end is None:
                    barren = scanned  # a run from any line up to there ends there too, and no larger
            if end is not None:
                table = self._line_table(entries[index:end], tables)
                if table is not None:
                    out.append(table)
                    index = end
                    continue
            entry = entries[index]
            glued = self._glued(entry)
            if glued:
                out.extend(glued)
            else:
                out.append(entry)
            index += 1
        return out

    def _is_value(self, text: str) -> bool:
        kind = self._values[text].kind
        return kind is not ValueKind.TEXT and kind is not ValueKind.BLANK

    def _is_fragment(self, text: str, tables: frozenset[str] = frozenset()) -> bool:
        if self._cues.is_label_part(text) or self._cues.of_label_characters(text, tables):
            return True
        return (
            len(text) <= FRAGMENT_LENGTH
            and not _SENTENCE.search(text)
            and self._cues.wording_index(text) is None
            and self._cues.midline.match(text) is None  # a section heading ends the table
        )

    def _table_run(self, entries: list[Entry], start: int) -> tuple[int | None, int, frozenset[str]]:
        """The end (exclusive) of a one-cell-per-line table starting at ``start``, or None; and how
        far the lines were looked at (a later start before there cannot do better, which keeps
        the search linear)."""
        text = text_of(entries[start])
        if text is None:
            return None, start + 1, frozenset()
        if not self._cues.tables_of(text):  # or a line of cells apart by spaces, one a label
            spaced = self._line_cells(text, span_of(entries[start]))
            if spaced is None or not any(self._cues.tables_of(c.text) for c in spaced):
                return None, start + 1, frozenset()
        labels = values = 0
        pending: list[str] = []  # the fragments since the last label or value
        tables: frozenset[str] | None = None
        last = start
        index = start
        while index < len(entries):
            text = text_of(entries[index])
            if text is None:
                break
            current = tables or frozenset()
            found = self._cues.in_table(text, current) or self._ends_label(pending, text)
            spaced = None if found else self._line_cells(text, span_of(entries[index]))
            if spaced is not None:
                named = [t for c in spaced if (t := self._cues.in_table(c.text, current))]
                values += sum(1 for c in spaced if self._is_value(c.text))
                labels += max(0, len(named) - 1)  # the line's first label is counted below
                found = named[0] if named else frozenset()
                if not found:  # figures, or pieces of labels, and figures
                    pending = []
                    last = index
                    index += 1
                    continue
            if found:
                if tables is None or len(tables) > 1:
                    tables = found if tables is None else (tables & found or found)
                elif not tables & found:
                    break  # another table's label: that table starts here
                labels += 1
                pending = []
                last = index
            elif self._is_value(text) and not _NUMBERING.fullmatch(text):
                values += 1
                pending = []
                last = index
            elif self._is_fragment(text, current) or _NUMBERING.fullmatch(text):
                pending.append(text)
                # a label written down the side, a character a line ("三、" / "本" / "年" / …), is longer
                if len(pending) > MAX_FRAGMENTS and not self._cues.is_label_part("".join(pending)):
                    break
            elif not _PAGE_NUMBER.fullmatch(text):  # a page number between a table's rows is skipped
                break
            index += 1
        if labels < MIN_LABELS or values < MIN_VALUES:
            return None, index, frozenset()
        return last + 1, last + 1, tables or frozenset()

    def _ends_label(self, pending: list[str], text: str) -> frozenset[str]:
        """The tables of the label that the last fragments and ``text`` make together ("5." + "要求…")."""
        for start in range(len(pending)):
            found = self._cues.tables_of("".join(pending[start:]) + text)
            if found:
                return found
        return frozenset()

    def _line_table(self, run: Sequence[Entry], tables: frozenset[str]) -> Table | None:
        texts = [(text_of(e) or "", span_of(e)) for e in run]
        cells: list[Cell] = []
        used: set[int] = set()  # lines already read as the end of a label wrapped around its figures
        head: tuple[str, Span] | None = None  # the piece of a label on the line before
        index = 0
        in_values = False  # after a row label or a value: where a text cell is a value written as text
        while index < len(texts):
            if index in used:
                index += 1
                continue
            joined = self._join_label(texts, index) or self._join_around(texts, index, used)
            if joined is not None:
                end, text, span = joined
                cells.append(Cell(text, span, self._values[text.replace("\n", "")]))
                in_values = self._cues.names_row(text)
                index = end
                continue
            text, span = texts[index]
            index += 1
            spaced = None if self._cues.tables_of(text) else self._line_cells(text, span)
            if self._cues.tables_of(text):
                cells.append(Cell(text, span, self._values[text]))
                in_values = self._cues.names_row(text)
            elif spaced is None and self._is_value(text):
                cells.append(Cell(text, span, self._values[text]))
                in_values = True
            elif spaced is not None:
                first = spaced[0]
                if head is not None and self._cues.tables_of(head[0] + first.text):
                    # a label wrapped onto the line of its figures: "（二）…只计这一情" / "形，不计其他情形） 447 …"
                    text = head[0] + "\n" + first.text
                    spaced[0] = Cell(text, head[1].cover(first.span), self._values[text.replace("\n", "")])
                head = None
                for cell in spaced:  # "行政许可    0": a row on one line, cells apart by spaces
                    if self._cues.in_table(cell.text, tables):
                        cells.append(cell)
                        in_values = self._cues.names_row(cell.text)
                    elif cell.value.kind is not ValueKind.TEXT:
                        cells.append(cell)
                        in_values = True
                    elif cell is spaced[0] and not self._cues.is_label_part(cell.text):
                        cells.append(cell)  # a row's label the format does not have word for word
                        in_values = True
                    # else: a piece of a label written down the side ("本", "年", "度"): not a cell
            elif self._cues.is_label_part(text):
                head = (text, span)  # a piece of a label: not a cell, unless the next line ends it
                continue
            elif in_values and not _PAGE_NUMBER.fullmatch(text):
                cells.append(Cell(text, span, self._values[text]))
            # else: a fragment of the header ("（2019年起）"), a page number
            head = None
        if len(cells) < 2:
            return None
        span = cells[0].span.cover(cells[-1].span)
        return Table(Layout.LINES, (Row(tuple(cells), span),), span)

    def _line_cells(self, text: str, span: Span) -> list[Cell] | None:
        """The cells of a line that holds several, apart by spaces ("规章      1      0      11"), each
        a label, a piece of one or a figure; None when the line is not such a row."""
        if span.line != span.end_line or not (" " in text or "\u3000" in text or "\t" in text):
            return None  # one word: one cell at most
        gaps = list(_GAP_PART.finditer(text))
        if len(gaps) < 2 and _GROUPED_NUMBER.fullmatch(text):
            return None  # "1 234": one number written with a space
        if len(gaps) == 1 and not self._all_cells(_WORD.findall(gaps[0].group())):
            # words a single space apart (most lines of prose): the line is cells only as those
            # words, each a label, a piece of one or a figure; read whole it is one cell at most.
            # Asked first, as the loop below would end: the line read whole is not looked at
            return None
        cells: list[Cell] = []
        for number, gap in enumerate(gaps):
            part = gap.group()
            words = [(gap.start() + m.start(), m.group()) for m in _WORD.finditer(part)]
            one_number = self._is_value(part) and (len(words) == 1 or _GROUPED_NUMBER.fullmatch(part) is not None)
            if self._cues.tables_of(part) or one_number or self._cues.is_label_part(part):
                pieces = [(gap.start(), part)]
            elif self._all_cells([w for _, w in words]):
                pieces = words  # cells a single space apart: each word on its own
            elif number == 0 and self._row_label_before_figures(part, gaps):
                pieces = [(gap.start(), part)]
            else:
                return None
            for start, word in pieces:
                column = span.column + start
                cells.append(Cell(word, Span(span.line, column, span.line, column + len(word)), self._values[word]))
        if len(cells) < 2:
            return None
        return cells

    def _all_cells(self, words: list[str]) -> bool:
        """Whether there are two words or more, each a label, a piece of one or a figure."""
        return len(words) > 1 and all(
            self._cues.tables_of(w) or self._is_value(w) or self._cues.is_label_part(w) for w in words
        )

    def _row_label_before_figures(self, part: str, gaps: list[re.Match[str]]) -> bool:
        """A label the format does not have word for word ("2.其他法律行政止公开", a typo GIA203
        names), followed on its line by figures alone: a row all the same."""
        return (
            len(gaps) >= 3
            and len(part) <= LABEL_LENGTH
            and not _SENTENCE.search(part)
            and all(self._is_value(g.group()) for g in gaps[1:])
        )

    def _join_around(self, texts: list[tuple[str, Span]], start: int, used: set[int]) -> tuple[int, str, Span] | None:
        """A label wrapped around the figures of its row, as a PDF's text layer gives it:
        "（二）部分公开（区分处理的，只计这一情" / "447  7  0 …" / "形，不计其他情形）". The label is read
        where it starts; the line that ends it is marked used."""
        head = texts[start][0]
        if self._cues.tables_of(head) or self._is_value(head) or not self._cues.is_label_part(head):
            return None
        for later in range(start + 1, min(len(texts), start + 4)):
            tail = texts[later][0]
            if self._cues.tables_of(head + tail):
                used.add(later)
                return start + 1, head + "\n" + tail, texts[start][1]
            if not (self._is_value(tail) or self._line_cells(tail, texts[later][1]) is not None):
                return None
        return None

    def _join_label(self, texts: list[tuple[str, Span]], start: int) -> tuple[int, str, Span] | None:
        """Lines ``start``… that together are one label ("1." + "属于国家秘密"), the longest such."""
        first = texts[start][0]
        if not self._cues.is_label_part(first) or (self._is_value(first) and not _NUMBERING.fullmatch(first)):
            return None  # a label starts with a piece of a label ("1." is one of "1.属于国家秘密")
        pieces = [first]
        best = None
        for end in range(start + 1, min(len(texts), start + MAX_JOIN)):
            text = texts[end][0]
            if self._is_value(text) and not _NUMBERING.fullmatch(text):
                break
            pieces.append(text)
            joined = "".join(pieces)
            if self._cues.tables_of(joined):
                best = end
            elif not self._cues.is_label_part(joined):
                break  # no label goes on like this
        if best is None:
            return None
        text = "\n".join(t for t, _ in texts[start : best + 1])
        return best + 1, text, texts[start][1].cover(texts[best][1])

    def _glued(self, entry: Entry) -> list[Entry] | None:
        """A paragraph whose end is a table with its cells run together: the prose and that table."""
        if not isinstance(entry, Paragraph) or entry.span.line != entry.span.end_line:
            return None
        found = glued_table(self._cues.label_texts, entry.text)  # not through Cues: compiled to compiled
        if found is None:
            return None
        _, at = found
        text, span = entry.text, entry.span
        cell_span = Span(span.line, span.column + at, span.line, span.end_column)
        cell = Cell(text[at:], cell_span, self._values[text[at:]])
        table = Table(Layout.GLUED, (Row((cell,), cell_span),), cell_span)
        found_items: list[Entry] = [piece(text, span, 0, at)] if at > 0 else []
        return [*found_items, table]
