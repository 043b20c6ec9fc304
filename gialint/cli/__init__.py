"""The command line: ``gialint check``, ``gialint extract``, ``gialint parse``, ``gialint rules``, ``gialint config``.

In: arguments. Out: output and an exit code. ``check`` runs a check: settings per file, lint or
fix, baseline, output. Imports: any stage; nothing imports it but ``gialint.__main__``.

Exit codes (docs/cli.md): 0 — nothing at or above ``fail-on``; 1 — findings at or above
it; 2 — a usage or configuration error, or a file that could not be read.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from gialint._version import __version__
from gialint.base import catalogue as msg
from gialint.base.diagnostic import LANGUAGES, Severity
from gialint.base.messages import say
from gialint.read import EXTENSIONS
from gialint.report import REPORTERS
from gialint.report.tabular import FORMATS as TABULAR_FORMATS

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
#: A reader that stopped reading (`gialint check … | head`): 128 + SIGPIPE, as other tools exit.
EXIT_BROKEN_PIPE = 141
SEVERITIES = tuple(s.label for s in reversed(Severity))


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, got {text!r}")
    return value


class _Version(argparse.Action):
    """``--version``: gialint's version, and whether its parsing and matching are compiled."""

    def __init__(self, option_strings: Sequence[str], dest: str, help: str | None = None) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from gialint.compiled import build_description

        print(f"gialint {__version__} ({build_description()})")
        parser.exit()


class _Parser(argparse.ArgumentParser):
    """argparse, with the closest command or option suggested for a mistyped one ("did you mean")."""

    def error(self, message: str) -> NoReturn:
        import difflib
        import re

        hint = ""
        unknown = re.match(r"unrecognized arguments: (.*)", message)
        choice = re.match(r"argument .*: invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if unknown:
            parsers = [self] + [
                sub
                for action in self._actions
                if isinstance(action, argparse._SubParsersAction)
                for sub in action.choices.values()
            ]
            options = sorted({o for parser in parsers for action in parser._actions for o in action.option_strings})
            for word in unknown[1].split():
                close = difflib.get_close_matches(word.split("=")[0], options, n=1) if word.startswith("-") else []
                if close:
                    hint = f"; did you mean {close[0]}?"
                    break
        elif choice:
            choices = [c.strip(" '") for c in choice[2].split(",")]
            close = difflib.get_close_matches(choice[1], choices, n=1)
            hint = f"; did you mean {close[0]}?" if close else ""
        super().error(message + hint)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="gialint",
        description="Lint 政府信息公开工作年度报告 (government information disclosure annual reports).",
    )
    parser.add_argument("--version", action=_Version, help="show the version, compiled or pure Python, and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lang = _Parser(add_help=False)
    lang.add_argument("--lang", choices=LANGUAGES, default=None, help="language of messages (default: zh, or `lang`)")
    config = _Parser(add_help=False)
    where = config.add_mutually_exclusive_group()
    where.add_argument("--config", metavar="FILE", help="use this configuration file for every report")
    where.add_argument("--isolated", action="store_true", help="ignore configuration files")

    check = commands.add_parser("check", parents=[lang, config], help="check report files or directories")
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
    check.add_argument(
        "--previous",
        metavar="FILE",
        help="last year's report of the same agency: check each report against it (GIA601-GIA604); "
        "without it, a run pairs the reports of one agency for consecutive years by itself",
    )
    output = check.add_argument_group("output")
    output.add_argument(
        "--format",
        choices=tuple(REPORTERS),
        default=None,
        help="output format (default: full; github when GITHUB_ACTIONS=true); csv and xlsx: the scorecard, "
        "a row per report and a row per rule (xlsx needs -o FILE)",
    )
    output.add_argument("--output-file", "-o", metavar="FILE", help="write the output to FILE instead of stdout")
    output.add_argument("--quiet", "-q", action="store_true", help="print findings only: no summary or notes")
    output.add_argument("--statistics", action="store_true", help="print counts per rule instead of the findings")
    output.add_argument(
        "--show-source", action="store_true", help="with --format concise: show the source line under each finding"
    )
    color = output.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None, help="always colour the output")
    color.add_argument("--no-color", dest="color", action="store_false", help="never colour the output")

    rules = check.add_argument_group("rule selection")
    selector = "codes, prefixes or names, comma-separated"
    rules.add_argument(
        "--select", action="append", metavar="RULES", help=f"rules to run, in place of `select`: {selector}"
    )
    rules.add_argument("--extend-select", action="append", metavar="RULES", help=f"rules to run as well: {selector}")
    rules.add_argument("--ignore", action="append", metavar="RULES", help=f"rules not to run: {selector}")
    rules.add_argument(
        "--force-exclude", action="store_true", help="apply `exclude` to files named on the command line too"
    )

    status = check.add_argument_group("exit status")
    status.add_argument(
        "--fail-on",
        choices=SEVERITIES,
        default=None,
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    status.add_argument("--exit-zero", action="store_true", help="exit with 0 even when there are findings")

    fixes = check.add_argument_group("fixes")
    fixes.add_argument(
        "--fix", action="store_true", help="apply safe fixes (text and Markdown in place; .docx into NAME.fixed.docx)"
    )
    fixes.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")
    fixes.add_argument("--unsafe-fixes", action="store_true", help="with --fix/--diff: apply unsafe fixes too")

    known = check.add_argument_group("baseline")
    known.add_argument("--baseline", metavar="FILE", help="do not show the findings recorded in this baseline file")
    known.add_argument(
        "--update-baseline", action="store_true", help="write the current findings to the --baseline file"
    )

    _speed_options(check.add_argument_group("speed"))

    extract = commands.add_parser(
        "extract", parents=[lang, config], help="write every value cell of the reports as rows of a data file"
    )
    extract.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help=f"report files, or directories to search for {'/'.join(EXTENSIONS)} files",
    )
    extract.add_argument(
        "--format",
        choices=TABULAR_FORMATS,
        help="the output's format (default: from the -o file's extension); csv, jsonl and parquet write the "
        "files that could not be read beside it, as FILE.errors.csv …; xlsx as the sheet errors",
    )
    extract.add_argument("--output-file", "-o", metavar="FILE", help="the file to write (required)")
    extract.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no summary")
    _speed_options(extract.add_argument_group("speed"))

    parse = commands.add_parser("parse", parents=[lang], help="print a report's structure and statistics as JSON")
    parse.add_argument("paths", nargs="+", metavar="FILE", help="report files, or - for standard input")
    parse.add_argument(
        "--stdin-filename", metavar="NAME", help="with -: the name whose extension chooses the reader (report.docx)"
    )
    parse.add_argument(
        "--format",
        choices=("json", "text"),
        default="json",
        help="json: structure and statistics; text: the text gialint lints (extracted from .html/.docx/.pdf)",
    )

    listing = commands.add_parser("rules", parents=[lang], help="list the rules")
    listing.add_argument("--format", choices=("table", "json", "markdown"), default="table")

    one = commands.add_parser("rule", help="explain one rule: what it does, why, an example, its fix")
    one.add_argument("rule", metavar="CODE", help="a rule's code or name (GIA303, balance)")

    show = commands.add_parser("config", parents=[config], help="show the settings that apply to a path")
    show.add_argument("path", nargs="?", default=".", metavar="PATH", help="a report file or directory (default: .)")
    show.add_argument(
        "--format", choices=("toml", "json", "markdown"), default="toml", help="markdown: with --schema, the reference"
    )
    show.add_argument("--schema", action="store_true", help="print the JSON Schema of the configuration instead")
    return parser


def _speed_options(speed: argparse._ArgumentGroup) -> None:
    """-j, --no-cache and --cache-dir, for the commands that read many files."""
    speed.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        metavar="N",
        help="worker processes for many files (default: the cores available; 1: all in this process)",
    )
    speed.add_argument("--no-cache", action="store_true", help="do not read or write the result cache")
    speed.add_argument(
        "--cache-dir",
        metavar="DIR",
        help="keep the result cache in DIR (default: $GIALINT_CACHE_DIR, else ~/.cache/gialint)",
    )


def _check(args: argparse.Namespace) -> int:
    from gialint.cli.check import Run

    return Run(args).main()


def _parse(args: argparse.Namespace) -> int:
    """The parsed report as JSON (several files: a list, in the order given), or the text gialint
    lints; ``-`` reads standard input. An unreadable file, or one past the default limits (its
    reading and parsing within one time budget), is one line on stderr and exit 2, after the others."""
    from gialint.analyze.document import parse_document
    from gialint.read import read_bytes, read_path, stream_bytes
    from gialint.read.limits import DEFAULT_LIMITS, budget
    from gialint.read.source import ReadError, normalize_newlines
    from gialint.report import shown, visible
    from gialint.report.serialize import document_as_dict

    parsed: list[dict[str, object]] = []
    code = EXIT_OK
    for path in args.paths:
        name = (args.stdin_filename or "-") if path == "-" else path
        try:
            with budget(DEFAULT_LIMITS):
                if path == "-":
                    extracted = read_bytes(stream_bytes(getattr(sys.stdin, "buffer", None)), name)
                else:
                    extracted = read_path(path)
                text = normalize_newlines(extracted.text)
                document = parse_document(text) if args.format != "text" else None
        except ReadError as error:
            print(f"gialint: {visible(shown(name))}: {error.get(_lang(args))}", file=sys.stderr)
            code = EXIT_ERROR
            continue
        if document is None:
            if len(args.paths) > 1:
                sys.stdout.write(f"==> {shown(name)} <==\n")
            sys.stdout.write(text)
            continue
        parsed.append(document_as_dict(document, name, extracted.encoding, extracted.format, extracted.source_map))
    if args.format == "json" and parsed:
        json.dump(parsed[0] if len(args.paths) == 1 else parsed, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return code


def _rules(args: argparse.Namespace) -> int:
    from gialint.lint.registry import all_rules

    rules = all_rules()
    if args.format == "markdown":
        from gialint.report.docgen import rules_markdown

        sys.stdout.write(rules_markdown(rules))
    elif args.format == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.label,
                "summary": r.summary.get(args.lang or "zh"),
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

        lang = _lang(args)
        table = Table(*(header.get(lang) for header in msg.RULES_HEADERS), box=None, pad_edge=False)
        for r in rules:
            table.add_row(r.code, r.name, msg.SEVERITY[r.severity].get(lang), r.summary.get(lang))
        Console(highlight=False).print(table)
    return EXIT_OK


def _rule(args: argparse.Namespace) -> int:
    from gialint.base.selection import closest_rule
    from gialint.lint.registry import all_rules
    from gialint.report.docgen import rule_markdown

    wanted = args.rule.strip()
    rules = all_rules()
    found = next((r for r in rules if wanted.upper() == r.code or wanted.lower() == r.name), None)
    if found is None:
        close = closest_rule(wanted, rules)
        hint = say(msg.DID_YOU_MEAN, close=close) if close else msg.CLI_RULES_LISTED
        _complain(say(msg.CLI_NO_RULE, rule=wanted, hint=hint).get(_lang(args)))
        return EXIT_ERROR
    sys.stdout.write(rule_markdown(found))
    return EXIT_OK


def _config(args: argparse.Namespace) -> int:
    from gialint.config import ConfigError, Resolver, schema
    from gialint.config.show import as_toml

    if args.format == "markdown" and not args.schema:
        _complain(msg.CLI_MARKDOWN_IS_SCHEMA.get(_lang(args)))
        return EXIT_ERROR
    if args.schema:
        if args.format == "markdown":
            from gialint.report.docgen import config_markdown

            sys.stdout.write(config_markdown(schema()))
        else:
            json.dump(schema(), sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        return EXIT_OK
    try:
        settings = Resolver(args.config, args.isolated).for_path(args.path)
    except ConfigError as error:
        _complain(error.get(_lang(args)))
        return EXIT_ERROR
    if args.format == "json":
        data = {"files": list(settings.files), "settings": settings.as_dict()}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(as_toml(settings))
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    from gialint.lint.registry import PluginError

    global _language
    args = _parser().parse_args(argv)
    _language = _lang(args)
    if sys.stdout is None:  # started with its standard output closed
        if not getattr(args, "output_file", None):
            _complain(msg.CLI_STDOUT_CLOSED.get(_lang(args)))
            return EXIT_ERROR
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - the output goes to -o
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "parse":
            return _parse(args)
        if args.command == "extract":
            from gialint.cli.extract import run_extract

            return run_extract(args)
        if args.command == "config":
            return _config(args)
        if args.command == "rule":
            return _rule(args)
        return _rules(args)
    except PluginError as error:
        _complain(error.get(_lang(args)))
        return EXIT_ERROR
    except BrokenPipeError:  # `gialint check … | head`: the check did not finish; never a success
        sys.stderr.close()
        return EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        return 130
    except OSError as error:  # the output could not be written: a full disk, a stream closed under it
        where = f"{error.filename}: " if error.filename else ""
        _complain(say(msg.CLI_CANNOT_WRITE_OUTPUT, where=where, error=error.strerror or error).get(_lang(args)))
        return EXIT_ERROR


#: The language of the run :func:`main` made, for what :func:`run` says after it.
_language = "zh"


def _lang(args: argparse.Namespace) -> str:
    """The language a command speaks: ``--lang`` where the command has it, else Chinese."""
    return getattr(args, "lang", None) or "zh"


def _complain(message: str) -> None:
    """One line on standard error, if there is one to write to."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"gialint: {message}", file=sys.stderr, flush=True)


def run() -> NoReturn:
    """The ``gialint`` command: :func:`main`, then exit at once.

    Exiting without the interpreter's tear-down, which frees every object one by one, saves
    about 20 ms after a run over 10,000 reports (mypy exits the same way). Output files, the
    cache and the worker processes are all closed by then; the standard streams are flushed here.
    """
    code = main()
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except BrokenPipeError:  # a reader that went away: the output was not all read
        code = EXIT_BROKEN_PIPE
    except OSError as error:  # the last of the output could not be written (a full disk)
        _complain(say(msg.CLI_CANNOT_WRITE_OUTPUT, where="", error=error.strerror or error).get(_language))
        code = EXIT_ERROR
    except ValueError:  # a stream closed after a broken pipe
        pass
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
