from __future__ import annotations

import re
from collections.abc import Iterator

from gialint.rules_api import Cell, Diagnostic, Document, MatchedTable, Related, Rule, Severity, Text


class NarrativeTable(Rule):
    """
    ## What it does
    Compares the figures the text states for a quantity that a statistics table holds with
    that table's cell: applications received (新收/受理), carried over (上年结转), answered
    (办结/答复), carried forward (结转下年度), the outcomes (予以公开, 部分公开, 不予公开, 无法提供,
    不予处理), 行政复议 and 行政诉讼 cases, 规章 and 规范性文件 issued, repealed and in force, and
    行政许可 / 行政处罚 / 行政强制 decisions. The finding points at the figure in the text and
    names the cell and its value; the cell is given as a related place.

    A figure is compared only when it is unambiguous: one of the phrases of content.toml's
    `[narrative]` stands right before it (or, for 结转下年度, right after it) with nothing but
    filler words between them, it is an exact whole number with a unit (not 余, 多, 近, a range,
    a percentage or an amount in 万元), and its clause names no part of the agency, wider area or
    channel (各级, 代表, 本级, 通过, 网站 …), its sentence no other period (another year, a month,
    累计, 以来 …) and no 其中. A blank, dash or unreadable cell is not compared.

    ## Why it matters
    The text and the tables are read by different people: a journalist quotes the text, a
    statistician sums the tables. When they disagree, at least one of them is wrong, and the
    report loses the trust both put in it.

    ## Example
    "依法按时办结依申请公开事项403件" over a table 3 whose （七）总计 in the 总计 column is 109.

    ## 作用
    对统计表所载的量，将正文所述的数字与该表的单元格比较：新收的申请（新收/受理）、上年结转的申请（上年结转）、办结的申请（办结/答复）、结转下年度的申请（结转下年度）、各项办理结果（予以公开、部分公开、不予公开、无法提供、不予处理）、行政复议和行政诉讼案件、规章和规范性文件的制发、废止和现行有效件数，以及行政许可 / 行政处罚 / 行政强制决定。问题标在正文中的数字处，并写明对应的单元格及其数值；该单元格作为相关位置给出。

    只有数字明确无歧义时才比较：content.toml 的 `[narrative]` 中的某个短语紧挨在它前面（结转下年度则紧挨在它后面），中间只有无实义的填充词；它是带单位的精确整数（不带余、多、近，不是范围、百分比或以万元计的金额）；它所在的分句没有提到本机关的某一部分、更大的地域范围或某种渠道（各级、代表、本级、通过、网站 …），所在的句子没有提到其他期间（别的年份、某个月、累计、以来 …），也没有“其中”。空白、短横线或无法读取的单元格不比较。

    ## 意义
    正文和表格的读者不同：记者引用正文，统计人员汇总表格。二者不一致，至少有一处是错的，报告也就辜负了两类读者对它的信任。

    ## 示例
    “依法按时办结依申请公开事项403件”，而表三总计列的（七）总计为 109。
    """

    code = "GIA501"
    name = "narrative-table"
    summary = Text(
        zh="正文所述数字与统计表对应单元格不一致",
        en="A figure in the text differs from the table cell it speaks of",
    )
    rationale = Text(
        zh="正文和统计表报告的是同一年度的数字（条例 第五十条；2019年版和2021年版格式）。",
        en="The text and the tables report the same year's figures (条例 第五十条; the 2019 and 2021 formats).",
    )
    severity = Severity.WARNING
    messages = {
        "default": Text(
            zh="正文所述{quantity_zh}{figure}与{table}“{cell}”{value}不一致",
            en="The text states {quantity_en} as “{figure}”, but the cell “{cell}” of “{table}” is {value}",
        ),
        "sum": Text(
            zh="正文所述{quantity_zh}{figure}与{table}“{cells}”各项之和{value}不一致",
            en="The text states {quantity_en} as “{figure}”, but the cells “{cells}” of “{table}” add up to {value}",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        narrative = doc.narrative
        for bound in narrative.figures:
            cells = _cells(doc, bound.quantity.cells)
            if cells is None:
                continue
            value = sum(int(cell.value.amount or 0) for _, _, _, cell in cells)
            if value == bound.figure.value:
                continue
            table_name = narrative.data.table_names.get(cells[0][0].id, cells[0][0].spec.title)
            labels = [_label(table, row, column) for table, row, column, _ in cells]
            yield self.diagnostic(
                bound.span,
                "default" if len(labels) == 1 else "sum",
                quantity_zh=bound.quantity.zh,
                quantity_en=bound.quantity.en,
                figure=f"{bound.figure.value}{bound.figure.unit}",
                table=table_name,
                cell=labels[0],
                cells=bound.quantity.label or "、".join(labels),
                value=value,
                expected=str(value),
                found=str(bound.figure.value),
                related=[
                    Related(cell.span, f"{table_name} {label}: {cell.value.amount}")
                    for (*_, cell), label in zip(cells, labels, strict=True)
                ],
            )


def _cells(doc: Document, keys: tuple[tuple[str, str, str], ...]) -> list[tuple[MatchedTable, str, str, Cell]] | None:
    """The cells of a quantity, or None when one is missing, unreadable, blank or a dash."""
    found = []
    for table_id, row, column in keys:
        table = doc.table(table_id)
        cell = None if table is None or table.unreadable is not None else table.cell(row, column)
        if table is None or cell is None or cell.value.is_empty or cell.value.amount is None:
            return None
        if cell.value.amount != int(cell.value.amount):
            return None
        found.append((table, row, column, cell))
    return found


_NOTE = re.compile(r"（[^（）]*）$")  # "（二）部分公开（区分处理的，…）": the note is left out


def _label(table: MatchedTable, row: str, column: str) -> str:
    row_label = _NOTE.sub("", table.row_label(row)) or table.row_label(row)
    column_label = table.column_label(column)
    return f"{row_label} / {column_label}" if row_label else column_label
