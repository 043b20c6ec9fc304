"""How far a PDF's compressed streams inflate, found before PDFium inflates them.

PDFium inflates a page's content streams (and the object and cross-reference streams,
and the fonts) inside one C call while a page is loaded, where no clock is looked at: a
1.5 MB file whose content stream inflates to gigabytes would run for minutes and take
gigabytes of memory there. So every /FlateDecode stream (the one filter that inflates
by a thousand times and more) is inflated here first, a chunk at a time into nothing —
memory stays at one chunk — counting the bytes and looking at the clock between chunks;
a stream whose filters apply /FlateDecode twice is inflated twice, and one wrapped in an
ASCII encoding is decoded from it first. Pictures are passed over: PDFium does not decode
them to read text.
"""

from __future__ import annotations

import base64
import re
import zlib
from collections.abc import Callable, Iterator

from gialint.base import catalogue as msg
from gialint.read.limits import MIB, Deadline, Limits
from gialint.read.source import ReadError

CHUNK = MIB  # bytes inflated at a time
_STREAM = re.compile(rb"(?<![A-Za-z])stream(?:\r\n|\n|\r)")
_DICTIONARY_REACH = 4096  # bytes before "stream" where its dictionary is looked for
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[A-Za-z0-9]+)")
_NAME = re.compile(rb"/([A-Za-z0-9]+)")
_IMAGE = re.compile(rb"/Subtype\s*/Image(?![A-Za-z])")


def check_streams(data: bytes, limits: Limits, deadline: Deadline) -> None:
    """Raise :class:`ReadError` when a stream, or all of them together, inflate past ``limits``."""
    total = 0
    for layers, body in _flate_streams(data):
        size = _inflated_size(body, layers, limits.max_stream_bytes, deadline)
        if size > limits.max_stream_bytes:
            raise ReadError(msg.PDF_STREAM_BOMB, most=limits.max_stream_bytes // MIB)
        total += size
        if total > limits.max_unzipped_bytes:
            raise ReadError(msg.PDF_STREAMS_TOTAL, most=limits.max_unzipped_bytes // MIB)


def _flate_streams(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(how many times /FlateDecode applies, the bytes it applies to) of each stream that is not
    a picture: its raw bytes, with the ASCII encodings that may wrap them (/ASCIIHexDecode,
    /ASCII85Decode, which only shrink what they decode) decoded first."""
    for found in _STREAM.finditer(data):
        before = data[max(0, found.start() - _DICTIONARY_REACH) : found.start()]
        opened = before.rfind(b"obj")
        dictionary = before[opened:] if opened >= 0 else before
        declared = _FILTER.search(dictionary)
        if declared is None or _IMAGE.search(dictionary):
            continue
        filters = [name.decode("ascii") for name in _NAME.findall(declared.group(1))]
        end = data.find(b"endstream", found.end())
        body: bytes | None = data[found.end() : end if end >= 0 else len(data)]
        while filters and filters[0] in _ASCII and body is not None:
            body = _ASCII[filters.pop(0)](body)
        layers = 0
        while layers < len(filters) and filters[layers] in ("FlateDecode", "Fl"):
            layers += 1
        if layers and body is not None:
            yield layers, body


def _from_hex(body: bytes) -> bytes | None:
    digits = re.sub(rb"\s+", b"", body.split(b">", 1)[0])
    try:
        return bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode("ascii"))
    except ValueError:  # not hexadecimal: PDFium judges it
        return None


def _from_base85(body: bytes) -> bytes | None:
    text = body.strip()
    text = text[2:] if text.startswith(b"<~") else text
    try:
        return base64.a85decode(text.split(b"~>", 1)[0], ignorechars=b" \t\n\r\x0b\x0c")
    except ValueError:
        return None


_ASCII: dict[str, Callable[[bytes], bytes | None]] = {
    "ASCIIHexDecode": _from_hex,
    "AHx": _from_hex,
    "ASCII85Decode": _from_base85,
    "A85": _from_base85,
}


def _inflated_size(body: bytes, layers: int, cap: int, deadline: Deadline) -> int:
    """The size ``body`` inflates to through ``layers`` times /FlateDecode, counted up to just past
    ``cap``; a stream that is not valid zlib counts as far as it inflates (PDFium judges the rest)."""
    inflating = _Inflating(layers, cap, deadline)
    inflating.feed(0, body)
    return inflating.size


class _Inflating:
    """One stream inflated through its layers, and the size counted so far. (A class, not a nested
    function that calls itself: such a function holds the cell that holds it, a reference cycle
    made for every stream, which only the garbage collector frees.)"""

    __slots__ = ("cap", "deadline", "inflaters", "size")

    def __init__(self, layers: int, cap: int, deadline: Deadline) -> None:
        self.inflaters = [zlib.decompressobj() for _ in range(min(layers, 4))]
        self.cap = cap
        self.deadline = deadline
        self.size = 0

    def feed(self, level: int, chunk: bytes) -> bool:
        """Inflate ``chunk`` through the layers from ``level`` on; False once past the cap or broken."""
        inflater = self.inflaters[level]
        while chunk:
            self.deadline.check(msg.AT_STREAM)
            try:
                out = inflater.decompress(chunk, CHUNK)
            except zlib.error:
                return False
            rest = inflater.unconsumed_tail
            if level + 1 < len(self.inflaters):
                if not self.feed(level + 1, out):
                    return False
            else:
                self.size += len(out)
                if self.size > self.cap:
                    return False
            if inflater.eof or (not out and len(rest) == len(chunk)):  # the end, or no way on
                break
            chunk = rest
        return True
