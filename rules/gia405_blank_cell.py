from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import (
    Diagnostic,
    Document,
    EmptyCell,
    Rule,
    Severity,
    Text,
    cell_edit,
    fix_of,
    usual_dash,
)


class BlankCell(Rule):
    """
    ## What it does
    Flags a value cell of tables 2–4 that is left empty. Sums count it as 0.

    ## Why it matters
    An empty cell does not say whether the figure is zero or was forgotten; the
    format asks for every figure. Write 0 where nothing happened (or a dash, where the
    configuration says `empty-cell = "dash"`).

    ## Example
    The row "2.重复申请" written "2.重复申请\t0\t\t0\t0\t0\t0\t0" leaves 商业企业 empty:
    `GIA405 “2.重复申请”的“商业企业”为空，应填写数字（没有则填 0）`.

    ## Fix
    Unsafe: fills the cell with 0 (with "-" under `empty-cell = "dash"`; under
    `consistent`, with the dash if the table writes its other empty values so). Only
    a person knows whether the figure was forgotten.

    ## 作用
    标出表二至表四中留空的数值单元格。合计将其按0计。

    ## 意义
    空白单元格说明不了数字是零还是漏填了；格式要求填写每一个数字。没有发生的填0（配置为 `empty-cell = "dash"` 时填短横线）。

    ## 示例
    “2.重复申请”一行写作“2.重复申请    0               0       0       0       0       0”，商业企业一栏为空：`GIA405 “2.重复申请”的“商业企业”为空，应填写数字（没有则填 0）`。

    ## 修复
    不安全修复：在单元格中填0（`empty-cell = "dash"` 时填“-”；`consistent` 时，如果该表其他空值写作短横线，则填短横线）。只有人才知道这个数字是否漏填了。
    """

    code = "GIA405"
    name = "blank-cell"
    summary = Text(zh="必填的数值单元格为空", en="A required cell is empty")
    rationale = Text(
        zh="两版格式的表二至表四中，每个数值单元格都应填有数字。",
        en="Tables 2–4 of both formats have a figure in every value cell.",
    )
    severity = Severity.WARNING
    fixable = True
    messages = {
        "default": Text(
            zh="“{row}”的“{column}”为空，应填写数字（没有则填 0）",
            en="“{row}” / “{column}” is empty; write a number (0 if none)",
        )
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        policy = self.options.empty_cell
        for table in doc.tables:
            census = table.census
            if not census.blank:
                continue
            dashed = policy is EmptyCell.DASH or (
                policy is EmptyCell.CONSISTENT and len(census.dash) > len(census.zero)
            )
            filler = usual_dash(c for _, _, c in census.dash) if dashed else "0"
            for row, column, cell in census.blank:
                fix = fix_of([cell_edit(cell, filler)], safe=False)
                yield self.diagnostic(cell.span, row=row.label or table.spec.title, column=column.label, fix=fix)
