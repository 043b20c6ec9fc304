"""Which year a report covers, and where the text says so.

The title usually names it ("…2020年度政府信息公开工作年度报告"); a report saved without its
title line names it in the page title a crawler or web page kept (标题：…). Otherwise the body
does: a statistics period ("统计期限为2020年1月1日至2020年12月31日") is taken first,
then the year most often written as "2020年度", then the year most often written as
"2020年" in the paragraphs.
"""

from __future__ import annotations

import enum
import re
from collections import Counter
from collections.abc import Iterator

from attrs import frozen

from gialint.base.precompiled import regex
from gialint.base.span import Span
from gialint.parse.ast import Paragraph, Report, Subsection

_YEAR = r"((?:19|20)\d{2})"
_TITLE_YEAR = regex(_YEAR + r"\s*年")
_PERIOD = regex(r"(?:统计期限|统计时限|统计期|报告期|统计时间)[^。]{0,12}?" + _YEAR + r"\s*年\s*1\s*月\s*1\s*日")
_YEAR_OF = regex(_YEAR + r"\s*年度")
_ANY_YEAR = regex(_YEAR + r"\s*年")


class YearSource(enum.Enum):
    TITLE = "title"
    PAGE_TITLE = "page-title"  # the 标题 line of a crawler's header or a web page (gialint.analyze.meta)
    STATISTICS_PERIOD = "statistics-period"
    BODY_YEAR_OF = "body-年度"
    BODY = "body"
    CONFIG = "config"  # not in the report: the configuration's `year`


@frozen
class ReportYear:
    year: int
    source: YearSource
    span: Span


def _paragraphs(report: Report) -> Iterator[Paragraph]:
    blocks = list(report.preamble)
    for section in report.sections:
        blocks.extend(section.blocks)
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block
        elif isinstance(block, Subsection):
            yield from (b for b in block.blocks if isinstance(b, Paragraph))


def _at(paragraph: Paragraph, match: re.Match[str]) -> Span:
    if paragraph.span.line != paragraph.span.end_line:
        return paragraph.span
    start = paragraph.span.column + match.start(1)
    return Span(paragraph.span.line, start, paragraph.span.line, paragraph.span.column + match.end())


def find_year(report: Report, page_title: tuple[str, Span] | None = None) -> ReportYear | None:
    """The year ``report`` covers; ``page_title``: the title its page states (text, span), used when
    the report has no title line."""
    title = (report.title.text, report.title.span, YearSource.TITLE) if report.title is not None else None
    if title is None and page_title is not None:
        title = (*page_title, YearSource.PAGE_TITLE)
    if title is not None:
        text, span, source = title
        match = _TITLE_YEAR.search(text)
        if match:
            if span.line == span.end_line:
                span = Span(span.line, span.column + match.start(1), span.line, span.column + match.end())
            return ReportYear(int(match[1]), source, span)
    paragraphs = list(_paragraphs(report))
    for paragraph in paragraphs:
        match = _PERIOD.search(paragraph.text)
        if match:
            return ReportYear(int(match[1]), YearSource.STATISTICS_PERIOD, _at(paragraph, match))
    for pattern, source in ((_YEAR_OF, YearSource.BODY_YEAR_OF), (_ANY_YEAR, YearSource.BODY)):
        first: dict[int, tuple[Paragraph, re.Match[str]]] = {}
        counts: Counter[int] = Counter()
        for paragraph in paragraphs:
            for match in pattern.finditer(paragraph.text):
                year = int(match[1])
                counts[year] += 1
                first.setdefault(year, (paragraph, match))
        if counts:
            year = max(counts, key=lambda y: (counts[y], -y))  # most often; the earlier on a tie
            paragraph, match = first[year]
            return ReportYear(year, source, _at(paragraph, match))
    return None
