"""The library API, and the README example."""

from __future__ import annotations

import glob
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import gialint
from conftest import seed
from gialint.lint.linter import SelectionError
from gialint.lint.registry import all_rules

ROOT = Path(__file__).parents[2]


def test_lint_text_and_lint_path_agree() -> None:
    path = seed("002")
    by_path = gialint.lint_path(path)
    by_text = gialint.lint_text(path.read_text(encoding="utf-8"), path=str(path))
    assert by_path.diagnostics == by_text.diagnostics
    assert by_path.encoding == "utf-8" and by_path.path == str(path)


@pytest.mark.parametrize(
    ("select", "ignore", "codes"),
    [
        (["GIA403"], None, {"GIA403"}),
        (["GIA4"], None, {"GIA402", "GIA403"}),
        (["nonstandard-number"], None, {"GIA403"}),
        (None, ["GIA4"], {"GIA103"}),
        (["GIA4"], ["GIA40"], set()),
        (["GIA402"], ["GIA4"], {"GIA402"}),  # the more specific entry wins
    ],
)
def test_selection(select: list[str] | None, ignore: list[str] | None, codes: set[str]) -> None:
    result = gialint.lint_text(seed("002").read_text(encoding="utf-8"), select=select, ignore=ignore)
    assert {d.code for d in result.diagnostics} == codes


def test_unknown_selector() -> None:
    with pytest.raises(SelectionError):
        gialint.lint_text("", select=["GIA8"])


def test_parse_text_gives_tables_by_row_and_column() -> None:
    doc = gialint.parse_text(seed("003").read_text(encoding="utf-8"))
    assert doc.year is not None and doc.year.year == 2021
    t3 = doc.table("t3")
    assert t3 is not None and t3.template.version == "2021"
    cell = t3.cell("other_no_fee", "total")
    assert cell is not None and cell.value.amount == 0 and cell.span.line == 70


def test_builtin_rules_come_through_the_entry_point() -> None:
    from importlib.metadata import entry_points

    (builtin,) = [ep for ep in entry_points(group="gialint.rules") if ep.name == "builtin"]
    assert builtin.value == "gialint.rules:BUILTIN_RULES"
    assert [r.code for r in all_rules()] == sorted(r.code for r in builtin.load())
    rule_files = Path(__file__).resolve().parents[2].glob("rules/gia[0-9][0-9][0-9]_*.py")
    assert len(all_rules()) == len(list(rule_files))  # one rule per file of rules/


def test_readme_example_runs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(.*?)```", readme, re.DOTALL)
    assert example is not None
    namespace: dict[str, object] = {}
    exec(compile(example.group(1), "README.md", "exec"), namespace)
    out = capsys.readouterr().out.splitlines()
    assert "5:1 GIA103 warning The section should be numbered “一、”, not “1、”" in out
    assert out[-1] == "2020 2019 30"


def test_readme_example_passes_mypy_strict(tmp_path: Path) -> None:
    """The package is typed (py.typed): the README's example type-checks as a careful user writes it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(.*?)```", readme, re.DOTALL)
    assert example is not None
    (tmp_path / "example.py").write_text(example.group(1), encoding="utf-8")
    env = {**os.environ, "MYPYPATH": str(ROOT)}  # the source tree, as an editable install does not show it
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-incremental", "example.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_readme_batch_example_runs(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = re.findall(r"```python\n(.*?)```", readme, re.DOTALL)[1]
    assert "lint_paths" in example
    exec(compile(example, "README.md", "exec"), {})
    out = sorted(capsys.readouterr().out.splitlines())
    expected = sorted(f"{p} {len(gialint.lint_path(p).diagnostics)}" for p in sorted(glob.glob("examples/*.txt")))
    assert out == expected and len(out) == 2


def test_every_public_name_is_exported_and_loaded_on_first_use(tmp_path: Path) -> None:
    assert sorted(gialint.__all__) == sorted([*gialint._EXPORTS, "__version__"])
    for name in gialint.__all__:
        value = getattr(gialint, name)
        assert getattr(value, "__name__", name) == name or name == "__version__"
    with pytest.raises(AttributeError, match="no attribute 'lint_everything'"):
        gialint.lint_everything  # noqa: B018
    script = "import sys, gialint; print(sorted(m for m in sys.modules if m.startswith('gialint')))"
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['gialint', 'gialint._version']"


# ---------------------------------------------------------------- the library's small courtesies (issue 19)


def test_severities_and_messages_print_as_words() -> None:
    assert [str(s) for s in gialint.Severity] == ["info", "warning", "error"]
    result = gialint.lint_path(ROOT / "examples" / "example-2021.txt")
    diagnostic = result.diagnostics[0]
    assert str(diagnostic.message) == diagnostic.message.zh and f"{diagnostic.severity}" == diagnostic.severity.label


def test_a_result_as_a_dict_is_what_the_json_output_gives() -> None:
    import json

    from gialint.report.json_format import as_json

    result = gialint.lint_path(ROOT / "examples" / "example-2021.txt")
    data = result.as_dict("en")
    assert data["path"] == result.path and data["file_format"] == "text" and data["encoding"] == "utf-8"
    per_file = [{k: v for k, v in d.items() if k != "path"} for d in as_json([result], [], "en")["diagnostics"]]
    assert data["diagnostics"] == per_file and json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_a_selector_given_as_one_string_is_one_selector() -> None:
    text = (ROOT / "examples" / "example-2021.txt").read_text(encoding="utf-8")
    as_string = gialint.lint_text(text, select="GIA203").diagnostics
    assert as_string and {d.code for d in as_string} == {"GIA203"}
    assert as_string == gialint.lint_text(text, select=["GIA203"]).diagnostics
    assert "GIA203" not in {d.code for d in gialint.lint_text(text, ignore="GIA203").diagnostics}
    with pytest.raises(gialint.SelectionError):
        gialint.lint_text(text, select="GIA999")


@pytest.mark.parametrize("name", ["table.xls", "table.xlsx", "report.ofd", "scan.png"])
def test_a_file_that_is_no_report_document_is_refused_not_read_as_text(name: str) -> None:
    with pytest.raises(gialint.ReadError) as error:
        gialint.lint_bytes("本年新收政府信息公开申请数量,12\n".encode(), name)
    assert "not a report document" in error.value.get("en") and "不是报告文档" in str(error.value)
    assert "\n" not in str(error.value)


def test_the_public_classes_say_what_they_are() -> None:
    for cls in (
        gialint.LintResult,
        gialint.Diagnostic,
        gialint.Document,
        gialint.Severity,
        gialint.Settings,
        gialint.Limits,
        gialint.Span,
        gialint.Text,
    ):
        doc = cls.__doc__ or ""
        assert len(doc) > 40 and not doc.startswith(cls.__name__ + "("), cls
