"""Baselines: the findings a repository has accepted, recorded by their logical place.

A baseline file lists findings by file, rule and logical place (table / row / column,
section; see :mod:`gialint.lint.place`) — never by line — so editing a report elsewhere
does not invalidate it. ``gialint check --baseline FILE`` hides the findings it lists
(as many of each as it records); ``--update-baseline`` rewrites it from the current
findings, so fixed findings drop out. Paths are relative to the baseline file's
directory, with "/" separators, so the file works from any checkout.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from attrs import evolve, frozen

from gialint.base.diagnostic import Diagnostic
from gialint.base.files import write_atomic
from gialint.lint.place import fingerprint

BASELINE_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written."""


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


def relative_path(path: str, baseline_file: str) -> str:
    base = os.path.dirname(os.path.abspath(baseline_file))
    return os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")


@frozen
class Baseline:
    file: str
    entries: tuple[Entry, ...] = ()

    @classmethod
    def load(cls, file: str) -> Baseline:
        try:
            with open(file, encoding="utf-8") as stream:
                data = json.load(stream)
        except FileNotFoundError:
            raise BaselineError(f"{file}: no such baseline file (create it with --update-baseline)") from None
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise BaselineError(f"{file}: not a gialint baseline: {error}") from None
        if not isinstance(data, dict) or data.get("gialint_baseline") != BASELINE_VERSION:
            raise BaselineError(f"{file}: not a gialint baseline (version {BASELINE_VERSION})")
        try:
            entries = tuple(
                Entry(e["path"], e["code"], tuple(e["place"]), int(e.get("count", 1))) for e in data["findings"]
            )
        except (KeyError, TypeError, ValueError) as error:
            raise BaselineError(f"{file}: a finding without {error}") from None
        return cls(file, entries)

    def _counts(self) -> Counter[tuple[str, str, tuple[str, ...]]]:
        counts: Counter[tuple[str, str, tuple[str, ...]]] = Counter()
        for e in self.entries:
            counts[(e.path, e.code, e.place)] += e.count
        return counts

    def filter(self, path: str, diagnostics: Sequence[Diagnostic]) -> tuple[list[Diagnostic], int]:
        """The findings of ``path`` the baseline does not record, and how many it did."""
        counts = self._counts()
        rel = relative_path(path, self.file)
        kept: list[Diagnostic] = []
        for d in diagnostics:
            key = (rel, d.code, d.place)
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
            raise BaselineError(f"{self.file}: cannot write the baseline: {error.strerror or error}") from None

    @property
    def total(self) -> int:
        return sum(e.count for e in self.entries)
