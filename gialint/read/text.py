"""Plain-text and Markdown reports: the file is the text (decoding in :mod:`gialint.read.source`)."""

from __future__ import annotations

from gialint.read.compose import Extracted
from gialint.read.limits import Limits
from gialint.read.source import decode


def read_text(data: bytes, limits: Limits) -> Extracted:
    source = decode(data)
    return Extracted(source.text, "text", None, source.encoding)


def read_markdown(data: bytes, limits: Limits) -> Extracted:
    source = decode(data)
    return Extracted(source.text, "markdown", None, source.encoding)
