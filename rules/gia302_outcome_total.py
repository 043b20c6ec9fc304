from __future__ import annotations

from gialint.rules_api import SHARED_MESSAGES, IdentityRule, Severity, Text


class OutcomeTotal(IdentityRule):
    """
    ## What it does
    Checks, for every column of table 3, that "（七）总计" equals the sum of all outcome
    rows: （一）予以公开, （二）部分公开, the eight （三）不予公开 rows, the three （四）无法提供
    rows, the five （五）不予处理 rows and （六）其他处理 (one row in the 2019 format, three in
    2021). Group labels have no subtotal and are not added. The finding points at the
    column's （七）总计 cell, unless that cell agrees with its row total and the balance while
    an outcome cell of the column does not: then at that cell.

    When exactly one cell's correction makes every identity of the table hold, one finding
    is made at it (很可能是此格有误): by GIA302 for a cell of （七）总计 other than its 总计,
    by GIA301 for the others (see GIA301).

    ## Why it matters
    Each application handled has exactly one outcome, so the outcomes must add up to
    the number handled. A mismatch means an outcome was left out, counted twice, or
    the total was copied from elsewhere.

    ## Example
    自然人 column: 予以公开 8, 部分公开 0, 不掌握 20, 需另行制作 2, 第三方 2, 内部事务 1 → 33,
    but （七）总计 says 35.
    """

    code = "GIA302"
    name = "outcome-total"
    summary = Text(
        zh="表三：（七）总计不等于各项办理结果之和",
        en="Table 3: (VII) Total (（七）总计) ≠ the sum of every outcome row",
    )
    rationale = "Table 3's （七）总计 totals the outcome rows （一）–（六） (both formats)."
    severity = Severity.ERROR
    messages = {
        "default": Text(
            zh="“{where}”列：（七）总计为{written}，而各项办理结果之和为{expected}",
            en="Column “{where}”: (VII) Total (（七）总计) is {written_en} but the outcome rows add up to {expected}",
        ),
        **SHARED_MESSAGES,
    }
