"""gialint.extract: every value cell of every report, on real files and generated ones."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from docx import Document as WordDocument
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gialint
from gialint.config.settings import DEFAULT_SETTINGS
from gialint.lint.result import FileError
from gialint.run.cache import open_cache
from gialint.run.extract import extract_many
from gialint.run.value_rows import COLUMNS, Extraction
from gialint.testing import LAYOUTS, consistent_values, render
from gialint.testing.writers import to_docx, to_html, to_pdf

REAL = Path(__file__).resolve().parent.parent / "fixtures" / "real"


def _rows(*paths: Path, **options: Any) -> list[dict[str, Any]]:
    return gialint.extract([str(p) for p in paths], jobs=1, **options).rows()


def _cell(rows: list[dict[str, Any]], table: str, row: str, column: str) -> dict[str, Any]:
    [found] = [r for r in rows if (r["table"], r["row_id"], r["column_id"]) == (table, row, column)]
    return found


def test_a_pdf_report_gives_its_cells_with_their_page_and_line() -> None:
    rows = _rows(REAL / "huaian-2024.pdf")
    penalty = _cell(rows, "t2", "art20_6.penalty", "decisions")
    assert penalty["text"] == "3985758" and penalty["value"] == 3985758 and penalty["kind"] == "integer"
    assert (penalty["location"], penalty["page"]) == ("pdf", 4) and penalty["line"] >= 1
    fees = _cell(rows, "t2", "art20_8.fees", "amount")
    assert fees["value"] == 96171.6 and fees["kind"] == "decimal"
    assert {r["agency"] for r in rows} == {"淮安市人民政府"} and {r["year"] for r in rows} == {2024}
    assert {r["version"] for r in rows} == {"2021"} and {r["file_format"] for r in rows} == {"pdf"}


def test_a_wrong_total_is_extracted_as_printed() -> None:
    rows = _rows(REAL / "hongze-2023.pdf")
    total = _cell(rows, "t4", "cases", "review.total")
    assert (total["text"], total["value"], total["column_label"]) == ("0", 0, "行政复议 总计")


def test_a_text_report_locates_each_cell_by_line_and_column_in_the_file() -> None:
    path = REAL / "sanming-2019-crawl.txt"
    rows = _rows(path)
    lines = path.read_bytes().decode("utf-8").splitlines()
    procurement = _cell(rows, "t2", "art20_9.procurement", "amount")
    assert procurement["text"] == "481714587.29元"
    assert (procurement["value"], procurement["kind"], procurement["unit"]) == (481714587.29, "with-unit", "元")
    for row in rows:
        assert row["location"] == "text"
        line = lines[row["line"] - 1]
        assert line[row["char"] - 1 :].startswith(row["text"].split("\n")[0])


def test_an_html_report_locates_each_cell_in_the_file() -> None:
    path = REAL / "pingtan-2021.html"
    rows = _rows(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    numbers = [r for r in rows if r["value"] is not None]
    assert len(numbers) > 150
    for row in numbers:
        assert row["location"] == "file"
        assert row["text"] in lines[row["line"] - 1]


def test_a_word_report_names_the_table_cell_of_each_value(tmp_path: Path) -> None:
    rows = _rows(REAL / "blank-template-2021.docx")
    new = _cell(rows, "t3", "new", "natural")
    assert (new["location"], new["word_table"], new["word_row"], new["word_column"]) == ("docx-cell", 2, 4, 4)
    assert new["kind"] == "blank" and new["value"] is None and new["text"] == ""
    assert all(r["kind"] == "blank" for r in rows)
    assert {r["table"] for r in rows} == {"t2", "t3", "t4"}


def test_a_generated_word_report_gives_every_value_at_its_cell(tmp_path: Path) -> None:
    values = consistent_values(2022, random.Random(3))
    path = tmp_path / "r.docx"
    path.write_bytes(to_docx(render(2022, values).text))
    rows = _rows(path)
    word = WordDocument(str(path))
    assert {(r["table"], r["row_id"], r["column_id"]): r["value"] for r in rows} == values
    for row in rows:
        table = word.tables[row["word_table"] - 1]
        assert table.rows[row["word_row"] - 1].cells[row["word_column"] - 1].text.strip() == row["text"]


@pytest.mark.parametrize("writer", [to_pdf, to_html], ids=["pdf", "html"])
def test_generated_pdf_and_html_reports_give_every_value(tmp_path: Path, writer: Any) -> None:
    values = consistent_values(2020, random.Random(5))
    path = tmp_path / f"r.{writer.__name__[3:]}"
    path.write_bytes(writer(render(2020, values).text))
    rows = _rows(path)
    assert {(r["table"], r["row_id"], r["column_id"]): r["value"] for r in rows} == values
    assert {r["location"] for r in rows} == ({"pdf"} if writer is to_pdf else {"file"})


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10_000), year=st.sampled_from([2020, 2022]), layout=st.sampled_from(LAYOUTS))
def test_every_value_cell_of_a_generated_report_is_one_row_with_its_value(
    tmp_path: Path, seed: int, year: int, layout: Any
) -> None:
    values = consistent_values(year, random.Random(seed))
    rendered = render(year, values, layout)
    path = tmp_path / f"r{seed}.txt"
    path.write_text(rendered.text, encoding="utf-8")
    rows = _rows(path)
    keys = [(r["table"], r["row_id"], r["column_id"]) for r in rows]
    assert len(keys) == len(set(keys))  # each cell once
    assert {key: r["value"] for key, r in zip(keys, rows, strict=True)} == values
    for key, row in zip(keys, rows, strict=True):
        line, column, _ = rendered.positions[key]
        assert (row["line"], row["char"], row["text_line"]) == (line, column, line)


def test_an_unreadable_file_is_an_error_and_the_others_are_read(tmp_path: Path) -> None:
    shutil.copy(REAL / "unreadable-font.pdf", tmp_path / "bad.pdf")
    (tmp_path / "good.txt").write_text(render(2022, consistent_values(2022, random.Random(1))).text, encoding="utf-8")
    run = gialint.extract([tmp_path], jobs=1)
    assert [Path(e.path).name for e in run.errors] == ["bad.pdf"] and "Unicode" in run.errors[0].message.en
    assert [Path(r.path or "").name for r in run.reports] == ["good.txt"]
    columns = run.columns()
    assert list(columns) == list(COLUMNS) and len(columns["value"]) == len(run.rows()) > 100


def _corpus(directory: Path, count: int) -> list[str]:
    paths = []
    for index in range(count):
        year = 2020 if index % 2 else 2022
        path = directory / f"r{index:02d}.txt"
        path.write_text(render(year, consistent_values(year, random.Random(index)), LAYOUTS[index % 3]).text, "utf-8")
        paths.append(str(path))
    return paths


def test_workers_and_the_cache_give_the_same_rows_in_the_order_of_the_files(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, 20)
    items = [(p, DEFAULT_SETTINGS) for p in paths]
    alone = list(extract_many(items, jobs=1))
    assert [e.path for e in alone] == paths and all(isinstance(e, Extraction) for e in alone)
    assert list(extract_many(items, jobs=2)) == alone  # worker processes, results in the files' order
    cache = open_cache(str(tmp_path / "cache"))
    assert cache is not None
    try:
        assert list(extract_many(items, jobs=1, cache=cache)) == alone
        assert cache.hits == 0
    finally:
        cache.close()
    cache = open_cache(str(tmp_path / "cache"))
    assert cache is not None
    try:
        assert list(extract_many(items, jobs=1, cache=cache)) == alone  # answered by the cache
        assert cache.hits == len(paths)
    finally:
        cache.close()


def test_the_cache_keeps_extractions_apart_from_findings(tmp_path: Path) -> None:
    paths = _corpus(tmp_path, 2)
    directory = str(tmp_path / "cache")
    list(gialint.lint_paths(paths, jobs=1, cache=directory))
    run = gialint.extract(paths, jobs=1, cache=directory)
    assert len(run.reports) == 2 and all(report.cells for report in run.reports)
    results = list(gialint.lint_paths(paths, jobs=1, cache=directory))
    assert all(not isinstance(r, FileError) and r.version in ("2019", "2021") for r in results)
