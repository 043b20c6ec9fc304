"""What the published page says about a report: its date, its publishing body, its page title.

Crawlers save a page's metadata above its text ("发布时间：2022-02-08 16:34", "来源：平潭县人民政府"),
and the HTML reader writes what a page states as such lines below the title. Their words are
declared in formats.toml (``[page_meta]``). Only the lines before the first section are read;
an empty value ("发布机构：") is not a value, nor a 来源 that names a medium rather than a body.
"""

from __future__ import annotations

import re

from attrs import frozen

from gialint.base.precompiled import regex
from gialint.base.span import Span
from gialint.formats import FormatModel
from gialint.parse.ast import Paragraph, Report, Subsection
from gialint.read.medium import is_medium


@frozen
class MetaField:
    value: str
    span: Span


@frozen
class PageMeta:
    published: MetaField | None = None  # 发布时间, as written
    publisher: MetaField | None = None  # 发布机构 or 来源
    title: MetaField | None = None  # the page's title (标题), where a crawler kept it apart from the text


NO_META = PageMeta()
_FIELDS = ("published", "publisher", "title")


_Reading = tuple[re.Pattern[str] | None, dict[str, str]]
_readings: dict[int, tuple[FormatModel, _Reading]] = {}


def _reading(model: FormatModel) -> _Reading:
    """The pattern of a metadata line ("发布时间：…") and which field each word states: worked out
    once per format model (the same for every report), not again for each."""
    kept = _readings.get(id(model))
    if kept is not None and kept[0] is model:
        return kept[1]
    words = {word: key for key, found in model.page_meta.items() for word in found if key in _FIELDS}
    pattern = None
    if words:
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        pattern = regex(rf"[ \t\u3000]*(?P<word>{alternatives})[ \t\u3000]*[:：][ \t\u3000]*(?P<value>.*?)[ \t\u3000]*")
    if len(_readings) >= 8:  # models with a configuration's content additions: a few per run
        _readings.clear()
    _readings[id(model)] = (model, (pattern, words))
    return pattern, words


def find_meta(report: Report, model: FormatModel) -> PageMeta:
    """The page metadata stated in the lines before the report's first section."""
    pattern, keys = _reading(model)
    if pattern is None:
        return NO_META
    bodies = tuple(model.page_meta.get("body_endings", ()))
    found: dict[str, MetaField] = {}
    paragraphs = [
        p
        for block in report.preamble
        for p in ((block,) if isinstance(block, Paragraph) else block.blocks if isinstance(block, Subsection) else ())
        if isinstance(p, Paragraph)
    ]
    for paragraph in paragraphs:
        match = pattern.fullmatch(paragraph.text)
        if match is None or not match["value"]:
            continue
        key = keys[match["word"]]
        if is_medium(match["word"], match["value"], bodies):
            continue
        if key not in found:  # the first statement wins: 发布机构 before a later 来源
            start = paragraph.span.column + match.start("value")
            span = Span(paragraph.span.line, start, paragraph.span.line, start + len(match["value"]))
            found[key] = MetaField(match["value"], span)
    return PageMeta(**found) if found else NO_META
