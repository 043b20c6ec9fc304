"""Runs every case in tests/rules/*.yml (one file per rule, sqlfluff style).

A case names a base report from tests/fixtures/base, optional edits to it, and the
findings expected *from that rule*: each by line, and by column where given. The
rule alone is selected unless ``config`` says otherwise (GIA901 needs the rules whose
suppressions it checks).

    - name: row total one too high
      base: report-2020.txt
      edits:
        - {line: 30, old: "\\t186", new: "\\t187"}   # replace text within line 30
        - {line: 12, text: "…"}                     # replace the whole line
        - {line: 12, insert: "…"}                   # insert a line before line 12
        - {line: 12, delete: true}
      config: {empty-cell: zero}                     # configuration keys (docs/configuration.md)
      expect:
        - {line: 30, column: 44}
      fixed:                                         # after `--fix` (`--unsafe-fixes` with unsafe: true)
        unsafe: false
        lines:
          - {line: 30, text: "…"}                   # the whole line after fixing
        remaining: []                               # the rule's findings left, by line
        partial: false                              # true: other lines may change too

A case with ``expect`` findings that the rule can fix should say what fixing gives. A case
of a cross-year rule (GIA601–GIA604) gives last year's report as ``previous``, a base and
its edits (``previous: {base: report-2020.txt, edits: [...]}``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import gialint
from conftest import BASE
from gialint.config import from_mapping
from gialint.fix.fixer import fix_text
from gialint.lint.registry import all_rules

CASES_DIR = Path(__file__).parent / "rules"


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}"))
    return params


def apply_edits(text: str, edits: list[dict[str, Any]]) -> str:
    lines = text.split("\n")
    for edit in edits:
        index = edit["line"] - 1
        if "old" in edit:
            assert edit["old"] in lines[index], f"line {edit['line']} has no {edit['old']!r}: {lines[index]!r}"
            lines[index] = lines[index].replace(edit["old"], edit["new"], 1)
        elif "text" in edit:
            lines[index] = edit["text"]
        elif "insert" in edit:
            lines.insert(index, edit["insert"])
        elif edit.get("delete"):
            del lines[index]
        else:
            raise AssertionError(f"unknown edit {edit}")
    return "\n".join(lines)


@pytest.mark.parametrize(("rule", "case"), _cases())
def test_rule_case(rule: str, case: dict[str, Any]) -> None:
    text = apply_edits((BASE / case["base"]).read_text(encoding="utf-8"), case.get("edits", []))
    settings = from_mapping({"select": [rule], **case.get("config", {})})
    before = case.get("previous")  # last year's report (GIA601–GIA604): a base and its edits
    previous = None
    if before is not None:
        previous = gialint.parse_text(apply_edits((BASE / before["base"]).read_text(encoding="utf-8"), before["edits"]))
    result = gialint.lint_text(text, settings=settings, previous=previous)
    findings = [d for d in result.diagnostics if d.code == rule]
    expected = case["expect"]
    with_columns = all("column" in e for e in expected)
    found = sorted((d.span.line, d.span.column) if with_columns else (d.span.line,) for d in findings)
    wanted = sorted((e["line"], e["column"]) if with_columns else (e["line"],) for e in expected)
    assert found == wanted, "\n".join(f"{d.span.line}:{d.span.column} {d.code} {d.message.en}" for d in findings)
    for e in expected:
        if "message" in e:
            assert any(e["message"] in d.message.zh for d in findings if d.span.line == e["line"])
    if "fixed" in case:
        wanted_fix = case["fixed"]
        outcome = fix_text(
            text, lambda t: gialint.lint_text(t, settings=settings).diagnostics, wanted_fix.get("unsafe", False)
        )
        lines = outcome.text.split("\n")
        for line in wanted_fix.get("lines", []):
            assert lines[line["line"] - 1] == line["text"]
        left = [d.span.line for d in outcome.remaining if d.code == rule]
        assert sorted(left) == sorted(wanted_fix.get("remaining", []))
        changed = [i + 1 for i, (a, b) in enumerate(zip(text.split("\n"), lines, strict=True)) if a != b]
        if not wanted_fix.get("partial"):
            assert changed == sorted(line["line"] for line in wanted_fix.get("lines", []))


def test_every_rule_has_cases() -> None:
    covered = {yaml.safe_load(p.read_text(encoding="utf-8"))["rule"] for p in CASES_DIR.glob("*.yml")}
    assert covered == {r.code for r in all_rules()}


@pytest.mark.parametrize("path", sorted(CASES_DIR.glob("*.yml")), ids=lambda p: p.stem)
def test_every_rule_has_a_failing_and_a_passing_case(path: Path) -> None:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    assert any(c["expect"] for c in cases) and any(not c["expect"] for c in cases)
