from __future__ import annotations

from gialint.rules_api import SHARED_MESSAGES, IdentityRule, Severity, Text


class Balance(IdentityRule):
    """
    ## What it does
    Checks, for every column of table 3, the balance the table prints in its own
    header: 第一项加第二项之和，等于第三项加第四项之和 — new applications plus those carried
    over from last year equal those handled (（七）总计) plus those carried into next year.
    The finding points at the column's （七）总计 cell, with the value that would balance —
    unless （七）总计 agrees with its row total and its outcome total while 新收, 上年结转 or
    结转下年度 does not: then at that cell, since （七）总计 is right.

    When exactly one cell's correction makes every identity of the table hold, one finding
    is made at it (很可能是此格有误): by GIA303 when the balance is the only identity it
    breaks that can be checked (its row has an unreadable cell), else by GIA301 or GIA302.

    ## Why it matters
    It is the one identity the format itself states. An application received must be
    either handled this year or carried over; when the balance fails, applications
    have been lost or invented between the rows.

    ## Example
    自然人: 28 new + 5 carried over = 33, but （七）总计 33 + 结转下年度 2 = 35.

    ## 作用
    对表三的每一列，检查表格在其表头中写明的平衡关系：第一项加第二项之和，等于第三项加第四项之和——新收的申请加上年结转的申请，等于已办理的申请（（七）总计）加结转下年度的申请。问题标在该列的（七）总计单元格，并给出能使两边平衡的数值——除非（七）总计与其行合计和办理结果合计都相符，而新收、上年结转或结转下年度不符：此时标在那个单元格，因为（七）总计是对的。

    如果恰好改正一个单元格就能使表中各项勾稽关系全部成立，就在该单元格报告一个问题（很可能是此格有误）：平衡关系是该单元格破坏的唯一一项可以核对的勾稽关系时（其所在行有无法读取的单元格），由 GIA303 报告，否则由 GIA301 或 GIA302 报告。

    ## 意义
    这是格式本身写明的唯一一项勾稽关系。收到的申请要么在本年办理，要么结转；平衡关系不成立，就说明各行之间有申请凭空消失或凭空多出。

    ## 示例
    自然人：新收 28 + 上年结转 5 = 33，而（七）总计 33 + 结转下年度 2 = 35。
    """

    code = "GIA303"
    name = "balance"
    summary = Text(
        zh="表三：第一项加第二项不等于第三项（七）总计加第四项",
        en="Table 3: I + II ≠ (VII) Total + IV (一 + 二 ≠ （七）总计 + 四)",
    )
    rationale = Text(
        zh="表三的表头写明了这一关系：（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）。",
        en="The header of table 3 states it: （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）.",
    )
    severity = Severity.ERROR
    messages = {
        "default": Text(
            zh="“{where}”列：第一项加第二项为{lhs}，第三项加第四项为{rhs}（（七）总计应为{expected}，实为{written}）",
            en="Column “{where}”: I + II = {lhs} but (VII) Total + IV = {rhs} ((VII) Total should be {expected}, is {written_en})",
        ),
        **SHARED_MESSAGES,
    }
