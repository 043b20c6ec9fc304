"""A section's text (or the preamble's) as one string, for the checks that read what it states.

A clerk may write a section's text on its heading's line ("六、其他需要报告的事项：无"), under
subsection headings ("（一）主动公开情况") or as paragraphs; a crawler breaks a sentence wherever the
page had a tag ("202\\n1\\n年"). :class:`Prose` joins all of it — the heading's words after the
format's wording, every subsection heading and every paragraph, tables left out — without
separators, and with full-width letters, digits and punctuation made half-width (one character
for one, so offsets stay those of the text). :meth:`Prose.span_of` maps a match back to the file.
A blank template's placeholders ("（文字描述）", content.toml ``[section_text]``) are left out.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Final

from gialint.analyze.document import Document
from gialint.analyze.prose import sub_span
from gialint.base.memo import Memo
from gialint.base.native import mypyc_attr
from gialint.base.precompiled import regex
from gialint.base.span import Span
from gialint.base.value import FieldValue
from gialint.formats import FormatModel, SectionSpec
from gialint.formats.labels import normalize
from gialint.parse.ast import Block, Heading, Paragraph, Subsection

_WIDE: Final = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)} | {"\u3000": " "}
_COMMON_WIDE: Final = "，：；（）！？％．\u3000"  # the full-width forms Chinese prose holds most
_LEADING: Final = " :,.、。;-—"
_STOP: Final = regex("[:。]")  # where a heading worded otherwise ends


def fold(text: str) -> str:
    """``text`` with full-width ASCII forms made half-width ("，" -> ","): the same length.

    One ``str.replace`` per full-width character the text holds. ``str.translate`` looks every
    character of a CJK text up in a dict, and a pattern for the range tests every character
    against it: both many times slower than the searches for one character (``in``, a byte
    search) used here. The common forms are replaced first; any other is a U+FF01–U+FF5E
    character, whose UTF-16 unit is a byte 01–5E then FF: the FF bytes are few once the common
    forms are gone."""
    for char in _COMMON_WIDE:
        if char in text:
            text = text.replace(char, _WIDE[char])
    data = text.encode("utf-16-le", "surrogatepass")
    at = data.find(b"\xff", 1)
    while at >= 0:
        if at % 2 and 0x01 <= data[at - 1] <= 0x5E:  # a unit's high byte: U+FF01–U+FF5E
            char = chr(0xFF00 + data[at - 1])
            text = text.replace(char, _WIDE[char])
            data = text.encode("utf-16-le", "surrogatepass")  # at most once a character: its FFs are gone
        at = data.find(b"\xff", at + 1)
    return text


@mypyc_attr(acyclic=True)
class Piece(FieldValue):
    """A heading, a heading's trailing words or a paragraph: its text and where it stands. (A
    value compared by its fields, a native class when compiled: a named tuple is made by an
    interpreted ``__new__``, several times slower.)"""

    def __init__(self, text: str, span: Span) -> None:
        self.text: Final = text
        self.span: Final = span

    def _fields(self) -> tuple[str, Span]:
        return (self.text, self.span)

    def span_of(self, start: int, end: int) -> Span:
        """The span of ``text[start:end]``; the whole piece where its columns are not its text's."""
        return sub_span(self.text, self.span, start, end)


@mypyc_attr(acyclic=True)
class Prose(FieldValue):
    """Pieces of text joined into one ``text`` (folded), each at its offset in it. (A plain
    class with ``Final`` fields, a value compared by them (:class:`FieldValue`): compiled, a
    native class, made without the interpreted ``__init__`` an attrs class has.)"""

    def __init__(self, text: str, pieces: tuple[tuple[int, Piece], ...], anchor: Span) -> None:
        self.text: Final = text
        self.pieces: Final = pieces
        #: where a finding about the whole text points: the section's heading, or the first piece
        self.anchor: Final = anchor

    def _fields(self) -> tuple[str, tuple[tuple[int, Piece], ...], Span]:
        return (self.text, self.pieces, self.anchor)

    def span_of(self, start: int, end: int) -> Span:
        """Where ``text[start:end]`` stands in the file (across pieces: from the first to the last)."""
        first, last = self._at(start), self._at(max(start, end - 1))
        if first is None or last is None:
            return self.anchor
        (offset, piece), (last_offset, last_piece) = first, last
        if piece is last_piece:
            return piece.span_of(start - offset, end - offset)
        head = piece.span_of(start - offset, len(piece.text))
        tail = last_piece.span_of(0, end - last_offset)
        return head.cover(tail)

    def _at(self, position: int) -> tuple[int, Piece] | None:
        """The piece holding ``text[position]`` and its offset."""
        index = bisect.bisect_right([offset for offset, _ in self.pieces], position) - 1
        return self.pieces[index] if index >= 0 and position < len(self.text) else None

    def sentences(self, ends: str = "。;!?") -> Iterator[tuple[int, str]]:
        """Each sentence (up to and with one of ``ends``, folded: "；" is ";") and its offset."""
        start = 0
        for match in _ends_pattern(ends).finditer(self.text):
            yield start, self.text[start : match.end()]
            start = match.end()
        if start < len(self.text):
            yield start, self.text[start:]

    def has_any(self, words: Iterable[str]) -> bool:
        return any(word in self.text for word in words)


_ENDS: Final[dict[str, re.Pattern[str]]] = {}


def _ends_pattern(ends: str) -> re.Pattern[str]:
    """A pattern for any of ``ends``, compiled once: ``re.finditer`` with a string escapes it and
    looks it up in the module's cache at every call, in interpreted code."""
    pattern = _ENDS.get(ends)
    if pattern is None:
        pattern = _ENDS[ends] = regex(f"[{re.escape(ends)}]")
    return pattern


def _placeholders(model: FormatModel) -> tuple[str, ...]:
    return tuple(model.content.get("section_text", {}).get("placeholders", ()))


def _is_placeholder(text: str, placeholders: tuple[str, ...]) -> bool:
    if not placeholders or text.lstrip()[:1] not in ("(", "（"):
        return False
    folded = fold(text).strip()
    return folded.startswith("(") and folded.endswith(")") and any(p in folded for p in placeholders)


def _wordings(spec: SectionSpec, _key: str) -> tuple[str, ...]:
    """A section's heading and its variants, folded, longest first."""
    return tuple(sorted((fold(w) for w in (spec.heading, *spec.variants)), key=len, reverse=True))


_WORDINGS: Final[Memo[SectionSpec, tuple[str, ...]]] = Memo(_wordings, limit=64)


def _trailing(heading: Heading, spec: SectionSpec) -> Piece | None:
    """The words on a section heading's line after the format's wording ("六、其他需要报告的事项：无" -> "无")."""
    text = fold(heading.text)
    wordings = _WORDINGS(spec, "")
    end = next((text.index(w) + len(w) for w in wordings if w in text), None)
    if end is None:  # a heading worded otherwise: only words after a colon or full stop are text
        stop = _STOP.search(text)
        end = stop.end() if stop else len(text)
    while end < len(text) and text[end] in _LEADING:
        end += 1
    if end >= len(text):
        return None
    whole = Piece(heading.text, heading.span)
    return Piece(heading.text[end:], whole.span_of(end, len(heading.text)))


def _pieces(blocks: Iterable[Block], paragraphs: list[int], pieces: list[Piece]) -> None:
    """Append the pieces of ``blocks`` to ``pieces``, and the index of each paragraph's to ``paragraphs``."""
    for block in blocks:
        if isinstance(block, Paragraph):
            paragraphs.append(len(pieces))
            pieces.append(Piece(block.text, block.span))
        elif isinstance(block, Subsection):
            pieces.append(Piece(block.heading.text, block.heading.span))
            _pieces(block.blocks, paragraphs, pieces)


def _prose(text: str, pieces: Iterable[tuple[int, Piece]], anchor: Span | None) -> Prose:
    parts = tuple((offset, piece) for offset, piece in pieces if piece.text)
    if anchor is None:
        anchor = parts[0][1].span if parts else Span(1, 1, 1, 1)
    return Prose(text, parts, anchor)


def _join(pieces: Sequence[Piece], anchor: Span | None) -> Prose:
    offsets = itertools.accumulate((len(p.text) for p in pieces), initial=0)
    return _prose(fold("".join(p.text for p in pieces)), zip(offsets, pieces, strict=False), anchor)


class _Reading:
    """The report's prose read and folded once: every piece (the preamble's, then each section's
    heading and blocks), where each starts in ``text``, and which pieces are the preamble's and
    each section's blocks (from, to). (A plain class with ``Final`` fields: compiled, a native
    class, read faster than an attrs one.)"""

    def __init__(
        self,
        text: str,
        pieces: tuple[Piece, ...],
        offsets: tuple[int, ...],
        paragraphs: frozenset[int],
        preamble: tuple[int, int],
        blocks: Mapping[int, tuple[int, int]],
    ) -> None:
        self.text: Final = text
        self.pieces: Final = pieces
        self.offsets: Final = offsets  # one more than the pieces: the last is the text's length
        self.paragraphs: Final = paragraphs  # the pieces that are paragraphs (a placeholder is one)
        self.preamble: Final = preamble
        self.blocks: Final = blocks  # id() of a section → its blocks' pieces

    def prose(self, first: int, last: int, lead: Piece | None, anchor: Span | None, skip: tuple[str, ...]) -> Prose:
        """The prose of pieces ``first:last`` after ``lead`` (a heading's trailing words), without
        placeholders (``skip``): a slice of the text folded once, where none is left out."""
        chosen = self.pieces[first:last]
        left_out = {
            i for i in range(first, last) if i in self.paragraphs and _is_placeholder(self.pieces[i].text, skip)
        }
        if left_out:
            kept = [p for i, p in enumerate(chosen, first) if i not in left_out]
            return _join([lead, *kept] if lead else kept, anchor)
        head = fold(lead.text) if lead else ""
        shift = len(head) - self.offsets[first]
        pieces = [(0, lead)] if lead else []
        pieces.extend((self.offsets[first + i] + shift, p) for i, p in enumerate(chosen))
        return _prose(head + self.text[self.offsets[first] : self.offsets[last]], pieces, anchor)


def _reading(doc: Document) -> _Reading:
    return doc.once("prose_reading", lambda: _read(doc))


def _read(doc: Document) -> _Reading:
    pieces: list[Piece] = []
    paragraphs: list[int] = []
    _pieces(doc.report.preamble, paragraphs, pieces)
    preamble = (0, len(pieces))
    blocks: dict[int, tuple[int, int]] = {}
    for section in doc.report.sections:
        pieces.append(Piece(section.heading.text, section.heading.span))
        first = len(pieces)
        _pieces(section.blocks, paragraphs, pieces)
        blocks[id(section)] = (first, len(pieces))
    offsets = tuple(itertools.accumulate((len(p.text) for p in pieces), initial=0))
    text = fold("".join(p.text for p in pieces))
    return _Reading(text, tuple(pieces), offsets, frozenset(paragraphs), preamble, blocks)


def section_prose(doc: Document, index: int) -> Prose | None:
    """The text of section ``index`` (1–6); None when no heading is recognised as that section."""
    return doc.once(f"section_prose:{index}", lambda: _section_prose(doc, index))


def _section_prose(doc: Document, index: int) -> Prose | None:
    found = [(spec, section) for spec, section in doc.recognised_sections() if spec.index == index]
    if not found:
        return None
    reading, skip = _reading(doc), _placeholders(doc.model)
    anchor = found[0][1].heading.span
    parts = [
        reading.prose(*reading.blocks[id(section)], _trailing(section.heading, spec), anchor, skip)
        for spec, section in found
    ]
    if len(parts) == 1:
        return parts[0]
    return _join([piece for prose in parts for _, piece in prose.pieces], anchor)  # a section written twice


def preamble_prose(doc: Document) -> Prose:
    """The text between the title and the first section heading."""
    return doc.once("preamble_prose", lambda: _preamble_prose(doc))


def _preamble_prose(doc: Document) -> Prose:
    reading = _reading(doc)
    return reading.prose(*reading.preamble, None, None, _placeholders(doc.model))


def report_prose(doc: Document) -> Prose:
    """All of the report's prose: the preamble, every section heading and the text under it."""
    return doc.once("report_prose", lambda: _report_prose(doc))


def _report_prose(doc: Document) -> Prose:
    reading = _reading(doc)
    return _prose(reading.text, zip(reading.offsets, reading.pieces, strict=False), None)


def _abbreviates(short: str, long: str) -> bool:
    """``short`` is ``long`` with characters left out ("其他事项" for "其他需要报告的事项")."""
    rest = iter(long)
    return all(char in rest for char in short)


def section_matches(text: str, model: FormatModel) -> SectionSpec | None:
    """The section whose heading, variant or keyword ``text`` names, or whose heading (or a
    variant) ``text`` abbreviates."""
    written = normalize(text)
    if not written:
        return None
    for spec in model.sections:
        wordings = [normalize(w) for w in (spec.heading, *spec.variants)]
        if any(w in written for w in wordings) or any(k in written for k in spec.keywords):
            return spec
        if len(written) >= 2 and any(_abbreviates(written, w) for w in wordings):
            return spec
    return None
