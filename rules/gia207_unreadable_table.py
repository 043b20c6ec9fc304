from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text


class UnreadableTable(Rule):
    """
    ## What it does
    Says, once per table, that a statistics table was found by its labels but its cells
    cannot be told apart, so its figures were not checked: the labels and figures run
    together on one line ("行政规范性文件77132470…": nothing of the table is checked), or — in
    text with one cell per line and nothing else, as crawlers save a page — a row has more or
    fewer values than the format, because a number was split over two lines ("1" / "62") or
    identical lines were merged (the rows read with the right number of values are checked;
    the others are not, and GIA204 does not report them).

    ## Why it matters
    Reading such a table cell by cell would be a guess: every value after a split or merged
    cell would land in the wrong column, and the sums built on them would report errors the
    report does not have. One warning that says what happened is honest; the table is checked
    in the original document (the Word file, the PDF or the web page itself).

    ## Example
    Crawler text of table 3 in which the row "一、本年新收政府信息公开申请数量" is followed by
    "4", "0", "4" where the page showed 4 0 0 0 0 0 4 (the crawler dropped repeated lines).

    ## 作用
    对每张表说明一次：某统计表凭标签找到了，但其单元格无法区分，因此未检查其数字。情形有二：标签和数字连成一行（“行政规范性文件77132470…”：该表的任何内容都不检查）；或者——在每行只有一个单元格、别无他物的文本中（爬虫保存网页时就是这样）——某行的数值多于或少于格式的列数，原因是一个数被拆成了两行（“1” / “62”）或相同的行被合并了（数值个数正确的行照常检查，其余的行不检查，GIA204 也不报告）。

    ## 意义
    对这样的表逐格读取只能靠猜：拆开或合并的单元格之后，每个数值都会落到错误的列中，据此计算的合计会报出报告本身并不存在的错误。用一个警告说明发生了什么，才是诚实的做法；该表应在原始文件（Word 文件、PDF 或网页本身）中检查。

    ## 示例
    爬虫抓取的表三文本中，“一、本年新收政府信息公开申请数量”一行之后是“4”“0”“4”，而网页上显示的是 4 0 0 0 0 0 4（爬虫丢掉了重复的行）。
    """

    code = "GIA207"
    name = "unreadable-table"
    summary = Text(
        zh="表格各单元格无法区分，未检查其数字",
        en="A table's cells cannot be told apart; its figures are not checked",
    )
    rationale = Text(
        zh="从边界已经丢失的单元格中读出的数字只能是猜测，据此计算的任何合计也是如此。",
        en="Figures read from cells whose boundaries are lost would be guesses, and so would every sum over them.",
    )
    severity = Severity.WARNING
    messages = {
        "glued": Text(
            zh="“{table}”表的标签和数字连在一起，无法区分各单元格，未检查该表的数字（请检查原文件）",
            en="The table “{table}” has its labels and figures run together; its cells cannot be told apart "
            "and its figures were not checked (check the original file)",
        ),
        "values": Text(
            zh="“{table}”表无法逐格读出：“{row}”行应有{expected}个数值，读到{found}个（单元格在复制或抓取时被拆开或合并）；"
            "数值个数不符的行未检查（请对照原文件）",
            en="The table “{table}” cannot be read cell by cell: the row “{row}” should have {expected} values "
            "but {found} were read (cells split or merged when the text was copied or crawled); rows with the "
            "wrong number of values were not checked (compare with the original file)",
        ),
        "values-data-row": Text(
            zh="“{table}”表无法逐格读出：数据行应有{expected}个数值，读到{found}个（单元格在复制或抓取时被拆开或合并），"
            "未检查该行（请对照原文件）",
            en="The table “{table}” cannot be read cell by cell: its row of figures should have {expected} values "
            "but {found} were read (cells split or merged when the text was copied or crawled); the row was not "
            "checked (compare with the original file)",
        ),
        "stray": Text(
            zh="“{table}”表无法逐格读出：有{found}个数值不属于任何一行（单元格在复制或抓取时被拆开或合并），未检查该表的数字",
            en="The table “{table}” cannot be read cell by cell: {found} values belong to no row (cells split or "
            "merged when the text was copied or crawled); its figures were not checked",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for table in doc.tables:
            why = table.unreadable
            if why is None:
                continue
            if why.kind == "glued":
                yield self.diagnostic(why.span, "glued", table=table.spec.title)
            elif why.row is None:
                yield self.diagnostic(why.span, "stray", table=table.spec.title, found=str(why.found))
            else:
                yield self.diagnostic(
                    why.span,
                    "values" if why.row else "values-data-row",
                    table=table.spec.title,
                    row=why.row,
                    expected=str(why.expected),
                    found=str(why.found),
                )
