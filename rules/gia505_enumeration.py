from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text, enumeration_slips, own_passages


class Enumeration(Rule):
    """
    ## What it does
    Follows the numbered points of the prose — "一是…二是…三是", "（一）…（二）", "1.…2." — and
    flags a point whose number skips ("一是…三是") or repeats ("三是…三是") the one before,
    at that point, naming the number the list calls for. A list starts again at "一是", "（一）"
    or "1."; "一是" lists run on over the lines of one subsection (a crawler breaks a
    paragraph into lines), the other kinds stay within one paragraph. A marker counts at
    the start of a paragraph or after punctuation, so "统一是" and "第（二）项" are none.

    ## Why it matters
    A skipped number reads as a point that was cut without renumbering the rest; a
    repeated one as a point pasted in twice. Either way the reader wonders what is missing,
    and a published report keeps the slip for good.

    ## Example
    "一是加强组织领导……三是完善工作机制" gets `GIA505 编号“三是”应为“二是”：前一项是“一是”`;
    "存在的问题：一是……二是……" followed by "改进措施：一是……" gets nothing.

    ## 作用
    跟踪正文中的编号——“一是…二是…三是”“（一）…（二）”“1.…2.”——标出与前一项相比跳号（“一是…三是”）或重号（“三是…三是”）的一项，问题标在该项处，并指出按顺序应有的编号。编号从“一是”“（一）”或“1.”重新开始；“一是”系列可以在同一小节的各行之间延续（爬虫会把一段拆成多行），其他系列只在同一段落之内。编号只有在段落开头或标点之后才算，因此“统一是”和“第（二）项”都不是编号。

    ## 意义
    跳号读起来像是删掉了一项却没有重新编号；重号则像是把一项粘贴了两次。无论哪种情况，读者都会疑惑遗漏了什么，而已经发布的报告会一直留着这个错误。

    ## 示例
    “一是加强组织领导……三是完善工作机制”报告 `GIA505 编号“三是”应为“二是”：前一项是“一是”`；“存在的问题：一是……二是……”之后接“改进措施：一是……”则不报告问题。
    """

    code = "GIA505"
    name = "enumeration"
    summary = Text(zh="正文中的序号跳号或重号", en="Numbered points in the text skip or repeat a number")
    rationale = Text(
        zh="以一是/二是、（一）/（二）或 1./2. 编号的各项应依次排列；跳号或重号是笔误。",
        en="Points numbered 一是/二是, （一）/（二） or 1./2. run in order; a gap or a repeat is a slip.",
    )
    severity = Severity.WARNING
    messages = {
        "default": Text(
            zh="编号“{found}”应为“{expected}”：前一项是“{previous}”",
            en="The point “{found}” should be “{expected}”: the point before is “{previous}”",
        )
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for slip in enumeration_slips(own_passages(doc.passages, doc.report.title), doc.model):
            yield self.diagnostic(
                slip.passage.span_of(slip.start, slip.end),
                found=slip.found,
                expected=slip.expected,
                previous=slip.previous,
            )
