from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import ClaimKind, Diagnostic, Document, Rule, Severity, Text, year_claims


class YearConsistency(Rule):
    """
    ## What it does
    Compares the year of the title (or of the page title a crawler kept) with what the text
    says is this report's year, and flags each statement that disagrees, at its year: the
    statistics period ("统计期限自2020年1月1日起至2020年12月31日止" in a 2021 report), the preamble
    naming the report it publishes ("现公布2020年度政府信息公开工作年度报告"), "本年度（2020年）",
    and section 一 opening with a year ("2020年，我局…"). A report without a title year is held to
    its statistics period. Other years are not read: last year's comparisons, next year's plans
    ("2022年，我局将…") and the notices a report cites (titles in 《》) are no contradiction.

    ## Why it matters
    A report is often made from last year's: a period or an opening sentence left unchanged
    says the figures are of another year, and a reader cannot tell which year they belong to.

    ## Example
    A report titled "…2021年政府信息公开工作年度报告" whose preamble says "本报告中所列数据的统计期限
    自2020年1月1日起至2020年12月31日止" gets `GIA507 统计期限写的是2020年，而标题为2021年` twice (at
    both years of the period).

    ## 作用
    将标题（或爬虫保存的网页标题）中的年份与正文所称本报告的年度比较，标出每一处不一致的表述，问题标在其年份处：统计期限（2021年度报告中的“统计期限自2020年1月1日起至2020年12月31日止”）、序言中所称公布的报告（“现公布2020年度政府信息公开工作年度报告”）、“本年度（2020年）”，以及以年份开头的第一部分（“2020年，我局…”）。标题没有年份的报告，以其统计期限为准。其他年份不读取：与上年的比较、下一年的计划（“2022年，我局将…”）以及报告引用的文件（《》中的标题）都不算矛盾。

    ## 意义
    报告常常是在上年报告的基础上改出来的：没有改动的统计期限或开头一句，表明数字属于另一年度，读者无从判断它们究竟属于哪一年。

    ## 示例
    标题为“…2021年政府信息公开工作年度报告”、序言却写“本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止”的报告，两次报告 `GIA507 统计期限写的是2020年，而标题为2021年`（统计期限的两个年份处各一次）。
    """

    code = "GIA507"
    name = "year-consistency"
    summary = Text(
        zh="标题、统计期限与正文所称报告年度不一致",
        en="The title, the statistics period and the text disagree on the report's year",
    )
    rationale = Text(
        zh="两版格式：一份报告涵盖一个自然年度（政府信息公开条例第四十九条：每年1月31日前公布上一年度报告）。",
        en="Both formats: a report covers one calendar year (政府信息公开条例第四十九条: 每年1月31日前公布上一年度报告).",
    )
    severity = Severity.WARNING
    messages = {
        "period": Text(
            zh="统计期限写的是{found}年，而{source}为{expected}年",
            en="The statistics period says {found}, but the {source_en} says {expected}",
        ),
        "published": Text(
            zh="文中称公布的是{found}年度报告，而{source}为{expected}年",
            en="The text says it publishes the report for {found}, but the {source_en} says {expected}",
        ),
        "this-year": Text(
            zh="文中称本年度为{found}年，而{source}为{expected}年",
            en="The text calls the year of the report {found}, but the {source_en} says {expected}",
        ),
        "opening": Text(
            zh="总体情况开头写的是{found}年，而{source}为{expected}年",
            en="Section I opens with {found}, but the {source_en} says {expected}",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        claims = year_claims(doc)
        reference = next((c for c in claims if c.kind is ClaimKind.TITLE), None)
        reference = reference or next((c for c in claims if c.kind is ClaimKind.PERIOD), None)
        if reference is None:
            return
        by_title = reference.kind is ClaimKind.TITLE
        for claim in claims:
            if claim is reference or claim.kind is ClaimKind.TITLE or claim.year == reference.year:
                continue
            yield self.diagnostic(
                claim.span,
                claim.kind.value,
                found=str(claim.year),
                expected=str(reference.year),
                source="标题" if by_title else "统计期限",
                source_en="title" if by_title else "statistics period",
            )
