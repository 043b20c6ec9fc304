"""A rule's page (``gialint rule CODE``) in the run's language: the Chinese parts of its
docstring under Chinese headings, the English parts where a rule has no Chinese ones, and its
basis whether it is a Text or a plain string."""

from __future__ import annotations

from pathlib import Path

import pytest

from gialint.lint.registry import all_rules
from gialint.lint.rule import Rule, RuleDefinitionError
from gialint.report.docgen import rule_markdown
from gialint.rules_api import Severity, Text

ROOT = Path(__file__).resolve().parents[2]
ENGLISH_HEADINGS = ("### What it does", "### Why it matters", "### Example", "### Fix", "### Messages")
ENGLISH_LABELS = ("*Severity:*", "*Versions:*", "*Fixable:*", "*Basis:*")
MESSAGES = {"default": Text(zh="报告未提供咨询电话", en="The report gives no telephone number for questions")}


class Bilingual(Rule):
    """
    ## What it does
    Checks that the report gives a telephone number for questions.

    ## Why it matters
    Some provinces ask agencies to close their report with a contact.

    ## Example
    A report with no number gets `EXA101 报告未提供咨询电话`.

    ## Fix
    Unsafe: adds the office's number, which a person must confirm.

    ## 作用
    检查报告是否留有咨询电话。

    ## 意义
    有的省份要求各机关在报告末尾留下联系方式。

    ## 示例
    报告未留电话号码，报告 `EXA101 报告未提供咨询电话`。

    ## 修复
    不安全：填入办公室电话，须由人确认。
    """

    code = "EXA101"
    name = "contact-phone"
    summary = Text(zh="报告未提供咨询电话", en="The report gives no telephone number for questions")
    rationale = Text(zh="某省的惯例。", en="A provincial convention.")
    severity = Severity.WARNING
    fixable = True
    messages = MESSAGES


class EnglishOnly(Rule):
    """
    ## What it does
    Checks that the report gives a telephone number for questions.

    ## Why it matters
    Some provinces ask agencies to close their report with a contact.

    ## Example
    A report with no number gets `EXA102 报告未提供咨询电话`.
    """

    code = "EXA102"
    name = "contact-phone-en"
    summary = Text(zh="报告未提供咨询电话", en="The report gives no telephone number for questions")
    rationale = "A provincial convention (a plain string)."
    severity = Severity.INFO
    messages = MESSAGES


def test_the_chinese_page_has_chinese_headings_labels_and_parts() -> None:
    page = rule_markdown(Bilingual, "zh")
    for heading in ("### 作用", "### 意义", "### 示例", "### 修复", "### 消息"):
        assert f"\n{heading}\n" in page
    assert not any(english in page for english in (*ENGLISH_HEADINGS, *ENGLISH_LABELS))
    assert "*严重级别*：警告 · *适用版本*：2019、2021 · *可自动修复*：是  \n*依据*：某省的惯例。\n" in page
    assert "检查报告是否留有咨询电话。" in page and "Checks that the report" not in page
    assert "不安全：填入办公室电话" in page and "Unsafe:" not in page
    # the rule's own words in Chinese only: its summary and its messages
    assert f"\n{Bilingual.summary.zh}\n" in page and Bilingual.summary.en not in page
    assert all(f"`{key}`：{text.zh}\n" in page and text.en not in page for key, text in Bilingual.messages.items())


def test_the_english_page_has_the_english_parts_only() -> None:
    page = rule_markdown(Bilingual, "en")
    assert page == rule_markdown(Bilingual)  # English is the default
    assert (
        "*Severity:* warning · *Versions:* 2019, 2021 · *Fixable:* yes  \n*Basis:* A provincial convention.\n" in page
    )
    for heading in ENGLISH_HEADINGS:
        assert f"\n{heading}\n" in page
    assert "作用" not in page and "检查报告是否留有咨询电话" not in page and "某省的惯例" not in page


def test_the_english_page_of_every_rule_is_its_section_of_rules_md() -> None:
    rules_md = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in all_rules():
        assert "\n" + rule_markdown(rule, "en") in rules_md, rule.code


def test_a_rule_without_chinese_parts_shows_its_english_ones_under_chinese_headings() -> None:
    page = rule_markdown(EnglishOnly, "zh")
    assert "### 作用\n\nChecks that the report gives a telephone number for questions.\n" in page
    assert "### 意义\n\nSome provinces ask" in page and "### 示例\n\nA report with no number" in page
    assert "### 修复" not in page and not any(english in page for english in ENGLISH_HEADINGS)
    assert EnglishOnly.documentation("zh") == EnglishOnly.documentation("en")


def test_a_missing_chinese_part_falls_back_to_the_english_one() -> None:
    class Partly(EnglishOnly):
        """
        ## What it does
        Checks that the report gives a telephone number for questions.

        ## Why it matters
        Some provinces ask agencies to close their report with a contact.

        ## Example
        A report with no number gets a finding.

        ## 作用
        检查报告是否留有咨询电话。
        """

    zh, en = Partly.documentation("zh"), Partly.documentation("en")
    assert zh["What it does"] == "检查报告是否留有咨询电话。" and en["What it does"].startswith("Checks")
    assert zh["Why it matters"] == en["Why it matters"] and zh["Example"] == en["Example"]
    assert "作用" not in en  # the Chinese part is not an English part of its own


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh", "\n*依据*：A provincial convention (a plain string).\n"),
        ("en", "\n*Basis:* A provincial convention (a plain string).\n"),
    ],
)
def test_a_plain_string_basis_is_the_same_in_both_languages(lang: str, line: str) -> None:
    assert line in rule_markdown(EnglishOnly, lang)


def test_the_basis_is_a_str_or_a_text_in_both_languages() -> None:
    with pytest.raises(RuleDefinitionError, match="rationale is required"):

        class HalfText(EnglishOnly):
            rationale = Text(zh="", en="A provincial convention.")

    with pytest.raises(RuleDefinitionError, match="rationale is required"):

        class NotText(EnglishOnly):
            rationale = 3  # type: ignore[assignment]
