from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text


class NarrativeSum(Rule):
    """
    ## What it does
    Finds a total the text states and the parts it lists after 其中 ("主动公开政府信息321条，
    其中：机构职能类3条，规划计划类1条，…其他316条") and checks that the parts add up to the
    total. The finding points at the total and names the sum of the parts.

    It reads a list only when it is plain: the total is the one figure of its clause, right
    before "，其中" or "（其中"; the list runs to the end of the sentence, a ；, or the bracket it
    opened in; every part is a label and an exact figure in the total's unit (bracketed remarks
    and percentages are set aside); there are at least two parts. As a list may name only some
    parts, one that adds up to less than the total is reported only when its last part is the
    rest (其他, 其余 …: content.toml's `[narrative.sums]`); one that adds up to more always is.

    ## Why it matters
    A total and its breakdown that disagree mean one of the figures was copied or typed
    wrong; a reader cannot tell which, and the text loses its worth as a record.

    ## Example
    "主动公开政府信息321条，其中：机构职能类3条，规划计划类1条，其他316条" — the parts add up to 320.

    ## 作用
    找出正文所述的总数及其后“其中”所列的各项（“主动公开政府信息321条，其中：机构职能类3条，规划计划类1条，…其他316条”），检查各项之和是否等于总数。问题标在总数处，并写明各项之和。

    只读取形式简单的列举：总数是其所在分句中唯一的数字，紧挨在“，其中”或“（其中”之前；列举一直延续到句末、“；”或它所在的括号结束处；每一项都是一个标签加一个与总数单位相同的精确数字（括号内的说明和百分比不计）；至少有两项。由于列举可能只列出部分项目，各项之和小于总数的，只有最后一项是“其余”部分（其他、其余 …：content.toml 的 `[narrative.sums]`）时才报告；各项之和大于总数的，一律报告。

    ## 意义
    总数与其分项不符，说明其中某个数字抄错或打错了；读者无从判断是哪一个，这段文字也就失去了作为记录的价值。

    ## 示例
    “主动公开政府信息321条，其中：机构职能类3条，规划计划类1条，其他316条”——各项之和为 320。
    """

    code = "GIA508"
    name = "narrative-sum"
    summary = Text(
        zh="正文所列各项之和与所述总数不一致",
        en="The parts the text lists do not add up to the total it states",
    )
    rationale = Text(
        zh="正文所述的总数与其所列的各项必须相符（算术关系）。",
        en="A total stated in the text and the parts it lists must agree (arithmetic).",
    )
    severity = Severity.WARNING
    messages = {
        "default": Text(
            zh="正文所述总数{total}与其中所列{count}项之和{sum}不一致",
            en="The text states a total of “{total}”, but the {count} parts it lists add up to “{sum}”",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        narrative = doc.narrative
        for stated in narrative.sums:
            if stated.sum == stated.total.value:
                continue
            if stated.sum < stated.total.value and not stated.names_rest(narrative.data):
                continue  # the list may name only some of the parts
            unit = stated.total.unit
            yield self.diagnostic(
                stated.span,
                total=f"{stated.total.value}{unit}",
                count=len(stated.parts),
                sum=f"{stated.sum}{unit}",
                expected=str(stated.total.value),
                found=str(stated.sum),
            )
