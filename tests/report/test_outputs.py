"""Machine outputs (SARIF, GitHub, JUnit), --output-file, and the flags that shape output and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

import gialint
from conftest import BASE, REPORTS, written
from gialint.base.messages import as_text
from gialint.cli import main
from gialint.lint.registry import all_rules
from gialint.report import ReportOptions

DEFECTS = BASE / "defects-2021.txt"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # the repository root SARIF paths are relative to
    (tmp_path / "reports" / "县").mkdir(parents=True)
    shutil.copy(DEFECTS, tmp_path / "reports" / "县" / "年报 2021.txt")
    (tmp_path / "reports" / "broken.pdf").write_bytes(b"%PDF-1.4 nothing")
    monkeypatch.chdir(tmp_path / "reports")  # run from below the root
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return tmp_path


def sarif(capsys: pytest.CaptureFixture[str], *paths: str) -> dict:  # type: ignore[type-arg]
    code, out, _ = run(["check", *paths, "--format", "sarif"], capsys)
    assert code == 2  # the broken PDF
    return json.loads(out)  # type: ignore[no-any-return]


def test_sarif_has_every_field_github_code_scanning_requires(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    log = sarif(capsys, ".")
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "gialint" and driver["version"]
    rules = driver["rules"]
    assert [r["id"] for r in rules] == [r.code for r in all_rules()]  # stable ids: the rule codes
    for rule in rules:
        assert rule["name"] and rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["help"]["text"] and rule["help"]["markdown"].startswith("## 作用")  # the run's language
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert "gialint" in rule["properties"]["tags"]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert run_["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.resolve().as_uri() + "/"
    results = run_["results"]
    assert len(results) == 6
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note") and result["message"]["text"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"] == {
            "uri": "reports/%E5%8E%BF/%E5%B9%B4%E6%8A%A5%202021.txt",  # repository-relative, percent-encoded
            "uriBaseId": "%SRCROOT%",
        }
        region = physical["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1 and region["endColumn"] > region["startColumn"]
        assert len(result["partialFingerprints"]["gialintLogicalPlace/v1"]) == 16
    unit = next(r for r in results if r["ruleId"] == "GIA402")
    assert unit["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 16,
        "startColumn": 6,
        "endLine": 16,
        "endColumn": 9,
    }
    assert unit["fixes"][0]["artifactChanges"][0]["replacements"][0]["insertedContent"]["text"] == "12"
    total = next(r for r in results if r["ruleId"] == "GIA301")
    assert total["relatedLocations"] and all(x["message"]["text"] for x in total["relatedLocations"])
    (invocation,) = run_["invocations"]
    assert invocation["executionSuccessful"] is False
    assert (
        invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "reports/broken.pdf"
    )


@pytest.mark.parametrize(("lang", "heading"), [([], "作用"), (["--lang", "en"], "What it does")])
def test_sarif_describes_the_rules_in_the_runs_language(
    repo: Path, capsys: pytest.CaptureFixture[str], lang: list[str], heading: str
) -> None:
    _, out, _ = run(["check", ".", "--format", "sarif", *lang], capsys)
    rules = {r["id"]: r for r in json.loads(out)["runs"][0]["tool"]["driver"]["rules"]}
    language = lang[-1] if lang else "zh"
    for rule in all_rules():
        described = rules[rule.code]
        assert described["fullDescription"]["text"] == rule.documentation(language)["What it does"]
        assert described["help"]["markdown"].startswith(f"## {heading}\n\n")
        assert described["properties"]["basis"] == as_text(rule.rationale).get(language)


def test_sarif_fingerprints_survive_edits_elsewhere(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {r["partialFingerprints"]["gialintLogicalPlace/v1"] for r in sarif(capsys, ".")["runs"][0]["results"]}
    report = repo / "reports" / "县" / "年报 2021.txt"
    lines = report.read_text(encoding="utf-8").split("\n")
    lines[3:3] = ["新增的一段说明。", ""]
    report.write_text("\n".join(lines), encoding="utf-8")
    results = sarif(capsys, ".")["runs"][0]["results"]
    assert {r["partialFingerprints"]["gialintLogicalPlace/v1"] for r in results} == before
    assert (
        next(r for r in results if r["ruleId"] == "GIA402")["locations"][0]["physicalLocation"]["region"]["startLine"]
        == 18
    )


def test_sarif_for_a_word_document_names_the_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(written(DEFECTS, "docx"))
    _, out, _ = run(["check", str(path), "--format", "sarif"], capsys)
    unit = next(r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "GIA402")
    assert "表" in unit["message"]["text"] and unit["properties"]["location"]["kind"] == "docx-cell"
    assert unit["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}


def test_github_annotations_and_step_summary(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = repo / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")  # chosen without --format
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, out, _ = run(["check", "县", "--lang", "en"], capsys)
    lines = out.splitlines()
    assert code == 1 and len(lines) == 6
    assert (
        "::warning file=县/年报 2021.txt,line=16,endLine=16,col=6,endColumn=9,title=GIA402 unit-in-cell::"
        "The cell “12件” carries the unit “件”; write only the number 12" in lines
    )
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## gialint") and "| GIA301 | `row-total` | 2 |" in text and "6 findings" in text


def test_github_escapes_what_workflow_commands_need() -> None:
    from gialint.report.github import _data, _property

    assert _data("50%\nx") == "50%25%0Ax"
    assert _property("a,b:c") == "a%2Cb%3Ac"


def test_junit(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(BASE / "report-2021.txt", repo / "reports" / "clean.txt")
    _code, out, _ = run(["check", ".", "--format", "junit"], capsys)
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "1", "1")
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    assert cases["./clean.txt"].find("failure") is None
    failure = cases["./县/年报 2021.txt"].find("failure")
    assert failure is not None and "GIA402" in failure.get("message", "") and "16:6: GIA402" in (failure.text or "")
    assert failure.get("message", "").startswith("6 个问题：GIA103") and "16:6: GIA402 警告 " in (failure.text or "")
    assert cases["./broken.pdf"].find("error") is not None


def test_junit_fails_a_file_as_the_exit_code_does(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file with warnings only passes under the default --fail-on error, and says what it saw."""
    (repo / "reports" / "broken.pdf").unlink()
    text = (BASE / "report-2020.txt").read_text(encoding="utf-8").replace("\t7\t7\t7", "\t7件\t7\t7", 1)
    (repo / "reports" / "warned.txt").write_text(text, encoding="utf-8")
    code, out, _ = run(["check", "warned.txt", "--format", "junit"], capsys)
    (case,) = ET.fromstring(out).iter("testcase")
    assert code == 0 and case.find("failure") is None and "GIA402" in (case.findtext("system-out") or "")
    code, out, _ = run(["check", "warned.txt", "--format", "junit", "--fail-on", "warning"], capsys)
    (case,) = ET.fromstring(out).iter("testcase")
    assert code == 1 and case.find("failure") is not None


def test_output_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "县", "--format", "json", "--output-file", "out.json"], capsys)
    assert out == "" and code == 1
    assert len(json.loads((repo / "reports" / "out.json").read_text(encoding="utf-8"))["diagnostics"]) == 6


def test_statistics(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "县", "--statistics", "--lang", "en"], capsys)
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "2  GIA301  error    row-total"
    assert (
        "1  GIA402  warning  unit-in-cell  [fixable 1]" in lines
        and lines[-1] == "Total: 6 findings, 0 unreadable files"
    )
    _code, out, _ = run(["check", "县", "--statistics"], capsys)
    lines = out.splitlines()
    assert lines[0] == "2  GIA301  错误  row-total" and "1  GIA402  警告  unit-in-cell  [可修复 1]" in lines
    assert lines[-1] == "共 6 个问题，0 个文件无法读取"
    _code, out, _ = run(["check", "县", "--statistics", "--format", "json"], capsys)
    assert {"code": "GIA301", "name": "row-total", "severity": "error", "count": 2, "fixable": 0} in json.loads(out)


def test_quiet_exit_zero_and_show_source(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "县", "--quiet", "--no-color"], capsys)
    assert code == 1 and "共检查" not in out and "GIA402" in out
    code, _, _ = run(["check", "县", "--exit-zero"], capsys)
    assert code == 0
    code, _, _ = run(["check", "县", "--fail-on", "warning", "--select", "GIA402"], capsys)
    assert code == 1
    code, _, _ = run(["check", "县", "--fail-on", "error", "--select", "GIA402"], capsys)
    assert code == 0
    _, out, _ = run(["check", "县", "--format", "concise", "--show-source", "--select", "GIA402"], capsys)
    assert out.splitlines()[1:4] == ["   │", "16 │ 行政处罚    12件", "   │             ^^^^"]
    code, _, err = run(["check", "broken.pdf", "--exit-zero"], capsys)
    assert code == 2 and "broken.pdf" in err  # an unreadable file is not a finding


def test_plain_output_is_what_rich_prints_without_colour(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # piped output is written without rich's console; it must be the very text rich would print
    import io

    from rich.console import Console

    from gialint.report import full

    tricky = tmp_path / "tricky.txt"
    text = (BASE / "defects-2021.txt").read_text(encoding="utf-8")
    tricky.write_text(text.replace("1.属于国家机密", "1.属于国家机密[bold]:smile:"), encoding="utf-8")
    results = [gialint.lint_path(path) for path in [*REPORTS, tricky]]
    assert sum(len(r.diagnostics) for r in results) >= 40  # findings of every kind of place
    plain = io.StringIO()
    full.report_full(results, [], ReportOptions(color=False), plain)

    def rich_printer(out: io.StringIO) -> full.RichPrinter:
        return full.RichPrinter(Console(file=out, no_color=True, highlight=False, emoji=False, width=10_000))

    monkeypatch.setattr(full, "PlainPrinter", rich_printer)
    printed = io.StringIO()
    full.report_full(results, [], ReportOptions(color=False), printed)
    assert plain.getvalue() == printed.getvalue()
    assert "国家机密[bold]:smile:" in plain.getvalue()  # report text is shown as written


HOSTILE_CELL = "\x1b]0;pwned\x07\x1b[2J\x00\u202e"


def _report_with_hostile_cell(tmp_path: Path) -> Path:
    text = (BASE / "report-2020.txt").read_text(encoding="utf-8")
    path = tmp_path / "r.txt"
    path.write_text(text.replace("\t186", f"\t186{HOSTILE_CELL}", 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "options",
    [
        ["--format", "full"],
        ["--format", "full", "--color"],
        ["--format", "concise", "--show-source"],
        ["--format", "github"],
    ],
)
def test_control_characters_from_a_report_are_shown_escaped(
    options: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _report_with_hostile_cell(tmp_path)
    main(["check", str(path), *options])
    out = capsys.readouterr().out
    assert "\\x1b" in out
    assert not any(c in out for c in "\x07\x00\u202e")
    assert "\x1b]" not in out and "\x1b[2J" not in out  # colour codes may use ESC; the report's sequences may not


def test_junit_stays_valid_xml_with_control_characters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from xml.etree import ElementTree as ET

    path = _report_with_hostile_cell(tmp_path)
    main(["check", str(path), "--format", "junit"])
    out = capsys.readouterr().out
    root = ET.fromstring(out.split("\n", 1)[1])  # parses: no character XML 1.0 forbids
    assert "\\x1b" in "".join(root.itertext())


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_json_outputs_escape_control_characters(
    output_format: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _report_with_hostile_cell(tmp_path)
    main(["check", str(path), "--format", output_format])
    out = capsys.readouterr().out
    json.loads(out)
    assert "\x1b" not in out and "\x00" not in out


def test_a_long_line_is_cut_around_the_marked_cell(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from rich.cells import cell_len

    lines = (BASE / "report-2021.txt").read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("五、")) + 1
    filler = "".join(f"第{i}项工作按计划推进，" for i in range(250))  # no word written twice
    lines[at] = filler + "规范审核审核发布机制。" + filler  # some 5,000 characters on one line
    path = tmp_path / "r.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    main(["check", str(path), "--no-color", "--select", "GIA509"])
    out = capsys.readouterr().out.split("\n")
    shown = next(line for line in out if "审核审核" in line and "│" in line)
    caret = out[out.index(shown) + 1]
    assert shown.count("…") == 2 and cell_len(shown) < 300  # cut on both sides, not 12,000 columns
    marked = cell_len(shown[: shown.index("审核审核") + 2])  # the second 审核 is what is marked
    assert cell_len(caret[: caret.index("^")]) == marked and caret.count("^") == cell_len("审核")


def test_gia401_names_every_cell_it_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = (BASE / "report-2020.txt").read_text(encoding="utf-8").split("\n")
    zeros = [i for i, line in enumerate(text) if "\t0\t" in line][:4]
    for i in zeros:  # four dashes among the zeros of table 3
        text[i] = text[i].replace("\t0\t", "\t-\t", 1)
    path = tmp_path / "r.txt"
    path.write_text("\n".join(text), encoding="utf-8")
    result = gialint.lint_path(path, select=["GIA401"])
    (finding,) = result.diagnostics
    counted = [finding.span.line] + [r.span.line for r in finding.related]
    assert sorted(counted) == [i + 1 for i in zeros]
    main(["check", str(path), "--select", "GIA401", "--no-color"])
    out = capsys.readouterr().out
    assert out.count("   = ") == 3 and f":{zeros[1] + 1}:" in out  # the first three under the frame
