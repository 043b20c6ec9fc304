"""``gialint extract``: every value cell of every report, as tidy rows (:mod:`gialint.run.value_rows`).

A report is read and parsed as ``gialint check`` reads and parses it, and not linted: the
matched tables give each cell's table, row and column, :mod:`gialint.parse.values` how it was
written, the reader's source map where it is in the file. Many files go through the same
:class:`~gialint.run.batch.Batch` as ``check`` (worker processes, the result cache, one bad file
one :class:`~gialint.lint.result.FileError`), with :data:`EXTRACT` as its task.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any

from attrs import frozen

from gialint.config.settings import DEFAULT_SETTINGS, Settings
from gialint.lint.result import FileError
from gialint.read import file_bytes
from gialint.read.compose import Extracted
from gialint.read.limits import Limits
from gialint.read.source import ReadError
from gialint.run.batch import Batch, Outcome, Task, default_jobs, items_of, not_a_report
from gialint.run.cache import file_key
from gialint.run.value_rows import COLUMNS, Extraction, Number, ValueCell

#: Keeps extractions apart from findings in the result cache.
SALT = b"extract"


def _number(amount: Decimal | None) -> Number | None:
    if amount is None:
        return None
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def extract_extracted(extracted: Extracted, path: str | None, settings: Settings = DEFAULT_SETTINGS) -> Extraction:
    """The value cells of a report read into ``extracted`` (see :func:`gialint.read.read_bytes`)."""
    from gialint.analyze.document import parse_document

    document = parse_document(extracted.text, options=settings.options)  # its line ends normalised there
    source_map = extracted.source_map
    cells = []
    for table in document.tables:
        title = table.spec.title
        for row, column, cell in table.value_cells():
            value = cell.value
            span = cell.span
            cells.append(
                ValueCell(
                    table.id,
                    title,
                    row.key,
                    row.label,
                    column.id,
                    column.label,
                    cell.text,
                    _number(value.number),
                    value.kind.value,
                    value.unit,
                    span.line,
                    span.column,
                    None if source_map is None else source_map.locate(span),
                )
            )
    agency, year = document.agency, document.year
    return Extraction(
        path,
        extracted.format,
        None if agency is None else agency.name,
        None if year is None else year.year,
        document.version,
        tuple(cells),
    )


def extract_file(
    path: str, settings: Settings, keep_text: bool, keyed: bool, may_skip: bool = False
) -> tuple[Outcome, bytes | None]:
    """Read one file and extract its cells (:data:`EXTRACT`'s work; the arguments of
    :func:`gialint.run.batch.lint_file`, ``keep_text`` unused: an extraction keeps no text)."""
    from gialint.read import read_bytes
    from gialint.run.batch import Skipped

    try:
        data = file_bytes(path, settings.limits)
        if may_skip and not_a_report(data):
            return Skipped(path), None
        extraction = extract_extracted(read_bytes(data, path, settings.limits), path, settings)
    except ReadError as error:
        return FileError(path, error.text), None
    except Exception as error:  # a file that trips a bug must not stop the run
        return FileError.internal(path, error), None
    return extraction, file_key(data, settings, path, SALT) if keyed else None


EXTRACT = Task(extract_file, SALT)


def extract_many(
    items: Iterable[tuple[str, Settings]],
    jobs: int | None = None,
    cache: Any = None,
    may_skip: Callable[[str], bool] | None = None,
    advance: Callable[[], None] = lambda: None,
) -> Iterator[Extraction | FileError]:
    """The extraction, or the error, of each ``(path, settings)``, in their order (``cache``: a
    :class:`~gialint.run.cache.ResultCache`, or None); files ``may_skip`` says may be passed over
    and that are not reports give nothing. ``advance`` is called as each file is done.

    Results finish about in order (workers take the files in chunks, in order): the few that
    finish early wait here for those before them, so memory stays flat."""
    batch = Batch(jobs or default_jobs(), cache, keep_text=False, task=EXTRACT)
    early: dict[int, Outcome] = {}
    following = 0
    for index, outcome in batch.run(items, may_skip):
        advance()
        early[index] = outcome
        while following in early:
            found = early.pop(following)
            following += 1
            if isinstance(found, Extraction | FileError):
                yield found


@frozen
class ExtractRun:
    """What :func:`extract` gives: the ``reports`` (in the order of the files) and the files that
    could not be read (``errors``). :meth:`rows` and :meth:`columns` are the value cells of every
    report as tidy data, in :data:`~gialint.run.value_rows.COLUMNS`."""

    reports: tuple[Extraction, ...]
    errors: tuple[FileError, ...]

    def rows(self) -> list[dict[str, Any]]:
        """One dict per value cell: ``pandas.DataFrame(run.rows())``."""
        return [dict(zip(COLUMNS, record, strict=True)) for report in self.reports for record in report.records()]

    def columns(self) -> dict[str, list[Any]]:
        """One list per column: ``polars.DataFrame(run.columns())``."""
        records = [record for report in self.reports for record in report.records()]
        return {name: [record[i] for record in records] for i, name in enumerate(COLUMNS)}


def extract(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    settings: Settings | Callable[[str], Settings] | None = None,
    cache: bool | str = False,
    limits: Limits | None = None,
) -> ExtractRun:
    """Every value cell of the reports at ``paths`` (files, and directories searched as ``gialint
    check`` searches them), read in ``jobs`` worker processes (default: the cores available).
    ``settings`` and ``cache`` as for :func:`gialint.lint_paths`. A file that cannot be read is
    one of the run's ``errors``, never the end of the run. ``limits`` as for :func:`gialint.lint_paths`."""
    from gialint.run.cache import open_cache

    items = items_of(paths, settings, limits)
    store = open_cache(cache if isinstance(cache, str) else None) if cache else None
    try:
        found = list(extract_many(items, jobs, store))
    finally:
        if store is not None:
            store.close()
    return ExtractRun(
        tuple(o for o in found if isinstance(o, Extraction)), tuple(o for o in found if isinstance(o, FileError))
    )
