from __future__ import annotations

from gialint.rules_api import SHARED_MESSAGES, IdentityRule, Severity, Text


class ReviewLitigationTotal(IdentityRule):
    """
    ## What it does
    Checks, for each of the three groups of table 4 — 行政复议, 行政诉讼 未经复议直接起诉 and
    行政诉讼 复议后起诉 — that 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结. The finding
    points at the group's 总计 cell (a blank 总计 is called blank, not 0). Any of the group's
    five cells could be the wrong one, unless the sum exceeds 总计 by more than any part
    holds: no count can be lowered below 0, so 总计 is then the one (很可能是此格有误, with the
    value). When the row has one value too many and joining
    two neighbouring numbers ("1" "0" → 10) makes every group add up, one finding says so.

    ## Why it matters
    Every case ends in one of the four states; a total that differs from their sum
    misstates how many reviews or lawsuits the agency faced.

    ## Example
    行政复议: 结果维持 0, 结果纠正 1, 其他结果 0, 尚未审结 0, 总计 2 → should be 1.

    ## 作用
    对表四的三组——行政复议、行政诉讼 未经复议直接起诉、行政诉讼 复议后起诉——分别检查总计是否等于结果维持 + 结果纠正 + 其他结果 + 尚未审结。问题标在该组的总计单元格（空白的总计称为空白，而不是0）。该组五个单元格中任何一个都可能是错的，除非各项之和超出总计的部分大于任何一项所填的数：任何计数都不能减到0以下，此时错的只能是总计（很可能是此格有误，并给出数值）。某行多出一个数值，而把两个相邻的数合并（“1”“0”→ 10）就能使各组都相符的，报告一个问题说明这一点。

    ## 意义
    每件案件都处于这四种状态之一；总计与四项之和不同，就错报了该机关面对的行政复议或行政诉讼的数量。

    ## 示例
    行政复议：结果维持 0，结果纠正 1，其他结果 0，尚未审结 0，总计 2 → 应为 1。
    """

    code = "GIA304"
    name = "review-litigation-total"
    summary = Text(
        zh="表四：总计不等于结果维持、结果纠正、其他结果、尚未审结之和",
        en="Table 4: Total ≠ upheld + corrected + other + pending (总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结)",
    )
    rationale = Text(
        zh="表四的每一组都以总计列结尾（两版格式）。",
        en="Each group of table 4 ends in a 总计 column (both formats).",
    )
    severity = Severity.ERROR
    messages = {
        "default": Text(
            zh="“{where}”：总计为{written}，而结果维持、结果纠正、其他结果、尚未审结之和为{expected}",
            en="“{where}”: Total (总计) is {written_en} but upheld + corrected + other + pending (结果维持 + 结果纠正 + 其他结果 + 尚未审结) = {expected}",
        ),
        **SHARED_MESSAGES,
    }
