"""Logical places: found per finding in time that does not grow with the report."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import gialint
from conftest import BASE
from gialint.analyze.document import parse_document
from gialint.lint import place as place_module


def _counting_placer(monkeypatch: pytest.MonkeyPatch) -> tuple[type[Any], list[int]]:
    """The module's Placer run from its source, with its calls of ``_within`` counted. Compiled
    (gialint.compiled), the module calls its own functions directly, past anything patched."""
    source = Path(place_module.__file__).with_name("place.py")
    spec = importlib.util.spec_from_file_location("_gialint_place_source", source)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    calls = [0]
    within: Callable[..., Any] = module._within

    def counted(*args: Any) -> bool:
        calls[0] += 1
        return bool(within(*args))

    monkeypatch.setattr(module, "_within", counted)
    return module.Placer, calls


@pytest.mark.parametrize("copies", [50, 500])
def test_many_headings_cost_a_constant_per_finding(copies: int, monkeypatch: pytest.MonkeyPatch) -> None:
    # every repeated heading is a section out of order (GIA102) or a duplicate: one finding each
    text = "某某局2021年政府信息公开工作年度报告\n" + "一、总体情况\n本年度工作正常开展。\n" * copies
    result = gialint.lint_text(text)
    findings = len(result.diagnostics)
    assert findings >= copies // 2
    placer_class, calls = _counting_placer(monkeypatch)
    doc = parse_document(text)
    place = placer_class(doc, text.split("\n"))
    places = [place(d.span) for d in result.diagnostics]
    assert places == [d.place for d in result.diagnostics]  # the source's places are the run's
    # scanning every section for every finding would make this grow with copies × findings
    assert 0 < calls[0] <= 2 * findings


def test_places_of_a_real_layout_are_unchanged() -> None:
    text = (BASE / "report-2020.txt").read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[29] = lines[29].replace("\t186", "\t187", 1)
    result = gialint.lint_text("\n".join(lines))
    places = {d.code: d.place for d in result.diagnostics}
    assert places["GIA301"][0] == "t3"
    assert len(places["GIA301"]) == 3  # (table, row, column)


@pytest.mark.parametrize("name", ["report-2020.txt", "report-2021.txt"])
def test_a_tables_first_finding_is_placed_as_its_index_places_it(name: str) -> None:
    # a table's first finding is placed by looking through its cells, later ones by an index:
    # both give every cell and label the same place (a cell's before a label's at one span)
    doc = parse_document((BASE / name).read_text(encoding="utf-8"))
    assert doc.tables
    spans = [c.span for t in doc.tables for c in t.cells.values()] + [h.cell.span for t in doc.tables for h in t.labels]
    for span in spans:
        scanned = place_module.Placer(doc, ())(span)  # a fresh placer: the first look in the table
        indexed = place_module.Placer(doc, ())
        indexed(span)
        indexed(span)  # the second look in that table builds its index
        assert indexed._table_cells, "the second look should have made an index"
        assert scanned == indexed(span)
        assert scanned[0] in {t.id for t in doc.tables}
