"""Reading a report file: bytes to text, with a one-line reason when that fails.

Order of decisions:

1. a known non-text signature (PDF, ZIP/.docx, legacy .doc/.wps, images) is refused
   with a hint;
2. a byte-order mark decides (UTF-8, UTF-16, UTF-32);
3. valid UTF-8 is UTF-8 (the common case, decided without guessing);
4. otherwise charset-normalizer chooses among GB18030 (which covers GBK and GB2312)
   and UTF-16 without a BOM — the encodings Chinese reports are saved in;
5. whatever was chosen, text full of control, unassigned or private-use characters is
   refused as binary.

Line ends stay as they are (LF, CRLF or CR); :func:`normalize_newlines`
handles them without moving any line or column.
"""

from __future__ import annotations

import unicodedata

from attrs import frozen

from gialint.base import catalogue as msg
from gialint.base.diagnostic import Text
from gialint.base.messages import Failure, say
from gialint.base.precompiled import regex

#: Share of suspicious characters above which decoded text is taken for binary data.
BINARY_RATIO = 0.01

_SIGNATURES: tuple[tuple[bytes, Text], ...] = (
    (b"%PDF-", msg.TEXT_IS_PDF),
    (b"PK\x03\x04", msg.TEXT_IS_ZIP),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", msg.TEXT_IS_OFFICE),
    (b"{\\rtf", msg.TEXT_IS_RTF),
    (b"\x89PNG", say(msg.TEXT_IS_IMAGE, image="PNG")),
    (b"\xff\xd8\xff", say(msg.TEXT_IS_IMAGE, image="JPEG")),
    (b"GIF8", say(msg.TEXT_IS_IMAGE, image="GIF")),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_CANDIDATES = ["gb18030", "utf_16_le", "utf_16_be"]


class ReadError(Failure):
    """A file that is not a readable report: one line for the user, in both languages
    (``str(error)`` the Chinese, ``error.text.get(lang)`` either)."""


@frozen
class Source:
    text: str
    encoding: str
    path: str | None = None


#: Suspicious wherever they stand: controls (other than tab, line ends and form feeds), the
#: replacement character, private use — but for U+F000–U+F0FF, where Word and PDF converters put
#: the glyphs of symbol fonts (the Symbol/Wingdings bullet "\uf0b7" before each item of a list),
#: which real reports are full of — and, beyond the Basic Multilingual Plane, the private-use
#: planes 15 and 16 (from _PRIVATE_PLANES).
_ALWAYS = "\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uefff\uf100-\uf8ff"
#: From here on, a character that is unassigned (by this Python's Unicode data) is suspicious too:
#: unassigned code points hide among the characters reports use (full-width forms included).
_HIGH = 0xF900
_ASTRAL = "\U00010000"  # the first character beyond the Basic Multilingual Plane
_PRIVATE_PLANES = "\U000f0000"  # the first of planes 15 and 16, private use: always suspicious
#: The lead bytes of UTF-8's four-byte sequences: UTF-8 text holds a character beyond the Basic
#: Multilingual Plane exactly where its bytes hold one of these.
_UTF8_ASTRAL_LEADS = (b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")


def _unassigned(first: int, last: int) -> str:
    """The unassigned code points from ``first`` to ``last``, written as a character class's ranges."""
    ranges: list[str] = []
    start: int | None = None
    for code in range(first, last + 2):
        unassigned = code <= last and unicodedata.category(chr(code)) == "Cn"
        if unassigned and start is None:
            start = code
        elif not unassigned and start is not None:
            ranges.append(chr(start) if code - 1 == start else f"{chr(start)}-{chr(code - 1)}")
            start = None
    return "".join(ranges)


# Two character classes, each found in one pass. In the Basic Multilingual Plane: those always
# suspicious and the unassigned ones from U+F900 — assigned characters from there, the full-width
# punctuation of every Chinese sentence, are not even collected. A class of that plane alone is
# compiled to a table looked up once per character; one reaching beyond it is tested range by
# range (some forty here). Beyond the plane (few characters in a report, and none in most): every
# character, whether each counts looked up below.
_RARE = regex(f"[{_ALWAYS}{_unassigned(_HIGH, 0xFFFF)}]")
_BEYOND = regex(f"[{_ASTRAL}-\U0010ffff]")


def _suspicious(text: str, beyond: bool = True) -> int:
    """How many control, replacement, private-use and unassigned characters ``text`` holds: each
    character of :data:`_ALWAYS`, each unassigned one from U+F900, and each beyond the Basic
    Multilingual Plane that is unassigned or of the private-use planes. ``beyond=False``: the
    caller knows that ``text`` holds no character beyond that plane (UTF-8 bytes without a
    four-byte sequence), which is not looked for then."""
    count = len(_RARE.findall(text))
    if beyond:
        found = _BEYOND.findall(text)
        for char in set(found):
            if char >= _PRIVATE_PLANES or unicodedata.category(char) == "Cn":
                count += found.count(char)
    return count


def _utf8_beyond_the_plane(data: bytes) -> bool:
    """Whether UTF-8 ``data`` holds a character beyond the Basic Multilingual Plane: a byte search
    for each lead byte of a four-byte sequence, many times faster than a pass over the text."""
    return any(lead in data for lead in _UTF8_ASTRAL_LEADS)


def _looks_binary(text: str, beyond: bool = True) -> bool:
    return _suspicious(text, beyond) > max(2, BINARY_RATIO * len(text))


def decode(data: bytes) -> Source:
    if not data or data.isspace():  # not data.strip(), which copies the file to find out
        raise ReadError(msg.TEXT_EMPTY)
    for signature, message in _SIGNATURES:
        if data.startswith(signature):
            raise ReadError(message)
    encoding: str | None = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    text: str | None = None
    beyond = True  # whether the text may hold characters beyond the Basic Multilingual Plane
    if encoding is not None:
        if encoding.startswith("utf-16") and len(data) % 2:
            raise ReadError(msg.TEXT_UTF16_ODD)
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise ReadError(msg.TEXT_BAD_BOM, encoding=encoding) from None
        text = text.lstrip("\ufeff")
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
            beyond = _utf8_beyond_the_plane(data)
        except UnicodeDecodeError as error:
            if error.reason == "unexpected end of data" and error.start >= len(data) - 3:
                raise ReadError(msg.TEXT_UTF8_CUT) from None
            from charset_normalizer import from_bytes  # only for files that are not UTF-8

            best = from_bytes(data, cp_isolation=_CANDIDATES).best()
            if best is not None:
                text, encoding = str(best), best.encoding
    if text is None or encoding is None or _looks_binary(text, beyond):
        raise ReadError(msg.TEXT_NOT_TEXT)
    if not text or text.isspace():
        raise ReadError(msg.TEXT_EMPTY)
    return Source(text, encoding)


_LINE_ENDS = regex(r"\r\n?")


_PAGE_BREAKS = str.maketrans("\f\v", "  ")


def normalize_newlines(text: str) -> str:
    """CRLF and CR become LF, a form feed (pdftotext's page break) or vertical tab a space, and a
    byte-order mark goes; the line count and every column stay as they were."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\f" in text or "\v" in text:
        text = text.translate(_PAGE_BREAKS)
    return _LINE_ENDS.sub("\n", text) if "\r" in text else text
