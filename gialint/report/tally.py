"""The counts of a run, kept as its results go by: what a closing summary, ``--statistics``, the
GitHub job summary or the exit code need, without keeping a result or a report's text."""

from __future__ import annotations

import operator
from collections import Counter
from collections.abc import Callable
from typing import TypeVar

from gialint.base.diagnostic import Severity
from gialint.lint.result import LintResult
from gialint.run.rendered import NO_FIX, SAFE_FIX, SEVERITIES, Counted, counted

_SEVERITY, _CODE, _FIX = operator.itemgetter(0), operator.itemgetter(1), operator.itemgetter(3)
_Key = TypeVar("_Key")

#: The kinds of report ``--fix`` writes: text, Markdown and (into a copy) Word; .html and .pdf are what was published.
FIXED_FORMATS = ("text", "markdown", "docx")


class Tally:
    """Counters over the results and unreadable files of a run, added one at a time.

    A file's findings are counted as the tuples they come as (:data:`Counted`), one count each,
    and its codes by ``zip`` and ``map``: a warm run over the benchmark's 10,000 reports adds some
    45,000 findings, and counting each by severity, rule, fix and code (six to eight dictionary
    updates a finding) took 34 ms of it, against 27 ms so. The counts by severity, rule and fix
    are read off the tuples' counts when asked, at the end of a run."""

    def __init__(self, fail_on: Severity = Severity.ERROR) -> None:
        self.fail_on = fail_on
        self.checked = 0  # files read and linted
        self.unreadable = 0
        self.fixable_here = 0  # safe fixes --fix would write (FIXED_FORMATS)
        self.failing = 0  # files with a finding at or above fail_on
        # every finding, as the tuple it came as, counted; in the order each was first seen
        self._found: dict[Counted, int] = {}
        self._files_by_code: dict[str, int] = {}
        self._last_severity: dict[str, int] = {}  # code: the severity (number) of its last finding

    @property
    def files(self) -> int:
        return self.checked + self.unreadable

    @property
    def findings(self) -> int:
        return sum(self._found.values())

    @property
    def files_by_code(self) -> Counter[str]:
        """Each code's files with a finding of it."""
        return Counter(self._files_by_code)

    def _counted_by(self, key: Callable[[Counted], _Key | None]) -> Counter[_Key]:
        """The findings counted by ``key`` of each (None: not counted)."""
        counts: Counter[_Key] = Counter()
        for finding, count in self._found.items():
            found = key(finding)
            if found is not None:
                counts[found] += count
        return counts

    @property
    def by_severity(self) -> Counter[Severity]:
        """Findings by severity."""
        return self._counted_by(lambda f: SEVERITIES[f[0]])

    @property
    def by_rule(self) -> Counter[tuple[str, str]]:
        """Findings by rule, as (code, name)."""
        return self._counted_by(lambda f: (f[1], f[2]))

    @property
    def fixable_by_code(self) -> Counter[str]:
        """Findings with a fix, by code."""
        return self._counted_by(lambda f: f[1] if f[3] != NO_FIX else None)

    @property
    def first(self) -> dict[str, tuple[str, Severity]]:
        """Each code's first finding's name and severity, in the order the codes were first found."""
        found: dict[str, tuple[str, Severity]] = {}
        for number, code, name, _ in self._found:
            if code not in found:
                found[code] = (name, SEVERITIES[number])
        return found

    @property
    def severity_of(self) -> dict[str, Severity]:
        """Each code's last finding's severity."""
        return {code: SEVERITIES[number] for code, number in self._last_severity.items()}

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
        found = self._found
        for finding in findings:
            found[finding] = found.get(finding, 0) + 1
        # code: the severity of its last finding in the file (a dict keeps the last of a key)
        last = dict(zip(map(_CODE, findings), map(_SEVERITY, findings), strict=True))
        self._last_severity.update(last)
        files_by_code = self._files_by_code
        for code in last:
            files_by_code[code] = files_by_code.get(code, 0) + 1
        # the findings' severities, as numbers, lead their tuples: the largest tuple has the worst
        self.failing += SEVERITIES[max(findings)[0]] >= self.fail_on
        if file_format in FIXED_FORMATS:
            self.fixable_here += operator.countOf(map(_FIX, findings), SAFE_FIX)

    def add_unreadable(self) -> None:
        self.unreadable += 1

    def at_or_above(self, threshold: Severity) -> bool:
        """Whether any finding is at or above ``threshold``."""
        return any(n and severity >= threshold for severity, n in self.by_severity.items())
