"""What PDFium says is on a page: its characters with their boxes, and its ruling lines.

pypdfium2's raw bindings are used directly: one call per character for its code point
and its loose box (the font's box, the same height for every glyph of a line, which
makes rebuilding lines by position reliable), and the page's path objects for the
lines drawn on it. Coordinates are turned top-down (y grows down the page) as a reader
of the page sees them and as :class:`~gialint.base.location.PdfPosition` records boxes.
"""

from __future__ import annotations

import ctypes
import math
import unicodedata
from typing import Any

from attrs import define

from gialint.base.diagnostic import Text
from gialint.read.limits import Deadline

#: Ranges whose characters are drawn as the ideographs they stand for (Kangxi radicals,
#: the CJK radicals supplement, compatibility ideographs): read as what they show.
_LOOKALIKE_RANGES = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))
MAX_ANGLE = 0.05  # radians: a character turned further than this (a watermark, a sideways label) is dropped
CHECK_EVERY = 512  # characters or path objects between two looks at the clock


class Char:
    """One character as drawn: its text and its box, top-down (x0, top, x1, bottom).

    ``space``: a space drawn by the PDF itself (not one PDFium made up). ``size`` (the
    box's height) and ``middle`` are kept, as lines are built from them many times over.
    """

    __slots__ = ("bottom", "middle", "size", "space", "text", "top", "x0", "x1")

    def __init__(self, text: str, x0: float, top: float, x1: float, bottom: float, space: bool = False) -> None:
        self.text = text
        self.x0 = x0
        self.top = top
        self.x1 = x1
        self.bottom = bottom
        self.space = space
        self.size = max(bottom - top, 1.0)
        self.middle = (top + bottom) / 2

    def __repr__(self) -> str:
        return f"Char({self.text!r}, {self.x0:.1f}, {self.top:.1f}, {self.x1:.1f}, {self.bottom:.1f})"

    @property
    def centre(self) -> float:
        return (self.x0 + self.x1) / 2


#: A ruling segment: horizontal (True, y, x0, x1) or vertical (False, x, y0, y1).
Segment = tuple[bool, float, float, float]


def as_shown(text: str) -> str:
    """A Kangxi radical or CJK compatibility ideograph as the ideograph it shows; anything else as is."""
    code = ord(text) if len(text) == 1 else 0
    if code < _LOOKALIKE_RANGES[0][0]:
        return text
    if any(low <= code <= high for low, high in _LOOKALIKE_RANGES):
        return unicodedata.normalize("NFKC", text)
    return text


@define
class PageContent:
    chars: list[Char]
    segments: list[Segment]
    width: float
    height: float
    unmapped: int  # characters whose font has no Unicode mapping for them


def page_content(page: Any, deadline: Deadline, where: Text) -> PageContent:
    """The characters (upright, deduplicated) and ruling segments of a pypdfium2 page."""
    import pypdfium2.raw as raw

    place = Placer.of(page)
    textpage = raw.FPDFText_LoadPage(page.raw)
    chars: list[Char] = []
    unmapped = 0
    try:
        rect = raw.FS_RECTF()
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        last = 0.0  # the height of the last character's box
        for index in range(raw.FPDFText_CountChars(textpage)):
            if index % CHECK_EVERY == 0:
                deadline.check(where)
            code = raw.FPDFText_GetUnicode(textpage, index)
            if code < 0x20 and code != 0x09:
                continue  # a line break (PDFium makes those up), a control character
            if code == 0x20 and raw.FPDFText_IsGenerated(textpage, index):
                continue  # a space PDFium made up: gialint judges gaps itself
            if raw.FPDFText_HasUnicodeMapError(textpage, index):
                unmapped += 1
            angle = (raw.FPDFText_GetCharAngle(textpage, index) + place.turn) % (2 * math.pi)
            if MAX_ANGLE < angle < 2 * math.pi - MAX_ANGLE:
                continue
            if not raw.FPDFText_GetLooseCharBox(textpage, index, rect):
                continue
            x0, y0, x1, y1 = rect.left, rect.top, rect.right, rect.bottom
            # a box far taller than the last one's may be PDFium's mistake: look at the glyph's own box
            if (
                y0 - y1 > 2.5 * last
                and raw.FPDFText_GetCharBox(textpage, index, left, right, bottom, top)
                and _astray((x0, y0, x1, y1), (left.value, top.value, right.value, bottom.value))
            ):
                x0, y0, x1, y1 = left.value, top.value, right.value, bottom.value
            last = y0 - y1
            text = chr(code) if code <= 0x10FFFF else "\ufffd"
            left_top, right_bottom = place(x0, y0), place(x1, y1)
            chars.append(
                Char(
                    as_shown(text),
                    min(left_top[0], right_bottom[0]),
                    min(left_top[1], right_bottom[1]),
                    max(left_top[0], right_bottom[0]),
                    max(left_top[1], right_bottom[1]),
                    text.isspace(),
                )
            )
    finally:
        raw.FPDFText_ClosePage(textpage)
    segments = _segments(page.raw, place, deadline, where)
    return PageContent(_unique(chars), segments, place.width, place.height, unmapped)


@define
class Placer:
    """Where a point of the page's own space (y up, before /Rotate) is shown: (x, y) from the top-left.

    A page turned by /Rotate (a landscape table page) is read as it is shown, and the
    angle of its characters is counted on the page as shown.
    """

    rotation: int  # degrees clockwise: 0, 90, 180, 270
    left: float
    bottom: float
    right: float
    top: float

    @classmethod
    def of(cls, page: Any) -> Placer:
        left, bottom, right, top = (float(v) for v in page.get_mediabox())
        return cls(int(page.get_rotation()) % 360, left, bottom, right, top)

    @property
    def turn(self) -> float:
        return math.radians(self.rotation)

    @property
    def width(self) -> float:
        return self.top - self.bottom if self.rotation in (90, 270) else self.right - self.left

    @property
    def height(self) -> float:
        return self.right - self.left if self.rotation in (90, 270) else self.top - self.bottom

    def __call__(self, x: float, y: float) -> tuple[float, float]:
        if self.rotation == 90:
            return y - self.bottom, x - self.left
        if self.rotation == 180:
            return self.right - x, y - self.bottom
        if self.rotation == 270:
            return self.top - y, self.right - x
        return x - self.left, self.top - y


def _astray(loose: tuple[float, float, float, float], tight: tuple[float, float, float, float]) -> bool:
    """Whether PDFium's loose box (the font's box) is far larger than the glyph in both directions.

    It is for glyphs drawn through a scaling matrix in some Word exports (a column label
    written top to bottom); the glyph's own box is then where the character stands.
    """
    return loose[2] - loose[0] > 3 * (tight[2] - tight[0]) + 6 and loose[1] - loose[3] > 3 * (tight[1] - tight[3]) + 6


def _unique(chars: list[Char]) -> list[Char]:
    """Without characters drawn again within a point of themselves (how PDFs fake bold type)."""
    seen: set[tuple[str, int, int]] = set()
    kept = []
    for char in chars:
        if not char.space:
            text, x, y = char.text, int(char.x0), int(char.top)
            if _near(seen, text, x, y):
                continue
            seen.add((text, x, y))
        kept.append(char)
    return kept


def _near(seen: set[tuple[str, int, int]], text: str, x: int, y: int) -> bool:
    for dx in (-1, 0, 1):
        for dy in (-1, 0, 1):
            if (text, x + dx, y + dy) in seen:
                return True
    return False


#: A PDF transformation matrix (a, b, c, d, e, f): (x, y) -> (a x + c y + e, b x + d y + f).
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
MAX_DEPTH = 8  # forms inside forms deeper than this are not looked into


def _then(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix that applies ``inner``, then ``outer``."""
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _segments(page: Any, place: Placer, deadline: Deadline, where: Text) -> list[Segment]:
    """Every straight horizontal or vertical piece of every visible path on the page, in forms too."""
    import pypdfium2.raw as raw

    found: list[Segment] = []
    counter = [0]
    objects = [raw.FPDFPage_GetObject(page, i) for i in range(raw.FPDFPage_CountObjects(page))]
    _paths(objects, IDENTITY, place, found, counter, deadline, where, 0)
    return found


def _paths(
    objects: list[Any],
    outer: Matrix,
    place: Placer,
    found: list[Segment],
    counter: list[int],
    deadline: Deadline,
    where: Text,
    depth: int,
) -> None:
    import pypdfium2.raw as raw

    matrix = raw.FS_MATRIX()
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    x, y = ctypes.c_float(), ctypes.c_float()
    for obj in objects:
        counter[0] += 1
        if counter[0] % CHECK_EVERY == 0:
            deadline.check(where)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_FORM and depth < MAX_DEPTH and raw.FPDFPageObj_GetMatrix(obj, matrix):
            inner = [raw.FPDFFormObj_GetObject(obj, i) for i in range(raw.FPDFFormObj_CountObjects(obj))]
            form = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
            _paths(inner, _then(form, outer), place, found, counter, deadline, where, depth + 1)
            continue
        if kind != raw.FPDF_PAGEOBJ_PATH:
            continue
        if not raw.FPDFPath_GetDrawMode(obj, fill, stroke) or not (fill.value or stroke.value):
            continue  # a clipping path: nothing is drawn
        if not raw.FPDFPageObj_GetMatrix(obj, matrix):
            continue
        a, b, c, d, e, f = _then((matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f), outer)
        points: list[tuple[float, float]] = []
        start: tuple[float, float] | None = None
        for number in range(raw.FPDFPath_CountSegments(obj)):
            segment = raw.FPDFPath_GetPathSegment(obj, number)
            if not raw.FPDFPathSegment_GetPoint(segment, x, y):
                continue
            point = place(a * x.value + c * y.value + e, b * x.value + d * y.value + f)
            step = raw.FPDFPathSegment_GetType(segment)
            if step == raw.FPDF_SEGMENT_MOVETO or not points:
                points = [point]
                start = point
                continue
            if step == raw.FPDF_SEGMENT_LINETO:
                _add(found, points[-1], point)
            points.append(point)
            if raw.FPDFPathSegment_GetClose(segment) and start is not None:
                _add(found, point, start)


def _add(found: list[Segment], p: tuple[float, float], q: tuple[float, float]) -> None:
    (x0, y0), (x1, y1) = p, q
    if abs(y0 - y1) <= 1.0 and abs(x0 - x1) > 1.0:
        found.append((True, (y0 + y1) / 2, min(x0, x1), max(x0, x1)))
    elif abs(x0 - x1) <= 1.0 and abs(y0 - y1) > 1.0:
        found.append((False, (x0 + x1) / 2, min(y0, y1), max(y0, y1)))
