"""`gialint extract` and the scorecard (`check --format csv|xlsx`) on the command line."""

from __future__ import annotations

import csv
import io
import random
import shutil
import zipfile
from pathlib import Path

import pytest

from gialint.cli import main
from gialint.testing import consistent_values, render

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for index, year in enumerate((2021, 2022)):
        text = render(year, consistent_values(year, random.Random(index)), agency="某某县某某局").text
        (folder / f"r{year}.txt").write_text(text, encoding="utf-8")
    shutil.copy(REAL / "unreadable-font.pdf", folder / "bad.pdf")
    (folder / "README.md").write_text("说明：本目录存放年度报告。\n", encoding="utf-8")  # passed over
    return folder


def test_extract_writes_every_cell_and_the_unreadable_file_beside_it(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cells.csv"
    code, stdout, err = run(["extract", str(reports), "-o", str(out), "-j", "1", "--no-cache"], capsys)
    assert code == 0 and stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert {Path(r["file"]).name for r in rows} == {"r2021.txt", "r2022.txt"}
    assert {r["agency"] for r in rows} == {"某某县某某局"} and {r["year"] for r in rows} == {"2021", "2022"}
    errors = list(csv.DictReader(io.StringIO((tmp_path / "cells.errors.csv").read_text("utf-8-sig"), newline="")))
    assert [Path(e["file"]).name for e in errors] == ["bad.pdf"]
    assert err.count("\n") == 1 and "2 份报告" in err and "1 个文件无法读取" in err and "cells.errors.csv" in err


def test_extract_takes_the_format_from_the_extension_and_speaks_english(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cells.xlsx"
    code, _, err = run(["extract", str(reports), "-o", str(out), "--lang", "en", "-j", "1"], capsys)
    assert code == 0 and "value cells of 2 reports" in err and "sheet errors" in err
    with zipfile.ZipFile(out) as z:
        assert b'name="errors"' in z.read("xl/workbook.xml")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["extract", "x.txt"], "-o FILE"),
        (["extract", "x.txt", "-o", "out.dat"], "--format csv|jsonl|xlsx|parquet"),
        (["check", "x.txt", "--format", "xlsx"], "-o FILE"),
    ],
)
def test_a_missing_output_file_or_format_is_one_line_and_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(args, capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err


def test_extract_with_no_report_file_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    out = tmp_path / "cells.csv"
    code, _, err = run(["extract", str(tmp_path / "empty"), "-o", str(out)], capsys)
    assert code == 2 and err.count("\n") == 1 and "没有报告文件" in err and not out.exists()


def test_extract_refuses_to_write_over_a_report(reports: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = reports / "r2021.txt"
    before = target.read_bytes()
    code, _, err = run(["extract", str(target), "-o", str(target), "--format", "csv"], capsys)
    assert code == 2 and err.count("\n") == 1 and target.read_bytes() == before


def test_extract_into_a_missing_directory_is_one_line_and_exit_2(
    reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["extract", str(reports), "-o", str(tmp_path / "no" / "cells.csv"), "-j", "1"], capsys)
    assert code == 2 and err.count("\n") == 1 and "无法写入" in err


def test_the_scorecard_of_a_folder(reports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "scorecard.csv"
    code, _, _ = run(["check", str(reports), "--format", "csv", "-o", str(out), "-j", "1", "--lang", "en"], capsys)
    assert code == 2  # an unreadable file, as check always says
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert [(Path(r["file"]).name, r["year"], r["readable"]) for r in rows] == [
        ("r2021.txt", "2021", "yes"),
        ("r2022.txt", "2022", "yes"),
        ("bad.pdf", "", "no"),
    ]
    assert rows[0]["version"] == "2021" and rows[0]["errors"] == "0"
    assert (tmp_path / "scorecard.rules.csv").exists()
