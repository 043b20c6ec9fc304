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
    cell_amount,
    table_pair,
)


class CarryOver(Rule):
    """
    ## What it does
    With last year's report of the same agency at hand (`gialint check --previous LAST THIS`,
    or two consecutive years' reports in one run), compares table 3 across the two years:
    this year's "二、上年结转政府信息公开申请数量" must equal last year's "四、结转下年度继续办理",
    applicant column by applicant column (the 总计 column only where no applicant column can
    be compared). It holds across the 2020→2021 change of format: both tables have the rows.
    Without last year's report, or when its year is not the year before, it says nothing.

    ## Why it matters
    The applications carried into this year are exactly those last year's report carried
    out of it; a difference means one of the two reports misstates its workload, and a
    reader comparing the years cannot tell which.

    ## Example
    Last year's report: 四、结转下年度继续办理 自然人 3. This year's: 二、上年结转政府信息公开申请数量
    自然人 2 — reported at this year's cell, naming last year's file and cell.

    ## 作用
    手头有同一机关的上年报告时（`gialint check --previous LAST THIS`，或一次运行中检查相邻两年的报告），比较两年的表三：今年的“二、上年结转政府信息公开申请数量”必须等于上年的“四、结转下年度继续办理”，逐个申请人列比较（只有任何申请人列都无法比较时，才比较总计列）。跨越2020→2021的格式变化同样适用：两版表格都有这两行。没有上年报告，或上年报告的年度不是前一年时，本规则不报告任何问题。

    ## 意义
    结转到今年的申请，正是上年报告结转出去的那些申请；二者不同，说明两份报告中有一份错报了工作量，比较两年数据的读者无从判断是哪一份。

    ## 示例
    上年报告：四、结转下年度继续办理 自然人 3。今年报告：二、上年结转政府信息公开申请数量 自然人 2——问题标在今年报告的该单元格，并写明上年的文件和单元格。
    """

    code = "GIA601"
    name = "carry-over"
    summary = Text(
        zh="上年结转申请数与上年报告的结转下年度继续办理数不一致",
        en="Applications carried over differ from last year's report",
    )
    rationale = Text(
        zh="两版格式的表三：某一年的二、上年结转，即前一年的四、结转下年度继续办理（《政府信息公开工作年度报告格式》，GB/OL 2019 和 2021 模板）。",
        en="Table 3 of both formats: 二、上年结转 of one year are the 四、结转下年度继续办理 of the year before "
        "(《政府信息公开工作年度报告格式》, GB/OL 2019 and 2021 templates).",
    )
    severity = Severity.ERROR
    messages = {
        "default": Text(
            zh="“二、上年结转政府信息公开申请数量”（{column}）为{found}，"
            "而上年报告 {previous} 的“四、结转下年度继续办理”（{column}）为{expected}，二者应相等",
            en="“二、上年结转政府信息公开申请数量” ({column}) is {found}, but last year's report {previous} "
            "gives {expected} for “四、结转下年度继续办理” ({column}); they should be equal",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        pair = table_pair(doc, "t3")
        if pair is None:
            return
        applicants = [
            c.id
            for c in pair.this.template.columns
            if c.id != "total"
            and cell_amount(pair.this, "carried_in", c.id) is not None
            and cell_amount(pair.last, "carry_out", c.id) is not None
        ]
        for column in applicants or ["total"]:
            broken = broken_chain(pair, "carried_in", column, [Term("last", "carry_out", column)])
            if broken is not None:
                yield self.diagnostic(
                    broken.cell.span,
                    **broken.values(),
                    column=pair.this.column_label(column),
                )
