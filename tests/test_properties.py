"""Property-based tests of the parser and the arithmetic (hypothesis)."""

from __future__ import annotations

import random

from hypothesis import assume, given, note
from hypothesis import strategies as st

import gialint
from gialint.formats import load
from gialint.parse.ast import Layout
from gialint.read.source import ReadError, decode
from gialint.testing import LAYOUTS as WRITABLE
from gialint.testing import Key, consistent_values, render

YEARS = st.sampled_from([2019, 2020, 2021, 2022, 2024])
LAYOUTS = st.sampled_from(WRITABLE)


@st.composite
def reports(draw: st.DrawFn) -> tuple[int, dict[Key, int]]:
    """A report year and statistics that satisfy every identity of its format."""
    year = draw(YEARS)
    return year, consistent_values(
        year, random.Random(draw(st.integers(0, 2**32))), high=draw(st.sampled_from([3, 30, 3000]))
    )


@given(reports(), LAYOUTS)
def test_well_formed_reports_lint_clean(report: tuple[int, dict[Key, int]], layout: Layout) -> None:
    year, values = report
    rendered = render(year, values, layout)
    result = gialint.lint_text(rendered.text)
    assert [(d.code, d.span.line, d.message.en) for d in result.diagnostics] == []
    expected_version = load().expected_version(year).id  # type: ignore[union-attr]
    assert {t.template.version for t in result.document.tables} == {expected_version}


def _expected_finding(key: Key, rendered_positions: dict[Key, tuple[int, int, int]]) -> tuple[str, int, int]:
    """Where point 7 of issue 14 says a changed cell must be reported: once, at the cell itself
    when it is the only one whose correction makes every identity hold (any cell of table 3),
    else at the total it breaks (a cell of a group of table 4: any of the group's five could be
    wrong). The rule is that of the first identity the cell is the total of, else of the first
    identity it breaks (formats.toml order: GIA301, GIA302, GIA303)."""
    table, row, column = key
    where = lambda k: rendered_positions[k][:2]  # noqa: E731
    if table == "t4":
        return ("GIA304", *where(("t4", "cases", f"{column.split('.')[0]}.total")))
    code = "GIA302" if row == "results_total" and column != "total" else "GIA301"
    return (code, *where(key))


@given(reports(), LAYOUTS, st.data())
def test_a_changed_number_is_caught_once_at_the_right_cell(
    report: tuple[int, dict[Key, int]], layout: Layout, data: st.DataObject
) -> None:
    year, values = report
    key = data.draw(st.sampled_from(sorted(k for k in values if k[0] in ("t3", "t4"))), label="cell")
    delta = data.draw(st.integers(-values[key], 50).filter(lambda d: d != 0), label="delta")
    changed = {**values, key: values[key] + delta}
    rendered = render(year, changed, layout)
    result = gialint.lint_text(rendered.text, select=["GIA3"])
    found = [(d.code, d.span.line, d.span.column) for d in result.diagnostics]
    note(f"changed {key} by {delta}: {[d.message.en for d in result.diagnostics]}")
    expected = _expected_finding(key, dict(rendered.positions))
    assert found == [expected]
    if expected[1:] == rendered.positions[key][:2]:  # at the changed cell: the value that makes it hold
        assert f"{values[key]} here makes every identity hold" in result.diagnostics[0].message.en or (
            key[0] == "t4" and result.diagnostics[0].expected == str(values[key])
        )


@given(st.text())
def test_any_text_lints_without_raising(text: str) -> None:
    result = gialint.lint_text(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for d in result.diagnostics:  # every finding points inside the text
        assert 1 <= d.span.line <= max(len(lines), 1)


@given(
    st.lists(
        st.sampled_from(
            [
                "一、总体情况",
                "\t0",
                "\t",
                "|",
                "",
                "(七) 总计\t\t1\t2",
                "| a | b |",
                "| --- |",
                "某局2020年政府信息公开工作年度报告",
                "行政复议",
                "本年新",
                "-",
                "1、 总体情况",
                "  ",
                "政府信息公开行政复议、行政诉讼情况",
                "三、本年度办理结果\t（一）予以公开\t1",
            ]
        ),
        max_size=60,
    )
)
def test_report_shaped_noise_lints_without_raising(lines: list[str]) -> None:
    gialint.lint_text("\n".join(lines))


@given(st.binary(max_size=4096))
def test_any_bytes_decode_or_are_refused(data: bytes) -> None:
    try:
        source = decode(data)
    except ReadError as error:
        assert "\n" not in str(error)
        return
    gialint.lint_text(source.text)


@given(reports(), st.lists(LAYOUTS, min_size=2, max_size=2, unique=True))
def test_layouts_give_the_same_values(report: tuple[int, dict[Key, int]], layouts: list[Layout]) -> None:
    year, values = report

    def table_values(layout: Layout) -> dict[tuple[str, str, str], object]:
        doc = gialint.parse_text(render(year, values, layout).text)
        return {(t.id, row, column): cell.value.amount for t in doc.tables for (row, column), cell in t.cells.items()}

    first, second = (table_values(layout) for layout in layouts)
    assume(first)
    assert first == second
    assert first == {key: value for key, value in values.items()}
