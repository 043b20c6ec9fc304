from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Span, Text, roman


class MissingSection(Rule):
    """
    ## What it does
    Checks that each of the format's six sections is present: 一、总体情况,
    二、主动公开政府信息情况, 三、收到和处理政府信息公开申请情况, 四、政府信息公开行政复议、行政诉讼情况,
    五、存在的主要问题及改进情况, 六、其他需要报告的事项. A section is recognised by its wording
    (or a wording seen in practice), a keyword of it, or its numeral.

    ## Why it matters
    Article 50 of the 政府信息公开条例 fixes what an annual report contains, and both the
    2019 and the 2021 format print it as these six sections. A report without one of
    them omits something the law requires it to report.

    ## Example
    A report whose headings go from "三、收到和处理政府信息公开申请情况" straight to
    "五、存在的主要问题及改进情况" is missing section 四; the finding points at the heading of
    section 五, where section 四 should have stood.

    ## 作用
    检查格式规定的六个部分是否齐全：“一、总体情况”“二、主动公开政府信息情况”“三、收到和处理政府信息公开申请情况”“四、政府信息公开行政复议、行政诉讼情况”“五、存在的主要问题及改进情况”“六、其他需要报告的事项”。识别一个部分，依据的是其标题措辞（或实践中常见的措辞）、其中的关键词或其序号。

    ## 意义
    政府信息公开条例第五十条规定了年度报告应当包括的内容，2019年版和2021年版格式都将其列为这六个部分。缺少其中任何一部分，报告就遗漏了法规要求报告的内容。

    ## 示例
    报告的标题从“三、收到和处理政府信息公开申请情况”直接跳到“五、存在的主要问题及改进情况”，即缺少第四部分；问题标在第五部分的标题处，也就是第四部分本应所在的位置。
    """

    code = "GIA101"
    name = "missing-section"
    summary = Text(zh="缺少格式规定的六个部分之一", en="One of the six sections is absent")
    rationale = Text(
        zh="政府信息公开条例第五十条；两版格式都将年度报告列为六个部分（国办公开办函〔2019〕60号、〔2021〕30号）。",
        en="政府信息公开条例第五十条; both formats print six sections (国办公开办函〔2019〕60号, 〔2021〕30号).",
    )
    severity = Severity.ERROR
    messages = {
        "default": Text(zh="缺少第{numeral}部分“{heading}”", en="Section {numeral_en} (“{heading}”) is missing")
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        present = [(spec.index, section) for spec, section in doc.recognised_sections()]
        found = {index for index, _ in present}
        for spec in doc.model.sections:
            if spec.index in found:
                continue
            following = [s for index, s in present if index > spec.index]
            if following:
                span = following[0].heading.span
            elif present:
                last = present[-1][1].span
                span = Span(last.end_line, last.end_column, last.end_line, last.end_column)
            else:
                span = Span(1, 1, 1, 1)
            yield self.diagnostic(
                span,
                numeral=spec.numeral,
                numeral_en=roman(spec.numeral),
                heading=spec.heading,
                expected=spec.canonical,
            )
