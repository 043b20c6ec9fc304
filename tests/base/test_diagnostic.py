"""A finding placed by the linter: ``Diagnostic.placed`` is ``attrs.evolve(d, place=…)``, made directly."""

from __future__ import annotations

import attrs

from gialint.base.diagnostic import Applicability, Diagnostic, Edit, Fix, Related, Severity, Text
from gialint.base.location import DocxCell, PdfPosition
from gialint.base.span import Span


def test_placing_a_finding_changes_its_place_and_nothing_else() -> None:
    # every field set to something other than its default, so that a field placed() passes to
    # the wrong position, or leaves out, makes it differ from evolve
    finding = Diagnostic(
        "GIA403",
        "nonstandard-number",
        Severity.WARNING,
        Span(3, 2, 3, 5),
        Text("数字", "number"),
        expected="12",
        found="１２",
        related=(Related(Span(4, 1, 4, 2), "合计", DocxCell(1, 2, 3)),),
        location=PdfPosition(2, 7, (1.0, 2.0, 3.0, 4.0)),
        fix=Fix((Edit(Span(3, 2, 3, 5), "12"),), Applicability.UNSAFE),
        place=("t2", "old"),
    )
    defaults = [f.name for f in attrs.fields(Diagnostic) if f.default is not attrs.NOTHING]
    assert all(getattr(finding, name) != attrs.fields_dict(Diagnostic)[name].default for name in defaults)
    assert finding.placed(("t3", "new", "total")) == attrs.evolve(finding, place=("t3", "new", "total"))
    # a field added after ``place`` would be left out by placed(), which passes the fields in order
    assert [f.name for f in attrs.fields(Diagnostic)][-1] == "place"
