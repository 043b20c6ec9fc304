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

    ## 作用
    对表三的每一行，检查总计是否等于自然人加五个法人或其他组织列（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和。短横线和空白按0计（空白的总计称为空白，而不是0）。问题标在该行的总计单元格，并列出相加的各单元格。

    表三的各项勾稽关系是一并求解的，因此一个单元格有误只报告一个问题：如果恰好改正一个单元格就能使各项勾稽关系全部成立，问题就标在该单元格，指出能使其成立的数值，并说明这一点（很可能是此格有误）。某行的总计，以及除（七）总计一行以外各行的每个单元格，由 GIA301 报告（这样的单元格首先破坏的是行合计；（七）总计一行的其他单元格由 GIA302 报告）。否则，合计不符的行在其总计处报告，除非该单元格与其他各项勾稽关系都相符，而本行另一个单元格不符：此时标在那个单元格。某行多出一个数值，而把两个相邻的数合并（“1”“62”→ 162，爬虫和 PDF 常把数拆开）就能使其相符的，作为被拆开的数报告。

    ## 意义
    总计是各类申请人的合计；若不等于各部分之和，该行至少有一个数字有误，报告的核心数字（新收申请数、办理结果）也就不可信。

    ## 示例
    “一、本年新收政府信息公开申请数量”：自然人 28，商业企业 1，科研机构 1，其余为“-”，总计 31 → 各部分之和为 30。
    """

    code = "GIA301"
    name = "row-total"
    summary = Text(
        zh="表三：总计不等于自然人与五类法人或其他组织之和",
        en="Table 3: Total (总计) ≠ natural persons (自然人) + the five columns of legal persons or other organisations (法人或其他组织)",
    )
    rationale = Text(
        zh="表三的总计列是各类申请人列之和（两版格式）。",
        en="Table 3's 总计 column totals the applicant columns (both formats).",
    )
    severity = Severity.ERROR
    messages = {
        "default": Text(
            zh="“{where}”行：总计为{written}，而自然人与法人或其他组织各列之和为{expected}",
            en="Row “{where}”: Total (总计) is {written_en} but the applicant columns add up to {expected}",
        ),
        **SHARED_MESSAGES,
    }
