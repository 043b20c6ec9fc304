"""The resolved settings for a report: what to run, how loud, what to assume.

:class:`Settings` is what a configuration file (with what it extends) and the command
line add up to. It is immutable; :meth:`Settings.overridden` gives a copy with options
from the command line on top.
"""

from __future__ import annotations

import fnmatch
import functools
import os
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from attrs import evolve, field, frozen

from gialint.analyze.options import DEFAULT_OPTIONS, LintOptions
from gialint.base.diagnostic import Diagnostic, Severity
from gialint.base.selection import Selection, specificity
from gialint.read.limits import DEFAULT_LIMITS, MIB, Limits

if TYPE_CHECKING:
    from gialint.lint.rule import Rule


def _relative(path: str, root: str) -> str:
    """``path`` relative to ``root`` with / separators (the path itself, made absolute, when outside)."""
    full = os.path.abspath(path)
    rel = os.path.relpath(full, root) if root else full
    if rel.startswith(".."):
        rel = full
    return rel.replace(os.sep, "/")


def matches(pattern: str, path: str, root: str) -> bool:
    """Whether ``path`` matches a glob of the configuration in ``root``.

    The glob is taken relative to ``root``; a glob without "/" also matches the file
    name, and a directory pattern ("drafts/*" or "drafts") matches what lies below it.
    """
    rel = _relative(path, root)
    pattern = pattern.rstrip("/")
    if fnmatch.fnmatchcase(rel, pattern) or fnmatch.fnmatchcase(rel, pattern + "/*"):
        return True
    return "/" not in pattern and any(fnmatch.fnmatchcase(part, pattern) for part in rel.split("/"))


@frozen(slots=False)  # not slotted: see "Cached properties" in docs/performance.md
class Settings:
    """The settings that apply to a file: which rules run (``select``, ``extend_select``,
    ``ignore``, ``per_file_ignores``), at what severity, ``fail_on``, ``lang``, the ``year`` or
    format ``version`` for a report that states none, ``empty_cell``, ``exclude``, the ``limits`` of
    each file's size, pages and time (:class:`~gialint.Limits`). Made from the
    configuration files by :func:`gialint.settings_for`, or by hand; ``overridden(...)`` changes
    some of them (docs/configuration.md)."""

    select: tuple[str, ...] = ("ALL",)
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()
    fail_on: Severity = Severity.ERROR
    lang: str = "zh"
    options: LintOptions = DEFAULT_OPTIONS
    exclude: tuple[str, ...] = ()
    limits: Limits = DEFAULT_LIMITS
    root: str = ""  # the directory globs are relative to ("" for no configuration: the working directory)
    files: tuple[str, ...] = field(default=(), eq=False)  # configuration files read, the extended ones first

    @property
    def source(self) -> str | None:
        """The configuration file these settings come from (None: defaults only)."""
        return self.files[-1] if self.files else None

    def _root(self) -> str:
        return self.root or os.getcwd()

    def selection_for(self, path: str | None) -> Selection:
        extra: list[str] = []
        if path is not None and self.per_file_ignores:
            root = self._root()
            for pattern, selectors in self.per_file_ignores:
                if matches(pattern, path, root):
                    extra.extend(selectors)
        if not extra:  # one Selection object for most files: a run asks for each file
            return self._selection
        return Selection(self._selection.select, (*self.ignore, *extra))

    @functools.cached_property
    def _selection(self) -> Selection:
        return Selection((*self.select, *self.extend_select), self.ignore)

    def is_excluded(self, path: str) -> bool:
        if not self.exclude:  # asked for every file of a run: spare the working directory's look-up
            return False
        root = self._root()
        return any(matches(pattern, path, root) for pattern in self.exclude)

    def severity_of(self, rule: type[Rule] | Diagnostic) -> Severity | None:
        """The configured severity for a rule (the most specific entry), or None for the rule's own."""
        best: tuple[int, Severity] | None = None
        for selector, severity in self.severity:
            score = specificity(selector, rule.code, rule.name)
            if score >= 0 and (best is None or score > best[0]):
                best = (score, severity)
        return best[1] if best else None

    def with_severities(self, diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
        if not self.severity:
            return list(diagnostics)
        out = []
        for d in diagnostics:
            severity = self.severity_of(d)
            out.append(d if severity is None or severity is d.severity else evolve(d, severity=severity))
        return out

    def overridden(
        self,
        *,
        select: Sequence[str] = (),
        extend_select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        fail_on: str | None = None,
        lang: str | None = None,
    ) -> Settings:
        """These settings with command-line options on top: ``select`` replaces the selection
        (the configuration's ``extend-select`` included); ``extend_select`` and ``ignore`` add to it."""
        changes: dict[str, Any] = {}
        if select:
            changes.update(select=tuple(select), extend_select=())
        if extend_select:
            changes["extend_select"] = (*changes.get("extend_select", self.extend_select), *extend_select)
        if ignore:
            changes["ignore"] = (*self.ignore, *ignore)
        if fail_on is not None:
            changes["fail_on"] = Severity.parse(fail_on)
        if lang is not None:
            changes["lang"] = lang
        return evolve(self, **changes) if changes else self

    def as_dict(self) -> dict[str, Any]:
        """The settings as configuration keys (what ``gialint config`` prints)."""
        data: dict[str, Any] = {
            "select": list(self.select),
            "extend-select": list(self.extend_select),
            "ignore": list(self.ignore),
            "per-file-ignores": {pattern: list(selectors) for pattern, selectors in self.per_file_ignores},
            "severity": {selector: severity.label for selector, severity in self.severity},
            "fail-on": self.fail_on.label,
            "lang": self.lang,
            "empty-cell": self.options.empty_cell.value,
            "exclude": list(self.exclude),
            "limits": limits_table(self.limits),
        }
        if self.options.year is not None:
            data["year"] = self.options.year
        if self.options.version is not None:
            data["version"] = self.options.version
        if self.options.content is not None:
            data["content"] = self.options.content
        return data


#: The ``limits`` table's keys and the :class:`Limits` fields they set: sizes in MiB, the rest as they are.
LIMIT_KEYS = {
    "max-seconds": "max_seconds",
    "max-pages": "max_pages",
    "max-text-mib": "max_text_bytes",
    "max-binary-mib": "max_binary_bytes",
    "max-unzipped-mib": "max_unzipped_bytes",
    "max-stream-mib": "max_stream_bytes",
    "max-zip-ratio": "max_zip_ratio",
    "max-zip-members": "max_zip_members",
}


def limits_of(table: dict[str, Any]) -> Limits:
    """:class:`Limits` from a configuration's ``limits`` table (validated); the defaults for what it leaves out."""
    values = {
        field: table[key] * (MIB if key.endswith("-mib") else 1) for key, field in LIMIT_KEYS.items() if key in table
    }
    return evolve(DEFAULT_LIMITS, **values) if values else DEFAULT_LIMITS


def limits_table(limits: Limits) -> dict[str, Any]:
    """The ``limits`` table that gives ``limits`` (what ``gialint config`` prints)."""
    return {
        key: getattr(limits, field) // MIB if key.endswith("-mib") else getattr(limits, field)
        for key, field in LIMIT_KEYS.items()
    }


DEFAULT_SETTINGS = Settings()
