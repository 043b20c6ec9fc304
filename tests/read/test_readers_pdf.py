"""The PDF reader: real exports (tests/fixtures/real) and pages drawn here with reportlab.

What is checked: boxed prose is prose, a ruled table is a table (also across pages),
Kangxi radicals read as the ideographs they show, digits drawn one by one make one
number, punctuation opening a line goes back to the line before, and the grid builder
turns rules into cells.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import raises_en
from gialint.base.diagnostic import Severity
from gialint.base.location import PdfPosition
from gialint.read import read_bytes
from gialint.read.pdf_grid import regions
from gialint.read.pdf_lines import line_text
from gialint.read.pdf_page import Char, as_shown
from gialint.read.source import ReadError
from gialint.run.api import lint_bytes

REAL = Path(__file__).parents[1] / "fixtures" / "real"
FONT = "STSong-Light"
HEADINGS = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]


def canvas_pdf(*pages: Callable[[object], None]) -> bytes:
    """A4 pages, each drawn by one function given the reportlab canvas."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    for draw in pages:
        page.setFont(FONT, 12)
        draw(page)
        page.showPage()
    page.save()
    return out.getvalue()


def boxed_lines(texts: Sequence[str], top: float = 780, height: float = 24, gap: float = 0, fill: bool = False):
    """A page where every line of text sits in its own drawn box, full width (a "framed" Word export)."""

    def draw(page: object) -> None:
        y = top
        for text in texts:
            page.rect(70, y - height, 455, height, stroke=1, fill=1 if fill else 0)  # type: ignore[attr-defined]
            if fill:
                page.setFillColorRGB(0, 0, 0)  # type: ignore[attr-defined]
            page.drawString(76, y - height + 7, text)  # type: ignore[attr-defined]
            y -= height + gap

    return draw


def ruled_table(rows: Sequence[Sequence[str]], top: float, widths: Sequence[float], height: float = 22):
    """A table ruled with stroked lines, one cell per string, drawn from ``top`` down."""

    def draw(page: object) -> None:
        y = top
        for row in rows:
            x = 70.0
            for text, width in zip(row, widths, strict=True):
                page.rect(x, y - height, width, height, stroke=1, fill=0)  # type: ignore[attr-defined]
                page.drawString(x + 4, y - height + 6, text)  # type: ignore[attr-defined]
                x += width
            y -= height

    return draw


def both(*draws: Callable[[object], None]) -> Callable[[object], None]:
    def draw(page: object) -> None:
        for one in draws:
            one(page)

    return draw


# ---------------------------------------------------------------- real files


def test_hongze_framed_pages_give_every_section_and_exactly_the_known_defects() -> None:
    result = lint_bytes((REAL / "hongze-2023.pdf").read_bytes(), "hongze-2023.pdf")
    lines = result.text.splitlines()
    for heading in (*HEADINGS[:2], "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        assert heading in lines  # a line of its own, not a table row
    assert not any(line.startswith("| 本报告由") or line.startswith("| 一、总体情况") for line in lines)
    errors = sorted((d.code, d.place) for d in result.diagnostics if d.severity is Severity.ERROR)
    assert [e for e in errors if e[0] == "GIA304"] == [
        ("GIA304", ("t4", "cases", "after_review.total")),
        ("GIA304", ("t4", "cases", "review.total")),
    ]
    assert {code for code, place in errors} <= {"GIA201", "GIA202", "GIA304"}
    assert any(code in ("GIA201", "GIA202") and place[0] == "t3" for code, place in errors)
    label = next(d for d in result.diagnostics if d.code == "GIA203")
    assert label.place[0] == "t3" and label.found is not None and "止公开" in label.found
    assert isinstance(label.location, PdfPosition) and label.location.page == 3


def test_hongze_tables_have_their_shape() -> None:
    result = lint_bytes((REAL / "hongze-2023.pdf").read_bytes(), "hongze-2023.pdf")
    t2, t3, t4 = (result.document.table(t) for t in ("t2", "t3", "t4"))
    assert t2 is not None and t3 is not None and t4 is not None
    assert len(t2.sources) == 1  # one table, although it runs over two pages
    assert [c.text for _, _, c in t2.value_cells()] == ["0", "0", "0", "0", "5", "5", "550", "4119", "195", "7730.28"]
    assert len(list(t3.value_cells())) == 23 * 7  # the 2019 table 3: one row for （六）其他处理
    # the label drawn top to bottom in a narrow column, whose glyph boxes PDFium scales wrongly
    assert "| 三、本年度办理结果 | （一）予以公开 |" in result.text
    review, direct, after = ["10", "1", "0", "0", "0"], ["0"] * 5, ["5", "0", "0", "0", "0"]  # totals 0 and 0: wrong
    assert [c.text for _, _, c in t4.value_cells()] == review + direct + after


def test_huaian_is_clean_and_its_page_break_does_not_cut_a_cell() -> None:
    result = lint_bytes((REAL / "huaian-2024.pdf").read_bytes(), "huaian-2024.pdf")
    assert [d.code for d in result.diagnostics if d.severity is Severity.ERROR] == []
    lines = result.text.splitlines()
    assert "一、总体情况" in lines and "二、主动公开政府信息情况" in lines  # no "。" stuck in front
    assert any("| （四）无法提供 |" in line for line in lines)
    # "、" drawn with a tiny box stays in its line
    assert "开而少用、更新不及时、不互动不回应、表述不规范" in result.text
    t3 = result.document.table("t3")
    assert t3 is not None and t3.problems == () and len(list(t3.value_cells())) == 25 * 7
    t2 = result.document.table("t2")
    assert t2 is not None and "3985758" in [c.text for _, _, c in t2.value_cells()]


@pytest.mark.parametrize("maker", ["chromium", "libreoffice"])
def test_pdfs_printed_by_a_browser_and_an_office_suite_give_the_known_defects_only(maker: str) -> None:
    """The 平潭 pages printed by Chromium and exported by LibreOffice (tests/fixtures/real/generated)."""
    wrong = lint_bytes((REAL / "generated" / f"pingtan-2020.{maker}.pdf").read_bytes(), "r.pdf")
    errors = sorted((d.code, d.place) for d in wrong.diagnostics if d.severity is Severity.ERROR)
    assert errors == [("GIA302", ("t3", "results_total", "natural")), ("GIA302", ("t3", "results_total", "total"))]
    clean = lint_bytes((REAL / "generated" / f"pingtan-2021.{maker}.pdf").read_bytes(), "r.pdf")
    assert [d.code for d in clean.diagnostics if d.severity is Severity.ERROR] == []
    t3 = clean.document.table("t3")
    assert t3 is not None and t3.problems == ()  # 商业企业 spans two grid columns: still seven values a row


def test_a_pdf_without_unicode_mapping_is_refused_in_one_line() -> None:
    with raises_en(ReadError, "no Unicode mapping") as error:
        read_bytes((REAL / "unreadable-font.pdf").read_bytes(), "unreadable-font.pdf")
    assert "\n" not in str(error.value)


# ---------------------------------------------------------------- drawn pages


def test_boxed_prose_is_prose_and_a_ruled_table_under_it_is_a_table() -> None:
    prose = ["一、总体情况", "本机关坚持以公开为常态、不公开为例外。", "二、主动公开政府信息情况"]
    table = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "1", "0", "3"]]
    for fill in (False, True):  # stroked boxes, and filled boxes (cell shading) as Word draws them
        page = both(boxed_lines(prose, fill=fill), ruled_table(table, 780 - 3 * 24, [155, 100, 100, 100]))
        text = read_bytes(canvas_pdf(page), "r.pdf").text
        lines = [line for line in text.splitlines() if line]
        assert lines[:3] == prose
        assert lines[3:] == ["| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |", "| 规章 | 1 | 0 | 3 |"]


def test_a_frame_around_the_page_is_not_a_table() -> None:
    def frame(page: object) -> None:
        page.rect(40, 40, 515, 760, stroke=1, fill=0)  # type: ignore[attr-defined]
        for i, heading in enumerate(HEADINGS):
            page.drawString(72, 700 - 30 * i, heading)  # type: ignore[attr-defined]

    assert read_bytes(canvas_pdf(frame), "r.pdf").text.splitlines() == HEADINGS


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.text(alphabet="政府信息公开年度报告一二三、，。0123456789", max_size=30).map("政".__add__),
        min_size=1,
        max_size=8,
    ),
    st.floats(min_value=16, max_value=40),
    st.sampled_from([0.0, 0.2, 3.0, 12.0]),
)
def test_any_stack_of_boxed_lines_is_read_as_lines(texts: list[str], height: float, gap: float) -> None:
    text = read_bytes(canvas_pdf(boxed_lines(texts, height=height, gap=gap)), "r.pdf").text
    assert "|" not in text
    assert text.splitlines() == texts


def test_a_table_across_two_pages_is_one_table() -> None:
    header = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]
    rows = [["规章", "1", "0", "3"], ["行政规范性文件", "2", "1", "5"]]
    widths = [155, 100, 100, 100]
    first = both(lambda p: p.drawString(72, 790, HEADINGS[1]), ruled_table(header + rows[:1], 100, widths))
    second = ruled_table(rows[1:], 800, widths)
    text = read_bytes(canvas_pdf(first, second), "r.pdf").text
    assert "| 规章 | 1 | 0 | 3 |\n| 行政规范性文件 | 2 | 1 | 5 |" in text  # no blank line: one table


def test_a_table_with_another_layout_on_the_next_page_stays_apart() -> None:
    first = ruled_table([["信息内容", "本年制发件数", "本年废止件数"], ["规章", "1", "0"]], 100, [155, 100, 200])
    second = ruled_table([["行政复议", "行政诉讼"], ["1", "2"]], 800, [300, 155])
    text = read_bytes(canvas_pdf(first, second), "r.pdf").text
    assert "| 规章 | 1 | 0 |\n\n| 行政复议 | 行政诉讼 |" in text


def test_digits_drawn_one_by_one_make_one_number() -> None:
    def draw(page: object) -> None:
        x = 72.0
        for char in "2023年受理申请121件":
            page.drawString(x, 700, char)  # type: ignore[attr-defined]
            x += (6.5 if char.isdigit() else 12) + (2.5 if char.isdigit() else 0)  # letter-spaced digits

    assert read_bytes(canvas_pdf(draw), "r.pdf").text.splitlines() == ["2023年受理申请121件"]


def test_punctuation_opening_a_line_goes_back_to_the_line_before() -> None:
    def draw(page: object) -> None:
        page.drawString(72, 700, "请与本机关联系（电话：12345）")  # type: ignore[attr-defined]
        page.drawString(72, 680, "。一、总体情况")  # type: ignore[attr-defined]

    lines = read_bytes(canvas_pdf(draw), "r.pdf").text.splitlines()
    assert lines == ["请与本机关联系（电话：12345）。", "一、总体情况"]


def test_kangxi_radicals_read_as_the_ideographs_they_show() -> None:
    def draw(page: object) -> None:
        page.drawString(72, 700, "\u2f00、总体情况")  # type: ignore[attr-defined]  # ⼀ KANGXI RADICAL ONE
        page.drawString(72, 670, "\u2f06、主动公开政府信息情况")  # type: ignore[attr-defined]  # ⼆ KANGXI RADICAL TWO

    assert read_bytes(canvas_pdf(draw), "r.pdf").text.splitlines() == HEADINGS[:2]


def test_only_lookalike_ranges_are_mapped() -> None:
    assert as_shown("\u2f00") == "一" and as_shown("\uf900") == "豈" and as_shown("\u2e9f") == "母"
    assert as_shown("，") == "，" and as_shown("（") == "（" and as_shown("１") == "１"  # full width stays


def test_line_text_spaces() -> None:
    def chars(spec: list[tuple[str, float]]) -> list[Char]:
        return [Char(t, x, 0, x + (6 if t.isascii() else 12), 13) for t, x in spec]

    assert line_text(chars([("1", 0), ("6", 9), ("2", 18)])) == "162"  # 3 pt between digits: one number
    assert line_text(chars([("1", 0), ("6", 20)])) == "1 6"  # a gap wider than a digit: two numbers
    assert line_text(chars([("政", 0), ("府", 20)])) == "政府"  # no space between Chinese characters
    assert line_text(chars([("a", 0), ("b", 15)])) == "a b"


# ---------------------------------------------------------------- the grid builder


def grid_segments(columns: Sequence[float], rows: Sequence[float]) -> list[tuple[bool, float, float, float]]:
    horizontal = [(True, y, columns[0], columns[-1]) for y in rows]
    vertical = [(False, x, rows[0], rows[-1]) for x in columns]
    return horizontal + vertical


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(min_value=8, max_value=120), min_size=1, max_size=6),
    st.lists(st.floats(min_value=8, max_value=60), min_size=1, max_size=8),
)
def test_rules_of_a_plain_grid_give_every_cell_once(widths: list[float], heights: list[float]) -> None:
    columns = [50 + sum(widths[:i]) for i in range(len(widths) + 1)]
    rows = [100 + sum(heights[:i]) for i in range(len(heights) + 1)]
    found = regions(grid_segments(columns, rows))
    assert len(found) == 1
    cells = found[0].cells
    assert sorted((c.row, c.column) for c in cells) == [(r, c) for r in range(len(heights)) for c in range(len(widths))]
    assert all(c.rowspan == 1 and c.colspan == 1 for c in cells)


def test_a_merged_cell_stands_once_at_its_top_left() -> None:
    columns, rows = [0.0, 100.0, 150.0, 200.0], [0.0, 20.0, 40.0]
    segments = grid_segments(columns, rows)
    segments = [s for s in segments if not (not s[0] and s[1] == 150.0)]  # no rule between columns 1 and 2
    segments.append((False, 150.0, 20.0, 40.0))  # ... in the first row only
    (region,) = regions(segments)
    top = [c for c in region.cells if c.row == 0]
    assert [(c.column, c.colspan) for c in top] == [(0, 1), (1, 2)]
    assert len([c for c in region.cells if c.row == 1]) == 3


def test_a_top_rule_drawn_over_some_columns_only_still_closes_the_row() -> None:
    columns, rows = [0.0, 100.0, 200.0], [0.0, 20.0, 40.0]
    segments = [s for s in grid_segments(columns, rows) if not (s[0] and s[1] == 0.0)]
    segments.append((True, 0.0, 100.0, 200.0))  # the top of the first row, over the second column only
    (region,) = regions(segments)
    assert sorted((c.row, c.column) for c in region.cells) == [(0, 0), (0, 1), (1, 0), (1, 1)]


def test_hairline_gaps_between_filled_cells_are_one_rule() -> None:
    segments: list[tuple[bool, float, float, float]] = []
    for x0, x1 in ((0.0, 99.8), (100.0, 200.0)):  # two cells drawn as rectangles 0.2 pt apart
        for y0, y1 in ((0.0, 19.8), (20.0, 40.0)):
            segments += [(True, y0, x0, x1), (True, y1, x0, x1), (False, x0, y0, y1), (False, x1, y0, y1)]
    (region,) = regions(segments)
    assert len(region.cells) == 4 and len(region.columns) == 3 and len(region.rows) == 3


def test_double_borders_stay_two_rules_and_a_frame_does_not_swallow_its_table() -> None:
    """Chromium draws each cell's border apart from its neighbour's, and the table's frame around them."""
    segments = grid_segments([100.0, 102.0, 200.0, 202.0, 300.0], [100.0, 120.0, 140.0])
    segments += grid_segments([90.0, 310.0], [90.0, 150.0])  # the frame, 10 pt out
    found = regions(segments)
    inner = max(found, key=lambda r: len(r.cells))
    assert len(found) == 2 and len(inner.cells) == 2 * 2  # 100/102 are one rule (within 3 pt), 200/202 too
    assert inner.columns == pytest.approx([101.0, 201.0, 300.0])

    def draw(page: object) -> None:
        page.rect(60, 500, 470, 150, stroke=1, fill=0)  # type: ignore[attr-defined]  # the frame
        ruled_table([["行政复议", "行政诉讼"], ["1", "2"]], 620, [200, 200])(page)

    assert "| 行政复议 | 行政诉讼 |\n| 1 | 2 |" in read_bytes(canvas_pdf(draw), "r.pdf").text


def test_rules_spread_over_more_than_the_snap_distance_do_not_chain() -> None:
    from gialint.read.pdf_grid import SNAP, _clusters

    assert len(_clusters([437.0, 438.0, 440.0, 443.0, 444.0, 446.0])) == 2
    assert len(_clusters([10.0, 10.0 + SNAP])) == 1


def test_a_page_that_is_a_drawing_is_not_searched_for_tables() -> None:
    from gialint.read.pdf_grid import MAX_PIECES

    hatching = [(True, 10.0 + i * 0.01, 0.0, 50.0) for i in range(MAX_PIECES)] + [(False, 25.0, 0.0, 300.0)]
    assert regions(hatching) == []
    assert len(regions(grid_segments([0.0, 50.0, 100.0], [0.0, 20.0]))) == 1  # a table is still one


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_page_turned_by_rotate_is_read_as_it_is_shown(rotation: int) -> None:
    """A landscape table page made by /Rotate, its content drawn turned the other way."""
    from reportlab.lib.pagesizes import A4

    width, height = A4
    shown = (height, width) if rotation in (90, 270) else (width, height)
    table = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "1", "0", "3"]]

    def draw(page: object) -> None:
        page.setPageRotation(rotation)  # type: ignore[attr-defined]
        move = {90: (width, 0.0), 180: (width, height), 270: (0.0, height)}[rotation]
        page.translate(*move)  # type: ignore[attr-defined]
        page.rotate(rotation)  # type: ignore[attr-defined]  # counter-clockwise: undoes /Rotate's clockwise turn
        page.drawString(72, shown[1] - 72, HEADINGS[1])  # type: ignore[attr-defined]
        ruled_table(table, shown[1] - 100, [155, 100, 100, 100])(page)

    text = read_bytes(canvas_pdf(draw), "r.pdf").text
    assert text.splitlines() == [
        HEADINGS[1],
        "",
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
        "| 规章 | 1 | 0 | 3 |",
    ]


def test_a_table_drawn_inside_a_form_xobject_is_found() -> None:
    """Some producers draw a page's content as a reusable form (an XObject), moved into place."""
    table = [["信息内容", "本年制发件数"], ["规章", "1"]]

    def draw(page: object) -> None:
        page.beginForm("table")  # type: ignore[attr-defined]
        page.setFont(FONT, 12)  # type: ignore[attr-defined]
        ruled_table(table, 100, [155, 100])(page)
        page.endForm()  # type: ignore[attr-defined]
        page.saveState()  # type: ignore[attr-defined]
        page.translate(20, 500)  # type: ignore[attr-defined]
        page.doForm("table")  # type: ignore[attr-defined]
        page.restoreState()  # type: ignore[attr-defined]

    assert read_bytes(canvas_pdf(draw), "r.pdf").text.splitlines() == [
        "",
        "| 信息内容 | 本年制发件数 |",
        "| 规章 | 1 |",
    ]


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet="0123456789", min_size=1, max_size=12), st.data())
def test_digits_closer_than_a_digit_make_one_number(number: str, data: st.DataObject) -> None:
    chars: list[Char] = [Char("第", -14.0, 0.0, -1.0, 13.0)]
    x = 0.0
    for digit in number:
        if chars[-1].text.isdigit():
            x += data.draw(st.floats(min_value=0.0, max_value=10.0))  # up to about one digit's width apart
        chars.append(Char(digit, x, 0.0, x + 6.5, 13.0))
        x += 6.5
    chars.append(Char("件", x + 1, 0.0, x + 14, 13.0))
    assert line_text(chars) == f"第{number}件"


def test_a_running_header_is_dropped_and_does_not_split_a_table() -> None:
    rows = [["信息内容", "本年制发件数", "本年废止件数"], ["规章", "1", "0"], ["行政规范性文件", "2", "1"]]
    widths = [155, 100, 100]

    def header(number: int) -> Callable[[object], None]:
        def draw(page: object) -> None:
            page.drawString(72, 810, "某某区人民政府办公室")  # type: ignore[attr-defined]
            page.drawString(400, 20, f"2021年度报告 第{number}页")  # type: ignore[attr-defined]

        return draw

    first = both(header(1), lambda p: p.drawString(72, 760, HEADINGS[1]), ruled_table(rows[:2], 100, widths))
    second = both(header(2), ruled_table(rows[2:], 780, widths), lambda p: p.drawString(72, 700, HEADINGS[2]))
    text = read_bytes(canvas_pdf(first, second), "r.pdf").text
    assert text.splitlines() == [
        HEADINGS[1],
        "",
        "| 信息内容 | 本年制发件数 | 本年废止件数 |",
        "| 规章 | 1 | 0 |",
        "| 行政规范性文件 | 2 | 1 |",
        "",
        HEADINGS[2],
    ]


def test_a_heading_at_the_top_of_one_page_only_stays() -> None:
    def page(text: str) -> Callable[[object], None]:
        return lambda p: p.drawString(72, 810, text)  # type: ignore[attr-defined]

    assert read_bytes(canvas_pdf(page(HEADINGS[0]), page(HEADINGS[1])), "r.pdf").text.splitlines() == HEADINGS[:2]


@st.composite
def merged_grids(draw: st.DrawFn) -> tuple[list[float], list[float], list[tuple[int, int, int, int]]]:
    """Column and row positions, and cells (row, column, rowspan, colspan) tiling the grid, some merged."""
    widths = draw(st.lists(st.integers(min_value=8, max_value=80), min_size=1, max_size=6))
    heights = draw(st.lists(st.integers(min_value=8, max_value=40), min_size=1, max_size=6))
    columns = [40.0 + sum(widths[:i]) for i in range(len(widths) + 1)]
    rows = [60.0 + sum(heights[:i]) for i in range(len(heights) + 1)]
    covered: set[tuple[int, int]] = set()
    cells = []
    for r in range(len(heights)):
        for c in range(len(widths)):
            if (r, c) in covered:
                continue
            rowspan = draw(st.integers(min_value=1, max_value=len(heights) - r))
            colspan = draw(st.integers(min_value=1, max_value=len(widths) - c))
            while any((i, j) in covered for i in range(r, r + rowspan) for j in range(c, c + colspan)):
                rowspan, colspan = max(1, rowspan - 1), max(1, colspan - 1)
            covered |= {(i, j) for i in range(r, r + rowspan) for j in range(c, c + colspan)}
            cells.append((r, c, rowspan, colspan))
    return columns, rows, cells


@settings(max_examples=80, deadline=None)
@given(merged_grids())
def test_every_cell_of_a_grid_with_merged_cells_is_found_once_at_its_top_left(
    grid: tuple[list[float], list[float], list[tuple[int, int, int, int]]],
) -> None:
    columns, rows, cells = grid
    boxes = [(columns[c], rows[r], columns[c + cs], rows[r + rs]) for r, c, rs, cs in cells]
    segments = [
        segment
        for x0, y0, x1, y1 in boxes
        for segment in ((True, y0, x0, x1), (True, y1, x0, x1), (False, x0, y0, y1), (False, x1, y0, y1))
    ]
    (region,) = regions(segments)
    assert sorted(tuple(round(v, 6) for v in c.box) for c in region.cells) == sorted(boxes)
    for cell in region.cells:
        assert region.columns[cell.column] == pytest.approx(cell.box[0])
        assert region.rows[cell.row] == pytest.approx(cell.box[1])
        assert region.columns[cell.column + cell.colspan] == pytest.approx(cell.box[2])
        assert region.rows[cell.row + cell.rowspan] == pytest.approx(cell.box[3])


def aligned_rows(rows: Sequence[Sequence[str]], top: float, widths: Sequence[float]) -> Callable[[object], None]:
    """Rows drawn without rules: labels left-aligned, numbers right-aligned in their columns."""

    def draw(page: object) -> None:
        y = top
        for row in rows:
            x = 72.0
            for text, width in zip(row, widths, strict=True):
                if text.isdigit():
                    page.drawRightString(x + width - 40, y, text)  # type: ignore[attr-defined]
                else:
                    page.drawString(x, y, text)  # type: ignore[attr-defined]
                x += width
            y -= 22

    return draw


def test_a_table_without_rules_whose_cells_line_up_and_carry_labels_is_a_table() -> None:
    rows = [
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "1", "0", "13"],
        ["行政规范性文件", "2", "11", "5"],
    ]
    page = both(lambda p: p.drawString(72, 760, HEADINGS[1]), aligned_rows(rows, 720, [140, 100, 100, 100]))
    result = lint_bytes(canvas_pdf(page), "r.pdf")
    assert result.text.splitlines()[2:] == [
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |",
        "| 规章 | 1 | 0 | 13 |",
        "| 行政规范性文件 | 2 | 11 | 5 |",
    ]
    t2 = result.document.table("t2")
    assert t2 is not None and [c.text for _, _, c in t2.value_cells()] == ["1", "0", "13", "2", "11", "5"]


@settings(max_examples=15, deadline=None)
@given(
    st.lists(
        st.tuples(*[st.text(alphabet="甲乙丙丁戊己庚辛壬癸12345", min_size=1, max_size=8)] * 2), min_size=2, max_size=6
    )
)
def test_lines_in_columns_without_a_table_label_stay_lines(rows: list[tuple[str, str]]) -> None:
    """An address block or a signature with wide gaps is not a table: it carries no label of the format."""
    text = read_bytes(canvas_pdf(aligned_rows([["乙" + a, "丙" + b] for a, b in rows], 700, [200, 200])), "r.pdf").text
    assert "|" not in text and len(text.splitlines()) == len(rows)


def test_an_indented_line_starts_a_paragraph_even_after_a_line_that_runs_to_the_margin() -> None:
    first, wrapped, second = "甲" * 35, "乙" * 37 + "。", "丙" * 10 + "。"

    def draw(page: object) -> None:
        page.drawString(96, 700, first)  # type: ignore[attr-defined]  # indented two characters
        page.drawString(72, 684, wrapped)  # type: ignore[attr-defined]  # runs to the right margin, ends a sentence
        page.drawString(96, 668, second)  # type: ignore[attr-defined]  # indented: a new paragraph

    assert read_bytes(canvas_pdf(draw), "r.pdf").text.splitlines() == [first + wrapped, second]


def test_a_row_cut_by_the_page_break_is_one_row() -> None:
    """The label's last words and the row's empty rest at the top of the next page go back into the row."""
    widths = [330, 60, 60]
    cut = [["（四）无法提供", "", ""], ["1.申请人无正当理由逾期不补正、行政机关不再", "1", "1"]]
    rest = [["处理其政府信息公开申请", "", ""], ["2.重复申请", "0", "0"]]
    text = read_bytes(canvas_pdf(ruled_table(cut, 100, widths), ruled_table(rest, 800, widths)), "r.pdf").text
    assert text.splitlines()[1:] == [
        "| （四）无法提供 |  |  |",
        "| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 1 | 1 |",
        "| 2.重复申请 | 0 | 0 |",
    ]
