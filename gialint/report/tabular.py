"""Tables written for spreadsheets and data tools: CSV, JSON Lines, xlsx and Parquet.

A :class:`TableWriter` takes rows for named sheets as they come and writes them as it goes, so
memory stays flat however many reports a run reads. In an xlsx workbook each sheet is a
worksheet (its header row frozen); in the other formats the first sheet is the file named, and
each other sheet a sibling file named after it (:func:`sibling`: ``out.csv`` → ``out.errors.csv``).
Every file is written beside its place and moved there when the writer closes
(:func:`gialint.base.files.new_file`): a failed run leaves no half-written output.

CSV is UTF-8 with a byte order mark, which Excel and WPS need to read Chinese correctly, and
CRLF line ends; a blank (None) is an empty field. xlsx is written by XlsxWriter, Parquet by pyarrow
(the ``parquet`` extra), each imported only when used (docs/dependencies.md).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
from collections.abc import Mapping, Sequence
from typing import IO, Any, BinaryIO, TextIO

from attrs import frozen

from gialint.base import catalogue as msg
from gialint.base.messages import Failure
from gialint.report import TABULAR_FORMATS

#: The formats a :class:`TableWriter` writes.
FORMATS = TABULAR_FORMATS
#: Rows of a worksheet, at most (Excel's limit); a fuller sheet goes on in "NAME (2)".
XLSX_MAX_ROWS = 1_048_576
#: Rows of a Parquet file written at a time.
PARQUET_BATCH = 65_536


class MissingLibrary(Failure):
    """A format needs a library that is not installed (the message says how to install it)."""


@frozen
class SheetSpec:
    """A sheet's name and columns; ``types`` gives a column's type for Parquet ("int", "float";
    the others are text)."""

    name: str
    columns: tuple[str, ...]
    types: Mapping[str, str] = {}


def sibling(path: str, name: str) -> str:
    """The file of another sheet beside ``path``: ``out.csv`` and "errors" give ``out.errors.csv``."""
    stem, extension = os.path.splitext(path)
    return f"{stem}.{name}{extension}"


def write_csv_rows(stream: TextIO, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A byte order mark, the header and ``rows`` as CSV on a text stream opened with ``newline=""``
    (or standard output)."""
    _csv_writer(stream, columns).writerows(rows)


def _csv_writer(stream: IO[str], columns: Sequence[str]) -> Any:
    """A CSV writer on ``stream``, after the byte order mark and the header."""
    stream.write("\ufeff")
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(columns)
    return writer


class TableWriter:
    """Writes the sheets of ``specs`` to ``path`` in ``format`` (one of :data:`FORMATS`); use it
    as a context manager, :meth:`add` a row to a sheet by name. OSError when a file cannot be
    written, :class:`MissingLibrary` when the format's library is not installed. An xlsx workbook
    may go to a binary ``stream`` instead, made in memory (a small one: a scorecard)."""

    def __init__(self, path: str, format: str, specs: Sequence[SheetSpec], stream: BinaryIO | None = None) -> None:
        self.path = path
        self.stream = stream
        self.format = format
        self.specs = {spec.name: spec for spec in specs}
        self._stack = contextlib.ExitStack()
        self._sinks: dict[str, Any] = {}
        self._workbook: Any = None
        self._sheets: dict[str, Any] = {}  # xlsx: the worksheet being filled, by sheet name
        self._rows: dict[str, int] = {}  # xlsx: rows written in it, header included
        self._parts: dict[str, int] = {}  # xlsx: worksheets of each sheet so far
        self._pending: dict[str, list[Sequence[Any]]] = {}  # parquet: rows not yet written
        self._bold: Any = None

    def __enter__(self) -> TableWriter:
        try:
            if self.format == "xlsx":
                self._open_workbook()
            else:
                for index, spec in enumerate(self.specs.values()):
                    self._open_file(spec, self.path if index == 0 else sibling(self.path, spec.name))
        except BaseException:
            self._stack.close()
            raise
        return self

    def __exit__(self, kind: object, error: BaseException | None, trace: object) -> None:
        if error is not None:
            self._stack.__exit__(type(error), error, error.__traceback__)
            return
        with self._stack:
            for name in self._pending:
                self._flush_parquet(name)
            if self._workbook is not None:
                self._workbook.close()

    # ------------------------------------------------------------------ files
    def _open_file(self, spec: SheetSpec, path: str) -> None:
        from gialint.base.files import new_file

        temporary = self._stack.enter_context(new_file(path))
        if self.format == "parquet":
            _, parquet = _pyarrow()
            self._sinks[spec.name] = self._stack.enter_context(parquet.ParquetWriter(temporary, _schema(spec)))
            self._pending[spec.name] = []
            return
        stream: IO[str] = self._stack.enter_context(open(temporary, "w", encoding="utf-8", newline=""))  # noqa: SIM115 - closed with the writer
        if self.format == "csv":
            self._sinks[spec.name] = _csv_writer(stream, spec.columns)
        else:
            self._sinks[spec.name] = stream

    def _open_workbook(self) -> None:
        from gialint.base.files import new_file

        try:
            import xlsxwriter
        except ImportError:  # pragma: no cover - a dependency of gialint
            raise MissingLibrary(
                msg.NEEDS_LIBRARY, format="xlsx", library="XlsxWriter", install="pip install xlsxwriter"
            ) from None
        if self.stream is not None:
            self._workbook = xlsxwriter.Workbook(self.stream, {"in_memory": True})
        else:
            temporary = self._stack.enter_context(new_file(self.path))
            self._workbook = xlsxwriter.Workbook(temporary, {"constant_memory": True})
        self._bold = self._workbook.add_format({"bold": True})
        for name in self.specs:
            self._new_worksheet(name)

    def _new_worksheet(self, name: str) -> None:
        part = self._parts.get(name, 0) + 1
        self._parts[name] = part
        sheet = self._workbook.add_worksheet(name if part == 1 else f"{name} ({part})")
        sheet.write_row(0, 0, self.specs[name].columns, self._bold)
        sheet.freeze_panes(1, 0)
        self._sheets[name] = sheet
        self._rows[name] = 1

    # ------------------------------------------------------------------ rows
    def add(self, name: str, row: Sequence[Any]) -> None:
        """Write one row (its values in the order of the sheet's columns; None for a blank) to sheet ``name``."""
        self.add_many(name, (row,))

    def add_many(self, name: str, rows: Sequence[Sequence[Any]]) -> None:
        """Write rows to sheet ``name`` (a report's at once: a CSV writer writes them in one call)."""
        if self.format == "csv":
            self._sinks[name].writerows(rows)
        elif self.format == "xlsx":
            for row in rows:
                if self._rows[name] == XLSX_MAX_ROWS:
                    self._new_worksheet(name)
                self._sheets[name].write_row(self._rows[name], 0, row)
                self._rows[name] += 1
        elif self.format == "jsonl":
            columns = self.specs[name].columns
            dumps = json.dumps
            self._sinks[name].writelines(
                dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n" for row in rows
            )
        else:
            pending = self._pending[name]
            pending.extend(rows)
            if len(pending) >= PARQUET_BATCH:
                self._flush_parquet(name)

    def _flush_parquet(self, name: str) -> None:
        pending = self._pending[name]
        if not pending:
            return
        pyarrow, _ = _pyarrow()
        spec = self.specs[name]
        schema = _schema(spec)
        columns = {column: [row[i] for row in pending] for i, column in enumerate(spec.columns)}
        self._sinks[name].write_table(pyarrow.table(columns, schema=schema))
        pending.clear()


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingLibrary(
            msg.NEEDS_LIBRARY, format="Parquet", library="pyarrow", install="pip install 'gialint-cn[parquet]'"
        ) from None
    return pyarrow, pyarrow.parquet


def _schema(spec: SheetSpec) -> Any:
    pyarrow, _ = _pyarrow()
    kinds = {"int": pyarrow.int64(), "float": pyarrow.float64()}
    return pyarrow.schema(
        [(column, kinds.get(spec.types.get(column, ""), pyarrow.string())) for column in spec.columns]
    )
