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
from gialint.read.rare import count_rare

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


_ASTRAL = "\U00010000"  # the first character beyond the Basic Multilingual Plane
_PRIVATE_PLANES = "\U000f0000"  # the first of planes 15 and 16, private use: always suspicious
#: The lead bytes of UTF-8's four-byte sequences: UTF-8 text holds a character beyond the Basic
#: Multilingual Plane exactly where its bytes hold one of these.
_UTF8_ASTRAL_LEADS = (b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")


# The characters of the Basic Multilingual Plane are counted by gialint.read.rare; beyond it (few
# characters in a report, and none in most): every character, whether each counts looked up below.
_BEYOND = regex(f"[{_ASTRAL}-\U0010ffff]")


def _suspicious(text: str, beyond: bool = True) -> int:
    """How many control, replacement, private-use and unassigned characters ``text`` holds: in the
    Basic Multilingual Plane, those :func:`~gialint.read.rare.count_rare` counts; beyond it, each
    that is unassigned or of the private-use planes. ``beyond=False``: the
    caller knows that ``text`` holds no character beyond that plane (UTF-8 bytes without a
    four-byte sequence), which is not looked for then."""
    count = count_rare(text)
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
