from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text


class TemplateVersion(Rule):
    """
    ## What it does
    Checks that each statistics table is in the format the report year calls for:
    the 2019 format (国办公开办函〔2019〕60号) for the 2019 and 2020 reports, the 2021 format
    (国办公开办函〔2021〕30号) from the 2021 report on. The version of a table is read from
    its labels and structure; table 4, the same in both, fits either.

    ## Why it matters
    The 2021 format changed table 2 (new columns for 规章 and 行政规范性文件, one figure
    for 许可/处罚/强制, fees in 万元, no 政府集中采购) and table 3 (（六）其他处理 split in
    three). A report filled in on last year's template reports different quantities
    from everyone else's.

    ## Example
    A 2021 report whose table 2 still has "本年新制作数量 / 本年新公开数量 / 对外公开总数量" uses the
    outdated 2019 table.

    ## 作用
    检查每张统计表是否采用报告年度所要求的格式：2019、2020年度报告采用2019年版格式（国办公开办函〔2019〕60号），2021年度报告起采用2021年版格式（国办公开办函〔2021〕30号）。表格的版本根据其标签和结构判断；表四两版相同，采用哪一版都相符。

    ## 意义
    2021年版格式修改了表二（新增规章和行政规范性文件的栏目，许可/处罚/强制只报一个数，收费金额以万元计，不再有政府集中采购）和表三（（六）其他处理分为三项）。套用上年模板填写的报告，所报的量与其他报告都不相同。

    ## 示例
    2021年度报告的表二仍有“本年新制作数量 / 本年新公开数量 / 对外公开总数量”，用的是已经过时的2019年版表格。
    """

    code = "GIA201"
    name = "template-version"
    summary = Text(zh="表格所用格式版本与报告年度不符", en="A table's format version does not fit the report year")
    rationale = Text(
        zh="2019、2020年度报告采用2019年版格式，2021年度报告起采用2021年版格式（国办公开办函〔2021〕30号）。",
        en="2019 format for the 2019–2020 reports, 2021 format from the 2021 report (国办公开办函〔2021〕30号).",
    )
    severity = Severity.ERROR
    messages = {
        "default": Text(
            zh="“{table}”表是{found}年版格式，{year}年度报告应使用{expected}年版格式",
            en="The table “{table}” is in the {found} format; a report for {year} uses the {expected} format",
        )
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        expected = doc.expected_version
        if expected is None or doc.year is None:
            return
        for table in doc.tables:
            if expected.id in table.versions:
                continue
            markers = [h.cell for h in table.labels if h.ref_for(expected.id) is None]
            span = markers[0].span if markers else table.span
            yield self.diagnostic(
                span,
                table=table.spec.title,
                found=table.template.version,
                expected=expected.id,
                year=doc.year.year,
            )
