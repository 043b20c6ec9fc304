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


class InForceChain(Rule):
    """
    ## What it does
    With last year's report of the same agency at hand, and both reports in the 2021 format,
    checks table 2's rows of documents (规章, 行政规范性文件): this year's 现行有效件数 should be last
    year's 现行有效件数 plus this year's 本年制发件数 minus this year's 本年废止件数. Across the
    2020→2021 change of format 现行有效件数 has no predecessor (the 2019 table has no such
    column), so a 2021 report is not compared with its 2020 one.

    ## Why it matters
    The documents in force at the end of a year are those in force a year before, plus those
    made, less those repealed. When the chain breaks, one of the three figures is wrong — or
    documents lapsed without being repealed, which the report should then say.

    ## Example
    Last year: 行政规范性文件 现行有效件数 40. This year: 本年制发件数 5, 本年废止件数 2, 现行有效件数 50
    (40 + 5 − 2 = 43) — a warning at this year's 50.

    ## 作用
    手头有同一机关的上年报告、且两份报告都采用2021年版格式时，检查表二中文件类的各行（规章、行政规范性文件）：今年的现行有效件数应等于上年的现行有效件数，加今年的本年制发件数，减今年的本年废止件数。跨越2020→2021的格式变化，现行有效件数没有可以承接的上年数（2019年版表格没有这一列），因此2021年度报告不与其2020年度报告比较。

    ## 意义
    年末现行有效的文件，就是一年前现行有效的文件，加上制发的，减去废止的。这一链条断开，说明三个数字中有一个有误——或者有文件未经废止就失效了，这时报告应当加以说明。

    ## 示例
    上年：行政规范性文件 现行有效件数 40。今年：本年制发件数 5，本年废止件数 2，现行有效件数 50（40 + 5 − 2 = 43）——在今年的 50 处报告一个警告。
    """

    code = "GIA602"
    name = "in-force-chain"
    summary = Text(
        zh="现行有效件数与上年现行有效件数加本年制发减本年废止不符",
        en="Documents in force do not follow from last year's count, those issued and those repealed",
    )
    rationale = Text(
        zh="2021年版格式的表二（第二十条第（一）项）：年末的现行有效件数等于上一年的现行有效件数，加本年制发件数，减本年废止件数。",
        en="Table 2 of the 2021 format (第二十条第（一）项): 现行有效件数 at the end of a year is last year's, "
        "plus 本年制发件数, less 本年废止件数.",
    )
    severity = Severity.WARNING
    messages = {
        "default": Text(
            zh="“{row}”的现行有效件数为{found}，按上年报告 {previous} 的现行有效件数{before}"
            "加本年制发件数{issued}减本年废止件数{repealed}应为{expected}",
            en="“{row}”: {found} documents in force, but last year's report {previous} gives {before}, "
            "plus {issued} issued and less {repealed} repealed this year makes {expected}",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        pair = table_pair(doc, "t2", "2021")
        if pair is None:
            return
        for row in value_rows(pair.this, "issued", "repealed", "in_force"):
            terms = [Term("last", row, "in_force"), Term("this", row, "issued"), Term("this", row, "repealed", -1)]
            broken = broken_chain(pair, row, "in_force", terms)
            if broken is None:
                continue
            before, issued, repealed = (number(a) for a in broken.amounts)
            yield self.diagnostic(
                broken.cell.span,
                **broken.values(),
                row=pair.this.row_label(row),
                before=before,
                issued=issued,
                repealed=repealed,
            )
