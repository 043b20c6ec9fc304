from __future__ import annotations

from collections.abc import Iterator, Sequence

from gialint.rules_api import Diagnostic, Document, Rule, Severity, Text, Unmatched, all_rules, names_any


class UnusedSuppression(Rule):
    """
    ## What it does
    Flags a suppression comment (`<!-- gialint: ignore GIA402 reason -->`, `disable`,
    `ignore-file`) that no longer suppresses anything, names no rule, or cannot be
    read. A code of a rule that did not run (ignored in the configuration) is not
    flagged.

    ## Why it matters
    A suppression is a claim that a finding is known and accepted. Once the report is
    corrected, a suppression left behind would silently hide the same problem if it
    came back; a mistyped one hides nothing while looking as if it did.

    ## Example
    `<!-- gialint: ignore GIA402 件 is in the source -->` above a row whose cells no
    longer carry units: `GIA901 抑制注释未匹配任何问题：GIA402`.

    ## 作用
    标出不再抑制任何问题、没有写明规则或无法识别的抑制注释（`<!-- gialint: ignore GIA402 原因 -->`、`disable`、`ignore-file`）。未运行的规则（在配置中被忽略）的代码不予标出。

    ## 意义
    抑制注释表示某个问题已知且已被接受。报告改正之后，留下的抑制注释会在同一问题再次出现时悄无声息地将其隐藏；写错的抑制注释看似隐藏了问题，实际上什么也没有隐藏。

    ## 示例
    某行的单元格已经不再带单位，其上方的 `<!-- gialint: ignore GIA402 原文数字带“件” -->` 报告 `GIA901 抑制注释未匹配任何问题：GIA402`。
    """

    code = "GIA901"
    name = "unused-suppression"
    summary = Text(zh="抑制注释未匹配任何问题或无法识别", en="A suppression comment matches nothing or cannot be read")
    rationale = Text(
        zh="抑制注释应当写明它隐藏的是什么（ruff RUF100、markdownlint）：过时的抑制注释会隐藏将来出现的问题。",
        en="Suppressions should say what they hide (ruff RUF100, markdownlint): a stale one hides future problems.",
    )
    severity = Severity.WARNING
    messages = {
        "unused": Text(zh="抑制注释未匹配任何问题：{selector}", en="The suppression of {selector} matches nothing"),
        "unknown": Text(zh="抑制注释中的“{selector}”不是任何规则", en="“{selector}” in the suppression names no rule"),
        "unknown-action": Text(
            zh="无法识别的 gialint 注释：应为 ignore、ignore-file、disable 或 enable",
            en="Unknown gialint comment: use ignore, ignore-file, disable or enable",
        ),
        "no-codes": Text(
            zh="抑制注释须写明规则代码，如 <!-- gialint: ignore GIA402 原因 -->",
            en="A suppression must name its rules: <!-- gialint: ignore GIA402 reason -->",
        ),
        "bad-code": Text(
            zh="抑制注释中的规则代码写法有误（多个代码用英文逗号分隔，其后空格写原因）",
            en="Malformed rule codes in the suppression (separate codes with commas, then a space and the reason)",
        ),
        "stray-enable": Text(
            zh="enable 注释前没有对应的 disable 注释", en="An enable comment without a disable comment before it"
        ),
    }

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        for bad in doc.suppressions.malformed:
            yield self.diagnostic(bad.span, bad.problem)

    def check_suppressions(self, doc: Document, unmatched: Sequence[Unmatched]) -> Iterator[Diagnostic]:
        if not unmatched:
            return  # most reports: the rules are not listed for nothing
        known = [(r.code, r.name) for r in all_rules()]
        for item in unmatched:
            key = "unused" if names_any(item.selector, known) else "unknown"
            yield self.diagnostic(item.suppression.span, key, selector=item.selector)
