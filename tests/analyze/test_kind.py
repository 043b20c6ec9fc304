"""What a document looks like (gialint.analyze.kind, gialint.read.signs), GIA206 in the linter, and the files a directory run passes over."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from test_rule_cases import CASES_DIR, apply_edits

import gialint
from conftest import BASE, FIXTURES, SEEDS
from gialint.analyze import kind
from gialint.analyze.kind import Kind, classify
from gialint.cli import main
from gialint.config import from_mapping
from gialint.config.settings import DEFAULT_SETTINGS
from gialint.read import EXTENSIONS, signs
from gialint.read.signs import bytes_have_report_sign, has_report_sign, signs_from
from gialint.read.source import ReadError
from gialint.run.api import parse_text
from gialint.run.batch import Batch, Skipped

REAL = FIXTURES / "real"
NOT_REPORTS = BASE / "not-reports"
LEGACY = NOT_REPORTS / "legacy-2012.txt"
README = NOT_REPORTS / "README.md"
EXPECTED = {entry["file"]: entry for entry in json.loads((REAL / "expected.json").read_text(encoding="utf-8"))}


def expected(path: Path) -> dict[str, Any]:
    """What expected.json says of a file of the real corpus (keyed by its path in the folder)."""
    found: dict[str, Any] = EXPECTED.get(path.relative_to(REAL).as_posix(), {})
    return found


REAL_FILES = sorted(p for p in REAL.rglob("*") if p.is_file() and p.name.lower().endswith(EXTENSIONS))
REPORTS = [
    *sorted(SEEDS.glob("*.txt")),
    *sorted(BASE.glob("*.txt")),
    *sorted(Path(__file__).parents[2].joinpath("examples").glob("*.txt")),
]


def looks(text: str) -> kind.Looks:
    return classify(parse_text(text))


# ---------------------------------------------------------------------------- the corpus


@pytest.mark.parametrize("path", REAL_FILES, ids=[str(p.relative_to(REAL)) for p in REAL_FILES])
def test_only_the_old_report_of_the_real_corpus_is_not_a_report(path: Path) -> None:
    try:
        result = gialint.lint_path(path)
    except ReadError:  # whether it should be readable is tests/test_real.py's question
        assert not expected(path).get("not_a_report")  # a file that is not a report must still be read
        return
    assert result.document is not None
    found = classify(result.document)
    if expected(path).get("not_a_report"):
        assert found.kind is Kind.LEGACY and found.year == 2011
        assert [d.code for d in result.diagnostics] == ["GIA206"]
        assert "2008年条例的年度报告（2011年）" in result.diagnostics[0].message.zh
        assert "a report under the 2008 regulation (2011)" in result.diagnostics[0].message.en
    else:
        assert found.kind is Kind.REPORT, path.name
        assert "GIA206" not in {d.code for d in result.diagnostics}


@pytest.mark.parametrize("path", REPORTS, ids=[p.stem[:16] for p in REPORTS])
def test_seeds_bases_and_examples_are_reports(path: Path) -> None:
    assert looks(path.read_text(encoding="utf-8")).kind is Kind.REPORT


def _case_texts() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            if not case["base"].startswith("not-reports/"):
                params.append(pytest.param(case, id=f"{data['rule']}-{case['name']}"))
    return params


@pytest.mark.parametrize("case", _case_texts())
def test_no_rule_case_made_from_a_report_is_taken_for_something_else(case: dict[str, Any]) -> None:
    text = apply_edits((BASE / case["base"]).read_text(encoding="utf-8"), case.get("edits", []))
    assert looks(text).kind is Kind.REPORT


# ---------------------------------------------------------------------------- the kinds


def test_a_json_array_and_an_indented_object_are_data() -> None:
    assert looks('[{"年份": 2020, "标题": "一、总体情况"}]').kind is Kind.JSON
    assert looks(json.dumps({"a": {"b": [1, 2]}}, indent=4)).kind is Kind.JSON


def test_a_markdown_link_or_bracket_on_the_first_line_is_not_json() -> None:
    assert looks("[目录](index.md)\n\n说明文字").kind is Kind.OTHER
    assert looks("【政务公开】\n一、总体情况\n本年度……").kind is Kind.REPORT


def test_csv_needs_every_line_with_the_same_fields() -> None:
    assert looks("a,b\n1,2\n").kind is Kind.CSV
    assert looks('name,note\nx,"1,2"\n').kind is Kind.CSV
    assert looks("a,b\n1,2,3\n").kind is Kind.OTHER  # ragged: not a CSV, and no sign of a report
    assert looks("本年度，本机关……\n另，……").kind is Kind.OTHER  # full-width commas are prose


def test_an_old_report_needs_two_signs_and_no_wording_of_the_formats() -> None:
    assert looks("某县2012年政府信息公开工作年度报告\n| 指标名称 | 计量单位 |").kind is Kind.LEGACY
    assert looks("某县2012年政府信息公开工作年度报告\n其他说明。").kind is Kind.OTHER  # the year alone
    assert looks("说明\n| 指标名称 | 计量单位 |\n| 主动公开信息数 | 条 |").kind is Kind.LEGACY  # no year
    old_with_new = "某县2012年政府信息公开工作年度报告\n| 指标名称 | 计量单位 |\n三、收到和处理政府信息公开申请情况"
    assert looks(old_with_new).kind is Kind.REPORT


def test_a_year_counted_in_the_prose_is_not_a_stated_year() -> None:
    # "2012年" in the prose is the report's year by count, but only the title or the statistics
    # period states it: one old sign and a counted year do not make an old report
    text = "说明\n2012年，本县主动公开政府信息的情况良好。2012年共公开500条。\n二、主动公开政府信息情况"
    assert looks(text).kind is Kind.REPORT


def test_the_old_report_is_found_at_its_stated_year() -> None:
    found = looks(LEGACY.read_text(encoding="utf-8"))
    assert (found.kind, found.year, found.span.line, found.span.column) == (Kind.LEGACY, 2012, 1, 8)


def test_signs_come_from_the_format_data() -> None:
    raw = {
        "versions": [{"first_year": 2030}],
        "sections": [{"heading": "一部分", "variants": ["第一个部分"], "keywords": ["短"]}],
        "tables": {
            "t": {
                "title": "甲表",
                "blocks": [{"header": ["表头标签"], "columns": [], "rows": [{"label": "1.行标签甲"}]}],
            }
        },
        "not_a_report": {
            "min_sign_length": 3,
            "report_signs": ["另一个标志"],
            "legacy_signs": ["旧"],
            "legacy_min_signs": 1,
            "format_signs": ["新"],
        },
    }
    known = signs_from(raw)
    assert known.report == (
        "一部分",
        "第一个部分",
        "另一个标志",
        "表头标签",
        "行标签甲",
    )  # numbering dropped, short ones out
    assert (known.legacy, known.legacy_min, known.format_only, known.first_year) == (("旧",), 1, ("新",), 2030)
    assert has_report_sign("……行 标 签\n甲……", known)  # spaces and line breaks do not hide a sign
    assert not has_report_sign("短", known)


def test_shipped_signs_hold_every_section_heading() -> None:
    model = gialint.parse_text("").model
    assert {s.heading for s in model.sections} <= set(signs.signs().report)


# ---------------------------------------------------------------------------- properties

_CJK_REPORT_WORDS = st.sampled_from(["总体情况", "主动公开政府信息情况", "本年新收政府信息公开申请数量", "结果维持"])


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=300))
def test_ascii_text_is_never_taken_for_a_report(text: str) -> None:
    assert looks(text).kind in (Kind.OTHER, Kind.JSON, Kind.CSV)


@given(st.lists(st.text(alphabet='[]{},"\r\t 一、总体情况a1', max_size=30), max_size=12))
def test_any_text_is_classified_without_raising(lines: list[str]) -> None:
    assert isinstance(looks("\n".join(lines)).kind, Kind)


def test_a_piece_of_several_lines_and_deep_nesting_are_neither_csv_nor_json() -> None:
    assert looks("a\n\ta\n1").kind is Kind.OTHER  # a paragraph of two lines, which the csv module refuses
    assert looks("[" * 100_000).kind is Kind.OTHER


@given(st.text(max_size=200), _CJK_REPORT_WORDS, st.text(max_size=200))
def test_text_around_a_heading_or_label_of_the_format_is_a_report(before: str, sign: str, after: str) -> None:
    text = f"{before}\n{sign}\n{after}"
    assert looks(text).kind in (Kind.REPORT, Kind.LEGACY)  # an old sign may outweigh, never "other"
    assert has_report_sign(text)


@given(st.text(max_size=200), st.sampled_from(["utf-8", "gb18030", "utf-16"]))
def test_the_byte_look_agrees_with_the_text_look(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        from gialint.read.source import decode

        decoded = decode(data).text
    except ReadError:
        assert bytes_have_report_sign(data)  # unreadable bytes are left to the reader
        return
    assert bytes_have_report_sign(data) == has_report_sign(decoded)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "utf-16"])
@pytest.mark.parametrize("path", [*REPORTS[:2], LEGACY], ids=lambda p: p.stem[:12])
def test_reports_show_a_sign_in_their_bytes_in_any_encoding(path: Path, encoding: str) -> None:
    assert bytes_have_report_sign(path.read_text(encoding="utf-8").encode(encoding))


def test_a_readme_shows_no_sign_in_its_bytes() -> None:
    assert not bytes_have_report_sign(README.read_bytes())
    assert not bytes_have_report_sign(README.read_text(encoding="utf-8").encode("gb18030"))


# ---------------------------------------------------------------------------- the linter


def test_the_finding_of_gia206_is_the_only_one() -> None:
    result = gialint.lint_text(LEGACY.read_text(encoding="utf-8"))
    assert [(d.code, d.span.line, d.span.column) for d in result.diagnostics] == [("GIA206", 1, 8)]
    # without GIA206 the old report gets the flood GIA206 replaces
    flood = gialint.lint_text(LEGACY.read_text(encoding="utf-8"), ignore=["GIA206"])
    assert {"GIA101", "GIA106"} <= {d.code for d in flood.diagnostics}


def test_suppressions_written_for_dropped_findings_are_not_reported_unused() -> None:
    text = "<!-- gialint: ignore-file GIA101 -->\n<!-- gialint: ignore GIA402 -->\n" + README.read_text(
        encoding="utf-8"
    )
    assert [d.code for d in gialint.lint_text(text).diagnostics] == ["GIA206"]


def test_a_suppressed_gia206_lets_the_file_be_checked_as_a_report() -> None:
    text = "<!-- gialint: ignore-file GIA206 kept for the record -->\n" + LEGACY.read_text(encoding="utf-8")
    codes = {d.code for d in gialint.lint_text(text).diagnostics}
    assert "GIA206" not in codes and "GIA901" not in codes and "GIA101" in codes


def test_an_unused_suppression_of_gia206_on_a_report_is_reported() -> None:
    text = "<!-- gialint: ignore-file GIA206 -->\n" + (BASE / "report-2020.txt").read_text(encoding="utf-8")
    settings = from_mapping({"select": ["GIA206", "GIA901"]})
    assert [d.code for d in gialint.lint_text(text, settings=settings).diagnostics] == ["GIA901"]


# ---------------------------------------------------------------------------- directory runs


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A repository of reports: two reports, a README, notes and a data file saved as text."""
    shutil.copy(BASE / "report-2020.txt", tmp_path / "2020.txt")
    shutil.copy(BASE / "report-2021.txt", tmp_path / "2021.md")
    shutil.copy(README, tmp_path / "README.md")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "todo.txt").write_text("check the 2022 report before Friday\n", encoding="utf-8")
    (tmp_path / "notes" / "list.txt").write_bytes(NOT_REPORTS.joinpath("reports.json").read_bytes())
    shutil.copy(LEGACY, tmp_path / "notes" / "2012.txt")
    return tmp_path


def _check(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, Any], str]:
    code = main(["check", "--format", "json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else {}, err


@pytest.mark.parametrize("extra", [[], ["--no-cache"], ["--no-cache", "-j", "2"]], ids=["cache", "no-cache", "jobs"])
def test_a_directory_run_passes_over_text_files_that_are_not_reports(
    folder: Path, extra: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(folder)
    code, data, err = _check([".", *extra], capsys)
    assert data["files"] == 3  # 2020.txt, 2021.md and the old report, which has signs of a report
    assert {Path(d["path"]).name for d in data["diagnostics"] if d["code"] == "GIA206"} == {"2012.txt"}
    assert code == 1
    skipped = [line for line in err.splitlines() if "跳过" in line]
    assert skipped == [
        "gialint: 跳过 3 个不像年度报告的 .md/.txt 文件（./README.md、./notes/list.txt、./notes/todo.txt）；"
        "在命令行中写出文件名即可检查"
    ]


def test_the_note_is_in_english_with_lang_en_and_names_the_first_three(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "notes" / "more.md").write_text("# more\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    _, _, err = _check([".", "--lang", "en", "--no-cache"], capsys)
    assert err.splitlines() == [
        "gialint: skipped 4 .md/.txt files that do not look like reports "
        "(./README.md, ./notes/list.txt, ./notes/more.md, …); name a file to check it"
    ]


def test_files_named_are_always_checked(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data, err = _check([str(folder / "README.md"), str(folder / "notes" / "list.txt"), "--no-cache"], capsys)
    assert [(Path(d["path"]).name, d["code"]) for d in data["diagnostics"]] == [
        ("README.md", "GIA206"),
        ("list.txt", "GIA206"),
    ]
    assert "跳过" not in err and code == 1


def test_files_passed_by_a_tool_are_passed_over_with_force_exclude(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """pre-commit names every changed file, README.md included; its hooks run with --force-exclude."""
    names = [str(folder / "README.md"), str(folder / "2020.txt"), "--force-exclude", "--no-cache"]
    code, data, err = _check(names, capsys)
    assert code == 0 and data["files"] == 1 and not any(d["code"] == "GIA206" for d in data["diagnostics"])
    assert "跳过 1 个" in err and "README.md" in err


def test_quiet_runs_say_nothing_of_the_skipped_files(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, data, err = _check([str(folder), "--quiet", "--no-cache"], capsys)
    assert data["files"] == 3 and err == ""


def test_diff_passes_over_them_too(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", "--diff", str(folder)])
    _, err = capsys.readouterr()
    assert "跳过 3 个" in err and code == 0


def test_the_batch_skips_only_what_it_is_told_it_may(folder: Path) -> None:
    paths = sorted(str(p) for p in folder.rglob("*") if p.is_file())
    outcomes = dict(Batch(jobs=1).run([(p, DEFAULT_SETTINGS) for p in paths], may_skip=lambda p: True))
    skipped = sorted(Path(o.path).name for o in outcomes.values() if isinstance(o, Skipped))
    assert skipped == ["README.md", "list.txt", "todo.txt"]
    everything = dict(Batch(jobs=1).run([(p, DEFAULT_SETTINGS) for p in paths]))
    assert not any(isinstance(o, Skipped) for o in everything.values())


def test_an_empty_or_binary_text_file_is_still_unreadable_not_skipped(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "empty.md").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    code, data, _ = _check([str(folder), "--no-cache"], capsys)
    assert sorted(Path(e["path"]).name for e in data["errors"]) == ["binary.txt", "empty.md"]
    assert code == 2
