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

from gialint.config import ConfigError, Resolver, Settings
from gialint.lint.result import LintResult
from gialint.read import EXTENSIONS, file_bytes, kind_of, stream_bytes
from gialint.read.limits import budget
from gialint.read.source import ReadError
from gialint.report import BINARY, FileError, ReportOptions, shown, visible
from gialint.run.discover import UNREADABLE, iter_found

if TYPE_CHECKING:
    from gialint.base.diagnostic import Diagnostic
    from gialint.report.stream import Writer
    from gialint.report.tally import Tally
    from gialint.run.baseline import Baseline

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
TEXT_KINDS = (".txt", ".text", ".md", ".markdown")
#: Skipped files named in the note, at most.
SKIPPED_NAMED = 3


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
        self.skipped: list[str] = []  # the first few files found under a directory that do not look like reports
        self.skipped_count = 0
        self.fixed = 0
        self.changed_files = 0
        self.baselined = 0
        self.out: TextIO = sys.stdout
        self.reading_stdin = False

    def say(self, message: str) -> None:
        if not self.args.quiet:
            print(f"gialint: {visible(message)}", file=sys.stderr)

    def error(self, path: str, message: str) -> None:
        self.unreadable += 1
        self.output().error(FileError(path, message))
        print(f"gialint: {visible(shown(path))}: {visible(message)}", file=sys.stderr)

    # ---------------------------------------------------------------- the output, as the run goes
    def output(self) -> Writer:
        """The run's writer, started when the first file is given to it: the format's writer; counts
        alone for --statistics (printed at the end) and --diff (which prints the diffs only)."""
        if self.writer is None:
            from gialint.report.stream import Writer, get_writer

            args = self.args
            if args.statistics or args.diff:
                self.writer = Writer(self.options, self.out)
            else:
                self.writer = get_writer(self.output_format(), self.options, self.out)
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
        self.skipped_count += 1
        if len(self.skipped) <= SKIPPED_NAMED:
            self.skipped.append(path)

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
            self.error(path, str(error))
            return None
        except OSError as error:  # writing the fixed file or the .docx copy
            self.error(path, f"cannot write the fixed file: {error.strerror or error}")
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
        self.say(
            f"{path}: fixes are made in text and Markdown reports (and .docx, as a copy, with --fix); checked as it is"
        )
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
            self.say(f"{path}: wrote the corrected copy {copy}; the original is unchanged")
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
            print(
                "gialint: give report files or directories, or - (with --stdin-filename) to read stdin", file=sys.stderr
            )
            return EXIT_ERROR
        if "-" in args.paths and not stdin:
            print("gialint: - (standard input) cannot be combined with other paths", file=sys.stderr)
            return EXIT_ERROR
        if stdin and args.fix:
            print("gialint: --fix cannot change standard input; use --diff to see the fixes", file=sys.stderr)
            return EXIT_ERROR
        if args.previous and not os.path.isfile(args.previous):
            print(f"gialint: --previous {args.previous}: no such file", file=sys.stderr)
            return EXIT_ERROR
        if args.update_baseline and not args.baseline:
            print("gialint: --update-baseline needs --baseline FILE", file=sys.stderr)
            return EXIT_ERROR
        if args.unsafe_fixes and not (args.fix or args.diff):
            print("gialint: --unsafe-fixes applies with --fix or --diff", file=sys.stderr)
            return EXIT_ERROR
        if args.statistics and args.format not in (None, "full", "concise", "json"):
            print(
                f"gialint: --statistics prints a table (or JSON with --format json), not {args.format}", file=sys.stderr
            )
            return EXIT_ERROR
        from gialint.base.selection import SelectionError, check_selector
        from gialint.lint.registry import rule_index

        failures: tuple[type[Exception], ...] = (ConfigError, SelectionError)
        if args.baseline:
            from gialint.run.baseline import BaselineError

            failures += (BaselineError,)
        try:
            for entry in (*overrides["select"], *overrides["extend_select"], *overrides["ignore"]):
                check_selector(entry, rule_index().rules)
            resolver = Resolver(args.config, args.isolated, overrides)
            here = resolver.for_path(os.getcwd())
            baseline = self.load_baseline()
        except failures as error:
            print(f"gialint: {error}", file=sys.stderr)
            return EXIT_ERROR
        if args.format in BINARY and not args.output_file:
            print(
                f"gialint: --format {args.format} writes a file: name it with -o FILE"
                if args.lang == "en"
                else f"gialint: --format {args.format} 输出到文件：请用 -o FILE 指定",
                file=sys.stderr,
            )
            return EXIT_ERROR
        if args.output_file and is_an_input(args.output_file, args.paths):
            print(f"gialint: {args.output_file}: the output file is one of the files checked", file=sys.stderr)
            return EXIT_ERROR
        try:
            self.out = open(args.output_file, "w", encoding="utf-8") if args.output_file else sys.stdout  # noqa: SIM115
        except OSError as error:
            print(f"gialint: {args.output_file}: cannot write: {error.strerror}", file=sys.stderr)
            return EXIT_ERROR
        self.options = ReportOptions(here.lang, args.color, args.quiet, args.show_source, fail_on=here.fail_on)
        self.baseline = baseline
        try:
            code = self.check_all(resolver, here, baseline, bool(stdin))
        except ConfigError as error:
            print(f"gialint: {error}", file=sys.stderr)
            return EXIT_ERROR
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
                self.error(name, str(error))
                result = None
            if result is not None:
                self.emit(result)
        else:
            from gialint.read.signs import skippable

            passed: list[str] = []  # found under a directory and not checked
            found = list(
                iter_found(args.paths, lambda p, is_dir: resolver.for_path(p, is_dir).is_excluded(p), passed.append)
            )
            self.note_passed_over(passed, here.lang)
            files = [path for path, _ in found]
            # a text or Markdown file found under a directory is passed over when it is not a report;
            # with --force-exclude (files passed by a tool such as pre-commit) a named one is too
            may_skip = {path for path, in_directory in found if (in_directory or force) and skippable(path)}
            if not files:
                print(
                    f"gialint: no report files ({', '.join(EXTENSIONS)}) under {', '.join(args.paths)}", file=sys.stderr
                )
            items = [(path, resolver.for_path(path)) for path in files]
            if force:
                items = [(path, settings) for path, settings in items if not settings.is_excluded(path)]
            if args.fix or args.diff:  # fixes write files: one at a time, in this process, without the cache
                for path, settings in items:
                    if path in may_skip and self.not_a_report(path):
                        self.skip(path)
                        continue
                    result = self.lint_file(path, settings)
                    if result is not None:
                        self.emit(result)
            else:
                previous = (args.previous, resolver.for_path(args.previous)) if args.previous else None
                self.lint_many(items, may_skip, previous)
            self.note_skipped(here.lang)
        return self.finish(here, baseline)

    @staticmethod
    def not_a_report(path: str) -> bool:
        """Whether a file carries no sign of a report (one that cannot be read is left to the linter)."""
        from gialint.read.signs import bytes_have_report_sign

        try:
            return not bytes_have_report_sign(file_bytes(path))
        except ReadError:
            return False

    def note_passed_over(self, passed: list[str], lang: str) -> None:
        """One line for each kind of file a directory run found and could not check."""
        unreadable = [p for p in passed if p.lower().endswith(UNREADABLE)]
        special = [p for p in passed if not p.lower().endswith(UNREADABLE)]
        for files, en, zh in (
            (
                unreadable,
                "files gialint cannot check (save .doc and .wps as .docx; .xls, .ofd, images are not report documents)",
                "个无法检查的文件（.doc、.wps 请另存为 .docx；.xls、.ofd、图片等不是报告文档）",
            ),
            (special, "files that are not regular files (FIFOs, devices)", "个不是普通文件的文件（FIFO、设备等）"),
        ):
            if files:
                names = _first_named(files, lang)
                self.say(f"skipped {len(files)} {en}: {names}" if lang == "en" else f"跳过 {len(files)} {zh}：{names}")

    def note_skipped(self, lang: str) -> None:
        """One line for the files passed over, naming the first few."""
        if not self.skipped:
            return
        count, names = self.skipped_count, _first_named(self.skipped, lang)
        if lang == "en":
            self.say(f"skipped {count} .md/.txt files that do not look like reports ({names}); name a file to check it")
        else:
            self.say(f"跳过 {count} 个不像年度报告的 .md/.txt 文件（{names}）；在命令行中写出文件名即可检查")

    def lint_many(
        self, items: list[tuple[str, Settings]], may_skip: set[str], previous: tuple[str, Settings] | None = None
    ) -> None:
        """Lint in worker processes with the result cache, each result given to the output in the
        files' order as soon as every earlier file is done (workers run at most a window of files
        ahead). The files of ``may_skip`` that do not look like reports are passed over. Each report
        is linted again with last year's: ``previous`` (path, settings), else the report of its
        agency for the year before found in the run (:func:`gialint.run.pairing.in_order`)."""
        from gialint.run.batch import Batch, Skipped, default_jobs, default_window
        from gialint.run.cache import CacheError, open_cache
        from gialint.run.pairing import in_order
        from gialint.run.progress import progress

        args = self.args
        cache = None
        if not args.no_cache:
            try:
                cache = open_cache(args.cache_dir)
            except CacheError as error:
                self.say(f"the result cache cannot be used ({error}); checking without it")
        needs_text = self.output_format() in ("full", "html") or (
            self.output_format() == "concise" and args.show_source
        )
        jobs = args.jobs or default_jobs()
        batch = Batch(jobs, cache, keep_text=needs_text, window=default_window(jobs))
        try:
            with progress(len(items), enabled=not args.quiet and len(items) > 1) as advance:
                found = batch.run(items, may_skip.__contains__ if may_skip else None)
                for outcome in in_order(found, items, previous, cache, batch.keep_text):
                    advance()
                    if isinstance(outcome, FileError):
                        self.error(outcome.path, outcome.message)
                    elif isinstance(outcome, Skipped):
                        self.skip(outcome.path)
                    elif isinstance(outcome, LintResult):
                        self.emit(outcome)
        finally:
            if cache is not None:
                cache.close()
                if cache.failure is not None:
                    self.say(f"the result cache stopped working ({cache.failure}); results were not cached")

    def finish(self, here: Settings, baseline: Baseline | None) -> int:
        args = self.args
        if baseline is not None:
            from gialint.run.baseline import BaselineError

            if args.update_baseline:
                updated = baseline.updated(self.for_baseline)
                try:
                    updated.save()
                except BaselineError as error:
                    print(f"gialint: {error}", file=sys.stderr)
                    return EXIT_ERROR
                self.say(f"wrote {updated.total} findings to the baseline {baseline.file}")
            if self.baselined and not args.update_baseline:
                self.say(f"{self.baselined} findings recorded in the baseline {baseline.file} are not shown")
        writer = self.output()
        writer.finish()
        tally = writer.tally
        if args.diff:
            return EXIT_ERROR if self.unreadable else (EXIT_FINDINGS if self.changed_files else EXIT_OK)
        if args.fix and self.fixed:
            remaining = tally.findings
            files = self.changed_files
            self.say(
                f"fixed {self.fixed} finding{'s' if self.fixed != 1 else ''} in {files} file{'s' if files != 1 else ''}"
                f" ({self.fixed} fixed, {remaining} remaining)"
                if here.lang == "en"
                else f"已修复 {files} 个文件中的 {self.fixed} 个问题，尚余 {remaining} 个"
            )
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
    for (code, name), n in rows:
        mark = f"  [{'可修复' if lang != 'en' else 'fixable'} {fixable[code]}]" if fixable[code] else ""
        out.write(f"{n:>{width}}  {code}  {severities[code].label:<7}  {name}{mark}\n")
    total = sum(counts.values())
    out.write(f"{'共' if lang != 'en' else 'Total:'} {total}{' 个问题' if lang != 'en' else ''}")
    out.write(f"，{tally.unreadable} 个文件无法读取\n" if lang != "en" else f", {tally.unreadable} unreadable files\n")


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


def _first_named(files: Sequence[str], lang: str) -> str:
    """The first few of ``files``, as a note names them ("a.doc、b.xls等" / "a.doc, b.xls, …")."""
    named = [shown(p) for p in files[:SKIPPED_NAMED]]
    more = len(files) > len(named)
    return "、".join(named) + ("等" if more else "") if lang != "en" else ", ".join(named) + (", …" if more else "")
