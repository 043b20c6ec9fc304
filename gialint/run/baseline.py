"""Baselines: the findings a repository has accepted, recorded by their logical place.

A baseline file lists findings by file, rule and logical place (table / row / column,
section; see :mod:`gialint.lint.place`) — never by line — so editing a report elsewhere
does not invalidate it. ``gialint check --baseline FILE`` hides the findings it lists
(as many of each as it records); ``--update-baseline`` rewrites it from the current
findings, so fixed findings drop out. Paths are relative to the baseline file's
directory, with "/" separators, so the file works from any checkout.
"""

from __future__ import annotations

import functools
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import evolve, frozen

from gialint.base import catalogue as msg
from gialint.base.diagnostic import Diagnostic
from gialint.base.files import printable_path, write_atomic
from gialint.base.messages import Failure
from gialint.lint.place import fingerprint

BASELINE_VERSION = 1


class BaselineError(Failure):
    """A baseline file that cannot be read or written (one line, in both languages)."""


@frozen
class Entry:
    path: str
    code: str
    place: tuple[str, ...]
    count: int = 1

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.path, self.code, self.place)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "code": self.code,
            "place": list(self.place),
            "count": self.count,
            "fingerprint": self.fingerprint,
        }


#: The largest baseline read: a million findings take some 200 MiB of JSON.
MAX_BASELINE_BYTES = 512 * 1024 * 1024


def relative_path(path: str, baseline_file: str) -> str:
    """``path`` relative to the baseline's directory, with "/" separators; the bytes of a name in
    no encoding (a GBK name on a UTF-8 system) are written as ``\\xNN``, the same each time."""
    base = os.path.dirname(os.path.abspath(baseline_file))
    return printable_path(os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/"))


def _entry(found: Any) -> Entry:
    """One recorded finding, checked: strings where strings belong, a count that is a whole number."""
    if not isinstance(found, dict):
        raise BaselineError(msg.BASELINE_NOT_OBJECT)
    path, code, place, count = found.get("path"), found.get("code"), found.get("place"), found.get("count", 1)
    if not isinstance(path, str) or not isinstance(code, str):
        raise BaselineError(msg.BASELINE_NO_PATH)
    if not isinstance(place, list) or not all(isinstance(part, str) for part in place):
        raise BaselineError(msg.BASELINE_BAD_PLACE, code=code)
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise BaselineError(msg.BASELINE_BAD_COUNT, code=code)
    return Entry(path, code, tuple(place), count)


@frozen(slots=False)  # not slotted: see "Cached properties" in docs/performance.md
class Baseline:
    file: str
    entries: tuple[Entry, ...] = ()

    @classmethod
    def load(cls, file: str) -> Baseline:
        try:
            with open(file, "rb") as stream:
                raw = stream.read(MAX_BASELINE_BYTES + 1)
        except FileNotFoundError:
            raise BaselineError(msg.BASELINE_MISSING, file=file) from None
        except OSError as error:
            raise BaselineError(msg.FILE_UNREADABLE, file=file, error=error.strerror or error) from None
        if len(raw) > MAX_BASELINE_BYTES:
            raise BaselineError(msg.BASELINE_TOO_LARGE, file=file, mib=MAX_BASELINE_BYTES // (1024 * 1024))
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise BaselineError(msg.BASELINE_INVALID, file=file, error=error) from None
        except RecursionError:
            raise BaselineError(msg.BASELINE_INVALID, file=file, error=msg.BASELINE_TOO_DEEP) from None
        if not isinstance(data, dict) or data.get("gialint_baseline") != BASELINE_VERSION:
            raise BaselineError(msg.BASELINE_VERSION, file=file, version=BASELINE_VERSION)
        findings = data.get("findings")
        if not isinstance(findings, list):
            raise BaselineError(msg.BASELINE_INVALID, file=file, error=msg.BASELINE_NO_FINDINGS)
        try:
            entries = tuple(_entry(found) for found in findings)
        except BaselineError as error:
            raise BaselineError(msg.FILE_SAYS, file=file, error=error.text) from None
        return cls(file, entries)

    @functools.cached_property
    def _counts(self) -> dict[str, Counter[tuple[str, tuple[str, ...]]]]:
        """How many findings of each (rule, place) are recorded, by file: counted once per run."""
        counts: dict[str, Counter[tuple[str, tuple[str, ...]]]] = {}
        for e in self.entries:
            counts.setdefault(e.path, Counter())[(e.code, e.place)] += e.count
        return counts

    def filter(self, path: str, diagnostics: Sequence[Diagnostic]) -> tuple[list[Diagnostic], int]:
        """The findings of ``path`` the baseline does not record, and how many it did."""
        rel = relative_path(path, self.file)
        counts = Counter(self._counts.get(rel, ()))
        kept: list[Diagnostic] = []
        for d in diagnostics:
            key = (d.code, d.place)
            if counts[key] > 0:
                counts[key] -= 1
            else:
                kept.append(d)
        return kept, len(diagnostics) - len(kept)

    def updated(self, findings: Iterable[tuple[str, Sequence[Diagnostic]]]) -> Baseline:
        """The baseline with the entries of these files replaced by their current findings."""
        current: Counter[tuple[str, str, tuple[str, ...]]] = Counter()
        checked: set[str] = set()
        for path, diagnostics in findings:
            rel = relative_path(path, self.file)
            checked.add(rel)
            for d in diagnostics:
                current[(rel, d.code, d.place)] += 1
        kept = [e for e in self.entries if e.path not in checked]
        entries = kept + [Entry(p, c, place, n) for (p, c, place), n in current.items()]
        return evolve(self, entries=tuple(sorted(entries, key=lambda e: (e.path, e.code, e.place))))

    def save(self) -> None:
        data = {
            "gialint_baseline": BASELINE_VERSION,
            "comment": "Findings accepted for now; see docs/repository-guide.md. Regenerate with --update-baseline.",
            "findings": [e.as_dict() for e in self.entries],
        }
        text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        try:
            if not os.path.exists(self.file):
                with open(self.file, "x", encoding="utf-8"):
                    pass
            write_atomic(self.file, text.encode("utf-8"))
        except OSError as error:
            raise BaselineError(msg.BASELINE_UNWRITABLE, file=self.file, error=error.strerror or error) from None

    @property
    def total(self) -> int:
        return sum(e.count for e in self.entries)
