"""extract's output files: CSV (with a BOM), JSON Lines, xlsx (a sheet per table, frozen headers), Parquet."""

from __future__ import annotations

import csv
import io
import json
import random
import zipfile
from pathlib import Path
from typing import Any

import pyarrow.parquet as parquet  # the parquet extra, part of the test extra
import pytest
from lxml import etree

from gialint.lint.result import FileError
from gialint.read import read_bytes
from gialint.report.extraction import write_extraction
from gialint.report.tabular import XLSX_MAX_ROWS, SheetSpec, TableWriter, sibling
from gialint.run.extract import extract_extracted
from gialint.run.value_rows import COLUMNS, ERROR_COLUMNS, Extraction
from gialint.testing import consistent_values, render

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


@pytest.fixture(scope="module")
def reports() -> list[Extraction | FileError]:
    found: list[Extraction | FileError] = []
    for index, year in enumerate((2020, 2022)):
        text = render(year, consistent_values(year, random.Random(index)), agency=f"某某县{index}局").text
        found.append(extract_extracted(read_bytes(text.encode("utf-8"), f"r{index}.txt"), f"r{index}.txt"))
    found.append(FileError("bad.pdf", "the PDF is damaged"))
    return found


def _records(reports: list[Extraction | FileError]) -> list[tuple[Any, ...]]:
    return [record for r in reports if isinstance(r, Extraction) for record in r.records()]


def test_csv_has_a_bom_and_reads_back_with_the_csv_module(tmp_path: Path, reports: list[Any]) -> None:
    out = tmp_path / "cells.csv"
    written = write_extraction(str(out), "csv", reports)
    assert (written.reports, written.errors) == (2, 1)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == COLUMNS and len(rows) - 1 == written.cells == len(_records(reports))
    expected = [["" if v is None else str(v) for v in record] for record in _records(reports)]
    assert rows[1:] == expected
    errors = list(csv.reader(io.StringIO(Path(sibling(str(out), "errors")).read_text("utf-8-sig"), newline="")))
    assert errors == [list(ERROR_COLUMNS), ["bad.pdf", "the PDF is damaged"]]


def test_json_lines_give_one_object_per_cell(tmp_path: Path, reports: list[Any]) -> None:
    out = tmp_path / "cells.jsonl"
    write_extraction(str(out), "jsonl", reports)
    lines = out.read_text("utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [dict(zip(COLUMNS, r, strict=True)) for r in _records(reports)]
    assert json.loads((tmp_path / "cells.errors.jsonl").read_text("utf-8")) == {
        "file": "bad.pdf",
        "error": "the PDF is damaged",
    }


def _sheets(path: Path) -> dict[str, etree._Element]:
    """Each worksheet of a workbook by name, read from the zip's XML."""
    with zipfile.ZipFile(path) as z:
        workbook = etree.fromstring(z.read("xl/workbook.xml"))
        names = [s.get("name") for s in workbook.iter(f"{MAIN}sheet")]
        return {name: etree.fromstring(z.read(f"xl/worksheets/sheet{i}.xml")) for i, name in enumerate(names, 1)}


def _cells(sheet: etree._Element) -> list[list[str]]:
    """Each row's cells, by their column letters: a blank cell is not written, so it is ""."""
    rows = []
    for row in sheet.iter(f"{MAIN}row"):
        found = {}
        for cell in row.iter(f"{MAIN}c"):
            letters = "".join(ch for ch in cell.get("r", "") if ch.isalpha())
            index = 0
            for ch in letters:
                index = index * 26 + ord(ch) - ord("A") + 1
            found[index - 1] = "".join(cell.itertext())
        rows.append([found.get(i, "") for i in range(max(found) + 1)] if found else [])
    return rows


def _frozen_header(sheet: etree._Element) -> bool:
    pane = sheet.find(f".//{MAIN}pane")
    return pane is not None and pane.get("state") == "frozen" and pane.get("ySplit") == "1"


def test_xlsx_has_a_sheet_per_table_and_one_of_errors_with_frozen_headers(tmp_path: Path, reports: list[Any]) -> None:
    out = tmp_path / "cells.xlsx"
    write_extraction(str(out), "xlsx", reports)
    sheets = _sheets(out)
    assert list(sheets) == ["t2", "t3", "t4", "errors"]
    assert all(_frozen_header(sheet) for sheet in sheets.values())
    records = _records(reports)
    for table in ("t2", "t3", "t4"):
        rows = _cells(sheets[table])
        assert rows[0] == list(COLUMNS)
        mine = [r for r in records if r[COLUMNS.index("table")] == table]
        assert len(rows) - 1 == len(mine) > 0
        value = COLUMNS.index("value")
        assert [float(row[value]) for row in rows[1:]] == [float(r[value]) for r in mine]
        assert [row[COLUMNS.index("row_id")] for row in rows[1:]] == [r[COLUMNS.index("row_id")] for r in mine]
    assert _cells(sheets["errors"]) == [list(ERROR_COLUMNS), ["bad.pdf", "the PDF is damaged"]]


def test_a_full_worksheet_goes_on_in_another(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("gialint.report.tabular.XLSX_MAX_ROWS", 3)
    out = tmp_path / "long.xlsx"
    with TableWriter(str(out), "xlsx", [SheetSpec("t3", ("n",))]) as writer:
        for n in range(5):
            writer.add("t3", (n,))
    sheets = _sheets(out)
    assert list(sheets) == ["t3", "t3 (2)", "t3 (3)"]
    assert [_cells(s) for s in sheets.values()] == [[["n"], ["0"], ["1"]], [["n"], ["2"], ["3"]], [["n"], ["4"]]]
    assert XLSX_MAX_ROWS == 1_048_576  # the real bound is Excel's


def test_parquet_round_trips_with_typed_columns(tmp_path: Path, reports: list[Any]) -> None:
    out = tmp_path / "cells.parquet"
    write_extraction(str(out), "parquet", reports)
    table = parquet.read_table(out)
    assert tuple(table.column_names) == COLUMNS
    assert str(table.schema.field("value").type) == "double" and str(table.schema.field("year").type) == "int64"
    read = table.to_pylist()
    expected = [dict(zip(COLUMNS, r, strict=True)) for r in _records(reports)]
    assert len(read) == len(expected)
    for got, want in zip(read, expected, strict=True):
        assert got == {k: (float(v) if k == "value" and v is not None else v) for k, v in want.items()}
    errors = parquet.read_table(tmp_path / "cells.errors.parquet").to_pylist()
    assert errors == [{"file": "bad.pdf", "error": "the PDF is damaged"}]


def test_a_failed_write_leaves_no_output(tmp_path: Path, reports: list[Any]) -> None:
    out = tmp_path / "cells.csv"

    def failing() -> Any:
        yield reports[0]
        raise RuntimeError("stop")

    with pytest.raises(RuntimeError):
        write_extraction(str(out), "csv", failing())
    assert list(tmp_path.iterdir()) == []
