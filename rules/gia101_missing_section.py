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
    """

    code = "GIA101"
    name = "missing-section"
    summary = Text(zh="缺少格式规定的六个部分之一", en="One of the six sections is absent")
    rationale = "政府信息公开条例第五十条; both formats print six sections (国办公开办函〔2019〕60号, 〔2021〕30号)."
    severity = Severity.ERROR
    messages = {
        "default": Text(zh="缺少第{numeral}部分“{heading}”", en="Section {numeral_en} (“{heading}”) is missing")
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        present = [(spec.index, section) for spec, section in doc.recognised_sections()]
        for spec in doc.model.sections:
            if any(index == spec.index for index, _ in present):
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
