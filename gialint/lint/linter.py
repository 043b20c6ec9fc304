"""Running rules over a document: the selected rules, then the inline suppressions."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Sequence

from gialint.analyze.document import Document
from gialint.analyze.options import DEFAULT_OPTIONS, LintOptions
from gialint.analyze.suppress import apply_suppressions, names_any
from gialint.base import catalogue as msg
from gialint.base.diagnostic import Diagnostic
from gialint.base.selection import Selection, SelectionError, check_selector, specificity
from gialint.lint.place import Placer
from gialint.lint.rule import Rule, RuleError
from gialint.read.clock import CHECK_EVERY, check_time, time_is_up
from gialint.read.source import ReadError

__all__ = ["RuleError", "Selection", "SelectionError", "check_selector", "lint_document", "specificity"]


ALL_RULES = Selection()


def _run(rule: Rule, check: Callable[..., Iterable[Diagnostic]], *args: object) -> list[Diagnostic]:
    """``check(*args)`` — a bound method of ``rule`` — as a list, with a look at the clock first."""
    if time_is_up():  # the message's values made only then: this runs before every rule
        check_time(msg.AT_RULE, code=rule.code)
    try:
        return list(check(*args))
    except ReadError:  # the file's time ran out in what the rule asked for: not the rule's fault
        raise
    except Exception as error:
        raise RuleError(f"rule {rule.code} ({rule.name}) failed: {type(error).__name__}: {error}") from error


class _Chosen:
    """The rules that run for one selection and format version, worked out once for a run, and
    their objects, made once for the options they were last asked with."""

    __slots__ = ("_made", "codes", "rules", "sole", "suppression_checkers")

    def __init__(self, rules: tuple[type[Rule], ...], selection: Selection, version: str | None) -> None:
        self.rules = [r for r in rules if selection.includes(r) and (version is None or version in r.versions)]
        self.codes = frozenset(rule.code for rule in self.rules)
        self.sole = frozenset(rule.code for rule in self.rules if rule.sole)
        #: those that look at unused suppressions (GIA901): the others' would give nothing
        self.suppression_checkers = frozenset(
            r for r in self.rules if r.check_suppressions is not Rule.check_suppressions
        )
        self._made: tuple[LintOptions, list[Rule]] | None = None

    def objects(self, options: LintOptions) -> list[Rule]:
        """An object of each rule, made with ``options``: the same objects for every report a run
        checks with the same options object (a rule keeps nothing of a report on itself: see
        docs/plugins.md). Making 38 objects with an interpreted ``__init__`` for each report cost
        about 1 % of its instructions. Found by the options' identity, not their hash (attrs
        hashes every field); other options get objects of their own, which replace these."""
        made = self._made
        if made is not None and made[0] is options:
            return made[1]
        running = [rule(options, self.codes) for rule in self.rules]
        self._made = (options, running)
        return running


@functools.lru_cache(maxsize=64)  # a run has one or two; a library caller may vary them
def _chosen(rules: tuple[type[Rule], ...], selection: Selection, version: str | None) -> _Chosen:
    return _Chosen(rules, selection, version)


def _checking(found: Iterable[Diagnostic]) -> Iterator[Diagnostic]:
    """The findings, with a look at the clock every :data:`CHECK_EVERY` of them."""
    for index, diagnostic in enumerate(found):
        if not index % CHECK_EVERY:
            check_time(msg.AT_PLACING)
        yield diagnostic


def lint_document(
    doc: Document,
    rules: Iterable[type[Rule]],
    selection: Selection = ALL_RULES,
    options: LintOptions = DEFAULT_OPTIONS,
    lines: Sequence[str] | None = None,
) -> list[Diagnostic]:
    """Run the selected rules, drop what the report's suppression comments cover, and give each
    finding its logical place (``lines``: the text's lines, for the places of text findings).

    A rule marked ``sole`` (GIA206: the file is not a report) whose finding is not suppressed
    takes the file over: its finding is the only one kept, and unused suppressions are not
    reported (GIA901), since the findings they were written for are dropped too.
    """
    rules = tuple(rules)
    chosen = _chosen(rules, selection, doc.version)
    running = chosen.objects(options)
    # duplicates are dropped in the order found (not through a set, whose order would vary
    # between processes with the hash seed, and with it the order of equal-placed findings)
    found: dict[Diagnostic, None] = {}
    for rule in running:
        result = _run(rule, rule.check, doc)
        if result:
            found.update(dict.fromkeys(result))
    kept, unmatched = apply_suppressions(doc.suppressions, found)
    alone = [d for d in kept if d.code in chosen.sole]
    if alone:
        # not a report (GIA206): its finding is the only one, and the file's suppression
        # comments, which were written for the findings dropped here, are not checked either
        kept = alone
    else:
        if unmatched:
            # A code of a rule that did not run (not selected here) is neither used nor unused.
            ran = [(r.code, r.name) for r in running]
            known = [(r.code, r.name) for r in rules]
            unmatched = [u for u in unmatched if names_any(u.selector, ran) or not names_any(u.selector, known)]
        for rule in running:
            if type(rule) in chosen.suppression_checkers:
                kept.extend(_run(rule, rule.check_suppressions, doc, unmatched))
    lines = lines if lines is not None else ()
    place = Placer(doc, lines)
    placed = dict.fromkeys(d.placed(place(d.span)) for d in _checking(kept))
    return sorted(placed, key=lambda d: d.sort_key)
