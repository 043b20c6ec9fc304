"""``gialint extract``: every value cell of every report, as rows of a CSV, JSON Lines, xlsx or Parquet file.

Files are found, configured, read in worker processes and cached as ``gialint check`` does
them; each report's cells are written as soon as the reports before it are. A file that cannot
be read is a row of the errors output (docs/researchers.md), never the end of the run.

Exit codes: 0 — the output was written (unreadable files are in its errors output); 2 — a usage
or configuration error, no report file found, or the output cannot be written.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from gialint.base import catalogue as msg
from gialint.base.diagnostic import Text
from gialint.base.messages import say
from gialint.config import ConfigError, Resolver
from gialint.report import shown, visible
from gialint.report.tabular import FORMATS, MissingLibrary, sibling
from gialint.run.discover import Found

if TYPE_CHECKING:
    from collections.abc import Callable

    from gialint.config.settings import Settings
    from gialint.report.extraction import Written

EXIT_OK, EXIT_ERROR = 0, 2


def note(message: Text, lang: str, quiet: bool = False, /, **values: object) -> None:
    """A line on stderr, a message of the catalogue in ``lang`` (none with ``quiet``)."""
    if not quiet:
        print(f"gialint: {visible(say(message, **values).get(lang))}", file=sys.stderr)


def output_format(args: argparse.Namespace) -> str | None:
    """``--format``, else the output file's extension when it names one of :data:`FORMATS`."""
    if args.format:
        return str(args.format)
    extension = os.path.splitext(args.output_file or "")[1].lower().lstrip(".")
    return extension if extension in FORMATS else None


def run_extract(args: argparse.Namespace) -> int:
    from gialint.cli.check import is_an_input

    lang = args.lang or "zh"
    if not args.output_file:
        note(msg.CLI_NEEDS_OUTPUT_FILE, lang, what="extract")
        return EXIT_ERROR
    format = output_format(args)
    if format is None:
        note(msg.EXTRACT_NEEDS_FORMAT, lang, formats="|".join(FORMATS))
        return EXIT_ERROR
    if is_an_input(args.output_file, args.paths):
        note(msg.EXTRACT_OUTPUT_IS_INPUT, lang, file=args.output_file)
        return EXIT_ERROR
    try:
        resolver = Resolver(args.config, args.isolated, {"lang": args.lang})
        found = Found(args.paths, resolver, force=False)
        items = list(found)  # all of them before anything is written: none is an error, not an empty file
    except ConfigError as error:
        note(error.text, lang)
        return EXIT_ERROR
    if not items:
        from gialint.read import EXTENSIONS

        note(msg.NO_REPORT_FILES, lang, paths=", ".join(args.paths), extensions=", ".join(EXTENSIONS))
        return EXIT_ERROR
    try:
        written = _extract(args, items, found.may_skip, format)
    except MissingLibrary as error:
        note(error.text, lang)
        return EXIT_ERROR
    except OSError as error:
        note(msg.FILE_UNWRITABLE, lang, file=args.output_file, error=error.strerror or error)
        return EXIT_ERROR
    errors = "" if format == "xlsx" else sibling(args.output_file, "errors")
    message = say(msg.EXTRACT_WROTE, cells=written.cells, reports=written.reports, file=shown(args.output_file))
    if written.errors:
        where = shown(errors) if errors else msg.EXTRACT_ERRORS_SHEET
        more = say(msg.EXTRACT_ERRORS, errors=written.errors, where=where)
        message = Text(message.zh + more.zh, message.en + more.en)
    note(message, lang, args.quiet)
    return EXIT_OK


def _extract(
    args: argparse.Namespace, items: list[tuple[str, Settings]], may_skip: Callable[[str], bool], format: str
) -> Written:
    from gialint.report.extraction import write_extraction
    from gialint.run.cache import CacheError, open_cache
    from gialint.run.extract import extract_many
    from gialint.run.progress import progress

    cache = None
    if not args.no_cache:
        try:
            cache = open_cache(args.cache_dir)
        except CacheError as error:
            note(msg.CACHE_UNUSABLE, args.lang or "zh", args.quiet, error=error.text)
    try:
        with progress(len(items), enabled=not args.quiet and len(items) > 1) as advance:
            outcomes = extract_many(items, args.jobs, cache, may_skip=may_skip, advance=advance)
            return write_extraction(args.output_file, format, outcomes, args.lang or "zh")
    finally:
        if cache is not None:
            cache.close()
