"""Comparing labels written in reports with the labels of the format.

Clerks retype labels: full-width or half-width brackets and punctuation, spaces,
a label wrapped over two lines, "1、" for "1.", curly or straight quotes. These do not
change a label's meaning, so :func:`normalize` removes them before comparing.
"""

from __future__ import annotations

import functools
import unicodedata
from typing import Final

from gialint.base.precompiled import regex

_DROP = str.maketrans("", "", " \t\n\r\u3000\u00a0“”\"'‘’「」『』")
_NUMBERING: Final = regex(r"^(\d{1,2})[.、]")
_TRAILING_NOTE = regex(r"\([^()]*\)$")


@functools.lru_cache(maxsize=8192)
def normalize(label: str) -> str:
    """The form of a label used for comparison (NFKC, no spaces or quotes, "1." numbering)."""
    text = unicodedata.normalize("NFKC", label).translate(_DROP)
    return _NUMBERING.sub(r"\1.", text)


def strip_note(normalized: str) -> str:
    """Drop one trailing explanatory parenthesis: "规章(设区的市…)" -> "规章"."""
    stripped = _TRAILING_NOTE.sub("", normalized)
    return stripped if stripped else normalized


def similarity(a: str, b: str) -> float:
    """How alike two normalised labels are, from 0 to 1."""
    import difflib  # here: a report whose labels all match exactly never needs it

    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


#: The numerals of the format's sections and rows, as English writes them ("Section VI", "I + II").
ROMAN = {
    "一": "I",
    "二": "II",
    "三": "III",
    "四": "IV",
    "五": "V",
    "六": "VI",
    "七": "VII",
    "八": "VIII",
    "九": "IX",
    "十": "X",
}


def roman(numeral: str) -> str:
    """A Chinese numeral of the format ("六") as English writes it ("VI"); anything else as it is."""
    return ROMAN.get(numeral, numeral)
