"""What a report says of its own parts: "本报告由总体情况、…、其他需要报告的事项六部分组成".

Read from the preamble, sentence by sentence, with the words of content.toml ``[part_count]``:
a sentence holding one of its subjects ("本报告", "全文") and a count before "部分" (in Chinese
or Arabic numerals), or a list of parts of which most name the format's sections. The listed
parts are kept as written, each with its span, for GIA506 to compare with the six.
"""

from __future__ import annotations

from typing import Final

from gialint.analyze.document import Document
from gialint.analyze.required import PartWords, required_content
from gialint.analyze.section_text import Prose, preamble_prose, section_matches
from gialint.base.native import mypyc_attr
from gialint.base.precompiled import regex
from gialint.base.span import Span
from gialint.base.value import FieldValue

_NUMERALS: Final = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# "六部分组成", "等五部分。", "分六个部分，": not "（二）部分公开" (a row of table 3), nor "第二部分中…"
_COUNT: Final = regex(
    r"(?<![\d(（第])(?P<n>[一二两三四五六七八九十]|\d{1,2})\s*个?\s*部分(?=\s*(?:组成|构成|[。,;:!?]|$))"
)
_SPLIT: Final = regex(r"[、,;:]")
#: a list is taken for a list of the report's parts when it has this many items, at least half
#: of them naming a section (so "本报告由办公室根据…编制" is not a list of parts)
_MIN_ITEMS: Final = 3


@mypyc_attr(acyclic=True)
class ListedPart(FieldValue):
    def __init__(self, text: str, span: Span, names_a_section: bool) -> None:
        self.text: Final = text
        self.span: Final = span
        self.names_a_section: Final = names_a_section

    def _fields(self) -> tuple[str, Span, bool]:
        return (self.text, self.span, self.names_a_section)


@mypyc_attr(acyclic=True)
class PartStatement(FieldValue):
    def __init__(self, count: int | None, count_span: Span | None, parts: tuple[ListedPart, ...], span: Span) -> None:
        self.count: Final = count  # the number of parts it states, if it states one
        self.count_span: Final = count_span
        self.parts: Final = parts  # the parts it lists, if it lists them
        self.span: Final = span  # the sentence

    def _fields(self) -> tuple[int | None, Span | None, tuple[ListedPart, ...], Span]:
        return (self.count, self.count_span, self.parts, self.span)


def _count(text: str) -> int:
    return int(text) if text.isdigit() else _NUMERALS[text]


def _trim(piece: str, joiners: tuple[str, ...]) -> tuple[int, int]:
    """Where a listed part starts and ends, without spaces and joining words ("以及", "等")."""
    left, right = 0, len(piece)
    while True:
        before = (left, right)
        while left < right and piece[left].isspace():
            left += 1
        while right > left and piece[right - 1].isspace():
            right -= 1
        for joiner in joiners:
            if piece.startswith(joiner, left) and right - left > len(joiner):
                left += len(joiner)
            if piece.endswith(joiner, left, right) and right - left > len(joiner):
                right -= len(joiner)
        if (left, right) == before:
            return left, right


def _items(prose: Prose, start: int, region: str, words: PartWords, doc: Document) -> tuple[ListedPart, ...]:
    """The parts listed in ``region`` (at ``start`` in ``prose``), if it is a list of the report's parts."""
    found: list[ListedPart] = []
    at = 0
    for piece in _SPLIT.split(region):
        left, right = _trim(piece, words.joiners)
        if right > left:
            text = piece[left:right]
            span = prose.span_of(start + at + left, start + at + right)
            found.append(ListedPart(text, span, section_matches(text, doc.model) is not None))
        at += len(piece) + 1
    named = sum(part.names_a_section for part in found)
    return tuple(found) if len(found) >= _MIN_ITEMS and 2 * named >= len(found) else ()


def _find(sentence: str, words: tuple[str, ...], start: int, end: int) -> tuple[int, int] | None:
    """Where the first of ``words`` stands in ``sentence[start:end]`` (the longest, where several start there)."""
    places = [(at, -len(w)) for w in words if (at := sentence.find(w, start, end)) >= 0]
    if not places:
        return None
    at, minus = min(places)
    return at, at - minus


def part_statements(doc: Document) -> tuple[PartStatement, ...]:
    """Every sentence of the preamble that states the report's parts."""
    words = required_content(doc.model).parts
    prose = preamble_prose(doc)
    found: list[PartStatement] = []
    for offset, sentence in prose.sentences("。!?"):
        subject = _find(sentence, words.subjects, 0, len(sentence))
        if subject is None:
            continue
        count = _COUNT.search(sentence, subject[1])
        body = sentence.rstrip("。!?")
        # the list stands between a verb and the count ("由A、B…六部分组成"), or after the count
        # ("由六部分组成，分别是：A，B…"), or, with no count, after the verb to the sentence's end
        regions = [(subject[0], count.start() if count else len(body))] + ([(count.end(), len(body))] if count else [])
        parts: tuple[ListedPart, ...] = ()
        for begin, end in regions:
            verb = _find(sentence, words.list_after, begin, end)
            if verb is not None and not parts:
                parts = _items(prose, offset + verb[1], sentence[verb[1] : end], words, doc)
        if count is None and not parts:
            continue
        span = prose.span_of(offset, offset + len(sentence))
        count_span = prose.span_of(offset + count.start(), offset + count.end()) if count else None
        found.append(PartStatement(_count(count["n"]) if count else None, count_span, parts, span))
    return tuple(found)
