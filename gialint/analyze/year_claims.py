"""Where a report's text says which year it is the report of (GIA507 compares them).

A report mentions many years — last year's figures, next year's plans, the dates of the
documents it cites — so only statements that can mean nothing but the report's own year are
read, with the words of content.toml ``[year_consistency]``:

- the statistics period, a whole calendar year ("统计期限自2021年1月1日起至2021年12月31日止"),
  after a period word in the same sentence, or anywhere in the preamble;
- the preamble naming the report it publishes ("现公布2021年度政府信息公开工作年度报告"), the year
  standing after the publishing word and before the report word, outside 《》 (a cited notice);
- "本年度（2021年）", "今年（2021年）";
- section 一 opening with the year and a comma ("2021年，我局…").
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from typing import Final

from gialint.analyze.document import Document
from gialint.analyze.required import YearWords, required_content
from gialint.analyze.section_text import Prose, preamble_prose, report_prose, section_prose
from gialint.analyze.year import YearSource
from gialint.base.memo import Memo
from gialint.base.native import mypyc_attr
from gialint.base.precompiled import regex
from gialint.base.span import Span
from gialint.base.value import FieldValue

# "(?<!\d)" after the century, not before it: a pattern that opens with a lookbehind is tried
# at every position of the text; one that opens with "19|20" is scanned for those digits first
_YEAR: Final = r"(?P<year>(?:19|20)(?<!\d..)\d{2})"
_PERIOD_REST: Final = (
    r"\s*年\s*0?1\s*月\s*0?1\s*日\s*起?\s*(?:至|到|-|—|~|－)\s*"
    r"(?:(?P<end>(?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日"
)
# the statistics period, one pattern per century: "19|20" opens a pattern with a class of
# characters, which the engine tests every character against; "19" and "20" are literal
# openings it scans for fast. (A year never follows a digit, so the two find what one would.)
_PERIODS: Final = tuple(regex(f"(?P<year>{c}(?<!\\d..)\\d{{2}})" + _PERIOD_REST) for c in ("19", "20"))
_OPENING: Final = regex(r"\s*" + _YEAR + r"\s*年度?\s*,")
_TITLE_OF: Final = regex(r"《[^《》]*》")
_SENTENCE_ENDS: Final = "。;!?"  # as Prose.sentences cuts the folded text


class ClaimKind(enum.Enum):
    TITLE = "title"  # the title, or the page title a crawler kept (gialint.analyze.year)
    PERIOD = "period"  # the statistics period
    PUBLISHED = "published"  # the report the preamble publishes
    THIS_YEAR = "this-year"  # 本年度（2021年）
    OPENING = "opening"  # section 一's first words


@mypyc_attr(acyclic=True)
class YearClaim(FieldValue):
    def __init__(self, year: int, kind: ClaimKind, span: Span) -> None:
        self.year: Final = year
        self.kind: Final = kind
        self.span: Final = span

    def _fields(self) -> tuple[int, ClaimKind, Span]:
        return (self.year, self.kind, self.span)


def _masked(text: str) -> str:
    """``text`` with every title in 《》 blanked out (the same length)."""
    return _TITLE_OF.sub(lambda m: "《" + " " * (len(m[0]) - 2) + "》", text)


def _periods(prose: Prose, words: YearWords, anywhere: bool) -> Iterator[YearClaim]:
    # one pass over the whole text (a period never crosses a sentence end); the sentence is
    # looked for only around a period found, for the words before it
    text = prose.text
    for match in sorted((m for pattern in _PERIODS for m in pattern.finditer(text)), key=lambda m: m.start()):
        if not anywhere:
            start = max(text.rfind(end, 0, match.start()) for end in _SENTENCE_ENDS) + 1
            if not any(w in text[start : match.start()] for w in words.period_words):
                continue
        for group in ("year", "end"):
            if match[group]:
                span = prose.span_of(match.start(group), match.end(group))
                yield YearClaim(int(match[group]), ClaimKind.PERIOD, span)


# a year in brackets ("（2021年）", folded): a pattern opening with "(" is scanned for that one
# character, far faster than one opening with the words before it (a set of characters)
_BRACKETED_YEAR: Final = regex(r"\(\s*" + _YEAR + r"\s*年?度?\s*\)")


def _compile_published(words: YearWords, _key: str) -> re.Pattern[str] | None:
    reports = "|".join(re.escape(w) for w in words.report_words)
    return regex(_YEAR + r"\s*年度?[^《》。,;]{0,40}?(?:" + reports + ")") if reports else None


# by the words' identity, not an lru_cache: that hashes the frozen words (every phrase) at each call
_PUBLISHED: Final[Memo[YearWords, re.Pattern[str] | None]] = Memo(_compile_published, limit=16)


def _published_pattern(words: YearWords) -> re.Pattern[str] | None:
    """The pattern of the report a preamble publishes, from the words."""
    return _PUBLISHED(words, "")


def _published(prose: Prose, words: YearWords) -> Iterator[YearClaim]:
    pattern = _published_pattern(words)
    for offset, sentence in prose.sentences():
        masked = _masked(sentence)
        starts = [at + len(w) for w in words.publish_words if (at := masked.find(w)) >= 0]
        if pattern is None or not starts:
            continue
        match = pattern.search(masked, min(starts))
        if match:
            span = prose.span_of(offset + match.start("year"), offset + match.end("year"))
            yield YearClaim(int(match["year"]), ClaimKind.PUBLISHED, span)


def _this_year(prose: Prose, words: YearWords) -> Iterator[YearClaim]:
    """本年度（2021年）: each year in brackets right after (spaces aside) one of ``this_year_words``."""
    text, which = prose.text, words.this_year_words
    if not which:
        return
    for match in _BRACKETED_YEAR.finditer(text):
        before = match.start()
        while before and text[before - 1].isspace():
            before -= 1
        if text.endswith(which, 0, before):
            span = prose.span_of(match.start("year"), match.end("year"))
            yield YearClaim(int(match["year"]), ClaimKind.THIS_YEAR, span)


def year_claims(doc: Document) -> tuple[YearClaim, ...]:
    """Where the report states its own year (made once per document)."""
    return doc.once("year_claims", lambda: _year_claims(doc))


def _year_claims(doc: Document) -> tuple[YearClaim, ...]:
    """The title's year (where the report has a title) and every statement of the report's own year
    in its text, in the order above."""
    words = required_content(doc.model).years
    preamble = preamble_prose(doc)
    whole = report_prose(doc)
    claims: list[YearClaim] = []
    if doc.year is not None and doc.year.source in (YearSource.TITLE, YearSource.PAGE_TITLE):
        claims.append(YearClaim(doc.year.year, ClaimKind.TITLE, doc.year.span))
    claims.extend(_periods(preamble, words, anywhere=True))
    seen = {claim.span for claim in claims}
    claims.extend(claim for claim in _periods(whole, words, anywhere=False) if claim.span not in seen)
    claims.extend(_published(preamble, words))
    claims.extend(_this_year(whole, words))
    overview = section_prose(doc, 1)
    opening = _OPENING.match(overview.text) if overview is not None else None
    if overview is not None and opening is not None:
        span = overview.span_of(opening.start("year"), opening.end("year"))
        claims.append(YearClaim(int(opening["year"]), ClaimKind.OPENING, span))
    return tuple(claims)
