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

    ## 作用
    对表三的每一列，检查“（七）总计”是否等于全部办理结果行之和：（一）予以公开、（二）部分公开、（三）不予公开的八行、（四）无法提供的三行、（五）不予处理的五行，以及（六）其他处理（2019年版格式为一行，2021年版为三行）。分组标签没有小计，不计入。问题标在该列的（七）总计单元格，除非该单元格与其行合计及平衡关系都相符，而该列某个办理结果单元格不符：此时标在那个单元格。

    如果恰好改正一个单元格就能使表中各项勾稽关系全部成立，就在该单元格报告一个问题（很可能是此格有误）：（七）总计一行中除总计以外的单元格由 GIA302 报告，其他单元格由 GIA301 报告（见 GIA301）。

    ## 意义
    每件办理的申请都恰有一个办理结果，因此各项结果之和必须等于办理总数。不符说明漏计了某项结果、重复计算了某项结果，或者总计是从别处抄来的。

    ## 示例
    自然人列：予以公开 8，部分公开 0，不掌握 20，需另行制作 2，第三方 2，内部事务 1 → 33，而（七）总计为 35。
    """

    code = "GIA302"
    name = "outcome-total"
    summary = Text(
        zh="表三：（七）总计不等于各项办理结果之和",
        en="Table 3: (VII) Total (（七）总计) ≠ the sum of every outcome row",
    )
    rationale = Text(
        zh="表三的（七）总计是办理结果（一）–（六）各行之和（两版格式）。",
        en="Table 3's （七）总计 totals the outcome rows （一）–（六） (both formats).",
    )
    severity = Severity.ERROR
    messages = {
        "default": Text(
            zh="“{where}”列：（七）总计为{written}，而各项办理结果之和为{expected}",
            en="Column “{where}”: (VII) Total (（七）总计) is {written_en} but the outcome rows add up to {expected}",
        ),
        **SHARED_MESSAGES,
    }
