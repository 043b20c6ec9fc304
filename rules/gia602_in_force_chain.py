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
    """

    code = "GIA602"
    name = "in-force-chain"
    summary = Text(
        zh="现行有效件数与上年现行有效件数加本年制发减本年废止不符",
        en="Documents in force do not follow from last year's count, those issued and those repealed",
    )
    rationale = (
        "Table 2 of the 2021 format (第二十条第（一）项): 现行有效件数 at the end of a year is last year's, "
        "plus 本年制发件数, less 本年废止件数."
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
