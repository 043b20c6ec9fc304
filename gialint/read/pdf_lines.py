"""Characters into lines, and a line's text as a reader sees it.

Characters stand on one line when their middles are within a share of their height of
each other, whatever order the PDF drew them in; a line reads left to right. A gap wider
than a share of the font size is a space, except between Chinese characters, and
between two digits only when it is wider than a whole character (digits drawn as
separate glyph runs still make one number).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import define

from gialint.base.precompiled import regex
from gialint.read.pdf_page import Char

SAME_LINE = 0.35  # middles closer than this share of the larger height: the same line
SPACE_GAP = 0.55  # a gap wider than this share of the line height (about 0.6 of the font size) is a space
DIGIT_GAP = 0.9  # between two digits, a gap must be wider than this (a whole digit) to be a space
_CJK = regex(r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) +(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])")

Box = tuple[float, float, float, float]


@define
class Line:
    chars: list[Char]

    @property
    def top(self) -> float:
        return min(c.top for c in self.chars)

    @property
    def box(self) -> Box:
        return (
            min(c.x0 for c in self.chars),
            self.top,
            max(c.x1 for c in self.chars),
            max(c.bottom for c in self.chars),
        )

    @property
    def size(self) -> float:
        return max(c.size for c in self.chars)

    @property
    def type_size(self) -> float:
        """The size of the line's body type: the smallest height of its Chinese characters, else of all.

        A bold lead-in ("（四）…情况。") may be set in a face with larger boxes, digits and
        Latin letters often come from a font whose boxes are taller, and punctuation drawn
        small has a box of its own size: none of them says how big the body type is.
        """
        return min((c.size for c in self.chars if "\u4e00" <= c.text <= "\u9fff"), default=self.size)

    @property
    def text(self) -> str:
        return line_text(self.chars)


def lines_of(chars: Sequence[Char]) -> list[Line]:
    """Characters grouped into lines, top to bottom, each read left to right."""
    lines: list[Line] = []
    middles: list[float] = []
    for char in sorted((c for c in chars if not c.space or c.x1 > c.x0), key=lambda c: c.middle):
        if lines and abs(char.middle - middles[-1]) <= SAME_LINE * max(char.size, lines[-1].chars[0].size):
            lines[-1].chars.append(char)
        else:
            lines.append(Line([char]))
            middles.append(char.middle)
    for line in lines:
        line.chars.sort(key=lambda c: c.x0)
    return [line for line in lines if any(not c.space for c in line.chars)]


def line_text(chars: Sequence[Char]) -> str:
    """The text of characters on one line, left to right, with the spaces a reader sees."""
    parts: list[str] = []
    previous: Char | None = None
    for char in chars:
        if char.space:
            parts.append(" ")
            continue
        if previous is not None:
            gap = char.x0 - previous.x1
            digits = char.text.isdigit() and previous.text.isdigit()
            if gap > (DIGIT_GAP if digits else SPACE_GAP) * min(char.size, previous.size):
                parts.append(" ")
        parts.append(char.text)
        previous = char
    return _CJK.sub("", re.sub(r" {2,}", " ", "".join(parts))).strip()
