"""Writing fixes back: the same encoding, byte-order mark and line ends.

A text or Markdown report is fixed in place only when gialint can write it back
byte for byte as it was, apart from the fixed characters: the decoded text, encoded
again, must give the original bytes. Writing is atomic (:mod:`gialint.base.files`).
"""

from __future__ import annotations

from gialint.base import catalogue as msg
from gialint.read.source import ReadError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def encode_like(text: str, original: bytes, encoding: str) -> bytes:
    """``text`` encoded as ``original`` was: its byte-order mark, then ``encoding``."""
    for bom, codec in _BOMS:
        if original.startswith(bom):
            return bom + text.encode(codec)
    return text.encode(encoding)


def check_round_trip(text: str, original: bytes, encoding: str) -> None:
    """Raise ReadError when the decoded text cannot be written back as the same bytes."""
    try:
        same = encode_like(text, original, encoding) == original
    except UnicodeEncodeError:
        same = False
    if not same:
        raise ReadError(msg.FIX_ROUND_TRIP, encoding=encoding)
