"""Runs every case in tests/rules/*.yml (one file per rule, sqlfluff style).

A case names a base report from tests/fixtures/base, optional edits to it, and the
findings expected *from that rule alone*: each by line, and by column where given.

    - name: row total one too high
      base: report-2020.txt
      edits:
        - {line: 30, old: "\\t186", new: "\\t187"}   # replace text within line 30
        - {line: 12, text: "…"}                     # replace the whole line
        - {line: 12, insert: "…"}                   # insert a line before line 12
        - {line: 12, delete: true}
      expect:
        - {line: 30, column: 44}
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import gialint
from conftest import BASE
from gialint.registry import all_rules

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
    result = gialint.lint_text(text, select=[rule])
    expected = case["expect"]
    with_columns = all("column" in e for e in expected)
    found = sorted((d.span.line, d.span.column) if with_columns else (d.span.line,) for d in result.diagnostics)
    wanted = sorted((e["line"], e["column"]) if with_columns else (e["line"],) for e in expected)
    assert found == wanted, "\n".join(
        f"{d.span.line}:{d.span.column} {d.code} {d.message.en}" for d in result.diagnostics
    )
    assert all(d.code == rule for d in result.diagnostics)
    for e in expected:
        if "message" in e:
            assert any(e["message"] in d.message.zh for d in result.diagnostics if d.span.line == e["line"])


def test_every_rule_has_cases() -> None:
    covered = {yaml.safe_load(p.read_text(encoding="utf-8"))["rule"] for p in CASES_DIR.glob("*.yml")}
    assert covered == {r.code for r in all_rules()}


@pytest.mark.parametrize("path", sorted(CASES_DIR.glob("*.yml")), ids=lambda p: p.stem)
def test_every_rule_has_a_failing_and_a_passing_case(path: Path) -> None:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
    assert any(c["expect"] for c in cases) and any(not c["expect"] for c in cases)
