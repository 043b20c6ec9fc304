from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text, part_statements, required_content


class PartCount(Rule):
    """
    ## What it does
    Reads what the preamble says of the report's own parts ("本报告由总体情况、…、其他需要报告的事项
    六部分组成", "全文包括…五部分", "本报告共分为六个部分", in Chinese or Arabic numerals) and flags a
    count other than six, at the count. Where the sentence lists the parts, it flags a listed
    part that names none of the six sections (by its heading, a wording seen in practice or a
    keyword: "被申请行政复议和提起行政诉讼情况" is section 四), at that part; abbreviations and old
    wordings are accepted.

    ## Why it matters
    Both formats have six parts. A preamble that announces five is usually left from an older
    report (the 2008 regulation's reports had five) or leaves out a section; either way the
    report describes itself wrongly.

    ## Example
    "报告全文包括总体情况、…以及信息公开工作存在的主要问题及改进情况等五部分。" (seed 004) gets
    `GIA506 报告称由五部分组成，格式规定为六部分`.

    ## 作用
    读取序言对报告自身组成部分的说明（“本报告由总体情况、…、其他需要报告的事项六部分组成”“全文包括…五部分”“本报告共分为六个部分”，中文数字或阿拉伯数字均可），部分数不是六的，在该数字处标出。句中列出了各部分的，若所列的某一部分不对应六个部分中的任何一个（按其标题、实践中常见的措辞或关键词判断：“被申请行政复议和提起行政诉讼情况”即第四部分），在该部分处标出；简称和旧的措辞均可接受。

    ## 意义
    两版格式都有六个部分。序言称有五个部分，通常是沿用了较早报告的写法（2008年条例下的报告有五个部分），或者漏了某个部分；无论哪种情况，报告对自身的描述都是错的。

    ## 示例
    “报告全文包括总体情况、…以及信息公开工作存在的主要问题及改进情况等五部分。”（seed 004）报告 `GIA506 报告称由五部分组成，格式规定为六部分`。
    """

    code = "GIA506"
    name = "part-count"
    summary = Text(
        zh="报告自述的组成部分与格式规定的六部分不符",
        en="The parts the report says it has are not the format's six",
    )
    rationale = Text(
        zh="两版格式（国办公开办函〔2019〕60号、〔2021〕30号）都有六个部分；政府信息公开条例第五十条。",
        en="Both formats (国办公开办函〔2019〕60号, 〔2021〕30号) have six parts; 政府信息公开条例第五十条.",
    )
    severity = Severity.WARNING
    messages = {
        "count": Text(
            zh="报告称由{found}部分组成，格式规定为{expected}部分",
            en="The report says it has {number} parts; the format has {expected_number}",
        ),
        "unknown": Text(
            zh="报告所列组成部分“{found}”不是格式规定的六部分之一",
            en="The part “{found}” the report lists is not one of the format's six",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        expected = required_content(doc.model).parts.expected
        for statement in part_statements(doc):
            if statement.count is not None and statement.count_span is not None and statement.count != expected:
                yield self.diagnostic(
                    statement.count_span,
                    "count",
                    found=_chinese(statement.count),
                    expected=_chinese(expected),
                    number=statement.count,
                    expected_number=expected,
                )
            for part in statement.parts:
                if not part.names_a_section:
                    yield self.diagnostic(part.span, "unknown", found=part.text)


def _chinese(number: int) -> str:
    return "一二三四五六七八九十"[number - 1] if 1 <= number <= 10 else str(number)
