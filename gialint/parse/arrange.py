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

import re
from collections.abc import Mapping, Sequence
from typing import Final

from gialint.base.precompiled import regex
from gialint.base.span import Span
from gialint.compiled import is_extension
from gialint.parse.ast import Heading, NumeralStyle, Paragraph, Title
from gialint.parse.build import SubHeading, heading_from_text
from gialint.parse.cues import MIDLINE_MARK, MIDLINE_NUMERAL_LENGTH, MIDLINE_NUMERALS, Cues
from gialint.parse.lines import Entry, piece, span_of, text_of
from gialint.parse.linetables import LineTables
from gialint.parse.values import CellValue

#: How many lines from the top a title is looked for when the first line is not one.
TITLE_SEARCH = 40
#: a title below the menus: it names a year (a breadcrumb's "政府信息公开年报" does not)
_TITLE = regex(r"[^。；;，,：:|]{0,40}(?:19|20)\d{2}[^。；;，,：:|]{0,40}(?:报告|年报)(?:[（(][^）)]{0,20}[）)])?")
_AGENCY_LINE = regex(r"[^\s。；;，,：:|\d]{2,30}")
_YEAR_FIRST = regex(r"[ \t\u3000]*(?:19|20)\d{2}")
_NUMERAL_ONLY = regex(r"[#\s\u3000]*[一二三四五六七八九十]{1,2}[ \t\u3000]*[、.．][ \t\u3000]*")
_GLUE_BEFORE = tuple("、，,和及与或")
_GLUE_AFTER = tuple("、，,和及与或等。")


class Arranger:
    """Called by the builder with the report's items in order; returns them with the section
    headings as :class:`Heading` and everything else as subheadings, paragraphs and tables."""

    def __init__(self, cues: Cues, values: Mapping[str, CellValue]) -> None:
        self._cues = cues
        self._tables = LineTables(cues, values)

    def __call__(self, entries: Sequence[Entry]) -> list[Entry]:
        items = self._find_title(entries)
        items = self._split_midline(items)
        items = self._join_split_headings(items)
        items = self._tables(items)
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
        pattern = self._cues.midline
        for entry in entries:
            if not isinstance(entry, Paragraph) or entry.span.line != entry.span.end_line:
                out.append(entry)
                continue
            text, span = entry.text, entry.span
            start = 0
            match = midline_search(pattern, text, 0)
            if match is None:
                out.append(entry)
                continue
            while match is not None:
                if match.start() > start:
                    out.append(piece(text, span, start, match.start()))
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
                match = midline_search(pattern, text, end)
            if start < len(text):
                rest = piece(text, span, start, len(text))
                if rest.text:
                    out.append(rest)
        return out

    # ------------------------------------------------------------------ 2. headings split over lines
    def _join_split_headings(self, entries: list[Entry]) -> list[Entry]:
        out: list[Entry] = []
        index = 0
        while index < len(entries):
            entry = entries[index]
            text = text_of(entry)  # None for a table
            # a numeral alone ("一、") and then a section heading's wording: only then is the next line read
            if text is not None and index + 1 < len(entries) and _NUMERAL_ONLY.fullmatch(text):
                following = entries[index + 1]
                title = text_of(following)
                if title is not None and self._cues.wording_index(title) is not None:
                    joined = heading_from_text(text.strip() + title.strip(), span_of(entry).cover(span_of(following)))
                    out.append(joined)
                    index += 2
                    continue
            out.append(entry)
            index += 1
        return out

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
        before = text_of(entries[index - 1]) if index > 0 else None
        after = text_of(entries[index + 1]) if index + 1 < len(entries) else None
        return bool(before and before.rstrip().endswith(_GLUE_BEFORE)) or bool(
            after and after.lstrip().startswith(_GLUE_AFTER)
        )


def _demoted(heading: Heading) -> Heading:
    style = NumeralStyle.DOTTED_ARABIC if heading.style is NumeralStyle.ARABIC else heading.style
    return Heading(heading.text, heading.numeral, heading.title, style, heading.span)


def midline_search(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """``pattern.search(text, pos)`` for :attr:`Cues.midline`: compiled, by
    :func:`midline_search_by_marks`; in pure Python, where that loop costs more than the search it
    saves, by the search."""
    if not _NATIVE:
        return pattern.search(text, pos)
    return midline_search_by_marks(pattern, text, pos)


def midline_search_by_marks(pattern: re.Pattern[str], text: str, pos: int) -> re.Match[str] | None:
    """:func:`midline_search`, tried only where a heading can start: every match holds the mark
    ("、") right after its numeral (one or two characters) and spaces, so the pattern is matched
    only at the numerals found back from each mark.

    The search itself tests every character of the text against the numerals' class, and prose
    is full of "、" between the items of a list: looking back from each mark costs a fraction.
    Matches come in the order of their marks (between a match's start and its mark stand only
    numerals and spaces), so the first found is the leftmost."""
    mark_char, numerals, longest = MIDLINE_MARK, MIDLINE_NUMERALS, MIDLINE_NUMERAL_LENGTH
    mark = text.find(mark_char, pos)
    while mark >= 0:
        before = mark
        while before > pos and _is_space(ord(text[before - 1])):
            before -= 1
        start = before  # back over the numerals before the spaces, as many as a numeral has
        while start > pos and before - start < longest and _may_be_numeral(ord(text[start - 1])):
            if text[start - 1] not in numerals:
                break
            start -= 1
        for at in range(start, before):
            match = pattern.match(text, at)
            if match is not None:
                return match
        mark = text.find(mark_char, mark + 1)
    return None


def _is_space(point: int) -> bool:
    """A space, a tab or an ideographic space (U+3000): what ``Cues.midline`` allows around the
    mark (``[ \t\u3000]``)."""
    return point == 0x20 or point == 0x09 or point == 0x3000


#: whether this module runs compiled (gialint/compiled.py)
_NATIVE: Final = is_extension(__file__)
#: the code points from the lowest numeral to the highest (U+4E00 一 to U+56DB 四)
_NUMERALS_FROM: Final = ord(min(MIDLINE_NUMERALS))
_NUMERALS_TO: Final = ord(max(MIDLINE_NUMERALS))


def _may_be_numeral(point: int) -> bool:
    """Whether the code point lies where the headings' numerals do: the few characters in that
    range are then looked for among them."""
    return _NUMERALS_FROM <= point <= _NUMERALS_TO
