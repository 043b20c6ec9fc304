from __future__ import annotations

from collections.abc import Iterator

from gialint.arithmetic import number
from gialint.diagnostic import Diagnostic, Severity, Text
from gialint.document import Document
from gialint.rule import Rule


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
    """

    code = "GIA402"
    name = "unit-in-cell"
    summary = Text(zh="数值单元格中带有单位或量词", en="A number cell carries a unit or word (151件, 66.36万元)")
    rationale = "Table cells of the format hold bare numbers; units are stated in headers."
    severity = Severity.WARNING
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
        for _, _, column, cell in doc.value_cells():
            value = cell.value
            if value.unit is not None and value.number is not None:
                key = "money" if column.type == "money" else "default"
                yield self.diagnostic(cell.span, key, text=cell.text, unit=value.unit, value=number(value.number))
