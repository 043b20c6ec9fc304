"""``gialint extract``'s output: every value cell as a row (docs/researchers.md).

CSV, JSON Lines and Parquet: one file of every cell, in :data:`~gialint.run.value_rows.COLUMNS`,
and a sibling file of the files that could not be read (``FILE.errors.csv`` …, written even
when there are none, with its header). xlsx: a worksheet per table (``t2``, ``t3``, ``t4``, in the
format's order, from formats.toml) and one of errors (``errors``).
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import define

from gialint.lint.result import FileError
from gialint.report.tabular import SheetSpec, TableWriter
from gialint.run.value_rows import COLUMNS, ERROR_COLUMNS, INTEGER_COLUMNS, Extraction

#: The sheet of every cell (csv, jsonl, parquet) and the sheet of errors (every format).
VALUES, ERRORS = "values", "errors"
_TYPES = {**{column: "int" for column in INTEGER_COLUMNS}, "value": "float"}


@define
class Written:
    """What was written: reports, value cells and unreadable files."""

    reports: int = 0
    cells: int = 0
    errors: int = 0


def write_extraction(path: str, format: str, outcomes: Iterable[Extraction | FileError], lang: str = "zh") -> Written:
    """Write each report's cells, and each unreadable file (why, in ``lang``), to ``path`` in ``format``
    (see :mod:`gialint.report.tabular` for what may be raised)."""
    by_table = format == "xlsx"
    if by_table:
        from gialint.formats import load  # the tables, in order: only a workbook needs them

        names = [*load().tables, ERRORS]
    else:
        names = [VALUES, ERRORS]
    specs = [SheetSpec(name, ERROR_COLUMNS if name == ERRORS else COLUMNS, _TYPES) for name in names]
    written = Written()
    with TableWriter(path, format, specs) as writer:
        for outcome in outcomes:
            if isinstance(outcome, FileError):
                writer.add(ERRORS, (outcome.path, outcome.message.get(lang)))
                written.errors += 1
                continue
            written.reports += 1
            written.cells += len(outcome.cells)
            if not by_table:
                writer.add_many(VALUES, list(outcome.records()))
                continue
            for cell, record in zip(outcome.cells, outcome.records(), strict=True):
                writer.add(cell.table, record)
    return written
