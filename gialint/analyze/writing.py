"""How the prose is written: numbered points that skip or repeat a number, and words written twice.

What counts as a numbered point and which doubled words are proper is data (content.toml,
``[enumeration]`` and ``[repeated_word]``), read here into :class:`Enumeration` and
:class:`Repetition` once per format model. :func:`enumeration_slips` and :func:`doubled_words`
walk :attr:`Document.passages <gialint.analyze.document.Document.passages>`; rules GIA505 and
GIA509 turn what they find into findings.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from attrs import frozen

from gialint.analyze.prose import Passage
from gialint.base.memo import Memo
from gialint.formats import FormatModel
from gialint.parse.ast import Title

_DEPTH = 3  # open lists of one family kept at once (a list nested in a point of another)


@frozen
class Family:
    """One way of numbering points: its markers, and whether a list runs over paragraphs."""

    pattern: re.Pattern[str]  # a marker; group "num" holds its number
    across_paragraphs: bool


@frozen
class Enumeration:
    families: tuple[Family, ...]
    numbers: Mapping[str, int]  # a numeral ("三", "3") → its number
    boundary: frozenset[str]  # characters a marker may follow


@frozen
class Marker:
    family: int  # index into Enumeration.families
    number: int
    start: int
    end: int
    num_start: int  # where its numeral stands in the passage
    num_end: int
    boundary: bool  # at the start of the passage or after a boundary character


@frozen
class Slip:
    """A numbered point whose number does not follow the point before it."""

    passage: Passage
    start: int
    end: int
    found: str  # the marker as written: "三是"
    expected: str  # the marker the list calls for: "二是"
    previous: str  # the point before, as the list calls it: "一是"


def _template(template: str, numerals: Iterable[str]) -> str:
    zh = "|".join(re.escape(n) for n in sorted(numerals, key=len, reverse=True))
    out = ""
    for piece in re.split(r"(\{zh\}|\{n\})", template):
        if piece == "{zh}":
            out += f"(?P<num>{zh})"
        elif piece == "{n}":
            out += r"(?<![0-9０-９])(?P<num>[0-9]{1,2})"
        else:
            out += re.escape(piece)
    return out


def _enumeration(model: FormatModel, _key: str) -> Enumeration:
    raw: Mapping[str, Any] = model.content.get("enumeration", {})
    numerals: list[str] = list(raw.get("numerals", []))
    families = []
    for family in raw.get("family", []):
        # a group name may not stand in two alternatives: number each alternative's apart
        pattern = "|".join(
            f"(?:{_template(t, numerals).replace('(?P<num>', f'(?P<num{i}>')})"
            for i, t in enumerate(family["templates"])
        )
        not_before = family.get("not_before", "")
        if not_before:
            pattern = f"(?:{pattern})(?![{re.escape(not_before)}])"
        families.append(Family(re.compile(pattern), bool(family.get("across_paragraphs", False))))
    numbers = {n: i + 1 for i, n in enumerate(numerals)}
    numbers.update({str(i): i for i in range(1, 21)})
    return Enumeration(tuple(families), numbers, frozenset(raw.get("boundary", "")))


_ENUMERATION: Memo[FormatModel, Enumeration] = Memo(_enumeration, limit=16)


def enumeration_of(model: FormatModel) -> Enumeration:
    """The numbered-point families of content.toml, read once per model."""
    return _ENUMERATION(model, "enumeration")


def markers(text: str, config: Enumeration, breaks: Sequence[int] = (0,)) -> list[Marker]:
    """The numbered-point markers of ``text``, in order; ``breaks`` are where its lines begin."""
    found: list[Marker] = []
    for index, family in enumerate(config.families):
        for match in family.pattern.finditer(text):
            group = next(name for name, value in match.groupdict().items() if value is not None)
            number = config.numbers.get(match.group(group))
            if number is None:
                continue
            start = match.start()
            before = text[:start].rstrip(" \t\u3000")
            line = breaks[bisect.bisect_right(breaks, start) - 1]
            boundary = len(before) <= line or before[-1] in config.boundary or start > len(before)
            found.append(Marker(index, number, start, match.end(), match.start(group), match.end(group), boundary))
    found.sort(key=lambda m: m.start)
    return found


def _spelled(text: str, marker: Marker, number: int, config: Enumeration) -> str:
    """The marker written with ``number`` in its own numerals."""
    written = text[marker.num_start : marker.num_end]
    if written.isdigit():
        numeral = str(number)
    else:
        numeral = next(n for n, i in config.numbers.items() if i == number and not n.isdigit())
    return text[marker.start : marker.num_start] + numeral + text[marker.num_end : marker.end]


def report_prose(passages: Iterable[Passage], title: Title | None) -> Iterator[Passage]:
    """The passages that are the report's own text: those in its sections, and those of the
    preamble after its title (what stands above the title is the page around it: a site's
    menus, a crawler's header)."""
    for passage in passages:
        if passage.section is not None or (title is not None and passage.span.line > title.span.end_line):
            yield passage


def _scopes(passages: Iterable[Passage]) -> Iterator[list[Passage]]:
    """The passages in runs of one subsection (or one section's text outside subsections)."""
    run: list[Passage] = []
    for passage in passages:
        if run and (passage.section, passage.subsection) != (run[-1].section, run[-1].subsection):
            yield run
            run = []
        run.append(passage)
    if run:
        yield run


def enumeration_slips(passages: Iterable[Passage], model: FormatModel) -> Iterator[Slip]:
    """Each marker that neither starts a list ("一是", "（一）", "1.") nor follows the point before it
    in any list still open; lists are open within a passage, or over one subsection's
    passages for a family that runs across paragraphs.

    A subsection's passages are read as one text, so that a marker a crawler broke over two
    lines ("三" / "是") is still one, and each line's start counts as a boundary."""
    config = enumeration_of(model)
    across = {i for i, family in enumerate(config.families) if family.across_paragraphs}
    for scope in _scopes(passages):
        breaks = list(itertools.accumulate((len(p.text) for p in scope[:-1]), initial=0))
        text = "".join(p.text for p in scope)
        open_lists: dict[int, list[tuple[int, ...]]] = {}
        current = 0
        for marker in markers(text, config, breaks):
            at = bisect.bisect_right(breaks, marker.start) - 1
            if at != current:
                open_lists = {i: lists for i, lists in open_lists.items() if i in across}
                current = at
            if marker.boundary and marker.family not in across:
                for i in across:
                    open_lists.pop(i, None)  # "一是" lists end where a point of another kind begins
            slip = _follow(open_lists.setdefault(marker.family, []), marker)
            if slip is not None:
                passage, offset = scope[at], breaks[at]
                end = min(marker.end - offset, len(passage.text))
                yield Slip(
                    passage,
                    marker.start - offset,
                    end,
                    text[marker.start : marker.end],
                    _spelled(text, marker, slip[0], config),
                    _spelled(text, marker, slip[1], config),
                )


def _follow(lists: list[tuple[int, ...]], marker: Marker) -> tuple[int, int] | None:
    """Take ``marker`` into the open ``lists`` (innermost last), each held as the numbers its
    last point may have; (expected, previous) where the marker continues none of them.

    After a slip the last point may be the number written or the one expected (a typo in
    "一是 二是 五是 四是", a skip in "一是 三是 四是"): the next point may follow either, so
    that one slip is one finding."""
    number = marker.number
    if lists and number - 1 in lists[-1]:
        lists[-1] = (number,)
        return None
    if not marker.boundary:
        return None
    if number == 1:
        lists.append((1,))
        del lists[:-_DEPTH]
        return None
    for depth in range(len(lists) - 2, -1, -1):
        if number - 1 in lists[depth]:  # the next point of an outer list: the inner one has ended
            del lists[depth + 1 :]
            lists[depth] = (number,)
            return None
    if not lists:
        lists.append((number,))  # a list whose start is not in view
        return None
    previous = lists[-1][0]
    lists[-1] = (number, previous + 1)
    return previous + 1, previous


@frozen
class Repetition:
    pattern: re.Pattern[str]  # a word written twice; group "word" holds it
    characters: frozenset[str]  # single characters whose doubling is flagged
    counts: frozenset[str]
    numerals: frozenset[str]
    allowed: tuple[str, ...]
    sentence_marks: frozenset[str]  # a passage without any is a label or a fragment, not a sentence


@frozen
class Doubled:
    passage: Passage
    start: int  # the second copy
    end: int
    word: str


_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def _repetition(model: FormatModel, _key: str) -> Repetition:
    raw: Mapping[str, Any] = model.content.get("repeated_word", {})
    longest = int(raw.get("longest", 4))
    pattern = re.compile(f"(?P<word>[{_CJK}]{{1,{longest}}}?)(?P=word)")
    return Repetition(
        pattern,
        frozenset(raw.get("characters", [])),
        frozenset(raw.get("counts", [])),
        frozenset(raw.get("numerals", "")),
        tuple(raw.get("allowed", [])),
        frozenset(raw.get("sentence_marks", "")),
    )


_REPETITION: Memo[FormatModel, Repetition] = Memo(_repetition, limit=16)


def repetition_of(model: FormatModel) -> Repetition:
    """The doubled-word settings of content.toml, read once per model."""
    return _REPETITION(model, "repeated_word")


def _allowed(text: str, start: int, end: int, config: Repetition) -> bool:
    """Whether ``text[start:end]`` stands inside one of the allowed phrases."""
    for phrase in config.allowed:
        at = text.find(phrase, max(0, end - len(phrase)))
        while 0 <= at <= start:
            if at + len(phrase) >= end:
                return True
            at = text.find(phrase, at + 1)
    return False


def doubled_words(passage: Passage, model: FormatModel) -> Iterator[Doubled]:
    """Each word written twice in a row in the passage, but proper reduplication."""
    config = repetition_of(model)
    text = passage.text
    if not passage.exact or config.sentence_marks.isdisjoint(text):
        return  # cells joined into a line, or a label: two equal cells side by side are no slip
    position = 0
    while True:
        match = config.pattern.search(text, position)
        if match is None:
            return
        word = match.group("word")
        start, end = match.span()
        position = start + 1
        if len(word) == 1 and word not in config.characters:
            continue
        if len(word) == 2 and word[0] in config.counts:
            continue
        if all(c in config.numerals for c in word) or _allowed(text, start, end, config):
            continue
        yield Doubled(passage, start + len(word), end, word)
        position = end
