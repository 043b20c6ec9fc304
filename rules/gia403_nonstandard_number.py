from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import (
    Diagnostic,
    Document,
    Rule,
    Severity,
    Text,
    cell_edit,
    default_reader,
    fix_of,
    number,
    plain_number,
)

REASONS = {
    "fullwidth-digits": Text(zh="全角数字", en="full-width digits"),
    "plus-sign": Text(zh="正号“+”", en="a plus sign"),
    "word-sign": Text(zh="用“增/减”代替正负号", en="“增/减” instead of a sign"),
    "nonascii-minus": Text(zh="非标准负号", en="a non-ASCII minus"),
    "thousands-separator": Text(zh="千位分隔符", en="thousands separators"),
    "inner-space": Text(zh="数字中有空格", en="spaces inside the number"),
}


class NonstandardNumber(Rule):
    """
    ## What it does
    Flags numbers written in a non-standard way: full-width digits ("１２"), a
    full-width or typographic minus ("－2"), a plus sign ("+6"), the words 增/减 for a
    sign ("增318件", "减1件"), thousands separators ("1,234") or spaces inside a number.

    ## Why it matters
    Statistics are compared and summed by programs across thousands of reports.
    Full-width digits and signs look right on screen but are not numbers to a
    computer, and 增/减 must be read by a person. The 湖北 annotated template states
    the convention: "减用负值表示，如-8".

    ## Example
    "+6" → "6"; "－2" → "-2"; "增318件" → "318".

    ## Fix
    Safe: writes the same number plainly ("１２" → "12", "减1" → "-1", "1,234" → "1234"),
    keeping any unit for GIA402. The fix is made only when the new text reads as the
    same number.

    ## 作用
    标出写法不规范的数字：全角数字（“１２”）、全角或排版用的负号（“－2”）、正号（“+6”）、用“增/减”表示正负（“增318件”“减1件”）、千位分隔符（“1,234”）或数字中间的空格。

    ## 意义
    统计数字要由程序在成千上万份报告之间比较和求和。全角数字和符号在屏幕上看着没错，但对计算机而言不是数字；增/减则必须由人来读。湖北的模板注释写明了这一约定：“减用负值表示，如-8”。

    ## 示例
    “+6”→“6”；“－2”→“-2”；“增318件”→“318”。

    ## 修复
    安全修复：把同一个数按规范写出（“１２”→“12”，“减1”→“-1”，“1,234”→“1234”），单位留给 GIA402 处理。只有新的写法读出的数与原数相同时才修复。
    """

    code = "GIA403"
    name = "nonstandard-number"
    summary = Text(
        zh="数字写法不规范：全角数字或负号、“+”、千位分隔符、增/减",
        en="Full-width digits or minus, +, thousands separators, “增/减” for a sign",
    )
    rationale = Text(
        zh="表格中的数字用半角（ASCII）数字书写，减少用半角负号表示（湖北2020年模板：减用负值表示，如-8）。",
        en="Numbers in the tables are plain ASCII digits with an ASCII minus for decreases (湖北 2020 template: 减用负值表示，如-8).",
    )
    severity = Severity.WARNING
    fixable = True
    messages = {
        "default": Text(
            zh="数字“{text}”写法不规范（{reasons}），应写作{value}",
            en="The number “{text}” is not written plainly ({reasons_en}); write {value}",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for table in doc.tables:
            for _, _, cell in table.census.nonstandard:  # a number written other than plainly
                value = cell.value
                assert value.number is not None
                reasons = [REASONS[r] for r in value.nonstandard]
                plain = plain_number(cell.text)
                again = default_reader().classify(plain)
                same = again.number == value.number and not again.nonstandard
                yield self.diagnostic(
                    cell.span,
                    text=cell.text,
                    reasons="、".join(r.zh for r in reasons),
                    reasons_en=", ".join(r.en for r in reasons),
                    value=number(value.number),
                    fix=fix_of([cell_edit(cell, plain)]) if same else None,
                )
