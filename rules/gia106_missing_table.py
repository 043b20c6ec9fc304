from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text, roman


class MissingTable(Rule):
    """
    ## What it does
    Checks that sections 二, 三 and 四 each hold their statistics table: 主动公开政府信息情况,
    收到和处理政府信息公开申请情况 and 政府信息公开行政复议、行政诉讼情况. A table is recognised by its
    labels, in any of the text layouts.

    ## Why it matters
    The format reports these three parts as tables ("该部分以表格形式报告"); their figures are
    what evaluators compare across agencies. A section that describes its figures in
    prose, or a table pasted elsewhere, cannot be checked or compared.

    ## Example
    Section 四 with only the sentence "本年度未发生行政复议、行政诉讼" → the table with its 15
    zeros belongs there.

    ## 作用
    检查第二、三、四部分是否各有其统计表：“主动公开政府信息情况”“收到和处理政府信息公开申请情况”和“政府信息公开行政复议、行政诉讼情况”。表格按其标签识别，无论以哪种文本排版呈现。

    ## 意义
    格式规定这三部分以表格形式报告（“该部分以表格形式报告”）；评估人员在各机关之间比较的，正是这些表中的数字。用文字叙述数字的部分，或粘贴在别处的表格，都无法核对和比较。

    ## 示例
    第四部分只有一句“本年度未发生行政复议、行政诉讼”→ 这里应有该表及其15个0。
    """

    code = "GIA106"
    name = "missing-table"
    summary = Text(zh="第二、三、四部分缺少统计表格", en="Section II, III or IV lacks its table")
    rationale = Text(
        zh="两版格式都以表格形式报告第二、三、四部分。",
        en="Both formats report sections 二, 三 and 四 as tables.",
    )
    severity = Severity.ERROR
    messages = {
        "default": Text(zh="第{numeral}部分缺少“{table}”表", en="Section {numeral_en} lacks the table “{table}”"),
        "elsewhere": Text(
            zh="第{numeral}部分缺少“{table}”表（该表出现在第{line}行，不在本部分）",
            en="Section {numeral_en} lacks the table “{table}” (it stands at line {line}, outside this section)",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for spec, section in doc.recognised_sections():
            if spec.table is None:
                continue
            title = doc.model.tables[spec.table].title
            tables = [t for t in doc.tables if t.id == spec.table]
            if any(t.section is section for t in tables):
                continue
            if tables:
                yield self.diagnostic(
                    section.heading.span,
                    "elsewhere",
                    numeral=spec.numeral,
                    numeral_en=roman(spec.numeral),
                    table=title,
                    line=tables[0].span.line,
                )
            else:
                yield self.diagnostic(
                    section.heading.span, numeral=spec.numeral, numeral_en=roman(spec.numeral), table=title
                )
