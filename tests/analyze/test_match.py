"""Matching reads a table as each format version only where that version could win
(gialint.analyze.match): leaving out the versions that cannot score as well as the best
changes neither which versions fit nor what the chosen one reads."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPORTS
from gialint.analyze import match
from gialint.analyze.matched import LabelHit
from gialint.formats import TableSpec, load
from gialint.parse.ast import Layout
from gialint.parse.driver import parse_report
from gialint.testing import LAYOUTS, consistent_values, render

MODEL = load()


def _groups(text: str) -> list[tuple[list[match._RowReading], list[LabelHit], TableSpec]]:
    """Each recognised table's row readings and label hits, as matching makes them."""
    report = parse_report(text)
    out = []
    for section in report.sections:
        for table in section.tables:
            recognised = match._spec_for(table, MODEL)
            if recognised is None:
                continue
            spec, classified = recognised
            rows = [r for r in match._virtual_rows(table, classified) if r]
            hits = [c.hit for c in classified if c.hit is not None]
            out.append((match._read_rows(rows), hits, spec))
    return out


def _best(attempts: list[match._Attempt]) -> list[tuple[str, object, object, object]]:
    """The attempts that score best, in version order, as what a test can compare."""
    best = min(a.score for a in attempts)
    return [
        (a.template.version, a.score, sorted(a.cells), [(p.kind, p.row, p.expected, p.found) for p in a.problems])
        for a in attempts
        if a.score == best
    ]


def _assert_same(text: str) -> int:
    """The best attempts with versions left out equal those of reading every version; how many were left out."""
    left_out = 0
    for readings, hits, spec in _groups(text):
        templates = [spec.template(v.id) for v in MODEL.versions]
        every = [match._attempt(t, readings, match._foreign(t.version, hits)) for t in templates]
        some = match._attempts(templates, readings, hits)
        assert _best(some) == _best(every)
        assert [a.template.version for a in some] == [
            a.template.version for a in every if a.template.version in {s.template.version for s in some}
        ]
        left_out += len(every) - len(some)
    return left_out


def test_fixture_reports_match_alike() -> None:
    left_out = sum(_assert_same(path.read_text(encoding="utf-8")) for path in REPORTS)
    assert left_out > 0  # the shortcut is taken on real reports, not only allowed


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from([2019, 2020, 2021, 2023]),
    st.sampled_from(LAYOUTS),
    st.integers(0, 2**32),
    st.lists(st.integers(0, 400), max_size=6),
    st.lists(st.integers(0, 400), max_size=4),
)
def test_reports_with_rows_dropped_and_mixed_match_alike(
    year: int, layout: Layout, seed: int, dropped: list[int], borrowed: list[int]
) -> None:
    """Rows dropped, and rows of the other version's tables put in: problems and foreign
    labels in both versions, ties among them."""
    rng = random.Random(seed)
    own = render(year, consistent_values(year, rng), layout).text.split("\n")
    other_year = 2020 if year >= 2021 else 2022
    other = render(other_year, consistent_values(other_year, rng), layout).text.split("\n")
    lines = [line for index, line in enumerate(own) if index not in dropped]
    for index in borrowed:
        if other:
            lines.insert(min(index, len(lines)), other[index % len(other)])
    _assert_same("\n".join(lines))


def _row_fields(rows: object) -> list[tuple[object, ...]]:
    return [(r.key, r.label, tuple(r.cell_keys), r.optional) for r in rows]  # type: ignore[attr-defined]


def test_a_templates_shape_is_its_rows_read_once() -> None:
    """What matching reads of a template's rows (``_shape``) is the rows' own key, label, cells and
    whether they may be missing, in order; made once for each template."""
    for spec in MODEL.tables.values():
        for version in MODEL.versions:
            template = spec.template(version.id)
            shape = match._shape(template)
            assert match._shape(template) is shape
            assert shape.version == template.version
            assert _row_fields(shape.ordered) == _row_fields(r for r in template.rows if not r.optional)
            assert _row_fields(shape.unlabeled) == _row_fields(r for r in template.rows if not r.label)
            assert _row_fields(shape.by_key.values()) == _row_fields(template.row_by_key.values())
            for key, row in shape.by_key.items():
                assert len(row.cell_keys) == len(template.row_by_key[key].columns)


def test_shapes_are_kept_for_the_template_asked_for_and_within_their_bound() -> None:
    """A template equal to another but not the same object gets a shape of its own (shapes are
    found by id(), the template kept beside its shape), and no more than ``_SHAPES_KEPT`` are kept."""
    import attrs

    template = next(iter(MODEL.tables.values())).template(MODEL.versions[0].id)
    shape = match._shape(template)
    copies = [attrs.evolve(template) for _ in range(match._SHAPES_KEPT + 5)]
    for copy in copies:
        assert copy == template
        assert match._shape(copy) is not shape
        assert len(match._SHAPES) <= match._SHAPES_KEPT
    assert match._shape(copies[-1]) is match._shape(copies[-1])
