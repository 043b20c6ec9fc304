"""The signs of a report, from formats.toml, and a cheap look for them in a file's bytes.

A report of the 2019 or 2021 format — whole, or damaged: a fragment, a crawl that lost
its line breaks, a blank template — carries the wording of one of the format's section
headings (or their variants and keywords) or table labels somewhere; an older report
carries the 2008 regulation's wording (``[not_a_report]`` in formats.toml). A file with
none of them does not look like a report: :mod:`gialint.analyze.kind` says so of a document
(GIA206), and a directory run passes over such .md/.txt files, looking for the signs in
the bytes it reads anyway (:func:`bytes_have_report_sign`).

This module is kept light (the standard library and attrs): a run answered by the result
cache looks at every file without loading the parser, the syntax tree or the format model.
"""

from __future__ import annotations

import functools
import os
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from attrs import frozen

from gialint.base.precompiled import regex
from gialint.base.shipped import toml_data

#: The extensions of files a directory run passes over when they carry no sign of a report.
SKIPPABLE_EXTENSIONS = (".md", ".markdown", ".txt", ".text")
#: Encodings a sign is looked for in the raw bytes before anything is decoded.
QUICK_ENCODINGS = ("utf-8", "gb18030")

_NUMBERING = regex(r"^(?:[(]?[一二三四五六七八九十\d]{1,3}[)]|[一二三四五六七八九十\d]{1,3}[、.])+")
_SPACE = regex(r"\s+")


@frozen(slots=False)  # not slotted: see "Cached properties" in docs/performance.md
class Signs:
    """The signs of formats.toml's ``[not_a_report]``, flattened (see :func:`flatten`)."""

    report: tuple[str, ...]  # most telling first: section headings, then table labels
    legacy: tuple[str, ...]
    legacy_min: int
    format_only: tuple[str, ...]  # wording only the 2019 and 2021 formats have
    first_year: int  # the first year of the earliest format version

    @functools.cached_property
    def all(self) -> tuple[str, ...]:
        """Every sign that a file is a report of some kind (an older one too)."""
        return (*self.report, *self.legacy)

    @functools.cached_property
    def all_chinese(self) -> bool:
        """Whether every sign holds a character beyond ASCII (so that ASCII bytes hold none)."""
        return not any(sign.isascii() for sign in self.all)

    @functools.cached_property
    def quick(self) -> tuple[bytes, ...]:
        """The signs as bytes in the common encodings, for a look before decoding."""
        found: dict[bytes, None] = {}
        for encoding in QUICK_ENCODINGS:
            for sign in self.all:
                if sign.isascii() or not all(ord(c) > 127 for c in sign):
                    continue  # written with ASCII after normalising: only the decoded look finds it
                found.setdefault(sign.encode(encoding), None)
        return tuple(found)


def flatten(text: str) -> str:
    """Text as signs are compared: NFKC (full-width forms, CJK compatibility characters), no white space."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def _sign(text: str) -> str:
    """A heading or label as a sign: flattened, without its numbering ("（一）", "一、", "1.")."""
    return _NUMBERING.sub("", flatten(text))


def _labels(table: Mapping[str, Any]) -> Iterator[str]:
    yield table.get("title", "")
    for block in table.get("blocks", ()):
        yield block.get("caption") or ""
        yield from block.get("header", ())
        for row in block.get("header_rows", ()):
            yield from row
        for item in (*block.get("columns", ()), *block.get("rows", ())):
            yield item.get("label", "")
            yield from item.get("variants", ())
            yield from item.get("typos", ())


def _distinct(texts: Iterable[str], min_length: int) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for text in texts:
        sign = _sign(text)
        if len(sign) >= min_length:
            found.setdefault(sign, None)
    return tuple(found)


def signs_from(raw: Mapping[str, Any]) -> Signs:
    """The signs declared in a formats.toml (parsed)."""
    spec = raw["not_a_report"]
    min_length = int(spec["min_sign_length"])
    sections = raw["sections"]
    headings = [w for s in sections for w in (s["heading"], *s.get("variants", ()))]
    keywords = [k for s in sections for k in s.get("keywords", ())]
    labels = [label for table in raw["tables"].values() for label in _labels(table)]
    report = _distinct([*headings, *spec.get("report_signs", ()), *labels, *keywords], min_length)
    legacy = _distinct(spec.get("legacy_signs", ()), 1)
    format_only = _distinct(spec.get("format_signs", ()), 1)
    first_year = min(int(v["first_year"]) for v in raw["versions"])
    return Signs(report, legacy, int(spec["legacy_min_signs"]), format_only, first_year)


@functools.lru_cache(maxsize=1)
def signs() -> Signs:
    """The signs of the formats.toml shipped with gialint (read once per process)."""
    # read beside this module: importing gialint.formats (the format model) or importlib.resources
    # would cost more than the look itself in a run answered by the cache
    return signs_from(toml_data(os.path.join(os.path.dirname(os.path.dirname(__file__)), "formats", "formats.toml")))


# ---------------------------------------------------------------------------- files


def skippable(path: str) -> bool:
    """Whether a file found in a directory may be passed over when it is not a report: text and Markdown."""
    return path.lower().endswith(SKIPPABLE_EXTENSIONS)


def has_report_sign(text: str, known: Signs | None = None) -> bool:
    """Whether ``text`` carries any sign of a report (of the format, or an older one)."""
    flat = flatten(text)
    return any(sign in flat for sign in (known or signs()).all)


def bytes_have_report_sign(data: bytes, known: Signs | None = None) -> bool:
    """:func:`has_report_sign` for a file's bytes: a substring search in UTF-8 and GB18030 first
    (a report shows a sign at once), then the decoded text. Bytes that cannot be decoded count
    as a report: reading them is what reports the problem."""
    known = known or signs()
    # English text (or UTF-16 of it without a BOM) holds no Chinese sign: nothing to search
    english = data.isascii() and known.all_chinese
    if not english and any(sign in data for sign in known.quick):
        return True
    from gialint.read.source import ReadError, decode  # here: an import statement costs more than the look

    try:
        text = decode(data).text
    except ReadError:
        return True
    return not english and has_report_sign(text, known)
