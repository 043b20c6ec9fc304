from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, MatchedTable, Rule, Severity, Text

MONEY_UNITS = ("万元", "亿元", "元")


def _unit_in(text: str) -> str | None:
    return next((u for u in MONEY_UNITS if u in text), None)


class AmountUnit(Rule):
    """
    ## What it does
    Checks the unit of money cells. In the 2019 table 2, 采购总金额 has no unit in the
    national header, so a nonzero amount must state one (in the cell or the header:
    元 or 万元). In the 2021 table 2, 本年收费金额 is in 万元 (the header says
    "（单位：万元）"); an amount given in another unit is flagged.

    ## Why it matters
    The same figure in 元 and in 万元 differs ten-thousandfold. Reports have put
    "50423023.14元" and "66.36万元" in the same column; without a unit, "970843" cannot be
    compared with anything.

    ## Example
    2019 采购总金额 "970843" with the header "采购总金额" → say 元 or 万元; 2021 本年收费金额
    "1200元" → 0.12 (万元).

    ## 作用
    检查金额单元格的单位。2019年版表二中，采购总金额在全国统一的表头中没有单位，因此非零金额必须写明单位（在单元格或表头中写明元或万元）。2021年版表二中，本年收费金额以万元计（表头写明“（单位：万元）”）；以其他单位给出的金额予以标出。

    ## 意义
    同一个数以元计和以万元计相差一万倍。实际报告中，同一列既出现过“50423023.14元”，也出现过“66.36万元”；没有单位，“970843”就无法与任何数字比较。

    ## 示例
    2019年版采购总金额为“970843”，表头为“采购总金额”→ 应写明元或万元；2021年版本年收费金额为“1200元”→ 0.12（万元）。
    """

    code = "GIA406"
    name = "amount-unit"
    summary = Text(
        zh="金额缺少单位，或 2021 年版收费金额不以万元计",
        en="A money cell with no unit (2019 采购总金额), or a 2021 fee not in 10,000 yuan (万元)",
    )
    rationale = Text(
        zh="2021年版格式：本年收费金额（单位：万元）；2019年版格式没有为采购总金额标明单位（模板：实际做法）。",
        en="2021 format: 本年收费金额（单位：万元）; 2019 format prints no unit for 采购总金额 (templates: practice).",
    )
    severity = Severity.WARNING
    messages = {
        "missing": Text(
            zh="“{column}”{value}没有单位：请写明元或万元（写在表头）",
            en="“{column}” {value} has no unit: state yuan (元) or 10,000 yuan (万元) in the header",
        ),
        "wrong": Text(
            zh="“{column}”应以{expected}计，此处为{found}", en="“{column}” is in {expected}; this is in {found}"
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for table in doc.tables:
            yield from self._check_amounts(table)

    def _check_amounts(self, table: MatchedTable) -> Iterator[Diagnostic]:
        for _, column, cell in table.census.money:  # a number in a column of money amounts
            value = cell.value
            header_unit = next(filter(None, (_unit_in(h.label) for h in table.column_headers(column.id))), None)
            unit = value.unit if value.unit in MONEY_UNITS else None
            if column.unit is None:
                if value.number != 0 and unit is None and header_unit is None:
                    yield self.diagnostic(cell.span, "missing", column=column.label, value=cell.text)
            elif (unit or header_unit or column.unit) != column.unit:
                yield self.diagnostic(
                    cell.span, "wrong", column=column.label, expected=column.unit, found=unit or header_unit
                )
