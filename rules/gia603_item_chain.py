from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import (
    Diagnostic,
    Document,
    Rule,
    Severity,
    Term,
    Text,
    broken_chain,
    number,
    table_pair,
    value_rows,
)


class ItemChain(Rule):
    """
    ## What it does
    With last year's report of the same agency at hand, and both reports in the 2019 format
    (reports for 2019 and 2020), checks table 2's rows of items (行政许可, 行政处罚, 行政事业性收费…):
    this year's 上一年项目数量 should be last year's 上一年项目数量 plus last year's 本年增/减 — the
    number of items at the end of last year, which last year's report gave as its start plus
    its change. The 2021 format has no such columns, so nothing is compared from 2021 on.

    ## Why it matters
    上一年项目数量 is the count at the end of the year before, and 本年增/减 the change during the
    year: one year's end is the next year's start. A break means a count or a change was
    misstated in one of the two reports.

    ## Example
    2019 report: 行政许可 上一年项目数量 30, 本年增/减 +2. 2020 report: 行政许可 上一年项目数量 30
    (should be 32) — a warning at the 2020 report's 30.

    ## 作用
    手头有同一机关的上年报告、且两份报告都采用2019年版格式时（2019年度和2020年度报告），检查表二中事项类的各行（行政许可、行政处罚、行政事业性收费…）：今年的上一年项目数量应等于上年的上一年项目数量加上年的本年增/减——即上年年末的项目数，上年报告以其年初数加当年变化给出。2021年版格式没有这些列，因此自2021年度起不再比较。

    ## 意义
    上一年项目数量是前一年年末的数量，本年增/减是当年的变化：一年的年末就是下一年的年初。链条断开，说明两份报告之一错报了数量或变化。

    ## 示例
    2019年度报告：行政许可 上一年项目数量 30，本年增/减 +2。2020年度报告：行政许可 上一年项目数量 30（应为 32）——在2020年度报告的 30 处报告一个警告。
    """

    code = "GIA603"
    name = "item-chain"
    summary = Text(
        zh="上一年项目数量与上年报告的上一年项目数量加本年增/减不符",
        en="Last year's item count does not follow from last year's report",
    )
    rationale = Text(
        zh="2019年版格式的表二（第二十条第（五）、（六）、（八）项）：上一年项目数量是前一年年末的数量，即上年报告的上一年项目数量加上年报告的本年增/减。",
        en="Table 2 of the 2019 format (第二十条第（五）、（六）、（八）项): 上一年项目数量 is the count at the end "
        "of the year before, that is last year's 上一年项目数量 plus last year's 本年增/减.",
    )
    severity = Severity.WARNING
    messages = {
        "default": Text(
            zh="“{row}”的上一年项目数量为{found}，按上年报告 {previous} 的上一年项目数量{before}加本年增/减{delta}"
            "应为{expected}",
            en="“{row}”: the previous year's count (上一年项目数量) is {found}, but last year's report {previous} gives {before} "
            "and a change of {delta}, which makes {expected}",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        pair = table_pair(doc, "t2", "2019")
        if pair is None:
            return
        for row in value_rows(pair.this, "prev_items", "delta"):
            terms = [Term("last", row, "prev_items"), Term("last", row, "delta")]
            broken = broken_chain(pair, row, "prev_items", terms)
            if broken is None:
                continue
            before, delta = (number(a) for a in broken.amounts)
            yield self.diagnostic(
                broken.cell.span,
                **broken.values(),
                row=pair.this.row_label(row),
                before=before,
                delta=delta,
            )
