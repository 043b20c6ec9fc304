from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text, cell_edit, fix_of, normalize, strip_note


class LabelMismatch(Rule):
    """
    ## What it does
    Flags a row or column label that differs from the format's wording — a known typo
    ("1.属于国家机密" for "1.属于国家秘密", "2.没有现成信息需要另作制作" for "…另行制作"), a known
    variant (the 2019 "规范性文件" in a 2021 table 2, for "行政规范性文件"), or a label close
    enough to one of the format's to be it — and names the format's label. A known variant
    is a label of the table's own version written another way, so the table keeps its
    version (no GIA201 or GIA202 for it).
    Differences that do not change a label (full- or half-width brackets, spaces, a
    label wrapped over two lines, a trailing explanatory note in brackets) are not
    flagged.

    ## Why it matters
    The labels of tables 2–4 are legal categories (国家秘密 is the term of the 保守国家秘密法).
    A mistyped label changes what the figure seems to count, and it breaks every
    program that reads reports by their labels.

    ## Example
    In table 3 of a 2020 report, the row "1.属于国家机密" (seed 001, line 205) gets
    `GIA203 标签“1.属于国家机密”应为“1.属于国家秘密”`; "(一) 予以公开" with half-width
    brackets and a space gets nothing.

    ## Fix
    Safe for a known typo or variant (listed in the format data): the cell gets the format's
    label. Unsafe for a label recognised only by likeness, which a person should
    confirm. A label with a trailing note, or wrapped over two lines, is not fixed.

    ## 作用
    标出与格式措辞不同的行、列标签——已知的错字（“1.属于国家机密”应为“1.属于国家秘密”，“2.没有现成信息需要另作制作”应为“…另行制作”）、已知的变体（2021年版表二中沿用2019年版的“规范性文件”，应为“行政规范性文件”），或与格式中某一标签足够接近、可认定为该标签的写法——并指出格式的标签。已知的变体是本表所属版本的标签的另一种写法，因此表格的版本不变（不会因此报告 GIA201 或 GIA202）。不改变标签的差异（全角或半角括号、空格、标签分两行书写、末尾括号内的说明）不予标出。

    ## 意义
    表二至表四的标签是法律上的类别（国家秘密是保守国家秘密法的用语）。标签写错，数字看上去统计的就是另一回事，而且所有按标签读取报告的程序都会因此出错。

    ## 示例
    某2020年度报告表三中的“1.属于国家机密”一行（seed 001，第205行）报告 `GIA203 标签“1.属于国家机密”应为“1.属于国家秘密”`；半角括号加空格的“(一) 予以公开”不报告问题。

    ## 修复
    已知的错字或变体（列于格式数据中）为安全修复：单元格改为格式的标签。仅凭相似认定的标签为不安全修复，须由人确认。带有末尾说明或分两行书写的标签不予修复。
    """

    code = "GIA203"
    name = "label-mismatch"
    summary = Text(zh="行或列标签与格式不一致", en="A row or column label differs from the format")
    rationale = Text(
        zh="两版格式的表二至表四都列有固定的标签（国办公开办函〔2019〕60号、〔2021〕30号）。",
        en="Tables 2–4 of both formats print fixed labels (国办公开办函〔2019〕60号, 〔2021〕30号).",
    )
    severity = Severity.WARNING
    fixable = True
    messages = {"default": Text(zh="标签“{found}”应为“{expected}”", en="The label “{found}” should read “{expected}”")}

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for table in doc.tables:
            # the typo flag of the table's version's label: "规范性文件" is a 2021 variant, a 2019 label
            for hit, ref in table.misspelt_labels():
                written = normalize(hit.cell.label)
                fixable = strip_note(written) == written
                fix = fix_of([cell_edit(hit.cell, ref.label)], safe=not hit.fuzzy) if fixable else None
                yield self.diagnostic(hit.cell.span, expected=ref.label, found=hit.cell.label, fix=fix)
