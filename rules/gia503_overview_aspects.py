from __future__ import annotations

from collections.abc import Iterator

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text, required_content, section_prose


class OverviewAspects(Rule):
    """
    ## What it does
    In a report of the 2021 format, checks that section 一 (总体情况) covers the five aspects the
    format lists: 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设 and 监督保障. An aspect is
    covered when section 一 — its paragraphs, its subsection headings ("（四）平台建设方面") or the
    words on its heading's line — uses its name or a word real reports use for it (a 政府网站 or
    政务新媒体 for the platforms, 考核 or 培训 for 监督保障; content.toml `[[overview_aspects]]`).
    One finding at section 一's heading names every aspect left out. Reports of the 2019 format,
    whose section 一 is free, are not checked; a missing section 一 is GIA101's.

    ## Why it matters
    The 2021 format asks section 一 to give an account of the year under these five headings, so
    that reports can be compared aspect by aspect. A section 一 of one general sentence says
    nothing about how information was managed or how the work was supervised.

    ## Example
    A 2021 report whose section 一 is "2021年，本机关认真贯彻落实《条例》，推进政务公开工作。" gets
    `GIA503 总体情况未涉及主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障`.

    ## 作用
    在2021年版格式的报告中，检查第一部分（总体情况）是否涵盖格式列出的五个方面：主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障。第一部分——其段落、其下级标题（“（四）平台建设方面”）或其标题所在行的文字——用到某一方面的名称，或用到实际报告中指代该方面的词（平台建设如政府网站、政务新媒体，监督保障如考核、培训；见 content.toml `[[overview_aspects]]`），即视为涵盖了该方面。在第一部分的标题处报告一个问题，列出所有遗漏的方面。2019年版格式的第一部分内容不限，其报告不检查；缺少第一部分由 GIA101 报告。

    ## 意义
    2021年版格式要求第一部分按这五个方面交代全年的工作，以便逐个方面比较各份报告。只有一句笼统话的第一部分，没有说明信息是如何管理的，也没有说明工作是如何监督的。

    ## 示例
    2021年度报告的第一部分为“2021年，本机关认真贯彻落实《条例》，推进政务公开工作。”，报告 `GIA503 总体情况未涉及主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障`。
    """

    code = "GIA503"
    name = "overview-aspects"
    summary = Text(
        zh="总体情况未涵盖格式列出的五个方面",
        en="Section I does not cover the five aspects the format lists",
    )
    rationale = Text(
        zh="2021年版格式（国办公开办函〔2021〕30号）第一部分：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障。",
        en="2021 format (国办公开办函〔2021〕30号), section 一: 主动公开, 依申请公开, 政府信息管理, "
        "政府信息公开平台建设, 监督保障.",
    )
    severity = Severity.INFO
    versions = frozenset({"2021"})
    messages = {
        "default": Text(
            zh="总体情况未涉及{missing}",
            en="Section I (总体情况) does not cover {missing_en}",
        )
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if doc.version != "2021":
            return
        overview = section_prose(doc, 1)
        if overview is None:
            return
        missing = [a.name for a in required_content(doc.model).aspects if not overview.has_any(a.words)]
        if missing:
            yield self.diagnostic(
                overview.anchor, missing="、".join(missing), missing_en=", ".join(f"“{m}”" for m in missing)
            )
