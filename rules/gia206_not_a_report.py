from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from gialint.rules_api import Diagnostic, Document, Kind, Rule, Severity, Text, classify


class NotAReport(Rule):
    """
    ## What it does
    Reports, once, a file that is not a report of the 2019 or 2021 format, and says what it
    looks like: a report under the 2008 regulation (the old six parts, the old 统计表 with
    指标名称 / 计量单位, a report year before 2019), a JSON or CSV data file, or a file with
    no sign of a report at all (a README, a toy). When it fires, it is the file's only
    finding: the checks of sections and tables would only list what such a file lacks.

    A report that is merely damaged — a fragment, a crawl that lost its line breaks, a
    blank template — is still a report: it carries the wording of a section heading or a
    table label somewhere, and is checked as usual. The signs are in formats.toml
    (`[not_a_report]`, with the sections' wording and the tables' labels).

    ## Why it matters
    The formats of 国办公开办函〔2019〕60号 and〔2021〕30号 apply to reports for 2019 onwards.
    A 2011 report checked against them gets a dozen "missing section" errors that say
    nothing true about it; a data file or a README in a folder of reports is not a report
    to correct at all.

    ## Example
    "平潭综合实验区2011年政府信息公开工作年度报告", whose appendix is the old 统计表 (指标名称,
    计量单位, 2011 年度, 历年累计) → one finding: 2008年条例的年度报告（2011年）.

    ## 作用
    对不是2019年版或2021年版格式年度报告的文件报告一次，并说明它看起来是什么：2008年条例下的年度报告（旧的六个部分、带“指标名称 / 计量单位”的旧统计表、2019年以前的报告年度）、JSON 或 CSV 数据文件，或者根本没有年度报告迹象的文件（README、练手用的文件）。本规则报告问题时，这就是该文件唯一的问题：对部分和表格的检查只会罗列这类文件缺少什么。

    仅仅是受损的报告——残缺的片段、抓取时丢失换行的文本、空白模板——仍然是报告：其中总有某处带有部分标题或表格标签的措辞，照常检查。判断依据见 formats.toml（`[not_a_report]`，以及各部分的措辞和各表的标签）。

    ## 意义
    国办公开办函〔2019〕60号和〔2021〕30号规定的格式适用于2019年度及以后的报告。2011年度的报告按其检查，会得到十几个“缺少部分”的错误，对它而言没有一个是真实的；报告文件夹中的数据文件或 README 根本不是需要改正的报告。

    ## 示例
    “平潭综合实验区2011年政府信息公开工作年度报告”，附件为旧统计表（指标名称、计量单位、2011 年度、历年累计）→ 只报告一个问题：2008年条例的年度报告（2011年）。
    """

    code = "GIA206"
    name = "not-a-report"
    summary = Text(zh="不是2019年或2021年格式的年度报告", en="Not a report of the 2019 or 2021 format")
    rationale = Text(
        zh="国办公开办函〔2019〕60号和〔2021〕30号：这两版格式适用于2019年度及以后的报告；其他文件无法按其检查。",
        en="国办公开办函〔2019〕60号 and〔2021〕30号: the formats apply to reports for 2019 onwards;"
        " other files cannot be checked against them.",
    )
    severity = Severity.ERROR
    #: A finding of this rule is the file's only one (the linter drops the others).
    sole: ClassVar[bool] = True
    messages = {
        "legacy-year": Text(
            zh="不是2019年或2021年格式的年度报告：这是2008年条例的年度报告（{year}年），不按现行格式检查",
            en="Not a report of the 2019 or 2021 format: a report under the 2008 regulation ({year}),"
            " not checked against the current formats",
        ),
        "legacy": Text(
            zh="不是2019年或2021年格式的年度报告：这是2008年条例的年度报告，不按现行格式检查",
            en="Not a report of the 2019 or 2021 format: a report under the 2008 regulation,"
            " not checked against the current formats",
        ),
        "data": Text(
            zh="不是年度报告，而是{format}数据文件",
            en="Not a report: a {format} data file",
        ),
        "default": Text(
            zh="不像政府信息公开工作年度报告：没有格式中的任何部分标题或统计表标签",
            en="This does not look like a government information disclosure annual report:"
            " no section heading or table label of the format",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        looks = classify(doc)
        if looks.kind is Kind.REPORT:
            return
        if looks.kind is Kind.LEGACY:
            if looks.year is not None:
                yield self.diagnostic(looks.span, "legacy-year", year=looks.year)
            else:
                yield self.diagnostic(looks.span, "legacy")
        elif looks.kind in (Kind.JSON, Kind.CSV):
            yield self.diagnostic(looks.span, "data", format=looks.kind.name)
        else:
            yield self.diagnostic(looks.span)
