"""What a table cell holds: a number, a dash, nothing, or unreadable text.

The raw text is kept; :func:`classify` says what it means and how it was written, so
that rules can flag units inside cells (GIA402), non-standard digits and signs
(GIA403), text where a number belongs (GIA404) and blanks (GIA405), while sums use
:attr:`CellValue.amount`. The dash tokens, units and sign words come from the format
data (``[values]`` in formats.toml).
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Final

from gialint.base.native import mypyc_attr
from gialint.base.precompiled import regex
from gialint.base.value import FieldValue
from gialint.formats.model import ValueConventions

_FULLWIDTH_DIGITS: Final = str.maketrans("０１２３４５６７８９．，", "0123456789.,")
_SPACES: Final = " \t\u3000\u00a0"
_MINUS: Final = "-－−﹣"


class ValueKind(enum.Enum):
    INTEGER = "integer"
    DECIMAL = "decimal"
    SIGNED = "signed"  # written with a sign: -3, －2, +6, 增318件
    WITH_UNIT = "with-unit"  # a number with a unit: 24大项, 66.36万元
    DASH = "dash"  # - — ― － / ／ 无
    BLANK = "blank"
    TEXT = "text"  # not a number


@mypyc_attr(acyclic=True)
class CellValue(FieldValue):
    """What a cell's text says: its ``kind``, the ``number`` written (with its sign; None for a
    dash, a blank or text), its ``unit`` and ``sign`` as written ("+", "-", "－", "−", "增", "减"…),
    and how the number was written (``fullwidth`` digits or decimal point "１２", ``thousands``
    separators "1,234", an ``inner_space`` "1 234"). Read-only, equal and hashed by those seven.

    A plain class, compiled (gialint/compiled.py): one value is shared by every cell with its
    text, and the tables' rules and sums read it cell by cell, so what they read is worked out
    when it is made (``is_empty``, ``amount``, ``nonstandard``) and read as native fields."""

    def __init__(
        self,
        kind: ValueKind,
        number: Decimal | None = None,
        unit: str | None = None,
        sign: str | None = None,
        fullwidth: bool = False,
        thousands: bool = False,
        inner_space: bool = False,
    ) -> None:
        self.kind: Final = kind
        self.number: Final = number
        self.unit: Final = unit
        self.sign: Final = sign
        self.fullwidth: Final = fullwidth
        self.thousands: Final = thousands
        self.inner_space: Final = inner_space
        empty = kind is ValueKind.DASH or kind is ValueKind.BLANK
        #: a dash or a blank: "no value", which counts as 0 in sums
        self.is_empty: Final = empty
        #: the value used in arithmetic: the number, 0 for a dash or blank, None for text
        self.amount: Final = number if number is not None else (_ZERO if empty else None)
        #: how the number departs from plain ASCII digits with an ASCII minus (GIA403)
        self.nonstandard: Final = _nonstandard(fullwidth, sign, thousands, inner_space)
        #: ``amount`` as an int, where it is a whole number written without a point, and small
        #: enough (:data:`WHOLE_DIGITS`) that sums of it are exact in ``decimal``'s context too;
        #: None otherwise. The identities add these (gialint.lint.arithmetic)
        self.whole: Final = _whole(self.amount)

    def _fields(self) -> tuple[ValueKind, Decimal | None, str | None, str | None, bool, bool, bool]:
        return (self.kind, self.number, self.unit, self.sign, self.fullwidth, self.thousands, self.inner_space)


_ZERO: Final = Decimal(0)
#: The most digits of a :attr:`CellValue.whole`: a sum of a million such numbers has at most 26,
#: within the 28 that ``decimal`` keeps, so adding them as ints or as Decimals gives the same.
WHOLE_DIGITS: Final = 20


def _whole(amount: Decimal | None) -> int | None:
    if amount is None:
        return None
    _, digits, exponent = amount.as_tuple()
    if exponent != 0 or len(digits) > WHOLE_DIGITS:
        return None
    return int(amount)


def _nonstandard(fullwidth: bool, sign: str | None, thousands: bool, inner_space: bool) -> tuple[str, ...]:
    reasons = []
    if fullwidth:
        reasons.append("fullwidth-digits")
    if sign in ("+", "＋"):
        reasons.append("plus-sign")
    elif sign is not None and sign != "-":
        reasons.append("word-sign" if sign[0] in "增减" else "nonascii-minus")
    if thousands:
        reasons.append("thousands-separator")
    if inner_space:
        reasons.append("inner-space")
    return tuple(reasons)


class ValueReader:
    """Classifies cell texts according to the format's value conventions."""

    def __init__(self, conventions: ValueConventions) -> None:
        self._dashes = frozenset(conventions.dashes)
        self._dash_characters = frozenset(conventions.dash_characters)
        words = [re.escape(w) for w in (*conventions.increase_words, *conventions.decrease_words)]
        units = "|".join(re.escape(u) for u in sorted(conventions.units, key=len, reverse=True))
        self._decrease = tuple(conventions.decrease_words)
        self._number = regex(
            rf"(?P<word>{'|'.join(words)})?"
            r"(?P<sign>[+\-＋－−﹣])?"
            r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
            rf"(?P<unit>{units})?"
        )
        #: what each cell text read so far says: ``values[text]`` (the parse's hot loops look
        #: cells up there, a dictionary's look-up, not a call)
        self.values: Final = KnownValues(self._classify)

    def classify(self, text: str) -> CellValue:
        """What ``text``, a cell's text, says (remembered: :attr:`values`)."""
        return self.values[text]

    def _classify(self, text: str) -> CellValue:
        stripped = text.strip(_SPACES + "\n")
        if not stripped:
            return CellValue(ValueKind.BLANK)
        if stripped in self._dashes or set(stripped) <= self._dash_characters:
            return CellValue(ValueKind.DASH)
        ascii_text = stripped.translate(_FULLWIDTH_DIGITS)
        fullwidth = ascii_text != stripped and any(c in "０１２３４５６７８９．" for c in stripped)
        compact = "".join(ascii_text.split())
        match = self._number.fullmatch(compact)
        if match is None:
            return CellValue(ValueKind.TEXT)
        digits = match["digits"]
        try:
            number = Decimal(digits.replace(",", ""))
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
            return CellValue(ValueKind.TEXT)
        word, mark = match["word"], match["sign"]
        if (mark is not None and mark in _MINUS) or (word is not None and word in self._decrease):
            number = -number
        sign = word or mark
        unit = match["unit"]
        if unit:
            kind = ValueKind.WITH_UNIT
        elif sign is not None:
            kind = ValueKind.SIGNED
        elif "." in digits:
            kind = ValueKind.DECIMAL
        else:
            kind = ValueKind.INTEGER
        return CellValue(
            kind,
            number,
            unit,
            sign,
            fullwidth=fullwidth,
            thousands="," in digits,
            inner_space=len(ascii_text.split()) > 1,
        )


#: how many cell texts :class:`KnownValues` keeps before it starts again
KNOWN_VALUES: Final = 4096


class KnownValues(dict[str, CellValue]):
    """Each cell text read so far and what it says: ``known[text]`` reads a text not yet known
    (and remembers it), and starts again once ``most`` texts are kept.

    Reports repeat their cell texts ("0", "1", the format's labels): most cells are a look-up
    here. A dictionary, not ``functools.lru_cache``: looked up where the cells are made, it
    costs no call (about half the time of a call of the cache, compiled or not), and a bound
    kept by starting again is as sound as a least-recently-used one for texts this common."""

    def __init__(self, read: Callable[[str], CellValue], most: int = KNOWN_VALUES) -> None:
        super().__init__()
        self._read: Final = read
        self._most: Final = most

    def __missing__(self, text: str) -> CellValue:
        if len(self) >= self._most:
            self.clear()
        value = self[text] = self._read(text)
        return value


_WORD_SIGNS = (("增加", ""), ("减少", "-"), ("增", ""), ("减", "-"))


def plain_number(text: str) -> str:
    """The number in ``text`` written plainly, everything else kept: "１２" → "12", "－2" → "-2",
    "+6" → "6", "增318件" → "318件", "减1" → "-1", "1,234" → "1234", "1 234" → "1234".

    Callers check that the result reads as the same number (see GIA403's fix).
    """
    out = text.strip(_SPACES).translate(_FULLWIDTH_DIGITS)
    for word, sign in _WORD_SIGNS:
        if out.startswith(word):
            out = sign + out[len(word) :].lstrip(_SPACES)
            break
    out = "".join(out.split())
    if out[:1] in _MINUS:
        out = "-" + out[1:]
    elif out[:1] in "+＋":
        out = out[1:]
    return re.sub(r"(?<=\d),(?=\d{3})", "", out)


@functools.lru_cache(maxsize=1)
def default_reader() -> ValueReader:
    from gialint.formats import load

    return ValueReader(load().values)
