"""The command line: ``gialint check``, ``gialint parse``, ``gialint rules``.

Exit codes: 0 — nothing at or above ``--fail-on``; 1 — findings at or above it;
2 — a usage error, or a file that could not be read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterator, Sequence

from gialint._version import __version__
from gialint.diagnostic import LANGUAGES, Severity
from gialint.readers import EXTENSIONS
from gialint.report import REPORTERS

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _split(values: Sequence[str] | None) -> list[str]:
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


def iter_files(paths: Sequence[str]) -> Iterator[str]:
    """Files to check: each named file, and every report file under each named directory (sorted).

    Hidden directories and Office lock files ("~$报告.docx") are passed over.
    """
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(
                    os.path.join(root, f) for f in files if f.lower().endswith(EXTENSIONS) and not f.startswith("~$")
                )
            yield from sorted(found)
        else:
            yield path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gialint",
        description="Lint 政府信息公开工作年度报告 (government information disclosure annual reports).",
    )
    parser.add_argument("--version", action="version", version=f"gialint {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=LANGUAGES, default="zh", help="language of messages (default: zh)")

    check = commands.add_parser("check", parents=[lang], help="check report files or directories")
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help=f"report files, directories to search for {'/'.join(EXTENSIONS)} files, or - for standard input",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="read the report from standard input; NAME (e.g. report.docx) chooses the reader and is shown in output",
    )
    check.add_argument("--format", choices=tuple(REPORTERS), default="full", help="output format (default: full)")
    check.add_argument(
        "--select",
        action="append",
        metavar="RULES",
        help="rules to run: codes, prefixes or names, comma-separated (default: all)",
    )
    check.add_argument(
        "--ignore", action="append", metavar="RULES", help="rules not to run: codes, prefixes or names, comma-separated"
    )
    check.add_argument(
        "--fail-on",
        choices=tuple(s.label for s in reversed(Severity)),
        default="error",
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    color = check.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None, help="always colour the output")
    color.add_argument("--no-color", dest="color", action="store_false", help="never colour the output")

    parse = commands.add_parser("parse", parents=[lang], help="print a report's structure and statistics as JSON")
    parse.add_argument("path", metavar="FILE")
    parse.add_argument(
        "--format",
        choices=("json", "text"),
        default="json",
        help="json: structure and statistics; text: the text gialint lints (extracted from .html/.docx/.pdf)",
    )

    rules = commands.add_parser("rules", parents=[lang], help="list the rules")
    rules.add_argument("--format", choices=("table", "json", "markdown"), default="table")
    return parser


def _check(args: argparse.Namespace) -> int:
    from gialint.api import LintResult, lint_bytes, lint_path
    from gialint.linter import Selection, SelectionError
    from gialint.registry import all_rules
    from gialint.report import FileError, ReportOptions, get_reporter
    from gialint.source import ReadError

    select, ignore = _split(args.select), _split(args.ignore)
    try:
        Selection(tuple(select) or ("ALL",), tuple(ignore)).validate(all_rules())
    except SelectionError as error:
        print(f"gialint: {error}", file=sys.stderr)
        return EXIT_ERROR
    results: list[LintResult] = []
    errors: list[FileError] = []
    stdin = args.paths == ["-"] or (not args.paths and args.stdin_filename)
    if not args.paths and not stdin:
        print("gialint: give report files or directories, or - (with --stdin-filename) to read stdin", file=sys.stderr)
        return EXIT_ERROR
    if "-" in args.paths and not stdin:
        print("gialint: - (standard input) cannot be combined with other paths", file=sys.stderr)
        return EXIT_ERROR
    files = [] if stdin else list(iter_files(args.paths))
    if not stdin and not files:
        print(f"gialint: no report files ({', '.join(EXTENSIONS)}) under {', '.join(args.paths)}", file=sys.stderr)
    if stdin:
        name = args.stdin_filename or "-"
        try:
            results.append(lint_bytes(sys.stdin.buffer.read(), name, select or None, ignore))
        except ReadError as error:
            errors.append(FileError(name, str(error)))
            print(f"gialint: {name}: {error}", file=sys.stderr)
    for path in files:
        try:
            results.append(lint_path(path, select or None, ignore))
        except ReadError as error:
            errors.append(FileError(path, str(error)))
            print(f"gialint: {path}: {error}", file=sys.stderr)
    get_reporter(args.format)(results, errors, ReportOptions(args.lang, args.color), sys.stdout)
    if errors:
        return EXIT_ERROR
    threshold = Severity.parse(args.fail_on)
    return EXIT_FINDINGS if any(d.severity >= threshold for r in results for d in r.diagnostics) else EXIT_OK


def _parse(args: argparse.Namespace) -> int:
    from gialint.document import parse_document
    from gialint.parse import normalize_newlines
    from gialint.readers import read_path
    from gialint.serialize import document_as_dict
    from gialint.source import ReadError

    try:
        extracted = read_path(args.path)
    except ReadError as error:
        print(f"gialint: {args.path}: {error}", file=sys.stderr)
        return EXIT_ERROR
    text = normalize_newlines(extracted.text)
    if args.format == "text":
        sys.stdout.write(text)
        return EXIT_OK
    data = document_as_dict(parse_document(text), args.path, extracted.encoding, extracted.format, extracted.source_map)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def _rules(args: argparse.Namespace) -> int:
    from gialint.registry import all_rules

    rules = all_rules()
    if args.format == "markdown":
        from gialint.docgen import rules_markdown

        sys.stdout.write(rules_markdown(rules))
    elif args.format == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.label,
                "summary": r.summary.get(args.lang),
                "versions": sorted(r.versions),
                "fixable": r.fixable,
                "rationale": r.rationale,
            }
            for r in rules
        ]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table("Code", "Name", "Severity", "Summary", box=None, pad_edge=False)
        for r in rules:
            table.add_row(r.code, r.name, r.severity.label, r.summary.get(args.lang))
        Console(highlight=False).print(table)
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    from gialint.registry import PluginError

    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "parse":
            return _parse(args)
        return _rules(args)
    except PluginError as error:
        print(f"gialint: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:  # `gialint check … | head`
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
