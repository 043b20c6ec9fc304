"""How accurate gialint is on real reports: defects found, missed, and false alarms.

    python bench/accuracy.py [FOLDER] [--expectations FILE] [--gialint COMMAND] [--json] [-q | -v]

Runs gialint over the files a folder's expectations file lists (FOLDER/expected.json
unless ``--expectations`` names another; default folder: tests/fixtures/real) and prints,
per file and in total, the hand-verified defects gialint found and missed, its false
error-level findings, and its warnings that no expectation names. gialint runs in this
process through its library API (``gialint.lint_path``, no configuration files, no
cache); ``--gialint COMMAND`` runs a command instead (``COMMAND check --no-cache
--isolated --format json FILE`` per file), to measure another build or version.

The expectations file and what is counted are described in docs/accuracy.md. The exit
status is 0 whatever the figures are, and 2, with one line, when the folder, the
expectations file or the command cannot be used. tests/test_real.py asserts the same
expectations file on tests/fixtures/real with the same matching (:func:`score`).
"""

from __future__ import annotations

import argparse
import json
import shlex
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gialint.base.diagnostic import Diagnostic

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = ROOT / "tests" / "fixtures" / "real"
ENTRY_KEYS = frozenset({"file", "clean", "expect", "allowed_errors", "false", "exit", "not_a_report"})
EXPECT_KEYS = frozenset({"code", "place", "what"})
NOT_A_REPORT = "GIA206"
UNREADABLE_EXIT = 2


class UsageError(Exception):
    """The folder, the expectations file or the gialint command cannot be used (one line)."""


@dataclass(frozen=True)
class Expected:
    """One hand-verified defect: a finding with one of ``codes`` whose place starts with ``place``."""

    codes: tuple[str, ...]  # empty: no rule is named (a check gialint does not have)
    place: tuple[str, ...] = ()
    what: str = ""

    def matches(self, finding: Finding) -> bool:
        return finding.code in self.codes and finding.place[: len(self.place)] == self.place

    def describe(self) -> str:
        text = "/".join(self.codes) or "(no code)"
        if self.place:
            text += " at " + "/".join(self.place)
        return text + (f" ({self.what})" if self.what else "")


@dataclass(frozen=True)
class Entry:
    """What a file of the folder must give (one object of the expectations file)."""

    file: str
    clean: bool = False
    expect: tuple[Expected, ...] = ()
    allowed_errors: frozenset[str] = frozenset()
    false: tuple[str, ...] = ()  # notes: false alarms seen before, for people
    exit: int | None = None
    not_a_report: bool = False


@dataclass(frozen=True)
class Finding:
    """A diagnostic as the accuracy count needs it."""

    code: str
    severity: str  # error | warning | info
    place: tuple[str, ...]
    message: str
    line: int

    def describe(self) -> str:
        return f"{self.code} {'/'.join(self.place)} (line {self.line}): {self.message}"


@dataclass(frozen=True)
class Run:
    """What gialint gave on one file: its findings, or why it read nothing."""

    findings: tuple[Finding, ...] = ()
    unreadable: str | None = None  # gialint's one line when the file could not be read (exit 2)
    crash: str | None = None  # anything else that went wrong: a traceback, a bad output
    seconds: float = 0.0

    @property
    def exit(self) -> int:
        """The exit status ``gialint check`` gives for this run with its default settings."""
        if self.unreadable is not None or self.crash is not None:
            return UNREADABLE_EXIT
        return 1 if any(f.severity == "error" for f in self.findings) else 0


@dataclass
class Score:
    """One file's figures. ``expected`` counts what was asserted: every finding of ``expect``
    whose codes name a rule gialint has, an expected exit status, and "not a report"."""

    file: str
    expected: int = 0
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    not_counted: list[str] = field(default_factory=list)  # expected findings of rules not written yet
    false_errors: list[str] = field(default_factory=list)
    other_warnings: list[str] = field(default_factory=list)  # warnings no expectation names
    failure: str | None = None  # read error or crash on a file that should be read
    seconds: float = 0.0

    @property
    def false_alarm_free(self) -> bool:
        return not self.false_errors and self.failure is None


# --- the expectations file -------------------------------------------------------------


def _strings(value: Any, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise UsageError(f"{what} must be a string or a list of strings, not {value!r}")


def _expected(data: Any, where: str) -> Expected:
    if not isinstance(data, dict):
        raise UsageError(f"{where}: each item of 'expect' must be an object, not {data!r}")
    unknown = set(data) - EXPECT_KEYS
    if unknown:
        raise UsageError(f"{where}: unknown key {sorted(unknown)[0]!r} in 'expect' (known: code, place, what)")
    code = data.get("code")
    codes = () if code is None else _strings(code, f"{where}: 'code'")
    what = data.get("what", "")
    if not isinstance(what, str):
        raise UsageError(f"{where}: 'what' must be a string")
    return Expected(codes, _strings(data.get("place", []), f"{where}: 'place'"), what)


def _entry(data: Any, index: int) -> Entry:
    if not isinstance(data, dict) or not isinstance(data.get("file"), str):
        raise UsageError(f"entry {index + 1}: must be an object with a 'file' name")
    where = data["file"]
    unknown = set(data) - ENTRY_KEYS
    if unknown:
        raise UsageError(f"{where}: unknown key {sorted(unknown)[0]!r} (known: {', '.join(sorted(ENTRY_KEYS))})")
    for key in ("clean", "not_a_report"):
        if not isinstance(data.get(key, False), bool):
            raise UsageError(f"{where}: {key!r} must be true or false")
    exit_status = data.get("exit")
    if exit_status is not None and (type(exit_status) is not int or exit_status not in (0, 1, 2)):
        raise UsageError(f"{where}: 'exit' must be 0, 1 or 2")
    expect = data.get("expect", [])
    if not isinstance(expect, list):
        raise UsageError(f"{where}: 'expect' must be a list")
    return Entry(
        file=where,
        clean=data.get("clean", False),
        expect=tuple(_expected(x, where) for x in expect),
        allowed_errors=frozenset(_strings(data.get("allowed_errors", []), f"{where}: 'allowed_errors'")),
        false=_strings(data.get("false", []), f"{where}: 'false'"),
        exit=exit_status,
        not_a_report=data.get("not_a_report", False),
    )


def load_expectations(path: Path, folder: Path) -> list[Entry]:
    """The entries of an expectations file; :class:`UsageError` when it or a file it names is unusable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))  # a BOM, as Windows editors write it, is fine
    except OSError as e:
        raise UsageError(f"cannot read the expectations file {path}: {e.strerror or e}") from None
    except (ValueError, UnicodeDecodeError) as e:
        raise UsageError(f"the expectations file {path} is not JSON: {e}") from None
    entries = entries_from(data, str(path))
    for entry in entries:
        if not (folder / entry.file).is_file():
            raise UsageError(f"{entry.file}: no such file in {folder}")
    return entries


def entries_from(data: Any, source: str) -> list[Entry]:
    """The entries of expectations read from JSON (``source`` names it in messages)."""
    if not isinstance(data, list):
        raise UsageError(f"the expectations file {source} must hold a list of entries")
    entries = [_entry(item, i) for i, item in enumerate(data)]
    seen: set[str] = set()
    for entry in entries:
        if entry.file in seen:
            raise UsageError(f"{entry.file}: listed twice in {source}")
        seen.add(entry.file)
    return entries


# --- running gialint ---------------------------------------------------------------------


def _finding(d: Diagnostic) -> Finding:
    return Finding(d.code, d.severity.label, d.place, d.message.zh, d.span.line)


def lint(path: Path) -> Run:
    """Lint ``path`` with this interpreter's gialint (default settings, no configuration file).

    A file gialint cannot read gives a run with ``unreadable`` set; any other exception
    propagates (tests/test_real.py wants its traceback).
    """
    import gialint

    start = time.perf_counter()
    try:
        result = gialint.lint_path(path)
    except gialint.ReadError as e:
        return Run(unreadable=str(e), seconds=time.perf_counter() - start)
    return Run(tuple(_finding(d) for d in result.diagnostics), seconds=time.perf_counter() - start)


def run_in_process(path: Path) -> Run:
    """:func:`lint`, with a crash recorded as a measured failure rather than ending the measurement."""
    start = time.perf_counter()
    try:
        return lint(path)
    except Exception as e:
        return Run(crash=f"{type(e).__name__}: {e}", seconds=time.perf_counter() - start)


def command_runner(command: str) -> Callable[[Path], Run]:
    """A runner that starts ``command check --no-cache --isolated --format json FILE`` per file."""
    argv = shlex.split(command)
    if not argv:
        raise UsageError("--gialint needs a command")

    def run(path: Path) -> Run:
        start = time.perf_counter()
        try:
            done = subprocess.run(
                [*argv, "check", "--no-cache", "--isolated", "--format", "json", str(path)],
                capture_output=True,
                timeout=600,
            )
        except subprocess.TimeoutExpired:
            return Run(crash="timed out after 600 s", seconds=time.perf_counter() - start)
        seconds = time.perf_counter() - start
        out = done.stdout.decode("utf-8", "replace")
        err = done.stderr.decode("utf-8", "replace")
        if "Traceback (most recent call last)" in out + err:
            return Run(crash=err.strip().splitlines()[-1] if err.strip() else "traceback", seconds=seconds)
        try:
            data = json.loads(out)
            diagnostics = data["diagnostics"]
            errors = data.get("errors") or []
        except (ValueError, KeyError, TypeError):
            return Run(crash=f"exit {done.returncode}, no JSON output: {err.strip()[:200]}", seconds=seconds)
        if done.returncode == UNREADABLE_EXIT:
            return Run(unreadable=errors[0]["message"] if errors else err.strip(), seconds=seconds)
        findings = tuple(
            Finding(d["code"], d["severity"], tuple(d.get("place") or ()), d["message"], d["line"]) for d in diagnostics
        )
        return Run(findings, seconds=seconds)

    return run


def rule_codes_in_process() -> frozenset[str]:
    from gialint.lint.registry import all_rules

    return frozenset(rule.code for rule in all_rules())


def rule_codes_of(command: str) -> frozenset[str]:
    """The codes of the rules ``command`` has (``command rules --format json``)."""
    try:
        done = subprocess.run([*shlex.split(command), "rules", "--format", "json"], capture_output=True, timeout=120)
        return frozenset(rule["code"] for rule in json.loads(done.stdout))
    except (OSError, subprocess.TimeoutExpired, ValueError, KeyError, TypeError) as e:
        raise UsageError(f"cannot list the rules of {command!r}: {e}") from None


# --- counting ------------------------------------------------------------------------------


def score(entry: Entry, run: Run, rule_codes: frozenset[str]) -> Score:
    """Compare one file's run with its entry.

    An expected finding is found when some finding has one of its codes and a place that
    starts with its place. A false error is an error-level finding that matches no expected
    finding, is not in ``allowed_errors`` and is not GIA206 on a file that is not a report;
    other warnings are warning-level findings that match no expected finding.
    """
    result = Score(entry.file, seconds=run.seconds)
    expected_to_fail = entry.exit == UNREADABLE_EXIT

    def tally(ok: bool, what: str) -> None:
        result.expected += 1
        (result.found if ok else result.missed).append(what)

    if entry.exit is not None:
        tally(run.exit == entry.exit, f"exit {entry.exit}")
    if entry.not_a_report:
        tally(run.exit == UNREADABLE_EXIT or any(f.code == NOT_A_REPORT for f in run.findings), "not a report")
    counted = []
    for x in entry.expect:
        if not set(x.codes) & rule_codes:
            result.not_counted.append(x.describe())
            continue
        counted.append(x)
        tally(any(x.matches(f) for f in run.findings), x.describe())
    if run.crash is not None:
        result.failure = f"crash: {run.crash}"
    elif run.unreadable is not None and not (expected_to_fail or entry.not_a_report):
        result.failure = f"unreadable: {run.unreadable}"
    for f in run.findings:
        if any(x.matches(f) for x in counted) or (entry.not_a_report and f.code == NOT_A_REPORT):
            continue
        if f.severity == "error" and f.code not in entry.allowed_errors:
            result.false_errors.append(f.describe())
        elif f.severity == "warning":
            result.other_warnings.append(f.describe())
    return result


def measure(
    folder: Path, entries: Sequence[Entry], runner: Callable[[Path], Run], rule_codes: frozenset[str]
) -> list[Score]:
    return [score(entry, runner(folder / entry.file), rule_codes) for entry in entries]


def totals(scores: Sequence[Score]) -> dict[str, int]:
    return {
        "files": len(scores),
        "expected": sum(s.expected for s in scores),
        "found": sum(len(s.found) for s in scores),
        "missed": sum(len(s.missed) for s in scores),
        "not_counted": sum(len(s.not_counted) for s in scores),
        "false_errors": sum(len(s.false_errors) for s in scores),
        "other_warnings": sum(len(s.other_warnings) for s in scores),
        "failures": sum(s.failure is not None for s in scores),
        "files_without_false_errors": sum(s.false_alarm_free for s in scores),
    }


def by_folder(scores: Sequence[Score]) -> dict[str, list[Score]]:
    """The scores grouped by the folder their file is in ("" for the top of the folder)."""
    groups: dict[str, list[Score]] = {}
    for s in scores:
        groups.setdefault(s.file.rpartition("/")[0], []).append(s)
    return groups


# --- output --------------------------------------------------------------------------------


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f} %" if whole else "-"


def text_report(scores: Sequence[Score], quiet: bool = False, warnings: bool = False) -> str:
    lines = []
    width = max((len(s.file) for s in scores), default=4)
    for s in scores:
        lines.append(
            f"{s.file:<{width}}  found {len(s.found)}/{s.expected}  missed {len(s.missed)}  "
            f"false errors {len(s.false_errors)}  other warnings {len(s.other_warnings)}  {s.seconds:.2f} s"
        )
        if quiet:
            continue
        details = [f"failure   {s.failure}"] if s.failure else []
        details += [f"missed    {m}" for m in s.missed]
        details += [f"false     {f}" for f in s.false_errors]
        details += [f"not counted (no such rule yet): {n}" for n in s.not_counted]
        details += [f"warning   {w}" for w in s.other_warnings] if warnings else []
        lines += ["    " + d for d in details]
    groups = by_folder(scores)
    if len(groups) > 1:  # files in subfolders (by source, say): a total for each
        lines += [_total_line(f"total in {folder or '.'}/", group) for folder, group in groups.items()]
    lines.append(_total_line("total", scores))
    return "\n".join(lines)


def _total_line(name: str, scores: Sequence[Score]) -> str:
    t = totals(scores)
    return (
        f"{name}: expected findings found {t['found']}/{t['expected']} ({_percent(t['found'], t['expected'])}), "
        f"missed {t['missed']}; false errors {t['false_errors']}; other warnings {t['other_warnings']}; "
        f"files without false errors {t['files_without_false_errors']}/{t['files']}"
        + (f"; files that failed to read or crashed {t['failures']}" if t["failures"] else "")
        + (f"; not counted (no rule yet) {t['not_counted']}" if t["not_counted"] else "")
    )


def json_report(scores: Sequence[Score], gialint: str) -> str:
    return json.dumps(
        {
            "gialint": gialint,
            "files": [asdict(s) for s in scores],
            "folders": {folder: totals(group) for folder, group in by_folder(scores).items()},
            "total": totals(scores),
        },
        ensure_ascii=False,
        indent=1,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], prog="accuracy.py")
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER, help="folder of reports")
    parser.add_argument("--expectations", type=Path, help="expectations file (default: FOLDER/expected.json)")
    parser.add_argument("--gialint", metavar="COMMAND", help="run this gialint command instead of the library")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("-q", "--quiet", action="store_true", help="one line per file, no details")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the other warnings too")
    args = parser.parse_args(argv)
    try:
        if not args.folder.is_dir():
            raise UsageError(f"{args.folder}: not a folder")
        entries = load_expectations(args.expectations or args.folder / "expected.json", args.folder)
        if args.gialint:
            codes, runner, version = rule_codes_of(args.gialint), command_runner(args.gialint), args.gialint
        else:
            import gialint

            gialint.lint_text("")  # load the parser and the rules now, not inside the first file's time
            codes, runner, version = rule_codes_in_process(), run_in_process, f"gialint {gialint.__version__}"
    except UsageError as e:
        print(f"accuracy.py: {e}", file=sys.stderr)
        return 2
    scores = measure(args.folder, entries, runner, codes)
    print(json_report(scores, version) if args.json else text_report(scores, args.quiet, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
