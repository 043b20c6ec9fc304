"""Baselines: known findings by logical place, robust to edits elsewhere; fixed ones drop out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import BASE, raises_en
from gialint.cli import main
from gialint.run.baseline import Baseline, BaselineError

DEFECTS = BASE / "defects-2021.txt"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def findings(out: str) -> list[tuple[str, int]]:
    return [(d["code"], d["line"]) for d in json.loads(out)["diagnostics"]]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "reports").mkdir()
    shutil.copy(DEFECTS, tmp_path / "reports" / "2021.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_update_then_check_shows_nothing(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", "reports", "--baseline", "baseline.json", "--update-baseline"], capsys)
    assert code == 0 and "已将 6 个问题写入基线 baseline.json" in err
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert {e["path"] for e in data["findings"]} == {"reports/2021.txt"}
    assert ["t3", "np_repeat", "commercial"] in [e["place"] for e in data["findings"]]  # a cell, by row and column
    code, out, err = run(["check", "reports", "--baseline", "baseline.json", "--format", "json"], capsys)
    assert code == 0 and findings(out) == [] and "基线 baseline.json 中记录的 6 个问题未显示" in err


def test_edits_elsewhere_keep_the_baseline_valid(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["check", "reports", "--baseline", "baseline.json", "--update-baseline"], capsys)
    report = repo / "reports" / "2021.txt"
    lines = report.read_text(encoding="utf-8").split("\n")
    lines[2:2] = ["本年度，我局认真贯彻落实《条例》。", "", "（补充说明）"]  # three lines more near the top
    lines[45] = lines[45].replace("\t4\t", "\t4件\t", 1)  # and a new finding in table 3
    report.write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = run(["check", "reports", "--baseline", "baseline.json", "--format", "json"], capsys)
    assert findings(out) == [("GIA402", 46)]  # only the new one; the old ones moved 3 lines and are still known
    assert code == 0  # a warning


def test_fixed_findings_drop_out_on_update(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["check", "reports", "--baseline", "baseline.json", "--update-baseline"], capsys)
    report = repo / "reports" / "2021.txt"
    report.write_text(report.read_text(encoding="utf-8").replace("12件", "12"), encoding="utf-8")
    run(["check", "reports", "--baseline", "baseline.json", "--update-baseline"], capsys)
    data = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))
    assert "GIA402" not in {e["code"] for e in data["findings"]} and len(data["findings"]) == 5
    report.write_text(report.read_text(encoding="utf-8").replace("行政处罚\t12", "行政处罚\t12件"), encoding="utf-8")
    _code, out, _ = run(["check", "reports", "--baseline", "baseline.json", "--format", "json"], capsys)
    assert findings(out) == [("GIA402", 16)]  # once fixed and dropped, it is new again


def test_a_partial_run_keeps_other_files_entries(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(DEFECTS, repo / "reports" / "2022.txt")
    run(["check", "reports", "--baseline", "baseline.json", "--update-baseline"], capsys)
    run(["check", "reports/2022.txt", "--baseline", "baseline.json", "--update-baseline"], capsys)
    paths = [e.path for e in Baseline.load(str(repo / "baseline.json")).entries]
    assert paths.count("reports/2021.txt") == 6 and paths.count("reports/2022.txt") == 6


def test_each_entry_hides_only_its_own_finding(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["check", "reports", "--baseline", "b.json", "--update-baseline", "--select", "GIA301"], capsys)
    data = json.loads((repo / "b.json").read_text(encoding="utf-8"))
    assert sorted(e["count"] for e in data["findings"]) == [1, 1]
    data["findings"] = data["findings"][:1]
    (repo / "b.json").write_text(json.dumps(data), encoding="utf-8")
    code, out, _ = run(["check", "reports", "--baseline", "b.json", "--select", "GIA301", "--format", "json"], capsys)
    assert len(findings(out)) == 1 and code == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "no such baseline file"), ("[]", "not a gialint baseline"), ("{", "not a gialint baseline")],
)
def test_bad_baselines(repo: Path, capsys: pytest.CaptureFixture[str], content: str | None, message: str) -> None:
    if content is not None:
        (repo / "b.json").write_text(content, encoding="utf-8")
    code, _out, err = run(["check", "reports", "--baseline", "b.json", "--lang", "en"], capsys)
    assert code == 2 and message in err and err.count("\n") == 1
    with pytest.raises(BaselineError):
        Baseline.load(str(repo / "b.json"))


def test_update_needs_a_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "reports", "--update-baseline"], capsys)
    assert code == 2 and "--baseline" in err


@pytest.mark.parametrize(
    ("findings", "message"),
    [
        ([{"path": "r.txt", "code": "GIA301", "place": [["t3"]], "count": 1}], "place is not a list of names"),
        ([{"path": "r.txt", "code": "GIA301", "place": ["t3"], "count": "1e400"}], "count is not a whole number"),
        ([{"path": "r.txt", "code": "GIA301", "place": ["t3"], "count": -1}], "count is not a whole number"),
        ([{"code": "GIA301", "place": ["t3"]}], "without its path and code"),
        (["GIA301"], "not an object"),
    ],
)
def test_a_damaged_baseline_is_one_line(findings: object, message: str, tmp_path: Path) -> None:
    file = tmp_path / "baseline.json"
    file.write_text(json.dumps({"gialint_baseline": 1, "findings": findings}), encoding="utf-8")
    with raises_en(BaselineError, message):
        Baseline.load(str(file))


def test_hostile_baseline_json_is_one_line(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with raises_en(BaselineError, "nested too deeply"):
        Baseline.load(str(deep))
    huge = tmp_path / "huge.json"
    huge.write_text('{"gialint_baseline": 1, "findings": [' + "1e400" + "]}", encoding="utf-8")
    with raises_en(BaselineError, "not an object"):
        Baseline.load(str(huge))


def test_a_name_in_no_encoding_is_recorded_and_matched(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    folder = tmp_path / "reports"
    folder.mkdir()
    name = os.fsdecode(b"\xb1\xa8\xb8\xe6.txt")  # 报告 in GBK, on a UTF-8 system
    text = (BASE / "report-2020.txt").read_text(encoding="utf-8").replace("\t186", "\t187", 1)
    (folder / name).write_text(text, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    code, _, _ = run(["check", str(folder), "--baseline", str(baseline), "--update-baseline"], capsys)
    assert code == 0 and "\\\\xb1\\\\xa8" in baseline.read_text(encoding="utf-8")
    code, _, _ = run(["check", str(folder), "--baseline", str(baseline)], capsys)
    assert code == 0


def test_the_baseline_is_counted_once_per_run(tmp_path: Path) -> None:
    entries = [
        {"path": f"r{i}.txt", "code": "GIA301", "place": ["t3", "new", "total"], "count": 1} for i in range(2000)
    ]
    file = tmp_path / "baseline.json"
    file.write_text(json.dumps({"gialint_baseline": 1, "findings": entries}), encoding="utf-8")
    baseline = Baseline.load(str(file))
    first = baseline._counts
    baseline.filter(str(tmp_path / "r1.txt"), [])
    assert baseline._counts is first and len(first) == 2000
