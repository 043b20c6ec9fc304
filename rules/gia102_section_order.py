from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text


class SectionOrder(Rule):
    """
    ## What it does
    Checks that the sections stand in the format's order (一 to 六) and that none
    appears twice.

    ## Why it matters
    Readers and evaluators compare reports across agencies and years section by
    section; the format fixes the order so that they can. A duplicated section is
    usually a paste error that leaves two versions of the same facts.

    ## Example
    "三、收到和处理政府信息公开申请情况" placed after "四、政府信息公开行政复议、行政诉讼情况" is out of
    order; a second "二、主动公开政府信息情况" is a duplicate.

    ## 作用
    检查各部分是否按格式规定的顺序（一至六）排列，且没有哪一部分重复出现。

    ## 意义
    读者和评估人员逐部分比较不同机关、不同年度的报告；格式固定各部分的顺序，正是为了便于这种比较。重复出现的部分通常是粘贴失误，使同一事项留下两个版本。

    ## 示例
    “三、收到和处理政府信息公开申请情况”排在“四、政府信息公开行政复议、行政诉讼情况”之后，属于顺序错乱；第二次出现的“二、主动公开政府信息情况”属于重复。
    """

    code = "GIA102"
    name = "section-order"
    summary = Text(zh="部分顺序错乱或重复", en="Sections out of order, or one duplicated")
    rationale = Text(
        zh="两版格式都按固定顺序（一至六）列出六个部分。",
        en="Both formats print the six sections in a fixed order (一 to 六).",
    )
    severity = Severity.ERROR
    messages = {
        "order": Text(
            zh="第{numeral}部分“{heading}”应排在第{after}部分之前",
            en="Section {numeral} “{heading}” should come before section {after}",
        ),
        "duplicate": Text(
            zh="第{numeral}部分“{heading}”重复出现（第一次在第{line}行）",
            en="Section {numeral} “{heading}” appears twice (first at line {line})",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        first_at: dict[int, int] = {}
        highest = None
        for spec, section in doc.recognised_sections():
            heading = section.heading
            if spec.index in first_at:
                yield self.diagnostic(
                    heading.span, "duplicate", numeral=spec.numeral, heading=spec.heading, line=first_at[spec.index]
                )
                continue
            first_at[spec.index] = heading.span.line
            if highest is not None and spec.index < highest.index:
                yield self.diagnostic(
                    heading.span, "order", numeral=spec.numeral, heading=spec.heading, after=highest.numeral
                )
            elif highest is None or spec.index > highest.index:
                highest = spec
