from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text, normalize


class HeadingWording(Rule):
    """
    ## What it does
    Notes section headings whose words differ from the format's, such as
    "一、总体情况概述" for "一、总体情况" or "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况" (the
    wording of Article 50) for "四、政府信息公开行政复议、行政诉讼情况".

    ## Why it matters
    Wording variants are common and rarely wrong in substance, so this is for
    information only; but the format's wording makes reports comparable and searchable.

    ## Example
    "五、政府信息公开工作存在的问题及改进情况" → the format says "五、存在的主要问题及改进情况".

    ## 作用
    提示措辞与格式不同的部分标题，例如把“一、总体情况”写成“一、总体情况概述”，或把“四、政府信息公开行政复议、行政诉讼情况”写成“四、因政府信息公开工作被申请行政复议、提起行政诉讼情况”（条例第五十条的措辞）。

    ## 意义
    措辞上的变体很常见，实质上很少有错，因此本规则仅作提示；但采用格式的措辞，报告才便于比较和检索。

    ## 示例
    “五、政府信息公开工作存在的问题及改进情况”→ 格式的措辞是“五、存在的主要问题及改进情况”。
    """

    code = "GIA104"
    name = "heading-wording"
    summary = Text(zh="部分标题措辞与格式不同", en="A heading's wording differs from the format's")
    rationale = Text(
        zh="2019年版和2021年版格式列出的六个部分标题相同。",
        en="The 2019 and 2021 formats print the same six headings.",
    )
    severity = Severity.INFO
    messages = {
        "default": Text(
            zh="部分标题措辞与格式不同，格式为“{expected}”",
            en="The heading differs from the format's wording “{expected}”",
        )
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for spec, section in doc.recognised_sections():
            heading = section.heading
            if normalize(heading.title) != normalize(spec.heading):
                yield self.diagnostic(heading.span, expected=spec.canonical)
