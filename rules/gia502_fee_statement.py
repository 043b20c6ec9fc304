from __future__ import annotations

import re
from collections.abc import Iterator

from gialint.rules_api import (
    Diagnostic,
    Document,
    Prose,
    Rule,
    Severity,
    Span,
    Text,
    report_prose,
    required_content,
    section_prose,
)


class FeeStatement(Rule):
    """
    ## What it does
    In a report of the 2021 format, checks that section 六 (其他需要报告的事项) states the
    信息处理费: the amount charged, or that none was ("本年度未收取信息处理费"). Section VI states it
    when it names a fee at all ("未收取任何费用" counts); a sentence elsewhere in the report that
    names the 信息处理费 with an amount or with "未收取" states it too. The finding stands at
    section 六's heading, and says so when table 3's row （六）2 counts applications dropped
    because a fee notice was not paid while the text never mentions a fee. Where section 六 is
    missing (GIA101 reports it) the finding stands at that row, if it is above 0. Reports of the
    2019 format, which has no such requirement, are not checked.

    ## Why it matters
    The 2021 format prints "收取信息处理费情况在此处报告" under section 六, and the 信息处理费 (国办函
    〔2020〕109号) is what an applicant may be charged: the report is where the public learns
    whether it was. "六、其他需要报告的事项：无" leaves that out.

    ## Example
    A 2021 report whose section 六 reads "无。" gets `GIA502 第六部分未说明信息处理费的收取情况`;
    "本年度未收取信息处理费。" or "全年收取信息处理费0元。" gets nothing.

    ## 作用
    在2021年版格式的报告中，检查第六部分（其他需要报告的事项）是否说明了信息处理费：收取的金额，或者没有收取（“本年度未收取信息处理费”）。第六部分只要提到任何费用，即视为已经说明（“未收取任何费用”也算）；报告其他地方有一句话写明信息处理费及其金额或“未收取”的，也算已经说明。问题标在第六部分的标题处；如果表三（六）2 一行统计了因逾期未按收费通知缴费而不再处理的申请，而正文从未提到收费，问题会指出这一点。缺少第六部分时（由 GIA101 报告），若该行大于0，问题标在该行。2019年版格式没有这项要求，其报告不检查。

    ## 意义
    2021年版格式在第六部分之下写明“收取信息处理费情况在此处报告”，而信息处理费（国办函〔2020〕109号）是可以向申请人收取的费用：公众要从报告中了解是否收过费。“六、其他需要报告的事项：无”恰恰遗漏了这一点。

    ## 示例
    2021年度报告的第六部分写“无。”，报告 `GIA502 第六部分未说明信息处理费的收取情况`；写“本年度未收取信息处理费。”或“全年收取信息处理费0元。”则不报告问题。
    """

    code = "GIA502"
    name = "fee-statement"
    summary = Text(
        zh="第六部分未说明信息处理费收取情况",
        en="Section VI does not state whether an information processing fee was charged",
    )
    rationale = Text(
        zh="2021年版格式（国办公开办函〔2021〕30号）第六部分：收取信息处理费情况在此处报告；国办函〔2020〕109号。",
        en="2021 format (国办公开办函〔2021〕30号), section 六: 收取信息处理费情况在此处报告; 国办函〔2020〕109号.",
    )
    severity = Severity.WARNING
    versions = frozenset({"2021"})
    messages = {
        "default": Text(
            zh="第六部分未说明信息处理费的收取情况（收取金额，或未收取）",
            en="Section VI does not state the information processing fee (the amount charged, or that none was)",
        ),
        "unpaid": Text(
            zh="第六部分未说明信息处理费的收取情况，而表三（六）2“逾期未按收费通知要求缴纳费用”有{count}件",
            en="Section VI does not state the information processing fee, although table 3 row “（六）2” counts {count} "
            "applications whose fee notice was not paid",
        ),
        "unpaid_row": Text(
            zh="表三（六）2“逾期未按收费通知要求缴纳费用”有{count}件，但报告未说明信息处理费的收取情况",
            en="Table 3 row “（六）2” counts {count} applications whose fee notice was not paid, but the report never "
            "states the information processing fee",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.version != "2021":
            return
        words = required_content(doc.model).fee
        other = section_prose(doc, 6)
        if other is not None and other.has_any(words.fee_words + words.section_words):
            return
        whole = report_prose(doc)
        if _stated(whole, words.fee_words, words.none_words, words.amount_units):
            return
        unpaid = _unpaid(doc)
        mentioned = whole.has_any(words.mention_words)
        if other is not None:
            count = unpaid[0] if unpaid and not mentioned else None
            key = "unpaid" if count else "default"
            yield self.diagnostic(other.anchor, key, count=count)
        elif unpaid and not mentioned:
            yield self.diagnostic(unpaid[1], "unpaid_row", count=unpaid[0])


def _stated(prose: Prose, fees: tuple[str, ...], nones: tuple[str, ...], units: tuple[str, ...]) -> bool:
    """A sentence names the fee with an amount or says none was charged."""
    if not prose.has_any(fees):
        return False  # no sentence names the fee: none to read one by one
    amount = re.compile(r"\d[\d,.]*\s*(?:" + "|".join(re.escape(u) for u in units) + ")") if units else None
    for _, sentence in prose.sentences():
        named = any(f in sentence for f in fees)
        if named and (any(n in sentence for n in nones) or (amount is not None and amount.search(sentence))):
            return True
    return False


def _unpaid(doc: Document) -> tuple[int, Span] | None:
    """Table 3's （六）2 total and its cell, where it is above 0."""
    table = doc.table("t3")
    cell = table.cell("other_no_fee", "total") if table is not None else None
    if cell is None or cell.value.number is None or cell.value.number <= 0:
        return None
    return int(cell.value.number), cell.span
