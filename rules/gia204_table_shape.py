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

    ## 作用
    按所属格式版本的行和列检查每张统计表：缺少或重复出现的行，数值个数少于或多于格式列数的行，不属于任何一行的数值。

    ## 意义
    表二至表四的每一行都是格式要求报告的量；缺少一行或一个数值，就有一个数字没有报告；多出一个数值，通常说明某行的数值串到了下一行，其后的每个数字都会被误读。

    因一个数被拆在两个单元格中（本应是162，却成了“1”“62”）而多出一个数值的行，由能说明这一拆分的合计规则（GIA301）报告，这里不再重复：一个错误，只报一个问题。

    ## 示例
    表三有七列，“（一）予以公开”一行却只有六个数。
    """

    code = "GIA204"
    name = "table-shape"
    summary = Text(
        zh="表格缺少或多出行、单元格，或某行数值个数不对",
        en="A row or cell missing or extra; a row with the wrong number of values",
    )
    rationale = Text(
        zh="每一版格式中，表二至表四的行和列都是固定的。",
        en="Tables 2–4 have fixed rows and columns in each format version.",
    )
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
