"""The characters of the Basic Multilingual Plane that text read from a file should not hold,
and how many a text holds: what tells decoded binary data from a report
(:func:`gialint.read.source.decode`; the characters beyond that plane are counted there).

Suspicious wherever they stand (:data:`ALWAYS`): controls (other than tab, line ends and form
feeds), the replacement character, private use — but for U+F000–U+F0FF, where Word and PDF
converters put the glyphs of symbol fonts (the Symbol/Wingdings bullet "\\uf0b7" before each
item of a list), which real reports are full of. From U+F900 (:data:`HIGH`) on, a character
that is unassigned (by this Python's Unicode data) is suspicious too: unassigned code points
hide among the characters reports use (full-width forms included).

Every file read is counted, character by character. ``re`` does it as a search for a character
class, about 60 machine instructions a character; compiled (gialint/compiled.py), a loop over the
code points rules out the characters between the controls and private use (Chinese, Latin
letters, most punctuation) with two comparisons and looks the others up in a table, a few times
faster. In pure Python that loop would cost many times the search, so there the search serves.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from gialint.base.precompiled import regex
from gialint.compiled import is_extension

#: the code points always suspicious, as (first, last) ranges
ALWAYS: Final = ((0x00, 0x08), (0x0E, 0x1F), (0x7F, 0x9F), (0xE000, 0xEFFF), (0xF100, 0xF8FF), (0xFFFD, 0xFFFD))
#: from here to the end of the plane, unassigned code points are suspicious too
HIGH: Final = 0xF900
#: the tables of the compiled loop: one for the code points below ``_LOW_END`` and one for those
#: from ``_HIGH_START``; the code points between hold no suspicious character
_LOW_END: Final = 0xA0
_HIGH_START: Final = 0xE000


def _unassigned(first: int, last: int) -> list[tuple[int, int]]:
    """The unassigned code points from ``first`` to ``last``, as (first, last) ranges."""
    ranges: list[tuple[int, int]] = []
    start = -1
    for code in range(first, last + 2):
        unassigned = code <= last and unicodedata.category(chr(code)) == "Cn"
        if unassigned and start < 0:
            start = code
        elif not unassigned and start >= 0:
            ranges.append((start, code - 1))
            start = -1
    return ranges


#: every suspicious code point of the plane, as (first, last) ranges
RANGES: Final = (*ALWAYS, *_unassigned(HIGH, 0xFFFF))


def _table(start: int, end: int) -> bytes:
    """One byte for each code point from ``start`` to ``end`` (exclusive): 1 where suspicious."""
    table = bytearray(end - start)
    for first, last in RANGES:
        low, high = max(first, start), min(last + 1, end)
        if low < high:
            table[low - start : high - start] = b"\1" * (high - low)
    return bytes(table)


_LOW_TABLE: Final = _table(0, _LOW_END)
_HIGH_TABLE: Final = _table(_HIGH_START, 0x10000)
# One character class, found in one pass: assigned characters from U+F900, the full-width
# punctuation of every Chinese sentence, are not even collected. A class of the plane alone is
# compiled to a table looked up once per character.
_RARE: Final = regex(
    "[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in RANGES) + "]"
)

#: whether this module runs compiled (gialint/compiled.py)
_NATIVE: Final = is_extension(__file__)


def count_rare(text: str) -> int:
    """How many suspicious characters of the Basic Multilingual Plane ``text`` holds."""
    if not _NATIVE:
        return len(_RARE.findall(text))
    return count_by_code_points(text)


def count_by_code_points(text: str) -> int:
    """:func:`count_rare` by a loop over the code points, for the compiled build
    (tests/read/test_rare.py checks every code point against the search)."""
    count = 0
    low, high = _LOW_TABLE, _HIGH_TABLE
    for j in range(len(text)):
        point = ord(text[j])
        if point < _LOW_END:
            count += low[point]
        elif _HIGH_START <= point <= 0xFFFF:
            count += high[point - _HIGH_START]
    return count
