"""The counts of a run, kept as its results go by: what a closing summary, ``--statistics``, the
GitHub job summary or the exit code need, without keeping a result or a report's text."""

from __future__ import annotations

from collections import Counter

from gialint.base.diagnostic import Severity
from gialint.lint.result import LintResult
from gialint.run.rendered import NO_FIX, SAFE_FIX, SEVERITIES, Counted, counted

#: The kinds of report ``--fix`` writes: text, Markdown and (into a copy) Word; .html and .pdf are what was published.
FIXED_FORMATS = ("text", "markdown", "docx")


class Tally:
    """Counters over the results and unreadable files of a run, added one at a time."""

    def __init__(self, fail_on: Severity = Severity.ERROR) -> None:
        self.fail_on = fail_on
        self.checked = 0  # files read and linted
        self.unreadable = 0
        self.by_severity: Counter[Severity] = Counter()
        self.by_rule: Counter[tuple[str, str]] = Counter()  # (code, name): findings
        self.files_by_code: Counter[str] = Counter()  # code: files with a finding of it
        self.fixable_by_code: Counter[str] = Counter()  # code: findings with a fix
        self.fixable_here = 0  # safe fixes --fix would write (FIXED_FORMATS)
        self.failing = 0  # files with a finding at or above fail_on
        self.first: dict[str, tuple[str, Severity]] = {}  # code: its first finding's name and severity
        self.severity_of: dict[str, Severity] = {}  # code: the severity of its last finding

    @property
    def files(self) -> int:
        return self.checked + self.unreadable

    @property
    def findings(self) -> int:
        return sum(self.by_severity.values())

    def totals(self) -> dict[str, int]:
        """The run's counts, as the summaries name them: ``files`` (checked or not), ``total``
        (findings), ``errors``, ``warnings``, ``infos`` (findings by severity) and ``unreadable``."""
        counts = self.by_severity
        return {
            "files": self.files,
            "total": self.findings,
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "infos": counts[Severity.INFO],
            "unreadable": self.unreadable,
        }

    def add(self, result: LintResult) -> None:
        self.add_counted(result.file_format, counted(result) if result.diagnostics else ())

    def add_counted(self, file_format: str, findings: tuple[Counted, ...]) -> None:
        """Count a checked file of kind ``file_format`` with ``findings``
        (:func:`gialint.run.rendered.counted`)."""
        self.checked += 1
        if not findings:
            return
        fixed_kind = file_format in FIXED_FORMATS
        by_severity, by_rule, first, severity_of = self.by_severity, self.by_rule, self.first, self.severity_of
        codes = set()
        for number, code, name, fix in findings:
            severity = SEVERITIES[number]
            by_severity[severity] += 1
            by_rule[code, name] += 1
            if code not in first:
                first[code] = (name, severity)
            severity_of[code] = severity
            codes.add(code)
            if fix != NO_FIX:
                self.fixable_by_code[code] += 1
                self.fixable_here += fixed_kind and fix == SAFE_FIX
        # the findings' severities, as numbers, lead their tuples: the largest tuple has the worst
        self.failing += SEVERITIES[max(findings)[0]] >= self.fail_on
        files_by_code = self.files_by_code
        for code in codes:
            files_by_code[code] += 1

    def add_unreadable(self) -> None:
        self.unreadable += 1

    def at_or_above(self, threshold: Severity) -> bool:
        """Whether any finding is at or above ``threshold``."""
        return any(n and severity >= threshold for severity, n in self.by_severity.items())
