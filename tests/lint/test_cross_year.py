"""Last year's report beside this year's (GIA601–GIA604): what YAML cases cannot say.

Pairs of consecutive reports are generated (:func:`gialint.testing.next_year_values`): a
consistent pair gives no cross-year finding; a changed 上年结转 cell is reported at that cell,
naming last year's file and cell. Then the ways a run gets last year's report: ``previous=``,
``gialint check --previous``, the pairing of a directory's reports, ``lint_paths``, the cache.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from attrs import evolve
from hypothesis import given
from hypothesis import strategies as st

import gialint
from conftest import run_cli as run
from conftest import write_pair
from gialint.analyze.agency import AgencySource, agency_name, agency_words
from gialint.cli import main
from gialint.formats import load
from gialint.parse.ast import Layout
from gialint.testing import LAYOUTS, consistent_values, next_year_values, render

CROSS = "GIA6"


def pair(year: int, seed: int, layout: Layout = Layout.TSV) -> tuple[str, str, dict, dict]:
    rng = random.Random(seed)
    last = consistent_values(year, rng)
    this = next_year_values(year, last, rng)
    return render(year, last, layout).text, render(year + 1, this, layout).text, last, this


@given(st.integers(2019, 2024), st.integers(0, 10_000), st.sampled_from(LAYOUTS))
def test_a_consistent_pair_of_consecutive_reports_gives_no_cross_year_finding(
    year: int, seed: int, layout: Layout
) -> None:
    before, after, _, _ = pair(year, seed, layout)
    result = gialint.lint_text(after, select=CROSS, previous=gialint.parse_text(before))
    assert result.diagnostics == ()


@given(st.integers(2019, 2024), st.integers(0, 10_000), st.data())
def test_one_changed_carried_in_cell_is_reported_there_naming_last_years_cell(
    year: int, seed: int, data: st.DataObject
) -> None:
    rng = random.Random(seed)
    last = consistent_values(year, rng)
    this = next_year_values(year, last, rng)
    column = data.draw(st.sampled_from(["natural", "commercial", "research", "public_interest", "legal_service"]))
    this[("t3", "carried_in", column)] += data.draw(st.sampled_from([1, 7]))
    before, after = render(year, last), render(year + 1, this)
    previous = evolve(gialint.parse_text(before.text), source_name="last-year.txt")
    result = gialint.lint_text(after.text, select=CROSS, previous=previous)
    [finding] = result.diagnostics
    line, column_at, _ = after.positions[("t3", "carried_in", column)]
    assert (finding.code, finding.span.line, finding.span.column) == ("GIA601", line, column_at)
    [related] = finding.related
    assert related.file == "last-year.txt" and "last-year.txt" in finding.message.zh
    assert (related.span.line, related.span.column) == before.positions[("t3", "carry_out", column)][:2]
    assert finding.expected == str(last[("t3", "carry_out", column)])


def test_a_broken_in_force_chain_is_reported_at_this_years_cell() -> None:
    rng = random.Random(3)
    last = consistent_values(2022, rng)
    this = next_year_values(2022, last, rng)
    key = ("t2", "art20_1.normative_docs", "in_force")
    this[key] += 2
    before, after = render(2022, last), render(2023, this)
    result = gialint.lint_text(after.text, select="GIA602", previous=gialint.parse_text(before.text))
    assert [(d.span.line, d.span.column) for d in result.diagnostics] == [after.positions[key][:2]]
    assert result.diagnostics[0].expected == str(this[key] - 2)


def test_a_broken_item_chain_is_reported_and_only_in_the_2019_format() -> None:
    rng = random.Random(4)
    last = consistent_values(2019, rng)
    this = next_year_values(2019, last, rng)
    key = ("t2", "art20_6.penalty", "prev_items")
    this[key] += 1
    this[("t2", "art20_6.penalty", "delta")] -= 1  # keeps the plausibility bound
    before, after = render(2019, last), render(2020, this)
    result = gialint.lint_text(after.text, select="GIA603", previous=gialint.parse_text(before.text))
    assert [(d.span.line, d.span.column) for d in result.diagnostics] == [after.positions[key][:2]]
    # 2020 -> 2021: the 2021 table has no 上一年项目数量
    later = render(2021, next_year_values(2020, this, rng)).text
    assert gialint.lint_text(later, select="GIA603", previous=gialint.parse_text(after.text)).diagnostics == ()


def test_identical_tables_are_copied_but_not_when_all_are_zero() -> None:
    values = consistent_values(2021, random.Random(5))
    before, after = render(2021, values).text, render(2022, values).text
    found = gialint.lint_text(after, select="GIA604", previous=gialint.parse_text(before)).diagnostics
    assert [d.message.en.startswith("Every figure of tables 2 to 4") for d in found] == [True]
    zeros = {key: 0 for key in values}
    before, after = render(2021, zeros).text, render(2022, zeros).text
    assert gialint.lint_text(after, select="GIA604", previous=gialint.parse_text(before)).diagnostics == ()


def test_a_long_section_is_compared_fast() -> None:
    import time

    text = "".join(f"第{i}项工作按计划推进，公开内容第{i * 7}条已按要求发布，群众满意度持续提升。" for i in range(400))
    before, after, _, _ = pair(2020, 6)
    before = before.replace("主要问题是公开的及时性有待提高。", text)
    after = after.replace("主要问题是公开的及时性有待提高。", text[::-1])  # same characters, another order
    start = time.perf_counter()
    result = gialint.lint_text(after, select="GIA604", previous=gialint.parse_text(before))
    assert result.diagnostics == () and time.perf_counter() - start < 2
    copied = before.replace("第1项", "第2项").replace("2020年", "2021年")  # the figures changed, the text kept
    start = time.perf_counter()
    [finding] = gialint.lint_text(copied, select="GIA604", previous=gialint.parse_text(before)).diagnostics
    assert "相似度为" in finding.message.zh and time.perf_counter() - start < 2


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        ("平潭综合实验区2021年度政府信息公开工作年度报告", "平潭综合实验区"),
        ("莆田市统计局2019年政府信息公开工作年度报告", "莆田市统计局"),
        ("2021年某某市某某局政府信息公开工作年度报告", "某某市某某局"),
        ("某某市某某局关于２０２１年政府信息公开工作年度报告的", "某某市某某局"),
        ("【某某区人民政府】2020年政府信息公开工作年报", "某某区人民政府"),
        ("2021年政府信息公开工作年度报告", ""),
    ],
)
def test_the_agency_is_the_title_without_year_report_words_and_brackets(title: str, agency: str) -> None:
    assert agency_name(title, agency_words(load())) == agency


def test_the_agency_falls_back_to_the_page_and_is_in_results_and_parse_output() -> None:
    doc = gialint.parse_text("来源：某某市政府办公室\n\n一、总体情况\n本年度……\n")
    assert doc.agency is not None and (doc.agency.name, doc.agency.source) == (
        "某某市政府办公室",
        AgencySource.PUBLISHER,
    )
    before, _, _, _ = pair(2020, 1)
    result = gialint.lint_text(before)
    assert (result.agency, result.agency_source, result.year) == ("某某市某某局", "title", 2020)
    assert result.as_dict()["agency"] == "某某市某某局"
    parsed = gialint.parse_text(before)
    assert parsed.agency is not None and parsed.agency.source is AgencySource.TITLE


def test_parse_shows_the_agency(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, _ = write_pair(tmp_path)
    code, out = run(["parse", str(a)], capsys)
    agency = json.loads(out)["agency"]
    assert code == 0 and (agency["name"], agency["source"], agency["line"]) == ("某某市某某局", "title", 1)


def test_check_previous_names_both_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = write_pair(tmp_path)
    code, out = run(
        ["check", "--no-cache", "--select", CROSS, "--format", "json", "--previous", str(a), str(b)], capsys
    )
    data = json.loads(out)
    assert code == 1
    [finding] = data["diagnostics"]
    assert finding["path"] == str(b) and finding["code"] == "GIA601"
    assert finding["related"][0]["file"] == str(a) and str(a) in finding["message"]
    assert data["reports"] == [{"path": str(b), "agency": "某某市某某局", "year": 2021}]


def test_check_previous_that_does_not_exist_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _, b = write_pair(tmp_path)
    assert main(["check", "--previous", str(tmp_path / "none.txt"), str(b)]) == 2


def test_a_directory_run_pairs_consecutive_reports_of_one_agency(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    a, b = write_pair(tmp_path)
    other = tmp_path / "other-2020.txt"  # another agency's report for the same year is not last year's
    other.write_text(render(2020, consistent_values(2020, random.Random(9)), agency="另一市另一局").text, "utf-8")
    args = ["check", "--select", CROSS, "--format", "json", "--cache-dir", str(tmp_path / "cache"), str(tmp_path)]
    for _ in range(2):  # cold, then answered by the cache
        code, out = run(args, capsys)
        found = [(d["path"], d["code"], d["related"][0]["file"]) for d in json.loads(out)["diagnostics"]]
        assert (code, found) == (1, [(str(b), "GIA601", str(a))])
    # last year's report corrected: the cached paired result is not reused
    a.write_text(render(2020, consistent_values(2020, random.Random(9)), agency="某某市某某局").text, "utf-8")
    code, out = run(args, capsys)
    report_b = b.read_text("utf-8")
    before = gialint.parse_text(a.read_text("utf-8"))
    expected = {
        (d.span.line, d.span.column) for d in gialint.lint_text(report_b, select=CROSS, previous=before).diagnostics
    }
    assert {(d["line"], d["column"]) for d in json.loads(out)["diagnostics"]} == expected


def test_two_reports_for_last_year_are_not_guessed_between(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, _ = write_pair(tmp_path)
    (tmp_path / "a-copy-2020.txt").write_text(a.read_text("utf-8") + "\n", "utf-8")
    code, out = run(["check", "--no-cache", "--select", CROSS, "--format", "json", str(tmp_path)], capsys)
    assert (code, json.loads(out)["diagnostics"]) == (0, [])


def test_lint_paths_pairs_as_check_does(tmp_path: Path) -> None:
    a, b = write_pair(tmp_path)
    settings = gialint.Settings().overridden(select=(CROSS,))
    results = {r.path: r for r in gialint.lint_paths([tmp_path], jobs=1, settings=settings)}
    assert [(d.code, d.related[0].file) for d in results[str(b)].diagnostics] == [("GIA601", str(a))]
    assert results[str(a)].diagnostics == ()


def test_sarif_points_at_last_years_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = write_pair(tmp_path)
    _, out = run(["check", "--no-cache", "--select", CROSS, "--format", "sarif", "--previous", str(a), str(b)], capsys)
    [result] = json.loads(out)["runs"][0]["results"]
    related = result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    main_uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert related.endswith(a.name) and main_uri.endswith(b.name)


def test_check_fix_applies_previous_too(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = write_pair(tmp_path)
    code, out = run(["check", "--fix", "--select", CROSS, "--format", "json", "--previous", str(a), str(b)], capsys)
    assert (code, [d["code"] for d in json.loads(out)["diagnostics"]]) == (1, ["GIA601"])
