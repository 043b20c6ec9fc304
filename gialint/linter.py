"""Running rules over a document: selection by code, prefix or name."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import frozen

from gialint.diagnostic import Diagnostic
from gialint.document import Document
from gialint.rule import Rule


class SelectionError(ValueError):
    """A --select/--ignore entry names no rule."""


@frozen
class Selection:
    """Which rules run. Entries are codes (GIA301), prefixes (GIA3, GIA) or names.

    When an entry of ``select`` and one of ``ignore`` both match a rule, the more
    specific (longer) one decides, as in ruff; on a tie the rule is ignored.
    """

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()

    @staticmethod
    def _specificity(entry: str, rule: type[Rule]) -> int:
        if entry.upper() == "ALL":
            return 0
        if entry == rule.name or entry.upper() == rule.code:
            return 100
        return len(entry) if rule.code.startswith(entry.upper()) else -1

    def includes(self, rule: type[Rule]) -> bool:
        selected = max((self._specificity(e, rule) for e in self.select), default=-1)
        ignored = max((self._specificity(e, rule) for e in self.ignore), default=-1)
        return selected >= 0 and selected > ignored

    def validate(self, rules: Sequence[type[Rule]]) -> None:
        for entry in (*self.select, *self.ignore):
            if not any(self._specificity(entry, r) >= 0 for r in rules):
                raise SelectionError(f"{entry!r} matches no rule (see `gialint rules`)")


class RuleError(RuntimeError):
    """A rule raised an exception: a bug in that rule."""


def lint_document(doc: Document, rules: Iterable[type[Rule]], selection: Selection = Selection()) -> list[Diagnostic]:
    version = doc.version
    found: set[Diagnostic] = set()
    for rule in rules:
        if not selection.includes(rule) or (version is not None and version not in rule.versions):
            continue
        try:
            found.update(rule().check(doc))
        except Exception as error:
            raise RuleError(f"rule {rule.code} ({rule.name}) failed: {type(error).__name__}: {error}") from error
    return sorted(found, key=lambda d: d.sort_key)
