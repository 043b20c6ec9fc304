"""The words the required-content checks look for (GIA502–GIA507), read from content.toml.

Each check has a table of its own in ``gialint/formats/content.toml`` (documented there and in
docs/formats.md, "Required content"); :func:`required_content` types them once per model. The
words are folded as the text is (:func:`~gialint.analyze.section_text.fold`), so a full-width
letter in either compares equal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from attrs import frozen

from gialint.analyze.section_text import fold
from gialint.base.memo import Memo
from gialint.formats import FormatModel


def _words(table: Mapping[str, Any], key: str) -> tuple[str, ...]:
    return tuple(fold(str(word)) for word in table.get(key, ()))


@frozen
class FeeWords:
    """GIA502: how a report names the 信息处理费 and says that none was charged."""

    fee_words: tuple[str, ...]
    section_words: tuple[str, ...]
    none_words: tuple[str, ...]
    amount_units: tuple[str, ...]
    mention_words: tuple[str, ...]


@frozen
class Aspect:
    """GIA503: one of the five aspects section 一 covers, and the words that show it does."""

    name: str
    words: tuple[str, ...]


@frozen
class ProblemWords:
    """GIA504: the words of a problem and of a measure."""

    problem_words: tuple[str, ...]
    measure_words: tuple[str, ...]
    need_words: tuple[str, ...]  # "有待", "需": a measure word just after one describes a problem
    need_window: int

    def states_problem(self, text: str) -> bool:
        return any(word in text for word in self.problem_words)

    def states_measure(self, text: str) -> bool:
        """A measure word stands in ``text`` other than in a need ("有待提高", "需进一步加强")."""
        for word in self.measure_words:
            at = text.find(word)
            while at >= 0:
                before = text[max(0, at - self.need_window) : at]
                if not any(need in before for need in self.need_words):
                    return True
                at = text.find(word, at + max(len(word), 1))  # as finditer: the next one after this
        return False


@frozen
class PartWords:
    """GIA506: how a report states its parts."""

    subjects: tuple[str, ...]
    list_after: tuple[str, ...]
    joiners: tuple[str, ...]
    expected: int


@frozen
class YearWords:
    """GIA507: the phrases in which a report states its own year."""

    period_words: tuple[str, ...]
    publish_words: tuple[str, ...]
    report_words: tuple[str, ...]
    this_year_words: tuple[str, ...]


@frozen
class RequiredContent:
    fee: FeeWords
    aspects: tuple[Aspect, ...]
    problems: ProblemWords
    parts: PartWords
    years: YearWords


def _build(model: FormatModel, _: str) -> RequiredContent:
    content = model.content
    fee = content.get("fee_statement", {})
    problems = content.get("problems_and_measures", {})
    parts = content.get("part_count", {})
    years = content.get("year_consistency", {})
    return RequiredContent(
        fee=FeeWords(
            fee_words=_words(fee, "fee_words"),
            section_words=_words(fee, "section_words"),
            none_words=_words(fee, "none_words"),
            amount_units=_words(fee, "amount_units"),
            mention_words=_words(fee, "mention_words"),
        ),
        aspects=tuple(
            Aspect(str(a["name"]), _words(a, "words")) for a in content.get("overview_aspects", ()) if a.get("words")
        ),
        problems=ProblemWords(
            problem_words=_words(problems, "problem_words"),
            measure_words=_words(problems, "measure_words"),
            need_words=_words(problems, "need_words"),
            need_window=int(problems.get("need_window", 0)),
        ),
        parts=PartWords(
            subjects=_words(parts, "subjects"),
            list_after=_words(parts, "list_after"),
            joiners=_words(parts, "joiners"),
            expected=int(parts.get("expected", 6)),
        ),
        years=YearWords(
            period_words=_words(years, "period_words"),
            publish_words=_words(years, "publish_words"),
            report_words=_words(years, "report_words"),
            this_year_words=_words(years, "this_year_words"),
        ),
    )


_MEMO: Final[Memo[FormatModel, RequiredContent]] = Memo(_build, limit=16)


def required_content(model: FormatModel) -> RequiredContent:
    """The words of content.toml's required-content tables, typed (kept per model)."""
    return _MEMO(model, "")
