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
from typing import Any, Final

from gialint.analyze.prose import Passage
from gialint.base.memo import Memo
from gialint.base.native import mypyc_attr
from gialint.base.precompiled import regex
from gialint.base.value import FieldValue
from gialint.compiled import is_extension
from gialint.formats import FormatModel
from gialint.parse.ast import Title

_DEPTH: Final = 3  # open lists of one family kept at once (a list nested in a point of its own family)


class Template:
    """Ways of writing a marker ("（{n}）", "(n)"), as a pattern whose group "num" holds the
    numeral; or, for a marker that opens with its numeral ("{zh}是", "{n}、"), a pattern that finds
    what follows the numeral, the numeral read back from there (``numerals``, ``longest``).

    This class and the others of the settings here, and :class:`Marker`, are plain classes with
    ``Final`` fields, not attrs classes or named tuples: compiled (gialint/compiled.py) they are
    native classes, made and read several times faster in the loops over every marker."""

    def __init__(self, pattern: re.Pattern[str], literal: str, numerals: str = "", longest: int = 0) -> None:
        self.pattern: Final = pattern
        #: what every match of the pattern opens with ("（", "是", "、"): a text without it has no
        #: marker, and one that holds it a few times is tried only there (:func:`_matches`)
        self.literal: Final = literal
        self.numerals: Final = numerals  # the characters of a numeral read back from where the pattern matched
        self.longest: Final = longest  # at most this many of them


class Family:
    """One way of numbering points: its markers, and whether a list runs over paragraphs."""

    def __init__(self, templates: tuple[Template, ...], across_paragraphs: bool) -> None:
        self.templates: Final = templates
        self.across_paragraphs: Final = across_paragraphs


class Enumeration:
    def __init__(
        self, families: tuple[Family, ...], numbers: Mapping[str, int], boundary: frozenset[str], across: frozenset[int]
    ) -> None:
        self.families: Final = families
        self.numbers: Final = numbers  # a numeral ("三", "3") → its number
        self.boundary: Final = boundary  # characters a marker may follow
        self.across: Final = across  # the families whose lists run over paragraphs


class Marker:
    """A numbered point's marker in a text."""

    def __init__(
        self, family: int, number: int, start: int, end: int, num_start: int, num_end: int, boundary: bool
    ) -> None:
        self.family: Final = family  # index into Enumeration.families
        self.number: Final = number
        self.start: Final = start
        self.end: Final = end
        self.num_start: Final = num_start  # where its numeral stands in the passage
        self.num_end: Final = num_end
        self.boundary: Final = boundary  # at the start of the passage or after a boundary character


@mypyc_attr(acyclic=True)
class Slip(FieldValue):
    """A numbered point whose number does not follow the point before it."""

    def __init__(self, passage: Passage, start: int, end: int, found: str, expected: str, previous: str) -> None:
        self.passage: Final = passage
        self.start: Final = start
        self.end: Final = end
        self.found: Final = found  # the marker as written: "三是"
        self.expected: Final = expected  # the marker the list calls for: "二是"
        self.previous: Final = previous  # the point before, as the list calls it: "一是"

    def _fields(self) -> tuple[Passage, int, int, str, str, str]:
        return (self.passage, self.start, self.end, self.found, self.expected, self.previous)


def _templates(written: Sequence[str], numerals: Sequence[str], not_before: str) -> Iterator[Template]:
    """The patterns of a family's marker templates: ``{zh}`` stands for a Chinese numeral, ``{n}``
    for 1–20 in digits. The numeral is matched as a class of characters and then looked up.

    The regular expression engine scans fast for a pattern's first character when it is one
    character, about fifty times slower when it is a class (a numeral): a template that opens
    with text ("（{zh}）") is one pattern, the templates that differ only after the numeral
    together; one that opens with its numeral ("{zh}是") is a pattern for what follows it, with
    a numeral character right before (a lookbehind), one per ending ("{n}.", "{n}、"), and the
    numeral is read back from there."""
    characters = "".join(sorted(set("".join(numerals))))
    longest = max((len(n) for n in numerals), default=1)
    zh = f"[{re.escape(characters)}]" + f"[{re.escape(characters)}]?" * (longest - 1)
    numeral = {"{zh}": f"(?P<num>{zh})", "{n}": "(?P<num>[0-9][0-9]?)"}
    read_back = {"{zh}": (characters, longest), "{n}": ("0123456789", 2)}
    endings: dict[tuple[str, str], list[str]] = {}
    for template in written:
        before, placeholder, after = re.split(r"(\{zh\}|\{n\})", template, maxsplit=1)
        endings.setdefault((before, placeholder), []).append(after)
    lookahead = f"(?![{re.escape(not_before)}])" if not_before else ""
    for (before, placeholder), after in endings.items():
        if before:
            alternatives = "|".join(re.escape(a) for a in after)
            yield Template(regex(re.escape(before) + numeral[placeholder] + f"(?:{alternatives})" + lookahead), before)
            continue
        characters_of, most = read_back[placeholder]
        for ending in after:
            behind = f"(?<=[{re.escape(characters_of)}]{re.escape(ending)})"
            yield Template(regex(re.escape(ending) + behind + lookahead), ending, characters_of, most)


def _enumeration(model: FormatModel, _key: str) -> Enumeration:
    raw: Mapping[str, Any] = model.content.get("enumeration", {})
    numerals: list[str] = list(raw.get("numerals", []))
    families = tuple(
        Family(
            tuple(_templates(family["templates"], numerals, family.get("not_before", ""))),
            bool(family.get("across_paragraphs", False)),
        )
        for family in raw.get("family", [])
    )
    numbers = {n: i + 1 for i, n in enumerate(numerals)}
    numbers.update({str(i): i for i in range(1, 21)})
    across = frozenset(i for i, family in enumerate(families) if family.across_paragraphs)
    return Enumeration(families, numbers, frozenset(raw.get("boundary", "")), across)


_ENUMERATION: Final[Memo[FormatModel, Enumeration]] = Memo(_enumeration, limit=16)


def enumeration_of(model: FormatModel) -> Enumeration:
    """The numbered-point families of content.toml, read once per model."""
    return _ENUMERATION(model, "enumeration")


def markers(text: str, config: Enumeration, breaks: Sequence[int] = (0,)) -> list[Marker]:
    """The numbered-point markers of ``text``, in order; ``breaks`` are where its lines begin."""
    found: list[Marker] = []
    lines = frozenset(breaks)
    for index, family in enumerate(config.families):
        for template in family.templates:
            for match in _matches(template, text):
                if template.numerals:
                    num_end = num_start = match.start()
                    floor = max(num_end - template.longest, 0)
                    while num_start > floor and text[num_start - 1] in template.numerals:
                        num_start -= 1  # the lookbehind saw one: at least one is read
                    start = num_start
                else:
                    num_start, num_end, start = match.start("num"), match.end("num"), match.start()
                number = config.numbers.get(text[num_start:num_end])
                if number is None or text[num_start - 1 : num_start].isdigit():  # a figure's last digits
                    continue
                boundary = start in lines or (start > 0 and text[start - 1] in config.boundary)
                found.append(Marker(index, number, start, match.end(), num_start, num_end, boundary))
    found.sort(key=lambda m: m.start)
    return found


#: a template whose literal the text holds at most this often is tried only where the literal stands
_FEW: Final = 8


def _matches(template: Template, text: str) -> list[re.Match[str]]:
    """The matches of the template's pattern in ``text``, as ``finditer`` gives them.

    Every match begins with the template's literal. ``finditer`` looks for it one character at
    a time (the regular expression engine's scan for a literal opening, several times slower
    than a string search, which skips through the text with a byte search): where the text
    holds the literal a few times, they are found by ``str.find`` and the pattern is tried
    there only; where it holds it often ("、"), one scan costs less than a try at each."""
    places: list[int] = []
    at = text.find(template.literal)
    while at >= 0:
        if len(places) == _FEW:
            return list(template.pattern.finditer(text))
        places.append(at)
        at = text.find(template.literal, at + 1)
    found: list[re.Match[str]] = []
    end = 0
    for at in places:
        if at >= end and (match := template.pattern.match(text, at)) is not None:
            found.append(match)
            end = match.end()  # as finditer: the next match starts after this one
    return found


def _spelled(text: str, marker: Marker, number: int, config: Enumeration) -> str:
    """The marker written with ``number`` in its own numerals."""
    written = text[marker.num_start : marker.num_end]
    if written.isdigit():
        numeral = str(number)
    else:
        numeral = next(n for n, i in config.numbers.items() if i == number and not n.isdigit())
    return text[marker.start : marker.num_start] + numeral + text[marker.num_end : marker.end]


def own_passages(passages: Iterable[Passage], title: Title | None) -> Iterator[Passage]:
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
        # the same section and heading objects (an attrs class's == compares every field)
        if run and (passage.section is not run[-1].section or passage.subsection is not run[-1].subsection):
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
    across = config.across
    # every scope read as one text, the scopes joined by line breaks (which no marker spans, and
    # before which no numeral is read back): one scan of each template for the whole report
    scopes = list(_scopes(passages))
    read = [passage for scope in scopes for passage in scope]
    breaks: list[int] = []  # where each passage starts in the text
    firsts: list[int] = []  # where each scope starts
    length = 0
    for index, scope in enumerate(scopes):
        if index:
            length += 1
        firsts.append(length)
        for passage in scope:
            breaks.append(length)
            length += len(passage.text)
    text = "\n".join("".join(p.text for p in scope) for scope in scopes)
    open_lists: dict[int, list[tuple[int, ...]]] = {}
    current, scope_at = -1, -1
    for marker in markers(text, config, breaks):
        within = bisect.bisect_right(firsts, marker.start) - 1
        at = bisect.bisect_right(breaks, marker.start) - 1
        if within != scope_at:  # lists do not run from one subsection into the next
            open_lists, scope_at, current = {}, within, at
        elif at != current:
            open_lists = {i: lists for i, lists in open_lists.items() if i in across}
            current = at
        if marker.boundary and marker.family not in across:
            for i in across:
                open_lists.pop(i, None)  # "一是" lists end where a point of another kind begins
        slip = _follow(open_lists.setdefault(marker.family, []), marker)
        if slip is not None:
            passage, offset = read[at], breaks[at]
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


class Repetition:
    def __init__(
        self,
        pattern: re.Pattern[str],
        longest: int,
        characters: tuple[str, ...],
        counts: frozenset[str],
        numerals: frozenset[str],
        allowed: tuple[str, ...],
        sentence_marks: str,
    ) -> None:
        self.pattern: Final = pattern  # a word of two characters or more written twice; group "word" holds it
        self.longest: Final = longest  # the longest word the pattern looks for
        self.characters: Final = characters  # the single characters whose doubling is a slip
        self.counts: Final = counts
        self.numerals: Final = numerals
        self.allowed: Final = allowed
        self.sentence_marks: Final = sentence_marks  # a passage without any is a label or a fragment, not a sentence


@mypyc_attr(acyclic=True)
class Doubled(FieldValue):
    def __init__(self, passage: Passage, start: int, end: int, word: str) -> None:
        self.passage: Final = passage
        self.start: Final = start  # the second copy
        self.end: Final = end
        self.word: Final = word

    def _fields(self) -> tuple[Passage, int, int, str]:
        return (self.passage, self.start, self.end, self.word)


_CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def _repetition(model: FormatModel, _key: str) -> Repetition:
    raw: Mapping[str, Any] = model.content.get("repeated_word", {})
    longest = int(raw.get("longest", 4))
    # greedy: a pattern that tries the longest word first is scanned faster than the shortest first
    pattern = regex(f"(?P<word>[{_CJK}]{{2,{longest}}})(?P=word)")
    return Repetition(
        pattern,
        longest,
        tuple(raw.get("characters", [])),
        frozenset(raw.get("counts", [])),
        frozenset(raw.get("numerals", "")),
        tuple(raw.get("allowed", [])),
        str(raw.get("sentence_marks", "")),
    )


_REPETITION: Final[Memo[FormatModel, Repetition]] = Memo(_repetition, limit=16)


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


def doubled_words(passages: Iterable[Passage], model: FormatModel) -> Iterator[Doubled]:
    """Each word written twice in a row in the passages, but proper reduplication. Passages
    that are not sentences (no sentence punctuation) or not as written (joined from cells)
    are passed over: two equal labels side by side are no slip.

    The passages read are scanned as one text, joined by line breaks (no word runs over one):
    one pass of the pattern, not one per passage."""
    config = repetition_of(model)
    # a search for each mark, not a set's isdisjoint(): that makes and hashes a string of each character
    read = [p for p in passages if p.exact and any(mark in p.text for mark in config.sentence_marks)]
    if not read:
        return
    starts = list(itertools.accumulate((len(p.text) + 1 for p in read[:-1]), initial=0))
    text = "\n".join(p.text for p in read)
    for start, word in _candidates(text, config):
        end = start + 2 * len(word)
        if (len(word) == 2 and word[0] in config.counts) or all(c in config.numerals for c in word):
            continue
        index = bisect.bisect_right(starts, start) - 1
        offset, passage = starts[index], read[index]
        if not _allowed(passage.text, start - offset, end - offset, config):
            yield Doubled(passage, start - offset + len(word), end - offset, word)


#: whether this module runs compiled (gialint/compiled.py)
_NATIVE: Final = is_extension(__file__)


def _repeat_starts(text: str, longest: int) -> list[int]:
    """Where a word of 2 to ``longest`` characters may be written twice, in order (every doubled
    word starts at one; a few other places may too): character by character where this module
    is compiled and words are of at most 4 characters, by shifted integers otherwise."""
    if _NATIVE and longest <= 4:
        return _repeat_starts_by_character(text, longest)
    return _repeat_starts_by_shift(text, longest)


def _repeat_starts_by_character(text: str, longest: int) -> list[int]:
    """Each ``i`` where ``text[i:i+2] == text[i+k:i+k+2]`` for a ``k`` from 2 to ``longest``
    (at most 4), in one pass that reads each character's code point once and keeps the last
    five in variables. Compiled, ``ord(text[j])`` is read natively and the loop costs about half
    the shifted integers' work; in pure Python it would cost many times more, so it serves
    only the compiled build."""
    found: set[int] = set()
    three, four = longest >= 3, longest >= 4
    c1 = c2 = c3 = c4 = c5 = -1  # the code points one to five characters back
    for j in range(len(text)):
        c = ord(text[j])
        # the second copy's second character is text[j]: its first, text[j-1], matches k back
        if j >= 3 and c == c2 and c1 == c3:
            found.add(j - 3)
        if three and j >= 4 and c == c3 and c1 == c4:
            found.add(j - 4)
        if four and j >= 5 and c == c4 and c1 == c5:
            found.add(j - 5)
        c5, c4, c3, c2, c1 = c4, c3, c2, c1, c
    return sorted(found)


def _repeat_starts_by_shift(text: str, longest: int) -> list[int]:
    """Each ``i`` where ``text[i]`` and ``text[i+1]`` have the same lowest byte as the characters
    ``k`` on, for a ``k`` from 2 to ``longest`` (a superset of :func:`_repeat_starts_by_character`'s).

    The doubled-word pattern tried at every character costs about 600 machine instructions a
    character. This compares the text with itself shifted by ``k`` all at once, in C, for about a
    fifth of that: each character's lowest byte (UTF-32 has one unit a character), read as one
    integer and XORed with itself shifted by ``k`` bytes, is zero where the bytes agree."""
    low = text.encode("utf-32-le", "surrogatepass")[::4]
    count = len(low)
    number = int.from_bytes(low, "little")
    found: set[int] = set()
    for k in range(2, longest + 1):
        same = (number ^ (number >> (8 * k))).to_bytes(count, "little")
        end = count - k  # the characters with one k further on
        at = same.find(b"\0\0", 0, end)
        while at >= 0:
            found.add(at)
            at = same.find(b"\0\0", at + 1, end)
    return sorted(found)


def _doubled(text: str, config: Repetition) -> Iterator[re.Match[str]]:
    """The matches of ``config.pattern`` in ``text`` as ``finditer`` gives them, the pattern tried
    only where :func:`_repeat_starts` finds that a word may be doubled."""
    end = 0
    for start in _repeat_starts(text, config.longest):
        if start >= end and (match := config.pattern.match(text, start)) is not None:
            yield match
            end = match.end()


def _candidates(text: str, config: Repetition) -> list[tuple[int, str]]:
    """(start, word) of each word written twice, in order."""
    found = [(m.start(), m.group("word")) for m in _doubled(text, config)]
    for character in config.characters:
        at = text.find(character * 2)
        while at >= 0:
            found.append((at, character))
            at = text.find(character * 2, at + 2)
    return sorted(found)
