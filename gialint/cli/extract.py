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

from gialint.config import ConfigError, Resolver
from gialint.read.signs import skippable
from gialint.report import shown, visible
from gialint.report.tabular import FORMATS, MissingLibrary, sibling
from gialint.run.discover import iter_found

if TYPE_CHECKING:
    from gialint.config.settings import Settings
    from gialint.report.extraction import Written

EXIT_OK, EXIT_ERROR = 0, 2


def say(message: str, quiet: bool = False) -> None:
    if not quiet:
        print(f"gialint: {visible(message)}", file=sys.stderr)


def output_format(args: argparse.Namespace) -> str | None:
    """``--format``, else the output file's extension when it names one of :data:`FORMATS`."""
    if args.format:
        return str(args.format)
    extension = os.path.splitext(args.output_file or "")[1].lower().lstrip(".")
    return extension if extension in FORMATS else None


def run_extract(args: argparse.Namespace) -> int:
    from gialint.cli.check import is_an_input

    lang = args.lang or "zh"
    en = lang == "en"
    if not args.output_file:
        say("extract writes a file: name it with -o FILE" if en else "extract 输出到文件：请用 -o FILE 指定")
        return EXIT_ERROR
    format = output_format(args)
    if format is None:
        say(
            f"choose the output format with --format {'|'.join(FORMATS)}"
            if en
            else f"请用 --format {'|'.join(FORMATS)} 指定输出格式"
        )
        return EXIT_ERROR
    if is_an_input(args.output_file, args.paths):
        say(
            f"{args.output_file}: the output file is one of the files read"
            if en
            else f"{args.output_file}：输出文件是要读取的文件之一"
        )
        return EXIT_ERROR
    try:
        resolver = Resolver(args.config, args.isolated, {"lang": args.lang})
        found = list(iter_found(args.paths, lambda p, is_dir: resolver.for_path(p, is_dir).is_excluded(p)))
        items = [(path, resolver.for_path(path)) for path, _ in found]
    except ConfigError as error:
        say(str(error))
        return EXIT_ERROR
    if not items:
        from gialint.read import EXTENSIONS

        where = ", ".join(args.paths)
        say(
            f"no report files ({', '.join(EXTENSIONS)}) under {where}"
            if en
            else f"{where} 下没有报告文件（{'、'.join(EXTENSIONS)}）"
        )
        return EXIT_ERROR
    may_skip = {path for path, in_directory in found if in_directory and skippable(path)}
    try:
        written = _extract(args, items, may_skip, format)
    except MissingLibrary as error:
        say(str(error))
        return EXIT_ERROR
    except OSError as error:
        say(
            f"{args.output_file}: cannot write: {error.strerror or error}"
            if en
            else f"{args.output_file}：无法写入：{error.strerror or error}"
        )
        return EXIT_ERROR
    errors = "" if format == "xlsx" else sibling(args.output_file, "errors")
    if en:
        message = f"wrote {written.cells} value cells of {written.reports} reports to {shown(args.output_file)}"
        if written.errors:
            message += f"; {written.errors} files could not be read ({shown(errors) if errors else 'sheet errors'})"
    else:
        message = f"已将 {written.reports} 份报告的 {written.cells} 个数值单元格写入 {shown(args.output_file)}"
        if written.errors:
            message += f"；{written.errors} 个文件无法读取（见 {shown(errors) if errors else '工作表 errors'}）"
    say(message, args.quiet)
    return EXIT_OK


def _extract(args: argparse.Namespace, items: list[tuple[str, Settings]], may_skip: set[str], format: str) -> Written:
    from gialint.report.extraction import write_extraction
    from gialint.run.cache import CacheError, open_cache
    from gialint.run.extract import extract_many
    from gialint.run.progress import progress

    cache = None
    if not args.no_cache:
        try:
            cache = open_cache(args.cache_dir)
        except CacheError as error:
            say(f"the result cache cannot be used ({error}); reading without it", args.quiet)
    try:
        with progress(len(items), enabled=not args.quiet and len(items) > 1) as advance:
            outcomes = extract_many(items, args.jobs, cache, may_skip=may_skip.__contains__, advance=advance)
            return write_extraction(args.output_file, format, outcomes)
    finally:
        if cache is not None:
            cache.close()
