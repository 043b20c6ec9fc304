from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from gialint.rules_api import (
    Diagnostic,
    Document,
    MatchedTable,
    Related,
    Rule,
    Severity,
    Text,
    copied_settings,
    previous_name,
    previous_of,
    section_texts,
    table_pair,
    text_similarity,
)

TABLES = ("t2", "t3", "t4")


def _amounts(table: MatchedTable) -> dict[tuple[str, str], Decimal | None]:
    return {(row.key, column.id): cell.value.amount for row, column, cell in table.value_cells()}


class CopiedReport(Rule):
    """
    ## What it does
    With last year's report of the same agency at hand, compares the two: a section whose
    prose is nearly the same as the same section last year (the share of 4-character pieces
    the two have in common, digits masked, at or above content.toml `[copied] similarity`,
    said as a percentage; only sections with at least `min_chars` characters in both years,
    so that two bare "无" are not copying), and tables 2–4 whose every value is identical to
    last year's (some of them not zero).

    ## Why it matters
    A report is an account of one year's work. A section carried over word for word, or
    statistics identical to the last figure, usually means last year's report was copied
    and not brought up to date — the reader learns nothing about this year.

    ## Example
    The 2021 report's "五、存在的主要问题及改进情况" repeats the 2020 report's section with
    a few words changed (similarity 95%) — a warning at the section heading, saying how similar.

    ## 作用
    手头有同一机关的上年报告时，比较两份报告：某一部分的文字与上年同一部分几乎相同（按两者共有的4字片段所占比例计算，数字先行屏蔽，达到或超过 content.toml `[copied] similarity` 即算，以百分比表示；只比较两年都至少有 `min_chars` 个字的部分，以免两个单独的“无”被当作照抄），以及表二至表四中每个数值都与上年完全相同（且其中有非零的数值）。

    ## 意义
    年度报告交代的是一年的工作。某一部分逐字沿用，或统计数字与上年一模一样，通常说明照抄了上年报告而没有更新——读者从中得不到今年的任何信息。

    ## 示例
    2021年度报告的“五、存在的主要问题及改进情况”重复了2020年度报告的该部分，只改了几个字（相似度95%）——在该部分标题处报告一个警告，并说明相似程度。
    """

    code = "GIA604"
    name = "copied-report"
    summary = Text(
        zh="报告内容与上年报告几乎相同",
        en="The report is nearly the same as last year's",
    )
    rationale = Text(
        zh="条例第五十条：年度报告陈述的是本年度的工作；照抄上年报告的部分或统计数字做不到这一点。",
        en="条例第五十条: the annual report states the year's work; a section or statistics copied from last "
        "year's report do not.",
    )
    severity = Severity.WARNING
    messages = {
        "section": Text(
            zh="“{section}”部分的文字与上年报告 {previous} 的同一部分相似度为{percent}%，可能照抄了上年报告",
            en="The section “{section}” is {percent}% similar to the same section of last year's report "
            "{previous}; it may have been copied",
        ),
        "tables": Text(
            zh="表二至表四的全部数字与上年报告 {previous} 完全相同，可能照抄了上年报告",
            en="Every figure of tables 2 to 4 is the same as in last year's report {previous}; "
            "they may have been copied",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        previous = previous_of(doc)
        if previous is None:
            return
        settings = copied_settings(doc.model)
        name = previous_name(previous)
        texts, before = section_texts(doc, settings), section_texts(previous, settings)
        for spec, section in doc.recognised_sections():
            now = texts.get(spec.id)
            then = before.get(spec.id)
            if now is None or then is None:
                continue
            ratio = text_similarity(now[0], then[0], settings)
            if ratio is None or ratio < settings.similarity:
                continue
            yield self.diagnostic(
                section.heading.span,
                "section",
                related=[Related(then[1], spec.canonical, file=name)],
                section=spec.canonical,
                previous=name,
                percent=str(int(ratio * 100)),
            )
        yield from self._tables(doc, previous, name)

    def _tables(self, doc: Document, previous: Document, name: str) -> Iterator[Diagnostic]:
        pairs = [table_pair(doc, t) for t in TABLES]
        nonzero = False
        for pair in pairs:
            if pair is None or pair.this.template.version != pair.last.template.version:
                return
            now = _amounts(pair.this)
            if not now or now != _amounts(pair.last):
                return
            nonzero = nonzero or any(v for v in now.values())
        first = pairs[0]
        if nonzero and first is not None:
            yield self.diagnostic(first.this.span, "tables", previous=name)
