"""Whether a text holds a run of decimal digits, as a regular expression's ``\\d`` tells them
(Unicode category Nd: "12", "１２", "١٢"), found without looking up the category of each
character that cannot be a digit.

The parser asks this of every long line, to find the few whose table cells run together
(:func:`gialint.parse.glued.glued_table`). ``re``'s ``\\d`` looks up each character's
category in Unicode's tables, about 11 ns a character of Chinese prose; compiled
(gialint/compiled.py), a loop over the code points that rules out the ranges holding no digit
with two comparisons — Chinese characters, their punctuation, Latin letters — takes a few. In
pure Python that loop would cost many times the search, so there the search serves.
"""

from __future__ import annotations

import re
from typing import Final

from gialint.base.precompiled import regex
from gialint.compiled import is_extension

#: whether this module runs compiled (gialint/compiled.py)
_NATIVE: Final = is_extension(__file__)

#: the searches that serve in pure Python, by length: ``\d`` then the rest, which lets the
#: search skip ahead to a digit
_SEARCHES: dict[int, re.Pattern[str]] = {}


def has_digit_run(text: str, length: int) -> bool:
    """Whether ``text`` holds ``length`` (at least 1) decimal digits in a row, as
    ``re.search(rf"\\d{{{length}}}", text)`` finds them."""
    if not _NATIVE:
        search = _SEARCHES.get(length)
        if search is None:
            search = _SEARCHES[length] = regex(rf"\d\d{{{length - 1}}}")
        return search.search(text) is not None
    return run_by_code_points(text, length)


def run_by_code_points(text: str, length: int) -> bool:
    """:func:`has_digit_run` by a loop over the code points, for the compiled build.

    A run of ``length`` digits covers one of every ``length`` positions, so only those are
    looked at (the last position of each stretch of ``length``): a line with few digits is
    looked at in a ``length``-th of its characters. Where one is a digit, the run through it is
    measured both ways; if it is too short, the next run cannot start before the end of this
    one. Whether a character is a digit: :func:`_is_digit`."""
    end = len(text)
    at = length - 1
    while at < end:
        if not _is_digit(ord(text[at])):
            at += length  # a run avoiding this position ends at the next stretch's last at the earliest
            continue
        first = at  # the run through ``at``: back to its first digit (at most ``length`` back) …
        while first > 0 and at - first + 1 < length and _is_digit(ord(text[first - 1])):
            first -= 1
        last = at + 1  # … and on to its end
        while last < end and last - first < length and _is_digit(ord(text[last])):
            last += 1
        if last - first >= length:
            return True
        at = last + length  # ``text[last]`` is no digit: the next run starts after it
    return False


def _is_digit(point: int) -> bool:
    """Whether the code point is a decimal digit (``\\d``). Ranges that hold no decimal digit but
    ASCII's and the fullwidth ones are ruled out by comparisons, the commonest first: Latin and
    the rest before the Arabic-Indic digits, CJK symbols and punctuation to the end of the
    unified ideographs, general punctuation (“”…—), the fullwidth forms
    (tests/base/test_digits.py checks every code point); any other character is asked."""
    if 0x30 <= point <= 0x39 or 0xFF10 <= point <= 0xFF19:
        return True
    if point <= 0x065F or 0x3000 <= point <= 0x9FFF or 0x2000 <= point <= 0x206F or 0xFF00 <= point <= 0xFFEF:
        return False
    return chr(point).isdecimal()
