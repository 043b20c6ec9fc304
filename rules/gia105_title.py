from __future__ import annotations

import re
from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Span, Text

REPORT_NAME = "政府信息公开工作年度报告"
_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?")


class Title(Rule):
    """
    ## What it does
    Checks that the report opens with a title line (one line, or two when the agency
    stands on a line of its own) naming the agency, the year and
    "政府信息公开工作年度报告". Below a web page's menus and breadcrumb (a page printed to
    PDF), the first line naming the report and its year is the title; in crawler text that
    kept the page's title apart ("标题：…"), that title is checked.

    ## Why it matters
    Reports are published by the thousand on government sites and collected by
    evaluators; the title is how a report is found and told apart. A title without
    the year or the agency is ambiguous, and one that calls the report something else
    ("工作年报") does not match the name the regulation gives it.

    ## Example
    "大冶市城市管理执法局2020年度政府信息公开工作年报" → "大冶市城市管理执法局2020年政府信息公开工作年度报告".

    ## 作用
    检查报告是否以标题行开头（一行；机关名称单独成行时为两行），并写明机关名称、年份和“政府信息公开工作年度报告”。网页的菜单和位置导航（网页打印成 PDF 时）之下，第一行写明报告名称及年份的即为标题；爬虫抓取的文本如果另存了网页标题（“标题：…”），则检查该标题。

    ## 意义
    政府网站发布的年度报告数以千计，并由评估人员收集汇总；标题是查找、区分报告的依据。缺少年份或机关名称的标题指代不明，把报告称作别的名称（“工作年报”）的标题则与条例规定的名称不符。

    ## 示例
    “大冶市城市管理执法局2020年度政府信息公开工作年报”→“大冶市城市管理执法局2020年政府信息公开工作年度报告”。
    """

    code = "GIA105"
    name = "title"
    summary = Text(
        zh="缺少标题，或标题缺少机关名称、年份或“政府信息公开工作年度报告”",
        en="No title, or it lacks the agency, the year or “政府信息公开工作年度报告”",
    )
    rationale = Text(
        zh="政府信息公开条例第四十九条、第五十条将这份报告称为政府信息公开工作年度报告；报告按机关、按年度发布。",
        en="政府信息公开条例第四十九条、第五十条 name the report 政府信息公开工作年度报告; it is published per agency and year.",
    )
    severity = Severity.WARNING
    messages = {
        "missing": Text(
            zh="报告没有标题行（应写明机关名称、年份和“政府信息公开工作年度报告”）",
            en="The report has no title line (agency, year and 政府信息公开工作年度报告)",
        ),
        "year": Text(zh="标题缺少年份", en="The title lacks the year"),
        "agency": Text(zh="标题缺少机关名称", en="The title lacks the agency's name"),
        "name": Text(zh="标题应含“政府信息公开工作年度报告”", en="The title should contain “政府信息公开工作年度报告”"),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        title = doc.report.title
        if title is not None:
            written, span = title.text, title.span
        elif doc.meta.title is not None:  # the page's title, kept apart by a crawler (标题：…)
            written, span = doc.meta.title.value, doc.meta.title.span
        else:
            yield self.diagnostic(Span(1, 1, 1, 1), "missing")
            return
        yield from self._check_wording(written, span)

    def _check_wording(self, written: str, span: Span) -> Iterator[Diagnostic]:
        text = "".join(written.split())
        year = _YEAR.search(text)
        if year is None:
            yield self.diagnostic(span, "year")
        before = text[: year.start()] if year else text.split("政府信息公开")[0]
        if len(before) < 2:
            yield self.diagnostic(span, "agency")
        if REPORT_NAME not in text.replace("年度政府信息公开", "年政府信息公开"):
            yield self.diagnostic(span, "name", expected=REPORT_NAME)
