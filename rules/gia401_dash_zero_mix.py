from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import (
    Cell,
    Diagnostic,
    Document,
    EmptyCell,
    Related,
    Rule,
    Severity,
    Text,
    ValueKind,
    cell_edit,
    fix_of,
    usual_dash,
)


class DashZeroMix(Rule):
    """
    ## What it does
    Checks how a table writes "nothing": as 0, or as a dash (- — － / 无) or a blank.
    Under the default `empty-cell = "consistent"` it flags a table that writes it both
    ways, at the first cell written in the less-used style, with both counts. Under
    `empty-cell = "zero"` it flags a table with any dash or blank; under
    `empty-cell = "dash"`, a table with any 0. One finding per table.

    ## Why it matters
    The format has no rule for dashes, but a reader cannot tell whether "-" means
    zero, "not applicable" or "not known", and a table that mixes both styles suggests
    that some figures were never filled in. Sums read dashes as 0; say 0 where 0 is
    meant, or settle on one style for a whole collection of reports in the configuration.

    ## Example
    Table 3 with 0 in the 自然人 column and "-" in the 法人或其他组织 columns.

    ## Fix
    Writes the cells in the other style: dashes become 0 (or 0 becomes "-", or the
    table's more common dash) — both mean 0 to every sum, so no figure changes. Safe,
    unless blank cells would be filled: a blank may be a figure that was forgotten,
    so filling it is an unsafe fix.

    ## 作用
    检查表格怎样写“没有”：写作 0，还是写作短横线（- — － / 无）或空白。在默认的 `empty-cell = "consistent"` 下，标出两种写法混用的表，问题标在第一个采用较少用写法的单元格，并给出两种写法各自的数量。在 `empty-cell = "zero"` 下，标出含有任何短横线或空白的表；在 `empty-cell = "dash"` 下，标出含有任何 0 的表。每张表只报告一个问题。

    ## 意义
    格式对短横线没有规定，但读者无法分辨“-”指的是零、“不适用”还是“不详”；一张表混用两种写法，说明可能有些数字根本没有填。合计把短横线当作0；表示0的地方就写0，或者在配置中为整批报告统一采用一种写法。

    ## 示例
    表三的自然人列写 0，法人或其他组织各列写“-”。

    ## 修复
    把单元格改为另一种写法：短横线改为0（或0改为“-”，或改为该表更常用的短横线）——对任何合计而言二者都表示0，因此不改变任何数字。属安全修复，除非需要填充空白单元格：空白可能是漏填的数字，填充空白属不安全修复。
    """

    code = "GIA401"
    name = "dash-zero-mix"
    summary = Text(
        zh="空值写法与约定不符：同表既写 0 又写“-”或空白，或不合配置的写法",
        en="Empty values written two ways in one table, or not as configured (empty-cell)",
    )
    rationale = Text(
        zh="国家对短横线没有统一规定（模板：数值写法约定）；同一张表应采用同一种写法。",
        en="No national rule on dashes (templates: value conventions); one table should use one style.",
    )
    severity = Severity.WARNING
    fixable = True
    messages = {
        "default": Text(
            zh="“{table}”表空值写法不一：{zeros}处写作 0，{empties}处写作“-”或空白",
            en="The table “{table}” writes empty values two ways: {zeros} as 0, {empties} as a dash or blank",
        ),
        "zero": Text(
            zh="“{table}”表有{empties}处空值写作“-”或空白，按约定应写 0",
            en="The table “{table}” has {empties} empty values written as a dash or blank; the convention is 0",
        ),
        "dash": Text(
            zh="“{table}”表有{zeros}处写作 0，按约定空值应写“-”",
            en="The table “{table}” has {zeros} values written as 0; the convention is a dash",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        policy = self.options.empty_cell
        for table in doc.tables:
            census = table.census
            zeros: list[Cell] = [cell for _, _, cell in census.zero]
            empties: list[Cell] = [cell for _, _, cell in census.empty]
            if policy is EmptyCell.ZERO:
                key, odd = "zero", empties
            elif policy is EmptyCell.DASH:
                key, odd = "dash", zeros
            elif zeros and empties:
                key, odd = "default", zeros if len(zeros) < len(empties) else empties
            else:
                continue
            if not odd:
                continue
            to = "0" if odd is empties else usual_dash(empties)
            blanks = any(c.value.kind is ValueKind.BLANK for c in odd)
            fix = fix_of((cell_edit(c, to) for c in odd), safe=not blanks)
            first = min(odd, key=lambda c: c.span)
            written = "0" if odd is zeros else "“-”或空白"
            related = [Related(c.span, f"写作{written}") for c in sorted(odd, key=lambda c: c.span) if c is not first]
            yield self.diagnostic(
                first.span,
                key,
                table=table.spec.title,
                zeros=len(zeros),
                empties=len(empties),
                fix=fix,
                related=related,  # every cell counted, for JSON/SARIF and the first few under the frame
            )
