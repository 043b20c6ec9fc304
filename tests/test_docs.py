"""Documentation generated from metadata must be current, and every rule documented."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from gialint.base.diagnostic import Text
from gialint.lint.registry import all_rules
from gialint.lint.rule import DOC_HEADINGS, DOC_PARTS, Rule, RuleDefinitionError
from gialint.report.docgen import rules_markdown

ROOT = Path(__file__).parent.parent


def test_rules_md_is_current() -> None:
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(all_rules()), "run: gialint rules --format markdown > docs/rules.md"


def test_configuration_md_is_current() -> None:
    from gialint.config import schema
    from gialint.report.docgen import config_markdown

    current = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    assert current == config_markdown(schema()), (
        "run: gialint config --schema --format markdown > docs/configuration.md"
    )


def test_readme_lists_every_rule() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in all_rules():
        assert f"| {rule.code} | `{rule.name}` | {rule.severity.label} | {rule.summary.zh} |" in readme


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_documentation_has_every_part(rule: type[Rule]) -> None:
    doc = rule.documentation()
    for part in DOC_PARTS:
        assert len(doc[part]) > 40, f"{rule.code}: '{part}' is too thin"
    assert rule.summary.zh and rule.summary.en and rule.rationale
    assert ("Fix" in doc) == rule.fixable, f"{rule.code}: a fixable rule documents its fix under '## Fix'"


CJK = re.compile(r"[\u3400-\u9fff]")
LATIN = re.compile(r"[A-Za-z]")
#: What a Chinese part may quote in Latin letters: code, options and file names, rule codes.
QUOTED = re.compile(r"`[^`]*`|\[[^\]]*\]|GIA\d+|\b[\w.-]+\.(?:toml|md|py)\b")


def _chinese(text: str) -> bool:
    """Whether a text is written in Chinese: more Chinese characters than Latin letters outside
    code, options and rule codes (an English text left under a Chinese heading is not)."""
    return len(CJK.findall(text)) > len(LATIN.findall(QUOTED.sub("", text)))


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_is_documented_in_chinese_too(rule: type[Rule]) -> None:
    """Each English part has its Chinese one under its Chinese heading (## 作用, ## 意义, ## 示例,
    ## 修复), and no Chinese part lacks its English one; the basis is a Text in both languages."""
    headings = [line[3:].strip() for line in (inspect.getdoc(rule) or "").splitlines() if line.startswith("## ")]
    english = [key for key in DOC_HEADINGS if key in headings]
    assert [DOC_HEADINGS[key].zh for key in english] == [h for h in headings if h not in DOC_HEADINGS]
    en, zh = rule.documentation("en"), rule.documentation("zh")
    assert en.keys() == zh.keys() and ("Fix" in zh) == rule.fixable
    for part in english:
        assert zh[part] != en[part] and _chinese(zh[part]), f"{rule.code}: '{DOC_HEADINGS[part].zh}' is not Chinese"
    assert isinstance(rule.rationale, Text)
    assert _chinese(rule.rationale.zh) and rule.rationale.zh != rule.rationale.en, rule.code


def test_rule_metadata_is_validated_when_the_class_is_made() -> None:
    with pytest.raises(RuleDefinitionError, match=r"code must look like GIA101.*kebab-case.*docstring lacks"):

        class Bad(Rule):
            code = "X1"
            name = "Not Kebab"


def _workflow_steps(doc: str) -> list[dict[str, object]]:
    import yaml

    text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    block = text.split("```yaml\n# .github/workflows/")[1].split("```", 1)[0]
    workflow = yaml.safe_load("# " + block)
    (job,) = workflow["jobs"].values()
    steps: list[dict[str, object]] = job["steps"]
    return steps


def test_the_ci_recipe_uploads_sarif_when_there_are_findings() -> None:
    """In GitHub Actions a failed step skips the steps after it unless they say ``if: always()``:
    every step after one that can fail (a check without --exit-zero) must say so, and the SARIF
    upload must come to run when the report has findings."""
    steps = _workflow_steps("repository-guide.md")
    may_fail = False
    uploads = 0
    for step in steps:
        if may_fail:
            assert "always()" in str(step.get("if", "")), f"skipped after a failing check: {step}"
        uploads += "upload-sarif" in str(step.get("uses", ""))
        command = str(step.get("run", ""))
        if command.startswith("gialint check") and "--exit-zero" not in command:
            may_fail = True
    assert uploads == 1


def test_the_readme_sample_is_what_gialint_prints(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gialint.cli import main

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "$ gialint check examples/example-2021.txt --select GIA301,GIA203\n"
    sample = readme.split(command, 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    main(["check", "examples/example-2021.txt", "--select", "GIA301,GIA203", "--no-color"])
    assert capsys.readouterr().out == sample


#: The distribution's name on PyPI: "gialint" there is an unrelated project (issue 19).
DISTRIBUTION = "gialint-cn"
PIP_INSTALL = re.compile(r"pip install ((?:'[^'\n]*'|\"[^\"\n]*\"|[^\s`'\"]+)(?:[ \t]+(?:'[^'\n]*'|[^\s`'\"]+))*)")


def test_the_distribution_is_named_as_the_docs_say() -> None:
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DISTRIBUTION
    plugin = tomllib.loads((ROOT / "tests" / "plugin_example" / "pyproject.toml").read_text(encoding="utf-8"))
    assert plugin["project"]["dependencies"] == [DISTRIBUTION]


@pytest.mark.parametrize("page", ["README.md", *sorted(p.name for p in (ROOT / "docs").glob("*.md"))])
def test_no_page_tells_users_to_install_the_other_gialint(page: str) -> None:
    """``pip install gialint`` (or ``'gialint[extra]'``) installs PyPI's unrelated gialint: every
    install from the index names gialint-cn; installs from the checkout (``.``) are fine."""
    path = ROOT / page if page == "README.md" else ROOT / "docs" / page
    for match in PIP_INSTALL.finditer(path.read_text(encoding="utf-8")):
        for word in match.group(1).split():
            name = re.split(r"[\[=<>~!;]", word.strip("'\""), maxsplit=1)[0]
            assert name != "gialint", f"{page}: {match.group(0)!r} installs PyPI's other gialint"
