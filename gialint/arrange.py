"""Reading the parsed lines as a person reads them: which lines are tables, which are headings.

The grammar (grammars/report.lark) types every line by its layout: a line "一、本年新收政府信息
公开申请数量" is a section heading to it, and a crawler's one-cell-per-line table is a run of
paragraphs. What a line *is* depends on what it says, and that is the format's knowledge, so
it is decided here, after the parse, with the format's labels and section wordings
(:class:`Cues`, made from :mod:`gialint.formats`):

0. **A title below the page's menus.** A page printed from the web keeps the site's menus and
   breadcrumb above the title; the first line before any section that names the report is it.
1. **Headings inside a line.** Crawler text runs a whole section into one line ("…六个部分。
   一、总体情况2021年，我区…"); a numbered heading with a section's wording starts a heading
   there, mid-line.
2. **Headings split over lines.** A crawler breaks a line wherever the page had a tag: "一、"
   on one line and "总体情况" on the next are one heading.
3. **Tables found by what they say.** A run of lines that are the format's table labels and
   numbers (one cell per line, no indentation or separators) is a table
   (:attr:`Layout.LINES`); a label wrapped over lines ("1." / "属于国家秘密") is one cell. A
   line in which a table's labels and figures run together with nothing between the cells
   ("行政规范性文件77132470…") is kept as a table whose cells cannot be told apart
   (:attr:`Layout.GLUED`): matching reports it once (GIA207) instead of guessing.
4. **Which heading is a section.** A heading with a section's wording is one, unless it stands
   inside a sentence ("本报告由总体情况 / 、/ 主动公开政府信息情况 / 、…"). A heading recognised
   only by a keyword or its numeral ("三、本法提供", a wrapped cell's fragment; "无其他需要报告的
   事项", a sentence) is one only where a new section can begin: after the sections already
   found, not repeating one.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Union

from gialint.ast import Cell, Heading, Layout, NumeralStyle, Paragraph, Row, Table, Title
from gialint.build import SubHeading, heading_from_text
from gialint.formats import FormatModel, load
from gialint.labels import normalize, strip_note
from gialint.outline import SectionIdentifier
from gialint.span import Span
from gialint.values import CellValue, ValueKind

Entry = Union[Title, Heading, SubHeading, Paragraph, Table]

#: How many consecutive lines of a table may be neither a label nor a value (wrapped fragments).
MAX_FRAGMENTS = 6
#: The longest line taken for a fragment of a wrapped table cell.
FRAGMENT_LENGTH = 16
#: The fewest labels and values that make a run of lines a table.
MIN_LABELS, MIN_VALUES = 3, 1
#: The longest text taken for a row label the format does not have word for word.
LABEL_LENGTH = 40
#: The most lines joined into one label.
MAX_JOIN = 6
#: A line with cells run together: at least this many of one table's labels, and a run of digits
#: at least this long (figures of adjacent cells glued together).
GLUED_LABELS, GLUED_DIGITS = 5, 6

#: How many lines from the top a title is looked for when the first line is not one.
TITLE_SEARCH = 40
#: a title below the menus: it names a year (a breadcrumb's "政府信息公开年报" does not)
_TITLE = re.compile(r"[^。；;，,：:|]{0,40}(?:19|20)\d{2}[^。；;，,：:|]{0,40}(?:报告|年报)(?:[（(][^）)]{0,20}[）)])?")
_AGENCY_LINE = re.compile(r"[^\s。；;，,：:|\d]{2,30}")
_YEAR_FIRST = re.compile(r"[ \t\u3000]*(?:19|20)\d{2}")
_NUMERAL_ONLY = re.compile(r"[#\s\u3000]*[一二三四五六七八九十]{1,2}[ \t\u3000]*[、.．][ \t\u3000]*")
_NUMBERING = re.compile(r"\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]")
_SENTENCE = re.compile(r"[。；;！!？?]")
_GLUE_BEFORE = tuple("、，,和及与或")
_GLUE_AFTER = tuple("、，,和及与或等。")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^ \t\u3000]+")
_GROUPED_NUMBER = re.compile(r"[-+]?\d{1,3}(?:[ \u3000]\d{3})+(?:\.\d+)?")
#: the parts of a line whose cells stand apart by two spaces or more, or a tab
_GAP_PART = re.compile(r"[^ \t\u3000]+(?:[ \u3000][^ \t\u3000]+)*")
#: a page number that a text extractor left between a table's rows ("-3-", "- 4 -", "第3页")
_PAGE_NUMBER = re.compile(r"[ \t\u3000]*(?:[-—–－][ \t]*\d{1,4}[ \t]*[-—–－]|第[ \t]*\d{1,4}[ \t]*页(?:[ \t]*[,，/]?[ \t]*共[ \t]*\d{1,4}[ \t]*页)?)[ \t\u3000]*")


class Cues:
    """What the format says about lines: which are table labels, which name sections."""

    def __init__(self, model: FormatModel) -> None:
        self.identify = SectionIdentifier(model)
        self._tables = tuple(model.tables.values())
        self._wordings = {
            normalize(w): spec.index for spec in model.sections for w in (spec.heading, *spec.variants)
        }
        # every label of every table, for the glued-line search: (normalised label, table id)
        self._label_texts = tuple(
            sorted(
                {(label, spec.id) for spec in self._tables for label in spec.labels if len(label) >= 4},
                key=lambda item: -len(item[0]),
            )
        )
        wordings = sorted({w for spec in model.sections for w in (spec.heading, *spec.variants)}, key=len, reverse=True)
        # a numbered heading with a section's wording, where a line or a sentence may start
        self.midline = re.compile(
            r"(?:^|(?<=[。；;！!？?\s\u3000\d）)”」]))"
            r"(?P<numeral>[一二三四五六七八九十]{1,2})[ \t\u3000]*、[ \t\u3000]*"
            r"(?P<title>" + "|".join(re.escape(w) for w in wordings) + ")"
        )

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one Cues per process, kept by default_cues
    def tables_of(self, text: str) -> frozenset[str]:
        """The format tables that have ``text`` as one of their labels (exactly, after normalising)."""
        normalized = normalize(text.replace("\n", ""))
        if not normalized:
            return frozenset()
        forms = {normalized, strip_note(normalized)}
        return frozenset(spec.id for spec in self._tables for form in forms if spec.lookup(form))

    @functools.cached_property
    def _parts(self) -> frozenset[str]:
        """Every piece of every label (normalised): what a line wrapped out of a label can hold."""
        return frozenset().union(*self._parts_by_table.values())

    @functools.cached_property
    def _parts_by_table(self) -> dict[str, frozenset[str]]:
        return {
            spec.id: frozenset(
                label[i:j] for label in spec.labels for i in range(len(label)) for j in range(i + 1, len(label) + 1)
            )
            for spec in self._tables
        }

    @functools.cached_property
    def _characters(self) -> dict[str, frozenset[str]]:
        return {spec.id: frozenset("".join(spec.labels)) for spec in self._tables}

    def of_label_characters(self, text: str, tables: frozenset[str]) -> bool:
        """Whether every character of ``text`` is one of the labels of ``tables``: a header whose
        labels stand down the page, read across ("结结其尚 / 果果他未总结 结 其 尚")."""
        chars = set(normalize(text))
        return bool(chars) and bool(tables) and all(chars <= self._characters[t] for t in tables)

    def in_table(self, text: str, tables: frozenset[str]) -> frozenset[str]:
        """The tables ``text`` is a label of; a label of another table that is only a piece of a
        label of ``tables`` ("其他" of "其他结果", wrapped in table 4's header) is that piece."""
        found = self.tables_of(text)
        if found and tables and not found & tables:
            normalized = normalize(text.replace("\n", ""))
            if any(normalized in self._parts_by_table[t] for t in tables):
                return frozenset()
        return found

    def is_label_part(self, text: str) -> bool:
        """Whether ``text`` is a piece of a format label ("（二）部分公开（区分处理的，只计这一情", "业")."""
        normalized = normalize(text.replace("\n", ""))
        return bool(normalized) and normalized in self._parts

    @functools.lru_cache(maxsize=4096)  # noqa: B019 - as above
    def names_row(self, text: str) -> bool:
        """Whether ``text`` is the label of a row (or a group of rows) of a format table."""
        normalized = normalize(text.replace("\n", ""))
        return any(ref.kind in ("row", "group") for spec in self._tables for ref in spec.lookup(normalized))

    @staticmethod
    def names_report(text: str) -> bool:
        """Whether ``text`` names the report (…政府信息公开…报告), as a title does."""
        return "政府信息公开" in text

    def wording_index(self, title: str) -> int | None:
        """The index (1–6) of the section whose heading or a variant ``title`` is."""
        return self._wordings.get(normalize(title))

    def glued_table(self, text: str) -> tuple[str, int] | None:
        """The table whose labels and figures run together in ``text``, and where it starts."""
        if len(text) < 40 or not any(len(m) >= GLUED_DIGITS for m in _DIGITS.findall(text)):
            return None
        normalized = normalize(text)
        if len(normalized) != len(text):  # positions must carry over; a text with spaces is rare here
            normalized = text
        found: dict[str, set[str]] = {}
        first: dict[str, int] = {}
        for label, table in self._label_texts:
            at = normalized.find(label)
            if at >= 0:
                found.setdefault(table, set()).add(label)
                first[table] = min(first.get(table, at), at)
        best = max(found, key=lambda t: len(found[t]), default=None)
        if best is None or len(found[best]) < GLUED_LABELS:
            return None
        return best, first[best]


@functools.lru_cache(maxsize=1)
def default_cues() -> Cues:
    return Cues(load())


_BY_MODEL: dict[int, tuple[FormatModel, Cues]] = {}


def cues_for(model: FormatModel) -> Cues:
    """The cues of ``model`` (the default model's are made once)."""
    if model is load():
        return default_cues()
    found = _BY_MODEL.get(id(model))
    if found is None or found[0] is not model:
        found = _BY_MODEL[id(model)] = (model, Cues(model))
    return found[1]


def _text(entry: Entry) -> str | None:
    if isinstance(entry, Paragraph):
        return entry.text
    if isinstance(entry, Heading):
        return entry.text
    if isinstance(entry, SubHeading):
        return entry.heading.text
    return None


def _span(entry: Entry) -> Span:
    return entry.heading.span if isinstance(entry, SubHeading) else entry.span


class Arranger:
    """Called by the builder with the report's items in order; returns them with the section
    headings as :class:`Heading` and everything else as subheadings, paragraphs and tables."""

    def __init__(self, cues: Cues, read: Callable[[str], CellValue]) -> None:
        self._cues = cues
        self._read = read

    def __call__(self, entries: Sequence[Entry]) -> list[Entry]:
        items = self._find_title(entries)
        items = self._split_midline(items)
        items = self._join_split_headings(items)
        items = self._find_tables(items)
        return self._choose_sections(items)

    # ------------------------------------------------------------------ 0. a title below the page's menus
    def _find_title(self, entries: Sequence[Entry]) -> list[Entry]:
        """With no title on the first line, the first line before any section heading that is a
        report's title, naming its year: a page printed from the web or saved by a word processor
        puts the site's menus and breadcrumb ("当前位置：首页 > … > 政府信息公开年报") above it."""
        items = list(entries)
        if items and isinstance(items[0], Title):
            return items
        for index, entry in enumerate(items[:TITLE_SEARCH]):
            if isinstance(entry, Heading):
                break
            if isinstance(entry, Paragraph) and _TITLE.fullmatch(entry.text) and self._cues.names_report(entry.text):
                before = items[index - 1] if index else None
                if (  # the agency on a line of its own above ("莆田市统计局" / "2019年…年度报告")
                    isinstance(before, Paragraph)
                    and _AGENCY_LINE.fullmatch(before.text)
                    and _YEAR_FIRST.match(entry.text)
                ):
                    items[index - 1 : index + 1] = [Title(before.text + entry.text, before.span.cover(entry.span))]
                else:
                    items[index] = Title(entry.text, entry.span)
                break
        return items

    # ------------------------------------------------------------------ 1. headings inside a line
    def _split_midline(self, entries: Sequence[Entry]) -> list[Entry]:
        out: list[Entry] = []
        search = self._cues.midline.search
        for entry in entries:
            if not isinstance(entry, Paragraph) or entry.span.line != entry.span.end_line:
                out.append(entry)
                continue
            text, span = entry.text, entry.span
            start = 0
            match = search(text)
            if match is None:
                out.append(entry)
                continue
            while match is not None:
                if match.start() > start:
                    out.append(_piece(text, span, start, match.start()))
                end = match.end()
                heading_text = text[match.start() : end]
                out.append(
                    Heading(
                        heading_text,
                        match["numeral"],
                        match["title"],
                        NumeralStyle.CHINESE,
                        Span(span.line, span.column + match.start(), span.line, span.column + end),
                    )
                )
                start = end
                match = search(text, end)
            if start < len(text):
                piece = _piece(text, span, start, len(text))
                if piece.text:
                    out.append(piece)
        return out

    # ------------------------------------------------------------------ 2. headings split over lines
    def _join_split_headings(self, entries: list[Entry]) -> list[Entry]:
        out: list[Entry] = []
        index = 0
        while index < len(entries):
            entry = entries[index]
            following = entries[index + 1] if index + 1 < len(entries) else None
            text = _text(entry)
            title = _text(following) if following is not None else None
            if (
                text is not None
                and title is not None
                and not isinstance(entry, Table)
                and _NUMERAL_ONLY.fullmatch(text)
                and self._cues.wording_index(title) is not None
            ):
                assert following is not None
                joined = heading_from_text(text.strip() + title.strip(), _span(entry).cover(_span(following)))
                out.append(joined)
                index += 2
                continue
            out.append(entry)
            index += 1
        return out

    # ------------------------------------------------------------------ 3. tables by what they say
    def _find_tables(self, entries: list[Entry]) -> list[Entry]:
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
        kind = self._read(text).kind
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
        text = _text(entries[start])
        if text is None:
            return None, start + 1, frozenset()
        if not self._cues.tables_of(text):  # or a line of cells apart by spaces, one a label
            spaced = self._line_cells(text, _span(entries[start]))
            if spaced is None or not any(self._cues.tables_of(c.text) for c in spaced):
                return None, start + 1, frozenset()
        labels = values = 0
        pending: list[str] = []  # the fragments since the last label or value
        tables: frozenset[str] | None = None
        last = start
        index = start
        while index < len(entries):
            text = _text(entries[index])
            if text is None:
                break
            current = tables or frozenset()
            found = self._cues.in_table(text, current) or self._ends_label(pending, text)
            spaced = None if found else self._line_cells(text, _span(entries[index]))
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
        texts = [(_text(e) or "", _span(e)) for e in run]
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
                cells.append(Cell(text, span, self._read(text.replace("\n", ""))))
                in_values = self._cues.names_row(text)
                index = end
                continue
            text, span = texts[index]
            index += 1
            spaced = self._line_cells(text, span)
            if self._cues.tables_of(text):
                cells.append(Cell(text, span, self._read(text)))
                in_values = self._cues.names_row(text)
            elif self._is_value(text) and spaced is None:
                cells.append(Cell(text, span, self._read(text)))
                in_values = True
            elif spaced is not None:
                first = spaced[0]
                if head is not None and self._cues.tables_of(head[0] + first.text):
                    # a label wrapped onto the line of its figures: "（二）…只计这一情" / "形，不计其他情形） 447 …"
                    text = head[0] + "\n" + first.text
                    spaced[0] = Cell(text, head[1].cover(first.span), self._read(text.replace("\n", "")))
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
                cells.append(Cell(text, span, self._read(text)))
            # else: a fragment of the header ("（2019年起）"), a page number
            head = None
        if len(cells) < 2:
            return None
        span = cells[0].span.cover(cells[-1].span)
        return Table(Layout.LINES, (Row(tuple(cells), span),), span)

    def _line_cells(self, text: str, span: Span) -> list[Cell] | None:
        """The cells of a line that holds several, apart by spaces ("规章      1      0      11"), each
        a label, a piece of one or a figure; None when the line is not such a row."""
        if span.line != span.end_line:
            return None
        gaps = list(_GAP_PART.finditer(text))
        if len(gaps) < 2 and " " not in text and "\u3000" not in text:
            return None
        if len(gaps) < 2 and _GROUPED_NUMBER.fullmatch(text):
            return None  # "1 234": one number written with a space
        cells: list[Cell] = []
        for number, gap in enumerate(gaps):
            part = gap.group()
            words = [(gap.start() + m.start(), m.group()) for m in _WORD.finditer(part)]
            one_number = self._is_value(part) and (len(words) == 1 or _GROUPED_NUMBER.fullmatch(part) is not None)
            if self._cues.tables_of(part) or one_number or self._cues.is_label_part(part):
                pieces = [(gap.start(), part)]
            elif all(self._cues.tables_of(w) or self._is_value(w) or self._cues.is_label_part(w) for _, w in words):
                pieces = words  # cells a single space apart: each word on its own
            elif number == 0 and self._row_label_before_figures(part, gaps):
                pieces = [(gap.start(), part)]
            else:
                return None
            for start, word in pieces:
                column = span.column + start
                cells.append(Cell(word, Span(span.line, column, span.line, column + len(word)), self._read(word)))
        if len(cells) < 2:
            return None
        return cells

    def _row_label_before_figures(self, part: str, gaps: list[re.Match[str]]) -> bool:
        """A label the format does not have word for word ("2.其他法律行政止公开", a typo GIA203
        names), followed on its line by figures alone: a row all the same."""
        return (
            len(gaps) >= 3
            and len(part) <= LABEL_LENGTH
            and not _SENTENCE.search(part)
            and all(self._is_value(g.group()) for g in gaps[1:])
        )

    def _join_around(
        self, texts: list[tuple[str, Span]], start: int, used: set[int]
    ) -> tuple[int, str, Span] | None:
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
        if self._is_value(texts[start][0]) and not _NUMBERING.fullmatch(texts[start][0]):
            return None
        pieces = [texts[start][0]]
        best = None
        for end in range(start + 1, min(len(texts), start + MAX_JOIN)):
            text = texts[end][0]
            if self._is_value(text) and not _NUMBERING.fullmatch(text):
                break
            pieces.append(text)
            if self._cues.tables_of("".join(pieces)):
                best = end
        if best is None:
            return None
        text = "\n".join(t for t, _ in texts[start : best + 1])
        return best + 1, text, texts[start][1].cover(texts[best][1])

    def _glued(self, entry: Entry) -> list[Entry] | None:
        """A paragraph whose end is a table with its cells run together: the prose and that table."""
        if not isinstance(entry, Paragraph) or entry.span.line != entry.span.end_line:
            return None
        found = self._cues.glued_table(entry.text)
        if found is None:
            return None
        _, at = found
        text, span = entry.text, entry.span
        cell_span = Span(span.line, span.column + at, span.line, span.end_column)
        cell = Cell(text[at:], cell_span, self._read(text[at:]))
        table = Table(Layout.GLUED, (Row((cell,), cell_span),), cell_span)
        return ([_piece(text, span, 0, at)] if at > 0 else []) + [table]

    # ------------------------------------------------------------------ 4. which heading is a section
    def _choose_sections(self, entries: list[Entry]) -> list[Entry]:
        out: list[Entry] = []
        seen: set[int] = set()
        last = 0
        for index, entry in enumerate(entries):
            if not isinstance(entry, Heading):
                out.append(entry)
                continue
            identified = self._cues.identify(entry)
            exact = self._cues.wording_index(entry.title) is not None
            if identified is None or (entry.numeral is None and self._in_sentence(entries, index)):
                keep = False
            elif exact:
                keep = True
            else:
                keep = identified.spec.index > last and identified.spec.index not in seen
            if keep and identified is not None:
                seen.add(identified.spec.index)
                last = max(last, identified.spec.index)
                out.append(entry)
            else:
                out.append(SubHeading(_demoted(entry)))
        return out

    @staticmethod
    def _in_sentence(entries: list[Entry], index: int) -> bool:
        before = _text(entries[index - 1]) if index > 0 else None
        after = _text(entries[index + 1]) if index + 1 < len(entries) else None
        return bool(before and before.rstrip().endswith(_GLUE_BEFORE)) or bool(
            after and after.lstrip().startswith(_GLUE_AFTER)
        )


def _piece(text: str, span: Span, start: int, end: int) -> Paragraph:
    """The paragraph of ``text[start:end]`` on a one-line ``span``, stripped."""
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    stripped = piece.strip()
    column = span.column + start + lead
    return Paragraph(stripped, Span(span.line, column, span.line, column + len(stripped)))


def _demoted(heading: Heading) -> Heading:
    from attrs import evolve

    style = NumeralStyle.DOTTED_ARABIC if heading.style is NumeralStyle.ARABIC else heading.style
    return evolve(heading, style=style)
