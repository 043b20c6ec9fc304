from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text


class MixedTemplate(Rule):
    """
    ## What it does
    Flags a report whose tables come from different format versions (table 2 from
    2019, table 3 from 2021), and rows or columns inside one table that belong to the
    other version.

    ## Why it matters
    Mixing happens when a report is assembled from last year's file and a new
    template. Each table on its own may look complete, but the report as a whole
    follows neither format and its figures cannot be compared with either.

    ## Example
    A 2021-format table 2 that still contains the row "其他对外管理服务事项" (a 2019 row).

    ## 作用
    标出各表来自不同版本格式的报告（表二是2019年版，表三是2021年版），以及同一张表中混入了另一版本的行或列。

    ## 意义
    用上年的文件和新模板拼凑报告时，就会出现混用。每张表单独看也许完整，但报告整体不符合任何一版格式，其数字也无法与任何一版比较。

    ## 示例
    2021年版的表二中仍有“其他对外管理服务事项”一行（2019年版的行）。
    """

    code = "GIA202"
    name = "mixed-template"
    summary = Text(
        zh="同一报告中混用不同年版格式的表格或行", en="Tables, or rows of one table, from different format versions"
    )
    rationale = Text(
        zh="一份报告只采用一版格式：国办公开办函〔2019〕60号或〔2021〕30号。",
        en="A report follows one format: 国办公开办函〔2019〕60号 or 〔2021〕30号.",
    )
    severity = Severity.ERROR
    messages = {
        "tables": Text(
            zh="“{table}”表是{version}年版格式，而“{other}”表是{other_version}年版格式",
            en="The table “{table}” is in the {version} format but “{other}” is in the {other_version} format",
        ),
        "label": Text(
            zh="“{label}”属于{other_version}年版格式，不属于本表所用的{version}年版格式",
            en="“{label}” belongs to the {other_version} format, not to this table's {version} format",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for index, table in enumerate(doc.tables):
            earlier = next((t for t in doc.tables[:index] if not (t.versions & table.versions)), None)
            if earlier is not None:
                yield self.diagnostic(
                    table.span,
                    "tables",
                    table=table.spec.title,
                    version=table.template.version,
                    other=earlier.spec.title,
                    other_version=earlier.template.version,
                )
            for hit in table.foreign_labels():
                other = sorted(v for r in hit.refs for v in r.versions)
                yield self.diagnostic(
                    hit.cell.span,
                    "label",
                    label=hit.cell.label,
                    version=table.template.version,
                    other_version="/".join(dict.fromkeys(other)),
                )
