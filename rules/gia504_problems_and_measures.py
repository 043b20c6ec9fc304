from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text, required_content, section_prose


class ProblemsAndMeasures(Rule):
    """
    ## What it does
    Checks that section 五 (存在的主要问题及改进情况) states at least one problem and at least one
    improvement measure. The section is read as a whole — its paragraphs, its subsection headings
    and the words on its heading's line — since many reports write both in one paragraph ("…仍存在
    一些不足。下一步，将…"); a word of a problem (问题, 不足, 差距, 有待…) or of a measure (下一步,
    改进, 加强, 将…) anywhere in it counts (content.toml `[problems_and_measures]`), but not a measure
    word that is part of a need ("有待提高", "需进一步加强"). Only a section
    that clearly lacks one of the two is flagged: a bare "无" or "暂无" lacks both. A missing
    section 五 is GIA101's.

    ## Why it matters
    Article 50 of the 政府信息公开条例 requires the report to state the problems of the year's
    work and how they will be improved; both formats print it as section 五. A report that lists
    shortcomings and no remedy, or plans without saying what they remedy, or just "无", does not.

    ## Example
    Section 五 reading "无。" gets `GIA504 第五部分既未写明存在的主要问题，也未写明改进措施`; "主要问题
    是公开的及时性有待提高。下一步将健全工作机制。" gets nothing.

    ## 作用
    检查第五部分（存在的主要问题及改进情况）是否写明了至少一个问题和至少一项改进措施。该部分作为一个整体阅读——其段落、下级标题和标题所在行的文字——因为许多报告把两者写在一段里（“…仍存在一些不足。下一步，将…”）；其中任何位置出现表示问题的词（问题、不足、差距、有待…）或表示措施的词（下一步、改进、加强、将…）即可（content.toml `[problems_and_measures]`），但出现在“有待”“需要”一类说法中的措施词不算（“有待提高”“需进一步加强”）。只标出明显缺少其中之一的部分：单单一个“无”或“暂无”则两者都缺。缺少第五部分由 GIA101 报告。

    ## 意义
    政府信息公开条例第五十条要求报告写明本年工作存在的问题及改进情况；两版格式都将其列为第五部分。只列不足而没有改进办法、只有打算而不说针对什么问题，或者只写一个“无”的报告，都没有做到这一点。

    ## 示例
    第五部分写“无。”，报告 `GIA504 第五部分既未写明存在的主要问题，也未写明改进措施`；写“主要问题是公开的及时性有待提高。下一步将健全工作机制。”则不报告问题。
    """

    code = "GIA504"
    name = "problems-and-measures"
    summary = Text(
        zh="第五部分未写明存在的问题或改进措施",
        en="Section V states no problem or no improvement measure",
    )
    rationale = Text(
        zh="政府信息公开条例第五十条；两版格式的第五部分：存在的主要问题及改进情况。",
        en="政府信息公开条例第五十条; section 五 of both formats: 存在的主要问题及改进情况.",
    )
    severity = Severity.WARNING
    messages = {
        "none": Text(
            zh="第五部分既未写明存在的主要问题，也未写明改进措施",
            en="Section V states neither a problem nor an improvement measure",
        ),
        "no_measures": Text(
            zh="第五部分写了存在的问题，但未写明改进措施",
            en="Section V states problems but no improvement measure",
        ),
        "no_problems": Text(
            zh="第五部分写了改进措施，但未写明存在的问题",
            en="Section V states improvement measures but no problem",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        section = section_prose(doc, 5)
        if section is None:
            return
        words = required_content(doc.model).problems
        problems, measures = words.states_problem(section.text), words.states_measure(section.text)
        if not problems and not measures:
            yield self.diagnostic(section.anchor, "none")
        elif not measures:
            yield self.diagnostic(section.anchor, "no_measures")
        elif not problems:
            yield self.diagnostic(section.anchor, "no_problems")
