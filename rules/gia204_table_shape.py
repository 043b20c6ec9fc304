from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text, identity_findings


class TableShape(Rule):
    """
    ## What it does
    Checks each statistics table against the rows and columns of its format version:
    a row that is missing or appears twice, a row with fewer or more values than the
    format has columns, values that belong to no row.

    ## Why it matters
    Every row of tables 2–4 is a quantity the format requires; a missing row or value
    is a figure not reported, and an extra value usually means the values of a row
    have slipped into the next one, so that every figure after it is misread.

    A row with one value too many because a number was split over two cells ("1" "62"
    where 162 belongs) is reported by the sum rule that explains the split (GIA301), not
    here too: one mistake, one finding.

    ## Example
    A row "（一）予以公开" with six numbers where table 3 has seven columns.
    """

    code = "GIA204"
    name = "table-shape"
    summary = Text(
        zh="表格缺少或多出行、单元格，或某行数值个数不对",
        en="A row or cell missing or extra; a row with the wrong number of values",
    )
    rationale = "Tables 2–4 have fixed rows and columns in each format version."
    severity = Severity.ERROR
    messages = {
        "missing-row": Text(zh="“{table}”表缺少“{row}”行", en="The table “{table}” lacks the row “{row}”"),
        "missing-data-row": Text(zh="“{table}”表缺少数据行", en="The table “{table}” lacks its row of figures"),
        "duplicate-row": Text(zh="“{row}”行重复出现", en="The row “{row}” appears twice"),
        "missing-values": Text(
            zh="“{row}”行应有{expected}个数值，只有{found}个",
            en="The row “{row}” should have {expected} values but has {found}",
        ),
        "extra-values": Text(
            zh="“{row}”行应有{expected}个数值，却有{found}个",
            en="The row “{row}” should have {expected} values but has {found}",
        ),
        "stray-values": Text(
            zh="这里的{count}个数值不属于表中任何一行", en="These {count} values belong to no row of the table"
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for table in doc.tables:
            split = {
                table.row_label(f.split.row)
                for f in identity_findings(doc, table, self.running_codes)
                if f.split is not None
            }  # rows with a number split in two: the sum rule says so
            for problem in table.problems:
                if problem.kind == "extra-values" and problem.row in split:
                    continue
                if problem.kind == "stray-values":
                    yield self.diagnostic(problem.span, problem.kind, count=problem.found)
                elif problem.kind == "missing-row" and not problem.row:
                    yield self.diagnostic(problem.span, "missing-data-row", table=table.spec.title)
                else:
                    yield self.diagnostic(
                        problem.span,
                        problem.kind,
                        table=table.spec.title,
                        row=problem.row,
                        expected=None if problem.expected is None else str(problem.expected),
                        found=None if problem.found is None else str(problem.found),
                    )
