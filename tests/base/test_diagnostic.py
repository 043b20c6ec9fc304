"""A finding placed by the linter: ``Diagnostic.placed`` is ``attrs.evolve(d, place=…)``, made directly."""

from __future__ import annotations

import attrs

from conftest import full_finding
from gialint.base.diagnostic import Diagnostic


def test_placing_a_finding_changes_its_place_and_nothing_else() -> None:
    # every field set, none to its default, so that a field placed() passes to the wrong
    # position, or leaves out, makes it differ from evolve
    finding = full_finding(place=("t2", "old"))
    defaults = [f.name for f in attrs.fields(Diagnostic) if f.default is not attrs.NOTHING]
    assert all(getattr(finding, name) != attrs.fields_dict(Diagnostic)[name].default for name in defaults)
    assert finding.placed(("t3", "new", "total")) == attrs.evolve(finding, place=("t3", "new", "total"))
    # a field added after ``place`` would be left out by placed(), which passes the fields in order
    assert [f.name for f in attrs.fields(Diagnostic)][-1] == "place"
