from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, IdentityRule, MatchedTable, Severity, Text, number


class ImplausibleValue(IdentityRule):
    """
    ## What it does
    Flags values that cannot be: a negative figure, or a fraction, in a column of
    counts; in the 2019 table 2, 上一年项目数量 + 本年增/减 below zero (fewer than no items).
    本年增/减 may be negative; that is what it is for. In the 2021 table 2, more documents
    repealed (本年废止件数) than are in force and issued is no error: 现行有效件数 is counted
    after the repeals, and a clean-up repeals older documents.

    ## Why it matters
    These are not typos a sum would catch but numbers put in the wrong column — a
    classic is filling 本年增/减 with the year's case count — and they mislead every
    reader who trusts the table.

    ## Example
    行政强制: 上一年项目数量 5, 本年增/减 -8 → 5 − 8 items cannot be.

    ## 作用
    标出不可能成立的数值：计数列中的负数或小数；2019年版表二中上一年项目数量 + 本年增/减小于0（项目数成了负数）。本年增/减可以为负，这一列本来就是为此而设。2021年版表二中，本年废止件数多于现行有效件数与本年制发件数之和，并不是错误：现行有效件数是废止之后的数，而清理工作废止的是以前的文件。

    ## 意义
    这些不是合计能发现的笔误，而是填错了栏目的数字——典型的是在本年增/减一栏填入全年办件量——它们会误导每一位信赖该表的读者。

    ## 示例
    行政强制：上一年项目数量 5，本年增/减 -8 → 5 − 8 个项目是不可能的。
    """

    code = "GIA305"
    name = "implausible-value"
    summary = Text(
        zh="不可能的数值：负数或小数的件数，或项目数减至负数",
        en="A negative or fractional count, or fewer than no items in table 2",
    )
    rationale = Text(
        zh="件数是不小于0的整数；表二的项目数不能减到0以下（模板：合理性推断）。",
        en="Counts are whole numbers ≥ 0; table 2's items cannot fall below zero (templates: plausibility).",
    )
    severity = Severity.WARNING
    messages = {
        "default": Text(zh="{relation}不成立：{lhs}与{rhs}", en="{relation_en} does not hold: {lhs} against {rhs}"),
        "negative": Text(
            zh="“{row}”的“{column}”为负数{value}，不可能为负",
            en="“{row}” / “{column}” is negative ({value}), which it cannot be",
        ),
        "fraction": Text(
            zh="“{row}”的“{column}”为{value}：件数、项目数应为整数",
            en="“{row}” / “{column}” is {value}: counts are whole numbers",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        yield from super().check(doc)
        for table in doc.tables:
            yield from self._check_values(table)

    def _check_values(self, table: MatchedTable) -> Iterator[Diagnostic]:
        for row, column, cell in table.census.odd:  # a number below zero or not whole
            amount = cell.value.number
            assert amount is not None
            if amount < 0 and column.type != "signed":
                kind = "negative"
            elif column.type != "money" and amount != amount.to_integral_value():
                kind = "fraction"
            else:
                continue
            yield self.diagnostic(cell.span, kind, row=row.label, column=column.label, value=number(amount))
