from __future__ import annotations

from collections.abc import Iterator

from gialint.ast import NumeralStyle
from gialint.diagnostic import Diagnostic, Severity, Text
from gialint.document import Document
from gialint.rule import Rule


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
    """

    code = "GIA103"
    name = "section-numbering"
    summary = Text(
        zh="部分标题缺少序号或序号格式不规范", en="A section heading lacks its numeral or uses another style"
    )
    rationale = "Both formats number the sections 一、 to 六、."
    severity = Severity.WARNING
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
                yield self.diagnostic(heading.span, "missing", expected=expected)
                continue
            assert heading.numeral is not None
            written = heading.text[: heading.text.index(heading.numeral) + len(heading.numeral) + 1].strip()
            if heading.style is not NumeralStyle.CHINESE:
                yield self.diagnostic(heading.span, "style", numeral=spec.numeral, written=written, expected=expected)
            elif heading.numeral != spec.numeral:
                yield self.diagnostic(heading.span, "wrong", numeral=spec.numeral, written=written, expected=expected)
            elif not written.endswith("、"):
                yield self.diagnostic(heading.span, "style", numeral=spec.numeral, written=written, expected=expected)
