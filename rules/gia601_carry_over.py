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
    """

    code = "GIA601"
    name = "carry-over"
    summary = Text(
        zh="上年结转申请数与上年报告的结转下年度继续办理数不一致",
        en="Applications carried over differ from last year's report",
    )
    rationale = (
        "Table 3 of both formats: 二、上年结转 of one year are the 四、结转下年度继续办理 of the year before "
        "(《政府信息公开工作年度报告格式》, GB/OL 2019 and 2021 templates)."
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
