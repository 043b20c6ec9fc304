from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import (
    CellValue,
    ColumnSpec,
    Diagnostic,
    Document,
    Rule,
    Severity,
    Text,
    cell_edit,
    default_reader,
    fix_of,
    number,
)

#: Units that name money, not a count: removing one is safe only where the column is in it.
MONEY_UNITS = frozenset({"元", "万元", "亿元"})


def unit_is_known(column: ColumnSpec, unit: str) -> bool:
    """Whether the column's unit is the cell's: a counter word in a count column, or the money column's unit."""
    if column.type == "money":
        return unit == column.unit
    return unit not in MONEY_UNITS


def without_unit(text: str, value: CellValue) -> str | None:
    """The cell's text with its trailing unit removed, if it then reads as the same number."""
    assert value.unit is not None
    stripped = text.strip()
    if not stripped.endswith(value.unit):
        return None
    bare = stripped[: -len(value.unit)].rstrip()
    return bare if default_reader().classify(bare).number == value.number else None


class UnitInCell(Rule):
    """
    ## What it does
    Flags a number cell that carries a unit or a counter word after the number:
    "24大项", "151件", "11个", "50423023.14元", "66.36万元".

    ## Why it matters
    The format's cells hold numbers; units belong in the column header (the 2021
    format prints "本年收费金额（单位：万元）"). A unit inside a cell makes the table
    unreadable for programs and hides inconsistent units (元 in one report, 万元 in the
    next) that change a figure ten-thousandfold.

    ## Example
    "151件" → "151"; "66.36万元" → "66.36", with 万元 in the header.

    ## Fix
    Safe where the column's unit is known: a counter word (件, 个, 项…) is removed from a
    count cell, and 万元 from a 2021 本年收费金额 cell. A money unit in a column that has
    none in the format (2019 采购总金额), or another unit than the column's, is left for a
    person: removing it would change the figure.

    ## 作用
    标出数字之后带有单位或量词的数值单元格：“24大项”“151件”“11个”“50423023.14元”“66.36万元”。

    ## 意义
    格式的单元格只填数字；单位应写在列标题中（2021年版格式写的是“本年收费金额（单位：万元）”）。单元格中带单位，程序就无法读取表格，还会掩盖单位不一致（这份报告用元，下一份用万元），使数字相差一万倍。

    ## 示例
    “151件”→“151”；“66.36万元”→“66.36”，并在表头写明万元。

    ## 修复
    已知该列单位的，为安全修复：删去计数单元格中的量词（件、个、项…），以及2021年版本年收费金额单元格中的万元。格式中没有单位的列（2019年版采购总金额）中的金额单位，或与该列单位不同的单位，留待人工处理：删去它会改变数字。
    """

    code = "GIA402"
    name = "unit-in-cell"
    summary = Text(zh="数值单元格中带有单位或量词", en="A number cell carries a unit or word (151件, 66.36万元)")
    rationale = Text(
        zh="格式的表格单元格只填数字；单位在表头中说明。",
        en="Table cells of the format hold bare numbers; units are stated in headers.",
    )
    severity = Severity.WARNING
    fixable = True
    messages = {
        "default": Text(
            zh="单元格“{text}”带有单位“{unit}”，应只填数字{value}",
            en="The cell “{text}” carries the unit “{unit}”; write only the number {value}",
        ),
        "money": Text(
            zh="单元格“{text}”带有单位“{unit}”，应只填数字{value}，单位写在表头",
            en="The cell “{text}” carries the unit “{unit}”; write only {value} and put the unit in the header",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for table in doc.tables:
            for _, column, cell in table.census.unit:  # a number with a unit
                value = cell.value
                assert value.unit is not None and value.number is not None
                key = "money" if column.type == "money" else "default"
                bare = without_unit(cell.text, value) if unit_is_known(column, value.unit) else None
                fix = fix_of([cell_edit(cell, bare)]) if bare is not None else None
                yield self.diagnostic(
                    cell.span, key, text=cell.text, unit=value.unit, value=number(value.number), fix=fix
                )
