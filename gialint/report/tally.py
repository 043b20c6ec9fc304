"""The counts of a run, kept as its results go by: what a closing summary, ``--statistics``, the
GitHub job summary or the exit code need, without keeping a result or a report's text."""

from __future__ import annotations

from collections import Counter

from gialint.base.diagnostic import Diagnostic, Severity
from gialint.lint.result import LintResult

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
        self.first: dict[str, Diagnostic] = {}  # code: its first finding (name, severity)
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
        self.checked += 1
        diagnostics = result.diagnostics
        if not diagnostics:
            return
        fixed_kind = result.file_format in FIXED_FORMATS
        failing = False
        for d in diagnostics:
            self.by_severity[d.severity] += 1
            self.by_rule[(d.code, d.name)] += 1
            self.first.setdefault(d.code, d)
            self.severity_of[d.code] = d.severity
            if d.fix is not None:
                self.fixable_by_code[d.code] += 1
                self.fixable_here += fixed_kind and d.fix.is_safe
            failing = failing or d.severity >= self.fail_on
        self.failing += failing
        self.files_by_code.update({d.code for d in diagnostics})

    def add_unreadable(self) -> None:
        self.unreadable += 1

    def at_or_above(self, threshold: Severity) -> bool:
        """Whether any finding is at or above ``threshold``."""
        return any(n and severity >= threshold for severity, n in self.by_severity.items())
