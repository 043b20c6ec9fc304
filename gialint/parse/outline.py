"""Which of the format's six sections a heading stands for.

A heading is recognised by its wording (the format's heading or a variant seen in
practice), else by a keyword ("行政复议" for section 四), else by its numeral alone.
"""

from __future__ import annotations

import functools

from attrs import frozen

from gialint.formats import FormatModel, SectionSpec, load
from gialint.formats.labels import normalize
from gialint.parse.ast import Heading, NumeralStyle, Report, Section

CHINESE_NUMERALS = "一二三四五六七八九十"


def numeral_value(numeral: str | None) -> int | None:
    """一 -> 1, "4" -> 4; None when there is no numeral or it is not 1–10."""
    if not numeral:
        return None
    if numeral.isdigit():
        return int(numeral)
    return CHINESE_NUMERALS.index(numeral) + 1 if numeral in CHINESE_NUMERALS else None


@frozen
class Identified:
    spec: SectionSpec
    exact: bool  # the wording is the format's heading or a known variant


class SectionIdentifier:
    def __init__(self, model: FormatModel) -> None:
        self._sections = model.sections
        self._wordings = {normalize(w): spec for spec in model.sections for w in (spec.heading, *spec.variants)}

    def __call__(self, heading: Heading) -> Identified | None:
        return self._identify(heading.title, heading.numeral, heading.style)

    # a report's headings are asked about when its lines are arranged and again when its
    # sections are outlined, and most reports' are the same few dozen
    @functools.lru_cache(maxsize=4096)  # noqa: B019 - one identifier per format model, kept for the process
    def _identify(self, wording: str, numeral: str | None, style: NumeralStyle) -> Identified | None:
        title = normalize(wording)
        spec = self._wordings.get(title)
        if spec is not None:
            return Identified(spec, exact=spec.heading == wording.strip())
        number = numeral_value(numeral)
        candidates = [s for s in self._sections if any(k in title for k in s.keywords)]
        if candidates:
            chosen = next((s for s in candidates if s.index == number), candidates[0])
            return Identified(chosen, exact=False)
        if style is NumeralStyle.CHINESE and number is not None and number <= len(self._sections):
            return Identified(self._sections[number - 1], exact=False)
        return None

    def is_section(self, heading: Heading) -> bool:
        """Chinese-numbered headings always are; others only when recognised."""
        return heading.style is NumeralStyle.CHINESE or self(heading) is not None


@functools.lru_cache(maxsize=1)
def default_identifier() -> SectionIdentifier:
    return SectionIdentifier(load())


@frozen
class SectionFound:
    section: Section
    identified: Identified | None


def outline(report: Report, identify: SectionIdentifier | None = None) -> tuple[SectionFound, ...]:
    identify = identify or default_identifier()
    return tuple(SectionFound(s, identify(s.heading)) for s in report.sections)
