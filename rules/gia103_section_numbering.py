from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Edit, Fix, Heading, NumeralStyle, Rule, Severity, Span, Text, fix_of


def renumber(heading: Heading, numeral: str, safe: bool = True) -> Fix | None:
    """Replace what stands before the heading's words ("1、 ", "一.", nothing) with "一、"."""
    span = heading.span
    if span.line != span.end_line:
        return None
    title_start = span.end_column - len(heading.title)
    text_start = span.end_column - len(heading.text)
    return fix_of([Edit(Span(span.line, text_start, span.line, title_start), f"{numeral}、")], safe)


class SectionNumbering(Rule):
    """
    ## What it does
    Checks that each section heading starts with its Chinese numeral and a 顿号:
    "一、" to "六、". It flags a heading with no numeral, one numbered in another style
    ("1、", "一."), and one whose numeral is not its place in the format.

    ## Why it matters
    The format numbers its sections 一 to 六. Readers find sections by these numerals,
    and a heading without one is easily read as ordinary text — as the linter itself
    would, were it not for the wording.

    ## Example
    "政府信息公开行政复议、行政诉讼情况" (no numeral) should read "四、政府信息公开行政复议、行政诉讼情况";
    "1、 总体情况" should read "一、总体情况".

    ## Fix
    Safe for a missing numeral or another numbering style: the heading gets "一、" to
    "六、" by its place in the format. Unsafe where the heading carries another
    section's numeral, which may mean that a section is missing rather than misnumbered.

    ## 作用
    检查各部分标题是否以中文数字加顿号开头，即“一、”至“六、”。标出没有序号的标题、采用其他编号样式（“1、”“一.”）的标题，以及序号与其在格式中的位置不符的标题。

    ## 意义
    格式以一至六为各部分编号。读者靠这些序号查找各部分；没有序号的标题容易被当作普通正文——若不是凭借标题措辞，本工具自己也会这样误读。

    ## 示例
    “政府信息公开行政复议、行政诉讼情况”（没有序号）应为“四、政府信息公开行政复议、行政诉讼情况”；“1、 总体情况”应为“一、总体情况”。

    ## 修复
    缺少序号或采用其他编号样式的，为安全修复：按该部分在格式中的位置，为标题加上“一、”至“六、”。标题带有另一部分序号的，为不安全修复，因为这可能说明缺了某一部分，而不是序号写错。
    """

    code = "GIA103"
    name = "section-numbering"
    summary = Text(
        zh="部分标题缺少序号或序号格式不规范", en="A section heading lacks its numeral or uses another style"
    )
    rationale = Text(
        zh="两版格式都以“一、”至“六、”为各部分编号。",
        en="Both formats number the sections 一、 to 六、.",
    )
    severity = Severity.WARNING
    fixable = True
    messages = {
        "missing": Text(
            zh="部分标题缺少序号，应为“{expected}”", en="The section heading lacks its numeral: “{expected}”"
        ),
        "style": Text(
            zh="部分标题序号应为“{numeral}、”，而不是“{written}”",
            en="The section should be numbered “{numeral}、”, not “{written}”",
        ),
        "wrong": Text(
            zh="该部分是第{numeral}部分，标题却编号为“{written}”",
            en="This is section {numeral}, but its heading is numbered “{written}”",
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for spec, section in doc.recognised_sections():
            heading = section.heading
            expected = f"{spec.numeral}、{heading.title}"
            if heading.style is NumeralStyle.NONE:
                yield self.diagnostic(heading.span, "missing", expected=expected, fix=renumber(heading, spec.numeral))
                continue
            assert heading.numeral is not None
            written = heading.text[: heading.text.index(heading.numeral) + len(heading.numeral) + 1].strip()
            if heading.style is not NumeralStyle.CHINESE:
                key, fix = "style", renumber(heading, spec.numeral)
            elif heading.numeral != spec.numeral:
                key, fix = "wrong", renumber(heading, spec.numeral, safe=False)
            elif not written.endswith("、"):
                key, fix = "style", renumber(heading, spec.numeral)
            else:
                continue
            yield self.diagnostic(heading.span, key, numeral=spec.numeral, written=written, expected=expected, fix=fix)
