from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text


class NonNumericCell(Rule):
    """
    ## What it does
    Flags a cell where the format expects a number but the text is not one
    ("不详", "见附件", "约20"). Sums that use the cell are not checked; this is said once,
    here, rather than as a sum error.

    ## Why it matters
    Every value cell of tables 2–4 is a statistic. Text in its place means the figure
    was not reported, and every total that depends on it is unverifiable.

    ## Example
    The row "（一）予以公开" with "若干" under 自然人 gets `GIA404 “（一）予以公开”的“自然人”应为数字，
    却是“若干”`, and neither the row total nor the column total is checked; write the
    number of applications instead.

    ## 作用
    标出格式要求填数字、内容却不是数字的单元格（“不详”“见附件”“约20”）。用到该单元格的合计不再核对；此事只在这里说一次，而不作为合计错误报告。

    ## 意义
    表二至表四的每个数值单元格都是一项统计数据。填入文字，就意味着该数字没有报告，依赖它的每个合计都无法核实。

    ## 示例
    “（一）予以公开”一行的自然人列填“若干”，报告 `GIA404 “（一）予以公开”的“自然人”应为数字，却是“若干”`，该行合计和该列合计都不核对；应改填申请件数。
    """

    code = "GIA404"
    name = "non-numeric-cell"
    summary = Text(zh="数值单元格中不是数字", en="A number cell holds text that is not a number")
    rationale = Text(
        zh="两版格式的表二至表四中，每个数值单元格报告的都是数字。",
        en="Tables 2–4 of both formats report figures in every value cell.",
    )
    severity = Severity.ERROR
    messages = {
        "default": Text(
            zh="“{row}”的“{column}”应为数字，却是“{text}”；涉及该单元格的合计无法核对",
            en="“{row}” / “{column}” should be a number, not “{text}”; sums that use it cannot be checked",
        )
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for table in doc.tables:
            for row, column, cell in table.census.text:  # words where a figure belongs
                yield self.diagnostic(cell.span, row=row.label or table.spec.title, column=column.label, text=cell.text)
