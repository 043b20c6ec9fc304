from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Span, Text


class UnknownYear(Rule):
    """
    ## What it does
    Reports when neither the title nor the body says which year the report covers
    (a year in the title, a statistics period, "2020年度", or years in the text).

    ## Why it matters
    The year decides which format the report must follow and against which deadline
    it is judged (31 January, or 31 March for governments, of the following year).
    Without it, GIA201 cannot check the tables' version.

    ## Example
    A report titled "某某局政府信息公开工作年度报告" whose text never names a year.

    ## 作用
    标题和正文都没有说明报告所属年度（标题中的年份、统计期限、“2020年度”或正文中的年份）时，报告此问题。

    ## 意义
    年度决定报告应当采用哪一版格式，以及以哪个期限衡量其是否按时发布（次年1月31日；各级人民政府为次年3月31日）。没有年度，GIA201 就无法检查各表的版本。

    ## 示例
    标题为“某某局政府信息公开工作年度报告”、正文也从未写明年份的报告。
    """

    code = "GIA205"
    name = "unknown-year"
    summary = Text(zh="无法确定报告年度", en="The report year cannot be determined")
    rationale = Text(
        zh="政府信息公开条例第四十九条：一份报告涵盖一个自然年度；适用哪一版格式取决于年度。",
        en="政府信息公开条例第四十九条: a report covers one calendar year; the format depends on it.",
    )
    severity = Severity.WARNING
    messages = {
        "default": Text(
            zh="无法确定报告所属年度：请在标题中写明年份",
            en="The report year cannot be determined: name it in the title",
        )
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.year is None:
            title = doc.report.title
            yield self.diagnostic(title.span if title else Span(1, 1, 1, 1))
