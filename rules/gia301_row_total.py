from __future__ import annotations

from gialint.rules_api import SHARED_MESSAGES, IdentityRule, Severity, Text


class RowTotal(IdentityRule):
    """
    ## What it does
    Checks, for every row of table 3, that 总计 equals 自然人 plus the five
    法人或其他组织 columns (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他). Dashes and blanks
    count as 0 (a blank 总计 is called blank, not 0). The finding points at the row's 总计
    cell and lists the cells added up.

    The identities of table 3 are solved together, so one wrong cell gives one finding:
    when exactly one cell's correction makes every identity hold, the finding is at that
    cell, names the value that would and says so (很可能是此格有误). GIA301 makes it for a
    row's 总计 and for every cell of a row but （七）总计 (the row total is the first identity
    such a cell breaks; GIA302 makes it for the other cells of （七）总计). Otherwise a row
    that does not add up is reported at its 总计, unless that cell agrees with every other
    identity while another cell of the row does not: then at that cell. A row with one
    value too many, where joining two neighbouring numbers ("1" "62" → 162, as crawlers and
    PDFs split them) makes it add up, is reported as a split number.

    ## Why it matters
    总计 is the total over applicant types; when it is not the sum of its parts, at
    least one figure of the row is wrong, and the report's headline numbers (new
    applications, outcomes) cannot be trusted.

    ## Example
    "一、本年新收政府信息公开申请数量": 自然人 28, 商业企业 1, 科研机构 1, others "-", 总计 31 →
    the parts add up to 30.
    """

    code = "GIA301"
    name = "row-total"
    summary = Text(
        zh="表三：总计不等于自然人与五类法人或其他组织之和",
        en="Table 3: Total (总计) ≠ natural persons (自然人) + the five columns of legal persons or other organisations (法人或其他组织)",
    )
    rationale = "Table 3's 总计 column totals the applicant columns (both formats)."
    severity = Severity.ERROR
    messages = {
        "default": Text(
            zh="“{where}”行：总计为{written}，而自然人与法人或其他组织各列之和为{expected}",
            en="Row “{where}”: Total (总计) is {written_en} but the applicant columns add up to {expected}",
        ),
        **SHARED_MESSAGES,
    }
