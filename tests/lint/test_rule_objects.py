"""The linter makes one object of each rule for the options a run checks with, and checks every
report with it (``gialint.lint.linter``, ``_Chosen.objects``); other options get objects of their
own. A rule keeps nothing of a report on itself (docs/plugins.md), so the findings do not depend
on which reports an object checked before."""

from __future__ import annotations

from collections.abc import Iterator
from types import MappingProxyType

import attrs

import gialint
from conftest import REPORTS
from gialint.analyze.document import Document
from gialint.analyze.options import DEFAULT_OPTIONS, EmptyCell
from gialint.lint.linter import _chosen, lint_document
from gialint.lint.registry import all_rules
from gialint.rules_api import Diagnostic, Rule, Severity, Text

#: (the rule object, its options, the report's title) of every check, in order
SEEN: list[tuple[Rule, object, str]] = []


class Recorder(Rule):
    """
    ## What it does
    Records which of its objects checked which report, with which options.

    ## Why it matters
    A test of how the linter makes rule objects.

    ## Example
    Nothing to report.
    """

    code = "TST101"
    name = "recorder"
    summary = Text(zh="记录", en="Records its checks")
    rationale = "A test rule."
    severity = Severity.INFO
    messages = MappingProxyType({"default": Text(zh="记录", en="recorded")})

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        title = doc.report.title
        SEEN.append((self, self.options, title.text if title else ""))
        return iter(())


def _docs() -> list[Document]:
    return [gialint.parse_text(path.read_text(encoding="utf-8")) for path in REPORTS[:3]]


def test_each_report_of_a_run_is_checked_by_the_same_object() -> None:
    """The same object for every report of a format version (the rules that run are worked out
    for each version), checked twice over."""
    SEEN.clear()
    docs = _docs() * 2
    for doc in docs:
        lint_document(doc, [Recorder])
    assert len(SEEN) == len(docs)
    by_version: dict[str | None, set[int]] = {}
    for doc, (rule, _, _) in zip(docs, SEEN, strict=True):
        by_version.setdefault(doc.version, set()).add(id(rule))
    assert all(len(objects) == 1 for objects in by_version.values())
    assert all(options is DEFAULT_OPTIONS for _, options, _ in SEEN)


def test_other_options_get_objects_of_their_own() -> None:
    SEEN.clear()
    doc = _docs()[0]
    other = attrs.evolve(DEFAULT_OPTIONS, empty_cell=EmptyCell.ZERO)
    equal = attrs.evolve(DEFAULT_OPTIONS)
    for options in (DEFAULT_OPTIONS, other, other, equal, DEFAULT_OPTIONS):
        lint_document(doc, [Recorder], options=options)
    objects = [seen[0] for seen in SEEN]
    assert [seen[1] for seen in SEEN] == [DEFAULT_OPTIONS, other, other, equal, DEFAULT_OPTIONS]
    assert objects[1] is objects[2]  # the same options object: the same rule object
    assert len({id(o) for o in (objects[0], objects[1], objects[3], objects[4])}) == 4
    assert all(seen[0].options is seen[1] for seen in SEEN)


def test_the_findings_do_not_depend_on_the_reports_checked_before() -> None:
    """Each report's findings with the objects of a run that checked others first, in two
    orders, are those of objects made for it alone."""
    docs = _docs() + _docs()[:1]
    rules = all_rules()

    def alone(doc: Document) -> list[Diagnostic]:
        _chosen.cache_clear()
        return lint_document(doc, rules)

    expected = [alone(doc) for doc in docs]
    _chosen.cache_clear()
    assert [lint_document(doc, rules) for doc in docs] == expected
    assert [lint_document(doc, rules) for doc in reversed(docs)] == expected[::-1]
