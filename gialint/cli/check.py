"""``gialint check``: settings per file, lint or fix, baseline, output, exit code.

Exit codes (docs/cli.md): 0 — no finding at or above ``fail-on`` (or ``--exit-zero``);
1 — findings at or above it, or with ``--diff``, files that fixes would change;
2 — a usage or configuration error, or a file that could not be read.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from attrs import evolve

from gialint.base import catalogue as msg
from gialint.base.diagnostic import Text
from gialint.base.messages import Failure, both, say, severity_labels
from gialint.config import ConfigError, Resolver, Settings
from gialint.lint.result import LintResult
from gialint.read import EXTENSIONS, file_bytes, kind_of, stream_bytes
from gialint.read.limits import budget
from gialint.read.source import ReadError
from gialint.report import BINARY, FileError, ReportOptions, shown, visible
from gialint.run.discover import NAMED, Few, Found

if TYPE_CHECKING:
    from gialint.base.diagnostic import Diagnostic
    from gialint.report.stream import Writer
    from gialint.report.tally import Tally
    from gialint.run.baseline import Baseline

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
TEXT_KINDS = (".txt", ".text", ".md", ".markdown")
#: The buffer of the file ``-o`` names: a run writes each file's part of the output, some
#: kilobytes, at once; a larger buffer gathers several into one write to the system.
OUTPUT_BUFFER = 1 << 16
#: Skipped files named in the note, at most.
SKIPPED_NAMED = NAMED


def split(values: Sequence[str] | None) -> list[str]:
    return [part.strip() for value in values or () for part in value.split(",") if part.strip()]


class Run:
    """One ``gialint check`` invocation."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        # the output is written as the run goes, file by file; the run keeps counts, not results
        self.writer: Writer | None = None
        self.options = ReportOptions()
        self.baseline: Baseline | None = None
        self.for_baseline: list[tuple[str, Sequence[Diagnostic]]] = []  # with --update-baseline: every finding
        self.unreadable = 0
        self.skipped = Few()  # the files found under a directory that do not look like reports
        self.fixed = 0
        self.changed_files = 0
        self.baselined = 0
        self.out: TextIO = sys.stdout
        self.reading_stdin = False
        self.lang: str = args.lang or "zh"  # the configuration's once it is read

    def say(self, message: Text, /, **values: object) -> None:
        """A note on stderr (not with --quiet): a message of the catalogue, in the run's language."""
        if not self.args.quiet:
            print(f"gialint: {visible(say(message, **values).get(self.lang))}", file=sys.stderr)

    def complain(self, message: Text, /, **values: object) -> int:
        """One line on stderr that ends the run with exit code 2."""
        print(f"gialint: {say(message, **values).get(self.lang)}", file=sys.stderr)
        return EXIT_ERROR

    def error(self, path: str, message: Text) -> None:
        self.unreadable += 1
        self.output().error(FileError(path, message))
        print(f"gialint: {visible(shown(path))}: {visible(message.get(self.lang))}", file=sys.stderr)

    # ---------------------------------------------------------------- the output, as the run goes
    def output(self) -> Writer:
        """The run's writer, started when the first file is given to it: the format's writer; counts
        alone for --statistics (printed at the end) and --diff (which prints the diffs only)."""
        if self.writer is None:
            from gialint.report.stream import Writer, direct_layer, get_writer

            args = self.args
            if args.statistics or args.diff:
                self.writer = Writer(self.options, self.out)
            else:
                self.writer = get_writer(self.output_format(), self.options, self.out)
                if self.writer.apart:  # its parts, kept in UTF-8, are written as they are
                    self.writer.binary = direct_layer(self.out)
            self.writer.start()
        return self.writer

    def emit(self, result: LintResult) -> None:
        """A file's result, in the files' order: past the baseline, to the output."""
        baseline = self.baseline
        if baseline is not None:
            if self.args.update_baseline:
                self.for_baseline.append((result.path or "-", result.diagnostics))
            kept, hidden = baseline.filter(result.path or "-", result.diagnostics)
            self.baselined += hidden
            result = evolve(result, diagnostics=tuple(kept))
        self.output().result(result)

    def skip(self, path: str) -> None:
        self.skipped.add(path)

    # ---------------------------------------------------------------- one file
    def lint_file(self, path: str, settings: Settings) -> LintResult | None:
        # the linter is imported where a file is linted here: a run answered by the cache does without it
        from gialint.run.api import lint_path

        args = self.args
        try:
            if not (args.fix or args.diff):
                return lint_path(path, settings=settings, previous=args.previous)
            with budget(settings.limits):  # every pass of a fix within the file's time
                return self.fix_file(path, settings)
        except ReadError as error:
            self.error(path, error.text)
            return None
        except OSError as error:  # writing the fixed file or the .docx copy
            self.error(path, say(msg.FIX_CANNOT_WRITE, error=error.strerror or error))
            return None

    def fix_file(self, path: str, settings: Settings) -> LintResult:
        """--fix or --diff on one file: the fixes of the kinds gialint can write, else a plain check."""
        from gialint.run.api import lint_bytes

        args = self.args
        data = file_bytes(path, settings.limits)
        kind = kind_of(path, data)
        if kind in TEXT_KINDS:
            return self.fix_text_file(path, data, settings)
        if kind == ".docx":
            return self.diff_docx_file(path, data, settings) if args.diff else self.fix_docx_file(path, data, settings)
        self.say(msg.FIX_NOT_WRITTEN, path=path)
        return lint_bytes(data, path, settings=settings, previous=args.previous)

    def fix_text_file(self, path: str, data: bytes, settings: Settings) -> LintResult:
        """Fix a text or Markdown report: print the diff (--diff), or write it back (--fix; not for stdin)."""
        from gialint.base.files import write_atomic
        from gialint.fix.encoding import check_round_trip, encode_like
        from gialint.fix.fixer import fix_text
        from gialint.read.source import decode
        from gialint.run.api import lint_text

        source = decode(data)
        write = self.args.fix and not self.args.diff and path != "-" and not self.reading_stdin
        if write:
            check_round_trip(source.text, data, source.encoding)
        outcome = fix_text(
            source.text, lambda text: lint_text(text, path, settings=settings).diagnostics, self.args.unsafe_fixes
        )
        if outcome.changed:
            if write:  # before counting: a file that cannot be written is not fixed
                write_atomic(path, encode_like(outcome.text, data, source.encoding))
            self.changed_files += 1
            self.fixed += len(outcome.fixed)
            if not write:
                self.write_diff(source.text, outcome.text, path, path)
        return lint_text(outcome.text if write else source.text, path, settings=settings, previous=self.args.previous)

    def diff_docx_file(self, path: str, data: bytes, settings: Settings) -> LintResult:
        """--diff on a Word report: what --fix would write into its copy, as a unified diff of the
        text gialint reads (a table row per line: the changed cells); nothing is written."""
        from gialint.fix.docx import copy_path, docx_fixes
        from gialint.run.api import lint_bytes

        fixes = docx_fixes(path, data, settings, self.args.unsafe_fixes)
        if fixes.data is not None:
            self.changed_files += 1
            self.fixed += fixes.fixed
            self.write_diff(fixes.before, fixes.after, path, copy_path(path))
        return lint_bytes(data, path, settings=settings)

    def write_diff(self, before: str, after: str, old_name: str, new_name: str) -> None:
        """The change as a unified diff (``--diff``)."""
        import difflib

        lines = difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{old_name}", f"b/{new_name}"
        )
        self.out.writelines(lines)

    def fix_docx_file(self, path: str, data: bytes, settings: Settings) -> LintResult:
        """Fix a Word report into ``NAME.fixed.docx`` next to it; the original is not written."""
        from gialint.fix.docx import fix_docx

        copy, result, fixed = fix_docx(path, data, settings, self.args.unsafe_fixes)
        if copy is not None:
            self.changed_files += 1
            self.fixed += fixed
            self.say(msg.FIX_WROTE_COPY, path=path, copy=copy)
        return result

    # ---------------------------------------------------------------- the run
    def main(self) -> int:
        args = self.args
        overrides = {
            "select": split(args.select),
            "extend_select": split(args.extend_select),
            "ignore": split(args.ignore),
            "fail_on": args.fail_on,
            "lang": args.lang,
        }
        stdin = args.paths == ["-"] or (not args.paths and args.stdin_filename)
        if not args.paths and not stdin:
            return self.complain(msg.CLI_NO_PATHS)
        if "-" in args.paths and not stdin:
            return self.complain(msg.CLI_STDIN_WITH_PATHS)
        if stdin and args.fix:
            return self.complain(msg.CLI_FIX_STDIN)
        if args.previous and not os.path.isfile(args.previous):
            return self.complain(msg.CLI_NO_PREVIOUS, file=args.previous)
        if args.update_baseline and not args.baseline:
            return self.complain(msg.CLI_UPDATE_NEEDS_BASELINE)
        if args.unsafe_fixes and not (args.fix or args.diff):
            return self.complain(msg.CLI_UNSAFE_ALONE)
        if args.statistics and args.format not in (None, "full", "concise", "json"):
            return self.complain(msg.CLI_STATISTICS_FORMAT, format=args.format)
        from gialint.base.selection import SelectionError, check_selector
        from gialint.lint.registry import rule_index

        failures: tuple[type[Failure], ...] = (ConfigError, SelectionError)
        if args.baseline:
            from gialint.run.baseline import BaselineError

            failures += (BaselineError,)
        try:
            for entry in (*overrides["select"], *overrides["extend_select"], *overrides["ignore"]):
                check_selector(entry, rule_index().rules)
            resolver = Resolver(args.config, args.isolated, overrides)
            here = resolver.for_path(os.getcwd())
            self.lang = here.lang
            baseline = self.load_baseline()
        except failures as error:
            return self.complain(error.text)
        if args.format in BINARY and not args.output_file:
            return self.complain(msg.CLI_NEEDS_OUTPUT_FILE, what=f"--format {args.format}")
        if args.output_file and is_an_input(args.output_file, args.paths):
            return self.complain(msg.OUTPUT_IS_INPUT, file=args.output_file)
        try:
            self.out = (
                open(args.output_file, "w", encoding="utf-8", buffering=OUTPUT_BUFFER)  # noqa: SIM115
                if args.output_file
                else sys.stdout
            )
        except OSError as error:
            return self.complain(msg.FILE_UNWRITABLE, file=args.output_file, error=error.strerror)
        self.options = ReportOptions(here.lang, args.color, args.quiet, args.show_source, fail_on=here.fail_on)
        self.baseline = baseline
        try:
            code = self.check_all(resolver, here, baseline, bool(stdin))
        except ConfigError as error:
            return self.complain(error.text)
        finally:
            if self.out is not sys.stdout:
                self.out.close()
        return code

    def load_baseline(self) -> Baseline | None:
        file = self.args.baseline
        if not file:
            return None
        from gialint.run.baseline import Baseline

        if self.args.update_baseline and not os.path.exists(file):
            return Baseline(file)
        return Baseline.load(file)

    def check_all(self, resolver: Resolver, here: Settings, baseline: Baseline | None, stdin: bool) -> int:
        args = self.args
        force = args.force_exclude
        if stdin:
            self.reading_stdin = True
            name = args.stdin_filename or "-"
            settings = resolver.for_path(name if name != "-" else os.getcwd())
            if force and name != "-" and settings.is_excluded(name):
                return EXIT_OK
            from gialint.run.api import lint_bytes

            try:
                data = stream_bytes(getattr(sys.stdin, "buffer", None), settings.limits)
                if args.diff and kind_of(name, data) in TEXT_KINDS:
                    result: LintResult | None = self.fix_text_file(name, data, settings)
                else:
                    result = lint_bytes(data, name, settings=settings, previous=args.previous)
            except ReadError as error:
                self.error(name, error.text)
                result = None
            if result is not None:
                self.emit(result)
        else:
            found = Found(args.paths, resolver, force)
            if args.fix or args.diff:  # fixes write files: one at a time, in this process, without the cache
                for path, settings in found:
                    if found.may_skip(path) and self.not_a_report(path):
                        self.skip(path)
                        continue
                    result = self.lint_file(path, settings)
                    if result is not None:
                        self.emit(result)
            else:
                previous = (args.previous, resolver.for_path(args.previous)) if args.previous else None
                self.lint_many(found, previous)
            for few, message in ((found.unreadable, msg.SKIPPED_UNREADABLE), (found.special, msg.SKIPPED_SPECIAL)):
                self.note_files(message, few)
            if not found.count:
                self.complain(msg.NO_REPORT_FILES, extensions=", ".join(EXTENSIONS), paths=", ".join(args.paths))
            self.note_files(msg.SKIPPED_NOT_REPORTS, self.skipped)
        return self.finish(here, baseline)

    @staticmethod
    def not_a_report(path: str) -> bool:
        """Whether a file carries no sign of a report (one that cannot be read is left to the linter)."""
        from gialint.read.signs import bytes_have_report_sign

        try:
            return not bytes_have_report_sign(file_bytes(path))
        except ReadError:
            return False

    def note_files(self, message: Text, files: Few) -> None:
        """A note on some files, with their count and the first few named (none: no note)."""
        if files.count:
            names = both([shown(p) for p in files.first], SKIPPED_NAMED)
            self.say(message, count=files.count, names=names)

    def lint_many(self, found: Found, previous: tuple[str, Settings] | None = None) -> None:
        """Lint in worker processes with the result cache, each result given to the output in the
        files' order as soon as every earlier file is done (workers run at most a window of files
        ahead). The files ``found.may_skip`` names that do not look like reports are passed over. Each
        report is linted again with last year's: ``previous`` (path, settings), else the report of its
        agency for the year before found in the run (:func:`gialint.run.pairing.in_order`)."""
        from gialint.report.stream import renderer
        from gialint.run.batch import Batch, Skipped, default_jobs, default_window
        from gialint.run.cache import CacheError, open_cache
        from gialint.run.pairing import in_order
        from gialint.run.progress import progress
        from gialint.run.rendered import Rendered

        args = self.args
        cache = None
        if not args.no_cache:
            try:
                cache = open_cache(args.cache_dir)
            except CacheError as error:
                self.say(msg.CACHE_UNUSABLE, error=error.text)
        needs_text = self.output_format() in ("full", "html") or (
            self.output_format() == "concise" and args.show_source
        )
        render = None  # each report's part of the output, made apart and kept (gialint.run.rendered)
        if not (args.statistics or args.diff or needs_text) and self.baseline is None:
            render = renderer(self.output_format(), self.options)
        jobs = args.jobs or default_jobs()
        batch = Batch(jobs, cache, keep_text=needs_text, window=default_window(jobs), deferred=True, render=render)
        try:
            with progress(found.total, enabled=not args.quiet) as advance:
                outcomes = batch.run(found, found.may_skip)
                for outcome in in_order(outcomes, found.settings_of, previous, cache, batch.keep_text):
                    advance()
                    if isinstance(outcome, FileError):
                        self.error(outcome.path, outcome.message)
                    elif isinstance(outcome, Skipped):
                        self.skip(outcome.path)
                    elif isinstance(outcome, LintResult):
                        self.emit(outcome)
                    elif isinstance(outcome, Rendered):
                        self.output().rendered(outcome)
        finally:
            if cache is not None:
                cache.close()
                if cache.failure is not None:
                    self.say(msg.CACHE_STOPPED, error=cache.failure)

    def finish(self, here: Settings, baseline: Baseline | None) -> int:
        args = self.args
        if baseline is not None:
            from gialint.run.baseline import BaselineError

            if args.update_baseline:
                updated = baseline.updated(self.for_baseline)
                try:
                    updated.save()
                except BaselineError as error:
                    return self.complain(error.text)
                self.say(msg.BASELINE_WROTE, count=updated.total, file=baseline.file)
            if self.baselined and not args.update_baseline:
                self.say(msg.BASELINE_HIDDEN, count=self.baselined, file=baseline.file)
        writer = self.output()
        writer.finish()
        tally = writer.tally
        if args.diff:
            return EXIT_ERROR if self.unreadable else (EXIT_FINDINGS if self.changed_files else EXIT_OK)
        if args.fix and self.fixed:
            remaining = tally.findings
            self.say(msg.FIXED, fixed=self.fixed, files=self.changed_files, remaining=remaining)
        if args.statistics:
            print_statistics(tally, here.lang, args.format == "json", self.out)
        if self.unreadable:
            return EXIT_ERROR
        if args.exit_zero or args.update_baseline:
            return EXIT_OK
        threshold = here.fail_on
        return EXIT_FINDINGS if tally.at_or_above(threshold) else EXIT_OK

    def output_format(self) -> str:
        if self.args.format:
            return str(self.args.format)
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full"


def print_statistics(tally: Tally, lang: str, as_json: bool, out: TextIO) -> None:
    """Counts per rule, most frequent first: ``count  code  name  fixable``."""
    counts, fixable, severities = tally.by_rule, tally.fixable_by_code, tally.severity_of
    rows = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    if as_json:
        from gialint.report.json_format import dump_json

        data = [
            {"code": code, "name": name, "severity": severities[code].label, "count": n, "fixable": fixable[code]}
            for (code, name), n in rows
        ]
        dump_json(data, out)
        return
    width = max((len(str(n)) for _, n in rows), default=1)
    # the severity in a column as wide as its longest word (a Chinese character takes two columns)
    labels = severity_labels(lang)
    column = max(len(label.encode("gb18030")) for label in labels.values())
    for (code, name), n in rows:
        mark = f"  [{say(msg.STATISTICS_FIXABLE, count=fixable[code]).get(lang)}]" if fixable[code] else ""
        label = labels[severities[code]]
        pad = " " * (column - len(label.encode("gb18030")))
        out.write(f"{n:>{width}}  {code}  {label}{pad}  {name}{mark}\n")
    total = say(msg.STATISTICS_TOTAL, total=sum(counts.values()), errors=tally.unreadable)
    out.write(total.get(lang) + "\n")


def is_an_input(output: str, paths: Sequence[str]) -> bool:
    """Whether writing ``output`` would overwrite a report before it is read: a file named, or a
    report file under a directory named."""
    target = os.path.realpath(output)
    for path in paths:
        if path == "-":
            continue
        real = os.path.realpath(path)
        if real == target:
            return True
        if os.path.isdir(real) and target.startswith(os.path.join(real, "")) and target.lower().endswith(EXTENSIONS):
            return True
    return False
