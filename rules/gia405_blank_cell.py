from __future__ import annotations

from collections.abc import Iterator

from gialint.diagnostic import Diagnostic, Severity, Text
from gialint.document import Document
from gialint.rule import Rule
from gialint.values import ValueKind


class BlankCell(Rule):
    """
    ## What it does
    Flags a value cell of tables 2–4 that is left empty. Sums count it as 0.

    ## Why it matters
    An empty cell does not say whether the figure is zero or was forgotten; the
    format asks for every figure. Write 0 where nothing happened.

    ## Example
    The row "2.重复申请" written "2.重复申请\t0\t\t0\t0\t0\t0\t0" leaves 商业企业 empty:
    `GIA405 “2.重复申请”的“商业企业”为空，应填写数字（没有则填 0）`.
    """

    code = "GIA405"
    name = "blank-cell"
    summary = Text(zh="必填的数值单元格为空", en="A required cell is empty")
    rationale = "Tables 2–4 of both formats have a figure in every value cell."
    severity = Severity.WARNING
    messages = {
        "default": Text(
            zh="“{row}”的“{column}”为空，应填写数字（没有则填 0）",
            en="“{row}” / “{column}” is empty; write a number (0 if none)",
        )
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for table, row, column, cell in doc.value_cells():
            if cell.value.kind is ValueKind.BLANK:
                yield self.diagnostic(cell.span, row=row.label or table.spec.title, column=column.label)
