"""The grammar and the located syntax tree."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gialint
from conftest import SEEDS, seed
from gialint.analyze.document import parse_document
from gialint.parse.ast import Layout, NumeralStyle, Table
from gialint.parse.driver import parse_report
from gialint.parse.tables import build_tables, grammar_text

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def test_grammar_is_conflict_free() -> None:
    # strict mode raises on any shift/reduce or reduce/reduce conflict
    build_tables(grammar_text(), strict=True)


@pytest.mark.parametrize(
    ("prefix", "layout", "heading_lines"),
    [
        ("000", Layout.TAB, [4, 17, 103, 367, 413, 416]),
        ("001", Layout.PIPE, [1, 9, 116, 513, 582, 587]),
        ("002", Layout.TAB, [5, 29, 104, 366, 412, 419]),
        ("003", Layout.TSV, [5, 27, 44, 75, 82, 90]),
        ("004", Layout.TAB, [5, 18, 91, 353, 398, 400]),
    ],
)
def test_seed_structure(prefix: str, layout: Layout, heading_lines: list[int]) -> None:
    doc = gialint.parse_text(seed(prefix).read_text(encoding="utf-8"))
    assert [s.heading.span.line for s in doc.report.sections] == heading_lines
    assert [f.identified.spec.index for f in doc.sections if f.identified] == [1, 2, 3, 4, 5, 6]
    assert [t.id for t in doc.tables] == ["t2", "t3", "t4"]
    assert {src.layout for t in doc.tables for src in t.sources} == {layout}
    for found, table_id in zip(doc.sections[1:4], ["t2", "t3", "t4"], strict=True):
        assert doc.table(table_id) is not None and doc.table(table_id).section is found.section  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("prefix", "text", "span"),
    [
        ("000", "大冶市城市管理执法局2020年度政府信息公开工作年报", (1, 1, 1, 27)),
        ("002", "济宁市城市管理局2020年政府信息公开工作年度报告", (1, 1, 3, 7)),  # two lines, a blank between
        ("003", "湛河区城市管理局2021年政府信息公开工作年度报告", (3, 1, 3, 26)),
        ("004", "杭州市城市管理局2020年政府信息公开工作年度报告", (1, 1, 2, 18)),
    ],
)
def test_titles(prefix: str, text: str, span: tuple[int, int, int, int]) -> None:
    title = parse_report(seed(prefix).read_text(encoding="utf-8")).title
    assert title is not None and title.text == text
    assert (title.span.line, title.span.column, title.span.end_line, title.span.end_column) == span


def test_no_title_in_001() -> None:
    assert parse_report(seed("001").read_text(encoding="utf-8")).title is None


def test_heading_styles() -> None:
    doc = gialint.parse_text(seed("004").read_text(encoding="utf-8"))
    first = doc.report.sections[0]
    assert (first.heading.numeral, first.heading.style, first.heading.title) == ("1", NumeralStyle.ARABIC, "总体情况")
    sub = first.blocks[1]
    assert sub.heading.style is NumeralStyle.PAREN_ARABIC and sub.heading.title == "主动公开情况"  # type: ignore[union-attr]
    bare = gialint.parse_text(seed("002").read_text(encoding="utf-8")).report.sections[3]
    assert bare.heading.style is NumeralStyle.NONE and bare.heading.numeral is None


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_cell_span_slices_back_to_its_text(path) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    report = parse_report(text)
    cells = [c for t in report.tables for c in t.cells]
    assert cells
    for cell in cells:
        span = cell.span
        if span.line == span.end_line:
            assert lines[span.line - 1][span.column - 1 : span.end_column - 1] == cell.text
        else:
            assert lines[span.line - 1][span.column - 1 :].strip() == cell.text.split("\n")[0]
            assert lines[span.end_line - 1][: span.end_column - 1].strip() == cell.text.split("\n")[-1]


def test_wrapped_cell_keeps_both_lines() -> None:
    table = next(parse_report(seed("000").read_text(encoding="utf-8")).tables)
    cell = next(c for c in table.cells if c.span.line == 21)
    assert cell.text == "本年新\n制作数量" and cell.label == "本年新制作数量"
    assert (cell.span.line, cell.span.column, cell.span.end_line, cell.span.end_column) == (21, 2, 22, 5)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_line_endings_do_not_move_anything(path, newline: str) -> None:  # type: ignore[no-untyped-def]
    text = path.read_text(encoding="utf-8")
    expected = gialint.lint_text(text)
    converted = gialint.lint_text(text.replace("\n", newline))
    assert [(d.code, d.span) for d in converted.diagnostics] == [(d.code, d.span) for d in expected.diagnostics]
    spans = [c.span for t in parse_report(text).tables for c in t.cells]
    assert [c.span for t in parse_report(text.replace("\n", newline)).tables for c in t.cells] == spans
    # parse_document normalises once, then parses the text as normalised (parse_normalized);
    # given it normalised (normalized=True), it parses it as it is
    document = parse_document(text.replace("\n", newline))
    assert [c.span for t in document.report.tables for c in t.cells] == spans
    assert document == parse_document(text) == parse_document(text, normalized=True)


def test_bom_does_not_shift_columns() -> None:
    text = seed("003").read_text(encoding="utf-8")
    plain = [(d.code, d.span) for d in gialint.lint_text(text).diagnostics]
    assert [(d.code, d.span) for d in gialint.lint_text("\ufeff" + text).diagnostics] == plain


def test_markdown_report() -> None:
    text = "\n".join(
        [
            "# 某局2021年政府信息公开工作年度报告",
            "## 四、政府信息公开行政复议、行政诉讼情况",
            "| 行政复议 | 行政诉讼 |",
            "| --- | --- |",
            "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |",
            "| 0 | 1 | 0 | 0 | 2 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
        ]
    )
    doc = gialint.parse_text(text)
    assert doc.report.sections[0].heading.numeral == "四"
    t4 = doc.table("t4")
    assert t4 is not None and t4.sources[0].layout is Layout.MARKDOWN
    total = t4.cell("cases", "review.total")
    assert total is not None and total.text == "2" and (total.span.line, total.span.column) == (6, 19)
    assert [(d.code, d.span.line, d.span.column) for d in gialint.lint_text(text, select=["GIA304"]).diagnostics] == [
        ("GIA304", 6, 19)
    ]


def test_one_indented_line_is_a_paragraph_not_a_table() -> None:
    report = parse_report("某局2020年政府信息公开工作年度报告\n一、总体情况\n\t本局认真落实条例。\n")
    assert not list(report.tables)
    assert report.sections[0].blocks[0].text == "本局认真落实条例。"  # type: ignore[union-attr]


def test_numbered_lines_that_name_no_section_stay_inside_the_section() -> None:
    report = parse_report("一、总体情况\n1、加强组织领导\n正文。\n二、主动公开政府信息情况\n")
    assert [s.heading.numeral for s in report.sections] == ["一", "二"]
    sub = report.sections[0].blocks[0]
    assert sub.heading.title == "加强组织领导" and sub.heading.style is NumeralStyle.DOTTED_ARABIC  # type: ignore[union-attr]


def test_tables_are_tables() -> None:
    report = parse_report(seed("003").read_text(encoding="utf-8"))
    assert all(isinstance(t, Table) for t in report.tables)
    assert [len(t.rows) for t in report.tables] == [14, 28, 4]


def test_tables_are_stored_per_user_and_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from gialint.parse import tables
    from gialint.parse.tables import Tables, load_tables, store_path

    grammar = grammar_text()
    monkeypatch.setattr(tables, "shipped_path", lambda: str(tmp_path / "none.json"))  # as in an editable install
    monkeypatch.delenv("GIALINT_NO_CACHE", raising=False)
    monkeypatch.delenv("GIALINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = store_path(grammar_text())
    assert path is not None and path.startswith(str(tmp_path / "gialint"))
    assert (tmp_path / "gialint").stat().st_mode & 0o077 == 0  # not readable or writable by others
    built = load_tables()
    stored = Tables.from_json(json.loads(Path(path).read_text(encoding="utf-8")), grammar)
    assert stored == built and load_tables() == built  # stored as built, and read back
    Path(path).write_text("{damaged", encoding="utf-8")
    rebuilt = load_tables()  # a damaged store is built again (lark may number the states otherwise)
    assert Tables.from_json(json.loads(Path(path).read_text(encoding="utf-8")), grammar) == rebuilt
    monkeypatch.setenv("GIALINT_NO_CACHE", "1")
    assert store_path(grammar_text()) is None
    monkeypatch.delenv("GIALINT_NO_CACHE")
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # not a directory: no store, no error
    assert store_path(grammar_text()) is None
    assert load_tables().terminals == built.terminals


def _no_building(*args: object, **kwargs: object) -> None:
    raise AssertionError("the tables were built with lark")


def test_the_tables_a_wheel_ships_serve_without_building_them(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # setup.py writes them into the wheel (tests/test_install.py checks it does): read back, they
    # are used as they are, lark builds nothing, and nothing is written to the user's cache
    from gialint.parse import tables

    grammar = grammar_text()
    built = tables.build_tables(grammar)
    shipped = tmp_path / tables.SHIPPED
    shipped.write_text(json.dumps(built.as_json(grammar)), encoding="utf-8")
    monkeypatch.setattr(tables, "shipped_path", lambda: str(shipped))
    monkeypatch.setattr(tables, "build_tables", _no_building)
    monkeypatch.setenv("GIALINT_CACHE_DIR", str(tmp_path / "cache"))
    assert tables.load_tables() == built
    assert not list((tmp_path / "cache").glob("tables-*"))


def test_the_tables_of_another_grammar_are_not_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # a grammar edited after the install (or an old wheel's file): built again, and kept per user
    from gialint.parse import tables

    grammar = grammar_text()
    built = tables.build_tables(grammar)
    shipped = tmp_path / tables.SHIPPED
    shipped.write_text(json.dumps(built.as_json(grammar.replace("section", "sektion"))), encoding="utf-8")
    monkeypatch.setattr(tables, "shipped_path", lambda: str(shipped))
    monkeypatch.setenv("GIALINT_CACHE_DIR", str(tmp_path / "cache"))
    calls = []
    monkeypatch.setattr(tables, "build_tables", lambda text: calls.append(text) or built)
    assert tables.load_tables() == built and calls == [grammar]
    assert len(list((tmp_path / "cache").glob("tables-*.json"))) == 1


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("", (1, 1, 1, 1)),
        ("一、总体情况", (1, 1, 1, 7)),
        ("一、总体情况\n", (1, 1, 1, 7)),
        ("a\r\nbc\r\n", (1, 1, 2, 3)),
    ],
)
def test_the_report_spans_the_whole_text(text: str, span: tuple[int, int, int, int]) -> None:
    report = parse_report(text)
    assert (report.span.line, report.span.column, report.span.end_line, report.span.end_column) == span
    assert report.line_count == span[2]


_LINE_SHAPES = st.sampled_from(
    [
        "",
        " ",
        "\t",
        "\t\t",
        "\tx",
        "\t\tx",
        "x\ty",
        "x",
        "|",
        " | ",
        "| a | b |",
        "|---|---|",
        "一、总体情况",
        "（一）x",
        "<!-- c -->",
        "\u3000",
        "1、x",
        "x报告",
    ]
)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(_LINE_SHAPES, max_size=12))
def test_any_sequence_of_line_shapes_parses(lines: list[str]) -> None:
    """The grammar accepts whatever the line lexer produces: blank lines, tab cells, tab rows, pipes,
    comments and headings in any order ("\\tx\\n\\n\\t\\t\\n" once ended in a ParseError)."""
    text = "\n".join(lines) + "\n"
    report = parse_report(text)
    assert report.span.end_line == max(1, len(lines))


def test_a_blank_line_before_a_tab_row_that_is_not_a_tab_cell() -> None:
    report = parse_report("\tx\n\n\t\t\n")
    assert report.span.end_line == 3


@pytest.mark.parametrize("gap", [1, 32, 33, 34, 500])
def test_blank_lines_between_tab_rows_do_not_end_the_table(gap: int) -> None:
    text = "\t本年新收\n\t12\n" + "\n" * gap + "\t上年结转\n\t3\n"
    (table,) = parse_report(text).tables
    assert [[c.text for c in row.cells] for row in table.rows] == [["本年新收", "12"], ["上年结转", "3"]]


def test_a_long_run_of_blank_lines_in_a_tab_table_is_read_in_one_pass() -> None:
    # each blank line looks ahead for the next row; unbounded, 50,000 of them took hours
    text = "\t本年新收\n\t12\n" + "\n" * 50_000 + "\t上年结转\n\t3\n" + "\t\t\n\n" * 20_000
    report = parse_report(text)
    assert report.line_count >= 90_000
