"""bench/accuracy.py: what it counts, on made-up runs and on a small folder written here."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gialint
from gialint.testing import consistent_values, render

sys.path.append(str(Path(__file__).resolve().parent.parent / "bench"))
import accuracy
from accuracy import Entry, Expected, Finding, Run

CODES = frozenset({"GIA101", "GIA204", "GIA206", "GIA302", "GIA304", "GIA402"})


def finding(code: str, place: tuple[str, ...] = (), severity: str = "error") -> Finding:
    return Finding(code, severity, place, "message", 1)


# --- score(): one file --------------------------------------------------------------------


def test_an_expected_finding_matches_by_code_and_place_prefix() -> None:
    entry = Entry(
        "a.txt",
        expect=(
            Expected(("GIA302",), ("t3", "results_total")),
            Expected(("GIA201", "GIA204"), ("t3",)),  # one of several codes
            Expected(("GIA304",), ("t4", "cases", "review.total")),
        ),
    )
    run = Run(
        (
            finding("GIA302", ("t3", "results_total", "natural")),
            finding("GIA204", ("t3", "row", "other")),
            finding("GIA304", ("t4", "cases", "after_review.total")),  # another cell: no match
        )
    )
    score = accuracy.score(entry, run, CODES)
    assert (score.expected, len(score.found), score.missed) == (3, 2, ["GIA304 at t4/cases/review.total"])
    assert score.false_errors == ["GIA304 t4/cases/after_review.total (line 1): message"]


def test_false_errors_other_warnings_and_what_is_neither() -> None:
    entry = Entry("a.txt", clean=True, allowed_errors=frozenset({"GIA101"}))
    run = Run(
        (
            finding("GIA101", ("overall", "heading")),  # allowed
            finding("GIA204", ("t2",)),  # false
            finding("GIA402", ("t2",), "warning"),  # a warning no expectation names
            finding("GIA402", ("t2",), "info"),  # infos are not counted
        )
    )
    score = accuracy.score(entry, run, CODES)
    assert [f.split()[0] for f in score.false_errors] == ["GIA204"]
    assert [f.split()[0] for f in score.other_warnings] == ["GIA402"]
    assert not score.false_alarm_free
    assert accuracy.score(entry, Run(run.findings[:1] + run.findings[2:]), CODES).false_alarm_free


def test_an_expected_warning_is_not_an_other_warning() -> None:
    entry = Entry("a.txt", expect=(Expected(("GIA402",), ("t2",)),))
    score = accuracy.score(entry, Run((finding("GIA402", ("t2", "fees", "count"), "warning"),)), CODES)
    assert (len(score.found), score.other_warnings) == (1, [])


def test_a_code_no_rule_has_is_not_counted() -> None:
    entry = Entry("a.txt", expect=(Expected(("GIA501",), (), "narrative vs table"), Expected(())))
    score = accuracy.score(entry, Run(), CODES)
    assert (score.expected, score.missed) == (0, [])
    assert score.not_counted == ["GIA501 (narrative vs table)", "(no code)"]


def test_unreadable_file_expected_and_not() -> None:
    unreadable = Run(unreadable="the PDF's fonts have no Unicode mapping")
    score = accuracy.score(Entry("a.pdf", exit=2), unreadable, CODES)
    assert (score.found, score.missed, score.failure) == (["exit 2"], [], None)
    # a report that should be read: its defects are missed and the file is a failure
    entry = Entry("b.pdf", expect=(Expected(("GIA302",)),))
    score = accuracy.score(entry, unreadable, CODES)
    assert score.missed == ["GIA302"] and score.failure == "unreadable: the PDF's fonts have no Unicode mapping"
    assert not score.false_alarm_free
    # a file that should be unreadable but is read
    score = accuracy.score(Entry("c.pdf", exit=2), Run((finding("GIA101"),)), CODES)
    assert score.missed == ["exit 2"] and len(score.false_errors) == 1


def test_a_crash_is_a_failure_even_where_exit_2_is_expected() -> None:
    score = accuracy.score(Entry("a.pdf", exit=2), Run(crash="KeyError: 'x'"), CODES)
    assert score.failure == "crash: KeyError: 'x'" and score.found == ["exit 2"]


def test_not_a_report() -> None:
    entry = Entry("old.html", not_a_report=True)
    score = accuracy.score(entry, Run((finding("GIA206", ("report", "")),)), CODES)
    assert (score.found, score.false_errors) == (["not a report"], [])
    assert accuracy.score(entry, Run(unreadable="not a report"), CODES).found == ["not a report"]
    score = accuracy.score(entry, Run((finding("GIA101"), finding("GIA106"))), CODES)
    assert score.missed == ["not a report"] and len(score.false_errors) == 2


def test_run_exit_status() -> None:
    assert Run().exit == 0
    assert Run((finding("GIA402", severity="warning"),)).exit == 0
    assert Run((finding("GIA402"),)).exit == 1
    assert Run(unreadable="x").exit == Run(crash="x").exit == 2


placed = st.tuples(st.sampled_from(["t3", "t4"]), st.sampled_from(["a", "b"]))
findings = st.builds(
    Finding,
    st.sampled_from(sorted(CODES)),
    st.sampled_from(["error", "warning", "info"]),
    placed,
    st.just("m"),
    st.just(1),
)
expectations = st.builds(Expected, st.lists(st.sampled_from([*CODES, "GIA501"]), max_size=2).map(tuple), placed)


@given(
    st.lists(expectations, max_size=5), st.lists(findings, max_size=8), st.frozensets(st.sampled_from(sorted(CODES)))
)
def test_every_expectation_is_counted_once_and_every_finding_at_most_once(
    expect: list[Expected], found: list[Finding], allowed: frozenset[str]
) -> None:
    entry = Entry("a.txt", expect=tuple(expect), allowed_errors=allowed)
    score = accuracy.score(entry, Run(tuple(found)), CODES)
    assert len(score.found) + len(score.missed) == score.expected
    assert score.expected + len(score.not_counted) == len(expect)
    assert len(score.false_errors) + len(score.other_warnings) <= len(found)
    # the findings a run needs to find everything: one per counted expectation, at its place
    perfect = Run(tuple(Finding(x.codes[0], "error", x.place, "m", 1) for x in expect if set(x.codes) & CODES))
    ideal = accuracy.score(entry, perfect, CODES)
    assert ideal.missed == [] and ideal.false_errors == [] and len(ideal.found) == ideal.expected


def test_a_total_per_subfolder() -> None:
    scores = [
        accuracy.Score("a.txt", expected=1, found=["GIA302"]),
        accuracy.Score("crawl/b.txt", expected=2, found=["GIA302"], missed=["GIA304"]),
        accuracy.Score("crawl/c.txt", false_errors=["GIA101 report/ (line 1): m"]),
    ]
    lines = accuracy.text_report(scores, quiet=True).splitlines()
    assert lines[3:] == [
        "total in ./: expected findings found 1/1 (100 %), missed 0; false errors 0; other warnings 0; "
        "files without false errors 1/1",
        "total in crawl/: expected findings found 1/2 (50 %), missed 1; false errors 1; other warnings 0; "
        "files without false errors 1/2",
        "total: expected findings found 2/3 (67 %), missed 1; false errors 1; other warnings 0; "
        "files without false errors 2/3",
    ]
    folders = json.loads(accuracy.json_report(scores, "gialint"))["folders"]
    assert {k: (v["files"], v["found"]) for k, v in folders.items()} == {"": (1, 1), "crawl": (2, 1)}


# --- the script on a folder ---------------------------------------------------------------


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated 2021 report with no error and one warning (a unit in a cell), the same with
    one wrong total in table 4 (three copies, each with other expectations), and a Word file
    that is not one."""
    root = tmp_path_factory.mktemp("reports")
    values = consistent_values(2021, random.Random(14))
    wrong = ("t4", "cases", "review.total")
    unit = ("t2", "art20_1.regulations", "issued")
    (root / "clean.txt").write_text(render(2021, {**values, unit: f"{values[unit]}件"}).text, encoding="utf-8")
    broken = render(2021, {**values, wrong: values[wrong] + 1}).text
    for name in ("broken.txt", "unlisted-defect.txt", "allowed.txt"):
        (root / name).write_text(broken, encoding="utf-8")
    (root / "junk.docx").write_bytes(b"not a zip file")
    expectations: list[dict[str, Any]] = [
        {"file": "clean.txt", "clean": True, "expect": []},
        {
            "file": "broken.txt",
            "expect": [
                {"code": "GIA304", "place": list(wrong)},
                {"code": ["GIA304"], "place": ["t4", "cases", "after_review.total"]},  # missed
                {"code": "GIA999", "what": "a rule not written"},  # not counted
            ],
        },
        {"file": "unlisted-defect.txt", "clean": True},  # its GIA304 is a false error
        {"file": "allowed.txt", "allowed_errors": ["GIA304"], "false": ["a note"]},
        {"file": "junk.docx", "exit": 2},
    ]
    (root / "expected.json").write_text(json.dumps(expectations), encoding="utf-8")
    return root


def warnings_in(folder: Path, *names: str) -> int:
    return sum(d.severity.label == "warning" for n in names for d in gialint.lint_path(folder / n).diagnostics)


def figures(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert accuracy.main([*args, "--json"]) == 0
    data: dict[str, Any] = json.loads(capsys.readouterr().out)
    for file in data["files"]:
        del file["seconds"]
    return data


def test_counts_on_a_folder(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = figures([str(folder)], capsys)
    warnings = warnings_in(folder, "clean.txt", "broken.txt", "unlisted-defect.txt", "allowed.txt")
    assert warnings >= 1  # GIA402 on clean.txt
    assert data["total"] == {
        "files": 5,
        "expected": 3,
        "found": 2,
        "missed": 1,
        "not_counted": 1,
        "false_errors": 1,
        "other_warnings": warnings,
        "failures": 0,
        "files_without_false_errors": 4,
    }
    by_file = {f["file"]: f for f in data["files"]}
    assert by_file["broken.txt"]["missed"] == ["GIA304 at t4/cases/after_review.total"]
    assert by_file["broken.txt"]["not_counted"] == ["GIA999 (a rule not written)"]
    assert [f.split()[:2] for f in by_file["unlisted-defect.txt"]["false_errors"]] == [
        ["GIA304", "t4/cases/review.total"]
    ]
    assert by_file["junk.docx"]["found"] == ["exit 2"]
    assert [w.split()[:2] for w in by_file["clean.txt"]["other_warnings"]] == [
        ["GIA402", "t2/art20_1.regulations/issued"]
    ]
    assert data["gialint"] == f"gialint {gialint.__version__}"


def test_text_output(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert accuracy.main([str(folder)]) == 0
    lines = capsys.readouterr().out.splitlines()
    warnings = warnings_in(folder, "clean.txt", "broken.txt", "unlisted-defect.txt", "allowed.txt")
    assert lines[-1] == (
        f"total: expected findings found 2/3 (67 %), missed 1; false errors 1; other warnings {warnings}; "
        "files without false errors 4/5; not counted (no rule yet) 1"
    )
    assert lines[0].startswith("clean.txt ") and "found 0/0  missed 0  false errors 0" in lines[0]
    assert "    missed    GIA304 at t4/cases/after_review.total" in lines
    assert not [line for line in lines if line.startswith("    warning ")]
    assert accuracy.main([str(folder), "-q"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 6  # a line per file and the total
    assert accuracy.main([str(folder), "-v"]) == 0
    listed = [line for line in capsys.readouterr().out.splitlines() if line.startswith("    warning   GIA")]
    assert len(listed) == warnings


def test_a_gialint_command_gives_the_same_figures(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `python -m gialint` puts the working directory first on sys.path: from the checkout it would
    # import the source tree instead of the installed package (as CI runs the tests there)
    monkeypatch.chdir(tmp_path)
    # two files (a process each): one with findings, one unreadable
    entries = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    some = tmp_path / "some.json"
    some.write_text(json.dumps([e for e in entries if e["file"] in ("broken.txt", "junk.docx")]), encoding="utf-8")
    in_process = figures([str(folder), "--expectations", str(some)], capsys)
    command = f"{sys.executable} -m gialint"
    by_command = figures([str(folder), "--expectations", str(some), "--gialint", command], capsys)
    assert by_command["files"] == in_process["files"]
    assert by_command["total"] == in_process["total"] and by_command["gialint"] == command


def test_expectations_elsewhere(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mine.json").write_text('[{"file": "clean.txt"}]', encoding="utf-8")
    data = figures([str(folder), "--expectations", str(tmp_path / "mine.json")], capsys)
    assert [f["file"] for f in data["files"]] == ["clean.txt"]
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + b'[{"file": "junk.docx", "exit": 2}]')
    data = figures([str(folder), "--expectations", str(tmp_path / "bom.json")], capsys)
    assert data["total"]["found"] == 1


@pytest.mark.parametrize(
    ("expectations", "message"),
    [
        ("{", "is not JSON"),
        ('{"file": "a.txt"}', "must hold a list of entries"),
        ('[{"clean": true}]', "entry 1: must be an object with a 'file' name"),
        ('[{"file": "a.txt", "colour": 1}]', "a.txt: unknown key 'colour'"),
        ('[{"file": "a.txt", "exit": 3}]', "a.txt: 'exit' must be 0, 1 or 2"),
        ('[{"file": "a.txt", "clean": "yes"}]', "a.txt: 'clean' must be true or false"),
        ('[{"file": "a.txt", "expect": [{"code": 1}]}]', "a.txt: 'code' must be a string or a list of strings"),
        ('[{"file": "a.txt", "expect": [{"cell": "x"}]}]', "a.txt: unknown key 'cell' in 'expect'"),
        ('[{"file": "a.txt"}, {"file": "a.txt"}]', "a.txt: listed twice"),
        ('[{"file": "b.txt"}]', "b.txt: no such file"),
    ],
)
def test_unusable_expectations_exit_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], expectations: str, message: str
) -> None:
    (tmp_path / "a.txt").write_text("报告", encoding="utf-8")
    (tmp_path / "expected.json").write_text(expectations, encoding="utf-8")
    assert accuracy.main([str(tmp_path)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and message in err


def test_the_example_of_the_documentation_is_a_valid_expectations_file() -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "accuracy.md").read_text(encoding="utf-8")
    example = doc.split("Example:\n\n```json\n", 1)[1].split("```", 1)[0]
    entries = accuracy.entries_from(json.loads(example), "docs/accuracy.md")
    assert [e.file for e in entries if e.not_a_report or e.exit == 2] == [
        "unreadable-font.pdf",
        "pingtan-2011-legacy.html",
    ]
    # every key of an entry and of an expected finding is documented in its table
    for key in accuracy.ENTRY_KEYS:
        assert f"| `{key}` |" in doc
    for key in accuracy.EXPECT_KEYS:
        assert f"| `expect[].{key}` |" in doc


def test_unusable_folder_or_command_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert accuracy.main([str(tmp_path / "nowhere")]) == 2
    assert "not a folder" in capsys.readouterr().err
    assert accuracy.main([str(tmp_path)]) == 2  # no expected.json
    assert "cannot read the expectations file" in capsys.readouterr().err
    (tmp_path / "expected.json").write_text("[]", encoding="utf-8")
    assert accuracy.main([str(tmp_path), "--gialint", str(tmp_path / "no-such-gialint")]) == 2
    assert "cannot list the rules" in capsys.readouterr().err
