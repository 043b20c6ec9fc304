"""The figures a report's prose states: each bound to the quantity of a table it speaks of
(GIA501), and the totals it lists the parts of (GIA508).

The phrases, fillers and scope words are data (the ``[narrative]`` table of content.toml), read
once per format model into :class:`NarrativeData` with its patterns compiled. The prose is read
in one pass: the passages of a section are joined where a line was broken inside a sentence
(crawler and PDF text: "依法按时办结依申请公开事项" / "403件"), split into sentences, and each
figure followed by a unit is bound to the phrase right before it (or right after it) only when
nothing but fillers stands between them and nothing in its clause or sentence limits its scope
(a part of the agency, a wider area, a channel, another period, a part after 其中).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Final

from gialint.analyze.prose import Passage
from gialint.base.memo import Memo
from gialint.base.native import mypyc_attr
from gialint.base.precompiled import regex
from gialint.base.span import Span
from gialint.base.value import FieldValue
from gialint.compiled import is_extension
from gialint.formats import FormatModel

CellKey = tuple[str, str, str]  # (table, row key, column id)

_FULL_WIDTH_DIGITS: Final = "０１２３４５６７８９"
_FULL_WIDTH: Final = str.maketrans(_FULL_WIDTH_DIGITS, "0123456789")
_NUMERALS: Final = "零〇一二两三四五六七八九十百"  # the characters of a Chinese numeral a figure may be written in
_SPACES: Final = " \t\u3000"  # what may stand between a figure's number and its unit
_FIGURE_ENDS: Final = "0123456789" + _NUMERALS  # what a figure's number ends with (other scripts' digits: isdecimal)
_DIGIT: Final = regex(r"\d")
_BRACKET: Final = regex("[（()）]")
_CLOSE: Final = regex("[）)]")
_OPEN: Final = regex("[（(]")
_LIST_MARK: Final = regex("[（()）；;]")  # where a list of parts may end, or a bracket inside it
_BRACKETED: Final = regex("[（(][^（()）]*[）)]")  # an innermost pair of brackets
_CHINESE_DIGITS: Final = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_SENTENCE_END: Final = "。！？!?\n；;"
_CLAUSE_BREAK: Final = "，,：:（(" + _SENTENCE_END
_APPROXIMATE_BEFORE: Final = "近约超逾"
_APPROXIMATE_AFTER: Final = ("以上", "左右", "多", "余")
_YEAR: Final = regex(r"(\d{4})\s*年")
_MONTH: Final = regex(r"(?<!\d)(\d{1,2})\s*月")


class Quantity:
    """A quantity of a table that prose states: its cells (added up) and its phrases.

    This and :class:`NarrativeData` and :class:`Stream` are plain classes with ``Final`` fields,
    not attrs ones: compiled (gialint/compiled.py), they are native classes, whose fields the
    narrative reads at every sentence and phrase many times faster."""

    def __init__(
        self,
        id: str,
        zh: str,
        en: str,
        cells: tuple[CellKey, ...],
        phrases: tuple[str, ...],
        phrases_after: tuple[str, ...] = (),
        needs: str | None = None,
        label: str | None = None,
    ) -> None:
        self.id: Final = id
        self.zh: Final = zh
        self.en: Final = en
        self.cells: Final = cells
        self.phrases: Final = phrases
        self.phrases_after: Final = phrases_after
        self.needs: Final = needs  # binds only after a figure of this quantity in the same sentence
        self.label: Final = label  # what the messages call several cells added up


class NarrativeData:
    """content.toml's ``[narrative]``, compiled."""

    def __init__(
        self,
        *,
        quantities: Mapping[str, Quantity],
        table_names: Mapping[str, str],
        joiners: str,
        rest_words: tuple[str, ...],
        figure: re.Pattern[str],
        phrase: re.Pattern[str],
        follow: re.Pattern[str],
        precede: re.Pattern[str],
        after: re.Pattern[str],
        scope: re.Pattern[str],
        period: re.Pattern[str],
        part: re.Pattern[str],
        total: re.Pattern[str],
        cue: re.Pattern[str],
        unit_starts: str,
        kinds: bytes | None,
        by_phrase: Mapping[str, str],
        by_phrase_after: Mapping[str, str],
    ) -> None:
        self.quantities: Final = quantities
        self.table_names: Final = table_names
        self.joiners: Final = joiners
        self.rest_words: Final = rest_words
        self.figure: Final = figure  # a whole number (or a simple Chinese numeral) and its unit
        self.phrase: Final = phrase  # every quantity's phrases, longest first
        self.follow: Final = follow  # fillers then a figure, matched where a phrase ends
        self.precede: Final = precede  # a figure then one of the phrases that follow their figure
        #: any of the phrases that follow their figure: a sentence without one has no precede match
        self.after: Final = after
        self.scope: Final = scope
        self.period: Final = period
        self.part: Final = part  # 其中
        self.total: Final = total  # a figure, then "，其中" or "（其中"
        self.cue: Final = cue  # any phrase or 其中: a sentence without one is not read further
        self.unit_starts: Final = unit_starts  # the units' first characters: a sentence without a figure is not read
        #: each code point's kind for the compiled pass over a text (:func:`_kinds`)
        self.kinds: Final = kinds
        self.by_phrase: Final = by_phrase  # phrase -> quantity id (a phrase of two quantities binds nothing)
        self.by_phrase_after: Final = by_phrase_after


def _alternation(words: Sequence[str]) -> str:
    """A pattern matching any of ``words``, longest first, written as a trie ("受理(?:政府…|依申请…)"):
    the regular expression engine tries a branch only when its first character matches."""
    trie: dict[str, Any] = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: Mapping[str, Any]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _unique(pairs: Sequence[tuple[str, str]]) -> dict[str, str]:
    found: dict[str, str] = {}
    clashes = set()
    for word, owner in pairs:
        if word in found and found[word] != owner:
            clashes.add(word)
        found[word] = owner
    return {w: q for w, q in found.items() if w not in clashes}


def _cell_key(text: str) -> CellKey:
    table, row, column = text.split("/")
    return table, row, column


# a code point's kind in NarrativeData.kinds (Final: compiled, constants, not looked up at each use)
_UNIT: Final = 1
_END: Final = 2  # a sentence end is never a unit's first character


def _kinds(unit_starts: str) -> bytes | None:
    """A byte for each code point of the Basic Multilingual Plane: ``_UNIT`` where a unit's first
    character, ``_END`` where a sentence ends; None where a unit starts beyond that plane (the
    compiled pass cannot look it up, and the searches serve)."""
    table = bytearray(0x10000)
    for char in unit_starts:
        if ord(char) >= len(table):
            return None
        table[ord(char)] = _UNIT
    for char in _SENTENCE_END:
        table[ord(char)] = _END
    return bytes(table)


def _compile(model: FormatModel, _: str) -> NarrativeData:
    raw: Mapping[str, Any] = model.content.get("narrative", {})
    quantities = {
        key: Quantity(
            key,
            q["zh"],
            q["en"],
            tuple(_cell_key(c) for c in q["cells"]),
            tuple(q["phrases"]),
            tuple(q.get("phrases_after", ())),
            q.get("needs"),
            q.get("label"),
        )
        for key, q in raw.get("quantities", {}).items()
    }
    by_phrase = _unique([(p, q.id) for q in quantities.values() for p in q.phrases])
    by_after = _unique([(p, q.id) for q in quantities.values() for p in q.phrases_after])
    units = _alternation(raw.get("units", ["件"]))
    spaces, spaces_or, never = f"[{_SPACES}]*", f"[{_SPACES}]|", r"(?!x)x"
    # the lookahead of a numeral's first character lets the regex engine skip to the next
    # numeral instead of trying both lookbehinds at every position of the text
    number = (
        rf"(?=[\d{_NUMERALS}])"
        rf"(?:(?<![\d.,．])(\d+)(?![\d.,．])|(?<![{_NUMERALS}])([{_NUMERALS}]+))"
    )
    sums = raw.get("sums", {})
    part_words = _alternation(sums.get("part_words", ["其中"]))
    unit_starts = "".join(sorted({unit[0] for unit in raw.get("units", ["件"]) if unit}))

    def words(key: str, source: Mapping[str, Any] = raw) -> re.Pattern[str]:
        listed = source.get(key, ())
        return regex(_alternation(listed) if listed else r"(?!x)x")

    return NarrativeData(
        quantities=quantities,
        table_names=dict(raw.get("tables", {})),
        joiners="".join(raw.get("joiners", ())),
        rest_words=tuple(sums.get("rest_words", ())),
        figure=regex(rf"(?:{number}){spaces}({units})"),
        phrase=regex(_alternation(list(by_phrase)) or never),
        follow=regex(rf"(?:{spaces_or}{_alternation(raw.get('fillers', ['共']))})*(?:{number}){spaces}({units})"),
        precede=regex(rf"(?:{number}){spaces}({units}){spaces}({_alternation(list(by_after))})" if by_after else never),
        after=regex(_alternation(list(by_after)) or never),
        scope=words("scope_words"),
        period=words("period_words"),
        part=regex(part_words),
        total=regex(rf"(?:{number}){spaces}({units}){spaces}([，,（(]){spaces}(?:{part_words})[：:，,]?"),
        cue=regex(_alternation([*by_phrase, *by_after, *sums.get("part_words", ["其中"])])),
        unit_starts=unit_starts,
        kinds=_kinds(unit_starts),
        by_phrase=by_phrase,
        by_phrase_after=by_after,
    )


narrative_data = Memo(_compile, limit=16)


def chinese_number(text: str) -> int | None:
    """A simple Chinese numeral up to 999 ("两", "十二", "三百零五"); None for another form."""
    total, digit, seen = 0, None, False
    for char in text:
        if char in _CHINESE_DIGITS:
            if digit is not None and not (digit == 0 or _CHINESE_DIGITS[char] == 0):
                return None
            digit = _CHINESE_DIGITS[char]
        elif char in "十百":
            scale = 10 if char == "十" else 100
            total += (1 if digit is None else digit) * scale
            digit, seen = None, True
        else:
            return None
    if digit is not None:
        total += digit
    return total if (seen or len(text) == 1) else None


@mypyc_attr(acyclic=True)
class Figure(FieldValue):
    """A whole number in the prose and its unit, at ``start:end`` of the joined text. (A value
    compared by its fields, a native class when compiled: a named tuple is made by an
    interpreted ``__new__``, several times slower.)"""

    def __init__(self, value: int, unit: str, start: int, end: int) -> None:
        self.value: Final = value
        self.unit: Final = unit
        self.start: Final = start
        self.end: Final = end  # after the unit

    def _fields(self) -> tuple[int, str, int, int]:
        return (self.value, self.unit, self.start, self.end)


@mypyc_attr(acyclic=True)
class Bound(FieldValue):
    """A figure the prose states for one quantity."""

    def __init__(self, quantity: Quantity, figure: Figure, span: Span) -> None:
        self.quantity: Final = quantity
        self.figure: Final = figure
        self.span: Final = span

    def _fields(self) -> tuple[Quantity, Figure, Span]:
        return (self.quantity, self.figure, self.span)


@mypyc_attr(acyclic=True)
class StatedSum(FieldValue):
    """A total the prose states and the parts it lists after 其中."""

    def __init__(self, total: Figure, parts: tuple[tuple[str, Figure], ...], span: Span) -> None:
        self.total: Final = total
        self.parts: Final = parts  # (label, figure)
        self.span: Final = span  # the total's figure

    def _fields(self) -> tuple[Figure, tuple[tuple[str, Figure], ...], Span]:
        return (self.total, self.parts, self.span)

    @property
    def sum(self) -> int:
        return sum(f.value for _, f in self.parts)

    def names_rest(self, data: NarrativeData) -> bool:
        """Whether the last part is the rest (其他…): then the parts are all of the total."""
        return _names_rest(data, self.parts[-1][0])


class Stream:
    """The passages of a section joined into one text, with where each passage starts in it."""

    def __init__(self, text: str, starts: tuple[int, ...], passages: tuple[Passage, ...]) -> None:
        self.text: Final = text
        self.starts: Final = starts
        self.passages: Final = passages

    def span(self, start: int, end: int) -> Span:
        index = bisect.bisect_right(self.starts, start) - 1
        offset = self.starts[index]
        passage = self.passages[index]
        return passage.span_of(start - offset, min(end - offset, len(passage.text)))


def _runs(passages: Sequence[Passage]) -> Iterator[list[Passage]]:
    """Runs of passages that read as one text: a section's paragraphs, each glued to the next
    where a line was broken inside a sentence (no 。 at its end and the next on the next line)."""
    run: list[Passage] = []
    for passage in passages:
        if run and passage.section is not run[-1].section:
            yield run
            run = []
        run.append(passage)
    if run:
        yield run


def _stream(run: Sequence[Passage]) -> Stream:
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    for index, passage in enumerate(run):
        if index:
            previous = run[index - 1]
            if passage.span.line != previous.span.end_line + 1 or previous.text[-1:] in _SENTENCE_END:
                parts.append("\n")
                length += 1
        starts.append(length)
        parts.append(passage.text)
        length += len(passage.text)
    text = "".join(parts)
    # translate() looks up every character of a CJK text, and a pattern for the range tests each
    # one: a search for each digit (a byte search) is many times faster, and finds none mostly
    if any(digit in text for digit in _FULL_WIDTH_DIGITS):
        text = text.translate(_FULL_WIDTH)  # one digit for one: the offsets stay
    return Stream(text, tuple(starts), tuple(run))


def _streams(passages: Sequence[Passage]) -> Iterator[Stream]:
    """The joined text of each run of passages. Joining costs less than looking for a cue in
    each passage first; :func:`_sentences` then scans each text once, and a cue a crawler broke
    over two lines is found in the text joined."""
    for run in _runs(passages):
        yield _stream(run)


#: whether this module runs compiled (gialint/compiled.py)
_NATIVE: Final = is_extension(__file__)


def _sentences(text: str, data: NarrativeData) -> Iterable[tuple[int, int]]:
    """The sentences of ``text`` that hold a figure (a numeral, then a unit) and a cue (a phrase
    or 其中), as (start, end): only those can bind a figure or state a sum. Compiled, one pass
    over the text's code points finds them; in pure Python, where that pass would cost many
    times more, searches for each unit's and each end's character."""
    if _NATIVE and data.kinds is not None:
        return _sentences_by_character(text, data, data.kinds)
    return _sentences_by_search(text, data)


def _sentences_by_character(text: str, data: NarrativeData, kinds: bytes) -> list[tuple[int, int]]:
    """:func:`_sentences` in one pass: each code point's kind looked up in ``kinds``, a sentence
    holding a figure once a unit's first character follows a numeral in it. (A function that
    returns a list, not a generator: compiled, a generator keeps its variables in an object on
    the heap, and the loop over every character would read and write them there.)"""
    found: list[tuple[int, int]] = []
    start, figure = 0, False
    for j in range(len(text)):
        code = ord(text[j])
        kind = kinds[code] if code < 0x10000 else 0
        if kind == _END:
            if figure and data.cue.search(text, start, j):
                found.append((start, j))
            start, figure = j + 1, False
        elif kind == _UNIT and not figure and _follows_numeral(text, j):
            figure = True
    if figure and data.cue.search(text, start, len(text)):
        found.append((start, len(text)))
    return found


def _sentences_by_search(text: str, data: NarrativeData) -> Iterator[tuple[int, int]]:
    """:func:`_sentences` by searches.

    The text is searched for the units' first characters (a fast search for one character each),
    not for the cues (a pattern whose first character is one of many, which the regular
    expression engine tests every character against); a sentence is cut around a unit that
    follows a numeral, at the sentence ends found once (a search for each end's character),
    and searched for a cue."""
    end = -1
    ends: list[int] | None = None
    for position in _positions(text, data.unit_starts):
        if position < end or not _follows_numeral(text, position):
            continue  # in the sentence already read, or not a figure's unit
        if ends is None:
            ends = _positions(text, _SENTENCE_END)
        index = bisect.bisect_right(ends, position)
        start = ends[index - 1] + 1 if index else 0
        end = ends[index] if index < len(ends) else len(text)
        if data.cue.search(text, start, end):
            yield start, end


def _positions(text: str, characters: str) -> list[int]:
    """Where any of ``characters`` stands in ``text``, in order (the units' first characters, or
    the sentence ends)."""
    found: list[int] = []
    for char in characters:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found


def _follows_numeral(text: str, position: int) -> bool:
    """Whether a numeral (spaces aside) stands right before ``position``: a figure's unit."""
    at = position - 1
    while at >= 0:
        char = text[at]
        if char not in _SPACES:
            return char in _FIGURE_ENDS or char.isdecimal()
        at -= 1
    return False


def _figures(data: NarrativeData, text: str, start: int, end: int) -> list[Figure]:
    return [f for f in map(_figure, data.figure.finditer(text, start, end)) if f is not None]


def _clause_start(text: str, start: int, position: int) -> int:
    """Where the clause holding ``position`` begins: after the last clause break before it, not
    before ``start`` (a search back for each break's character, not a walk over the clause)."""
    found = start
    for char in _CLAUSE_BREAK:
        found = max(found, text.rfind(char, found, position) + 1)
    return found


def _other_period(text: str, year: int | None) -> bool:
    if any(int(y) != year for y in _YEAR.findall(text)):
        return True
    return any(m != "12" for m in _MONTH.findall(text))


def _approximate(text: str, figure: Figure) -> bool:
    return text[figure.start - 1 : figure.start] in tuple(_APPROXIMATE_BEFORE) or text.startswith(
        _APPROXIMATE_AFTER, figure.end
    )


def _figure(match: re.Match[str], number: int = 1) -> Figure | None:
    """The figure of a match of a pattern built around ``number`` (its groups from ``number`` on)."""
    digits, chinese = match.group(number), match.group(number + 1)
    value = int(digits) if digits is not None else chinese_number(chinese)
    if value is None:
        return None
    return Figure(
        value, match.group(number + 2), match.start(number if digits is not None else number + 1), match.end(number + 2)
    )


class _Binder:
    def __init__(self, data: NarrativeData, stream: Stream, year: int | None) -> None:
        self.data, self.text, self.year = data, stream.text, year

    def _candidates(self, start: int, end: int) -> list[tuple[Figure, tuple[int, int, str] | None, str]]:
        """Each figure a phrase stands right before or after: (figure, phrase before, quantity id)."""
        data, text = self.data, self.text
        phrases = [(m.start(), m.end(), data.by_phrase[m.group()]) for m in data.phrase.finditer(text, start, end)]
        found: dict[int, tuple[Figure, tuple[int, int, str] | None, str] | None] = {}
        for index, phrase in enumerate(phrases):
            match = data.follow.match(text, phrase[1], end)
            figure = _figure(match) if match else None
            if figure is None or (index + 1 < len(phrases) and phrases[index + 1][0] < figure.start):
                continue  # no figure, or another phrase stands nearer to it
            if phrase[0] > start and text[phrase[0] - 1] in data.joiners:
                found[figure.start] = None  # "予以公开及部分公开208件": two quantities together
            else:
                found[figure.start] = (figure, phrase, phrase[2])
        # the figure pattern opens with a lookahead, which the regular expression engine tries at
        # every position: scan for the phrase first (a fast scan for its first characters)
        matches = data.precede.finditer(text, start, end) if data.after.search(text, start, end) else ()
        for match in matches:
            figure = _figure(match)
            if figure is not None:  # a figure with a phrase on both sides is not bound
                found[figure.start] = (
                    None if figure.start in found else (figure, None, data.by_phrase_after[match.group(4)])
                )
        return [found[k] for k in sorted(found) if found[k] is not None]  # type: ignore[misc]

    def bind(self, start: int, end: int) -> Iterator[tuple[Quantity, Figure]]:
        data, text = self.data, self.text
        bound: set[str] = set()
        for figure, phrase, quantity_id in self._candidates(start, end):
            if _approximate(text, figure):
                continue
            quantity = data.quantities[quantity_id]
            if phrase is not None:
                gap = text[phrase[1] : figure.start]
                clause = text[_clause_start(text, start, phrase[0]) : phrase[0]] + gap
                sentence = text[start : phrase[0]] + gap
            else:
                clause = text[_clause_start(text, start, figure.start) : figure.start]
                sentence = text[start : figure.start]
            if data.scope.search(clause) or data.period.search(sentence) or _other_period(sentence, self.year):
                continue
            if quantity.needs is not None and quantity.needs not in bound:
                continue
            bound.add(quantity.id)
            yield quantity, figure


def _parts(data: NarrativeData, text: str, start: int, end: int, unit: str) -> tuple[tuple[str, Figure], ...] | None:
    """The labelled figures of a list of parts, or None where it is not a plain list."""
    region = _without_brackets(text[start:end])
    parts: list[tuple[str, Figure]] = []
    last = 0
    for figure in _figures(data, region, 0, len(region)):
        label = region[last : figure.start].strip(" \t\u3000，,、：:")
        if not label or figure.unit != unit or _approximate(region, figure) or _DIGIT.search(label):
            return None
        parts.append((label, figure))
        last = figure.end
    if _DIGIT.search(region, last) or any(_names_rest(data, label) for label, _ in parts[:-1]):
        return None  # "…其他信息4条，主动公开网站信息179条": the list ran on past its rest
    return tuple(parts) if len(parts) >= 2 else None


def _names_rest(data: NarrativeData, label: str) -> bool:
    return any(w in label for w in data.rest_words)


def _without_brackets(text: str) -> str:
    """``text`` with what stands in brackets, the brackets too, blanked (the same length); an
    opening bracket never closed blanks the rest."""
    if not _BRACKET.search(text):
        return text
    while True:  # innermost pairs first, until none is left: nested brackets are blanked whole
        blanked = _BRACKETED.sub(lambda m: " " * len(m[0]), text)
        if blanked == text:
            break
        text = blanked
    opened = _OPEN.search(text)
    return text if opened is None else text[: opened.start()] + " " * (len(text) - opened.start())


def _list_end(text: str, start: int, end: int, bracketed: bool) -> int:
    if bracketed:
        found = _CLOSE.search(text, start, end)
        return found.start() if found else end
    depth = 0
    for mark in _LIST_MARK.finditer(text, start, end):
        char = mark[0]
        if char in "（(":
            depth += 1
        elif char in "）)":
            depth -= 1 if depth else 0
        elif depth == 0:
            return mark.start()
    return end


@mypyc_attr(acyclic=True)
class Narrative(FieldValue):
    """What a report's prose states: figures bound to quantities, and totals with their parts."""

    def __init__(self, figures: tuple[Bound, ...], sums: tuple[StatedSum, ...], data: NarrativeData) -> None:
        self.figures: Final = figures
        self.sums: Final = sums
        self.data: Final = data

    def _fields(self) -> tuple[tuple[Bound, ...], tuple[StatedSum, ...], NarrativeData]:
        return (self.figures, self.sums, self.data)


def _sums(data: NarrativeData, stream: Stream, start: int, end: int) -> Iterator[StatedSum]:
    text = stream.text
    for match in data.total.finditer(text, start, end):
        total = _figure(match)
        if total is None or _approximate(text, total):
            continue
        if _DIGIT.search(text, _clause_start(text, start, total.start), total.start):
            continue  # "受理30件、办理上年结转5件，其中…": which total the parts add up to is not clear
        bracketed = match.group(4) in "（("
        parts = _parts(data, text, match.end(), _list_end(text, match.end(), end, bracketed), total.unit)
        if parts is not None:
            yield StatedSum(total, parts, stream.span(total.start, total.end))


def read_narrative(passages: Sequence[Passage], model: FormatModel, year: int | None) -> Narrative:
    """Every bound figure and every stated sum of the prose, in document order."""
    data = narrative_data(model, "")
    bound: list[Bound] = []
    sums: list[StatedSum] = []
    for stream in _streams(passages):
        binder = _Binder(data, stream, year)
        for start, end in _sentences(stream.text, data):
            for quantity, figure in binder.bind(start, end):
                bound.append(Bound(quantity, figure, stream.span(figure.start, figure.end)))
            if data.part.search(stream.text, start, end):
                sums.extend(_sums(data, stream, start, end))
    return Narrative(tuple(bound), tuple(sums), data)
