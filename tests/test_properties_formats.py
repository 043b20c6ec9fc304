"""Property tests through the .docx and .html writers and back, and damaged files of every kind."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import seed, written
from gialint.parse.ast import Layout
from gialint.read import read_bytes
from gialint.read.source import ReadError
from gialint.run.api import LintResult, lint_bytes, lint_text
from gialint.testing import LAYOUTS, consistent_values, render
from gialint.testing.writers import to_docx, to_html

FEW = settings(max_examples=settings.default.max_examples // 3)  # each example writes and reads a document


def _values(result: LintResult) -> dict[tuple[str, str, str], str]:
    return {(t.id, r.key, c.id): cell.text for t, r, c, cell in result.document.value_cells()}


@FEW
@given(
    st.sampled_from([2019, 2020, 2021, 2023]),
    st.integers(0, 2**32),
    st.sampled_from(LAYOUTS),
    st.sampled_from(["docx", "html"]),
)
def test_generated_reports_survive_docx_and_html(year: int, seed_: int, layout: Layout, kind: str) -> None:
    values = consistent_values(year, random.Random(seed_))
    text = render(year, values, layout).text
    data = to_docx(text) if kind == "docx" else to_html(text, encoding=random.Random(seed_).choice(["utf-8", "gbk"]))
    result = lint_bytes(data, f"r.{kind}")
    assert [(d.code, d.message.en) for d in result.diagnostics] == []
    assert _values(result) == _values(lint_text(text))
    assert len(_values(result)) == len(values)


@FEW
@given(st.integers(0, 2**32), st.sampled_from(["docx", "html"]))
def test_a_changed_number_is_caught_at_that_cell_in_docx_and_html(seed_: int, kind: str) -> None:
    rng = random.Random(seed_)
    values = consistent_values(2021, rng)
    key = rng.choice([k for k in values if k[0] == "t3" and k[2] != "total"])
    values[key] += rng.randint(1, 9)
    text = render(2021, values, Layout.TSV).text
    plain = lint_text(text)
    other = lint_bytes(to_docx(text) if kind == "docx" else to_html(text), f"r.{kind}")
    assert plain.diagnostics and {d.code for d in plain.diagnostics} <= {"GIA301", "GIA302", "GIA303"}
    assert [(d.code, d.span.line, d.span.column) for d in plain.diagnostics] != []
    assert sorted((d.code, d.expected, d.found) for d in other.diagnostics) == sorted(
        (d.code, d.expected, d.found) for d in plain.diagnostics
    )
    assert all(d.location is not None for d in other.diagnostics)


@settings(max_examples=settings.default.max_examples // 2)
@given(st.sampled_from(["docx", "pdf", "html"]), st.data())
def test_damaged_files_never_raise_anything_but_read_error(kind: str, data: st.DataObject) -> None:
    original = bytearray(written(seed("003"), kind))
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(original) // 2, len(original)))
    try:
        read_bytes(bytes(original[:cut]), f"r.{kind}")
    except ReadError as error:
        assert "\n" not in str(error)


@FEW
@given(st.binary(max_size=4096), st.sampled_from(["r.docx", "r.pdf", "r.html", "r.md", "r.doc"]))
def test_arbitrary_bytes_never_raise_anything_but_read_error(data: bytes, name: str) -> None:
    try:
        read_bytes(data, name)
    except ReadError as error:
        assert "\n" not in str(error)
