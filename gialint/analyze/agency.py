"""Which agency a report is by: :class:`Agency`, found by :func:`find_agency`.

The title names it ("平潭综合实验区2021年度政府信息公开工作年度报告" → "平潭综合实验区"); a report
saved without its title line has it in the page title a crawler or web page kept, and failing
that the page's publishing body (发布机构, 来源) stands for it. The name is normalised
(full/half width, no spaces), and the year, the words of content.toml ``[agency]`` and brackets
are taken out, so that the reports of one agency for different years carry the same name.
"""

from __future__ import annotations

import enum
from typing import Any

from attrs import frozen

from gialint.analyze.meta import PageMeta
from gialint.base.memo import Memo
from gialint.base.precompiled import regex
from gialint.base.span import Span
from gialint.formats import FormatModel
from gialint.formats.labels import normalize
from gialint.parse.ast import Report

_YEAR = regex(r"(?:19|20)\d{2}年度?")


class AgencySource(enum.Enum):
    TITLE = "title"
    PAGE_TITLE = "page-title"  # the 标题 line of a crawler's header or a web page
    PUBLISHER = "publisher"  # the page's 发布机构 or 来源


@frozen
class Agency:
    name: str  # normalised: "平潭综合实验区"
    source: AgencySource
    span: Span


@frozen
class AgencyWords:
    """content.toml ``[agency]``: what is taken out of a title to leave the agency."""

    strip: tuple[str, ...]  # longest first
    edge_words: tuple[str, ...]
    brackets: str

    @classmethod
    def of(cls, table: dict[str, Any]) -> AgencyWords:
        strip = sorted((normalize(w) for w in table.get("strip", ())), key=len, reverse=True)
        return cls(tuple(strip), tuple(table.get("edge_words", ())), normalize(table.get("brackets", "")))


_words: Memo[FormatModel, AgencyWords] = Memo(lambda model, _: AgencyWords.of(model.content.get("agency", {})), 16)


def agency_words(model: FormatModel) -> AgencyWords:
    return _words(model, "")


def agency_name(text: str, words: AgencyWords) -> str:
    """The agency a title names, normalised ("" when it names none)."""
    name = _YEAR.sub("", normalize(text))
    for word in words.strip:
        name = name.replace(word, "")
    name = name.translate(str.maketrans("", "", words.brackets))
    changed = True
    while changed and name:
        changed = False
        for word in words.edge_words:
            if name.startswith(word) or name.endswith(word):
                name = name.removeprefix(word).removesuffix(word)
                changed = True
    return name


def find_agency(report: Report, meta: PageMeta, model: FormatModel) -> Agency | None:
    """The agency of the report: from its title, else its page title, else its publishing body."""
    words = agency_words(model)
    candidates = (
        (report.title.text, report.title.span, AgencySource.TITLE) if report.title is not None else None,
        (meta.title.value, meta.title.span, AgencySource.PAGE_TITLE) if meta.title is not None else None,
        (meta.publisher.value, meta.publisher.span, AgencySource.PUBLISHER) if meta.publisher is not None else None,
    )
    for candidate in candidates:
        if candidate is None:
            continue
        text, span, source = candidate
        name = agency_name(text, words)
        if name:
            return Agency(name, source, span)
    return None
