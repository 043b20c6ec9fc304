from __future__ import annotations

from gialint.arithmetic import Breach, IdentityRule
from gialint.diagnostic import Severity, Text
from gialint.matched import MatchedTable


class ReviewLitigationTotal(IdentityRule):
    """
    ## What it does
    Checks, for each of the three groups of table 4 — 行政复议, 行政诉讼 未经复议直接起诉 and
    行政诉讼 复议后起诉 — that 总计 equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结. The finding
    points at the group's 总计 cell.

    ## Why it matters
    Every case ends in one of the four states; a total that differs from their sum
    misstates how many reviews or lawsuits the agency faced.

    ## Example
    行政复议: 结果维持 0, 结果纠正 1, 其他结果 0, 尚未审结 0, 总计 2 → should be 1.
    """

    code = "GIA304"
    name = "review-litigation-total"
    summary = Text(
        zh="表四：总计不等于结果维持、结果纠正、其他结果、尚未审结之和",
        en="Table 4: 总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    )
    rationale = "Each group of table 4 ends in a 总计 column (both formats)."
    severity = Severity.ERROR
    messages = {
        "default": Text(
            zh="“{where}”：总计为{found}，而结果维持、结果纠正、其他结果、尚未审结之和为{expected}",
            en="“{where}”: 总计 is {found} but 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = {expected}",
        )
    }

    def where(self, breach: Breach, table: MatchedTable) -> str:
        return table.column_label(breach.anchor.column).rsplit(" ", 1)[0]  # "行政复议 总计" -> "行政复议"
