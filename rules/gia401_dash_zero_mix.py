from __future__ import annotations

from collections.abc import Iterator

from gialint.diagnostic import Diagnostic, Severity, Text
from gialint.document import Document
from gialint.rule import Rule


class DashZeroMix(Rule):
    """
    ## What it does
    Flags a table that writes "nothing" in two ways: as 0 in some cells and as a
    dash (- — － / 无) or a blank in others. One finding per table, at the first cell
    written in the less-used style, with both counts.

    ## Why it matters
    The format has no rule for dashes, but a reader cannot tell whether "-" means
    zero, "not applicable" or "not known", and a table that mixes both styles suggests
    that some figures were never filled in. Sums read dashes as 0; say 0 where 0 is
    meant.

    ## Example
    Table 3 with 0 in the 自然人 column and "-" in the 法人或其他组织 columns.
    """

    code = "GIA401"
    name = "dash-zero-mix"
    summary = Text(
        zh="同一表格中空值既写作 0 又写作“-”或空白", en="One table writes empty values both as 0 and as a dash or blank"
    )
    rationale = "No national rule on dashes (templates: value conventions); one table should use one style."
    severity = Severity.WARNING
    messages = {
        "default": Text(
            zh="“{table}”表空值写法不一：{zeros}处写作 0，{empties}处写作“-”或空白",
            en="The table “{table}” writes empty values two ways: {zeros} as 0, {empties} as a dash or blank",
        )
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for table in doc.tables:
            zeros, empties = [], []
            for _, _, cell in table.value_cells():
                if cell.value.is_empty:
                    empties.append(cell)
                elif cell.value.number == 0:
                    zeros.append(cell)
            if zeros and empties:
                odd = zeros if len(zeros) < len(empties) else empties
                first = min(odd, key=lambda c: c.span)
                yield self.diagnostic(first.span, table=table.spec.title, zeros=len(zeros), empties=len(empties))
