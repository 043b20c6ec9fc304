"""HTML and Word tables read as a person reads them: merged cells, Word-export markup, the page's facts.

Small pages and documents are made here by hand (python-docx writes the Word files, with
real ``gridSpan`` and ``vMerge`` merges); the real files are in tests/fixtures/real.
"""

from __future__ import annotations

import io
from typing import Any

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, raises_en
from gialint.base.location import DocxCell, FilePosition
from gialint.base.span import Span
from gialint.formats import load
from gialint.read import read_bytes
from gialint.read.compose import Grid, GridCell, compose, markdown_rows
from gialint.run.api import LintResult, lint_bytes

REAL = FIXTURES / "real"
HEADINGS = "<h2>一、总体情况</h2><p>本年度工作正常开展。</p>\n<h2>三、收到和处理政府信息公开申请情况</h2>\n"
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
ORGS = ["科研机构", "社会公益组织", "法律服务机构", "其他"]


def _page(body: str, head: str = "", before: str = "") -> bytes:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8">{head}</head><body>{before}'
        f'<div class="article">{HEADINGS}{body}<h2>六、其他需要报告的事项</h2><p>无。</p></div></body></html>'
    ).encode()


def _rows(text: str) -> list[list[str]]:
    """The Markdown table rows of a composed text, as lists of cell texts."""
    return [[c.strip() for c in line[1:-1].split("|")] for line in text.split("\n") if line.startswith("|")]


def _errors(result: LintResult, table: str | None = None) -> list[str]:
    """The codes of the error-level findings (in ``table`` only, if given)."""
    return [
        d.code
        for d in result.diagnostics
        if d.severity.name.lower() == "error" and (table is None or (d.place or ("",))[0] == table)
    ]


# ---------------------------------------------------------------- merged cells, in the composer


def _cell(text: str, colspan: int = 1, rowspan: int = 1) -> GridCell:
    return GridCell(text, FilePosition(1, 1), colspan, rowspan)


def test_a_cell_spanning_columns_is_written_once_and_one_reaching_down_is_one_blank() -> None:
    wide, tall = _cell("商业企业", colspan=2), _cell("三、本年度办理结果", rowspan=2)
    grid = Grid(
        (
            (_cell("自然人", colspan=2), None, _cell("法人"), _cell("总计")),
            (_cell("x"), wide, None, _cell("t")),
            (tall, _cell("1"), _cell("0", colspan=2), None),
            (None, _cell("2"), _cell("0", colspan=2), None),
        )
    )
    assert [[c.text if c else None for c in row] for row in markdown_rows(grid)] == [
        ["自然人", "法人", "总计"],
        ["x", "商业企业", "t"],
        ["三、本年度办理结果", "1", "0"],
        [None, "2", "0"],
    ]


def test_columns_no_row_starts_a_cell_in_are_left_out_and_holes_before_a_cell_stay() -> None:
    # a reader that declares no spans (PDF): a column nobody starts in goes, a hole before a cell stays
    grid = Grid(((_cell("a"), None, _cell("b"), None), (None, None, _cell("c"), _cell("d"))))
    assert [[c.text if c else None for c in row] for row in markdown_rows(grid)] == [["a", "b"], [None, "c", "d"]]


def test_a_row_of_empty_cells_stays_and_a_row_without_cells_goes() -> None:
    grid = Grid(((_cell("行政复议"), _cell("总计")), (None, None), (_cell(""), _cell(""))))
    assert compose([grid])[0] == "\n| 行政复议 | 总计 |\n|  |  |\n"
    assert compose([Grid(((_cell(""), _cell("")),))])[0] == "\n"  # a grid with no text at all is no table


@given(st.integers(1, 6), st.integers(1, 6), st.data())
def test_a_grid_row_is_one_cell_per_cell_it_crosses(width: int, height: int, data: st.DataObject) -> None:
    # any tiling of a grid by merged cells: each row lists the cells crossing it, left to right,
    # a cell's text in its first row and a blank below
    owner: dict[tuple[int, int], int] = {}
    cells: list[tuple[int, int, int, int]] = []  # row, column, rowspan, colspan
    for r in range(height):
        for c in range(width):
            if (r, c) in owner:
                continue
            free = next((j for j in range(c, width) if (r, j) in owner), width) - c
            colspan = data.draw(st.integers(1, free))
            rowspan = data.draw(st.integers(1, height - r))
            blocked = (i for i in range(1, rowspan) if any((r + i, c + j) in owner for j in range(colspan)))
            rowspan = next(blocked, rowspan)
            owner.update({(r + i, c + j): len(cells) for i in range(rowspan) for j in range(colspan)})
            cells.append((r, c, rowspan, colspan))
    placed = {(r, c): GridCell(f"c{n}", FilePosition(1, 1), cs, rs) for n, (r, c, rs, cs) in enumerate(cells)}
    grid = Grid(tuple(tuple(placed.get((r, c)) for c in range(width)) for r in range(height)))
    expected = []
    for r in range(height):
        crossing = sorted({owner[(r, c)] for c in range(width)}, key=lambda n: cells[n][1])
        if any(cells[n][0] == r for n in crossing):
            expected.append([f"c{n}" if cells[n][0] == r else None for n in crossing])
    assert [[c.text if c else None for c in row] for row in markdown_rows(grid)] == expected


@given(
    st.lists(
        st.lists(
            st.tuples(st.sampled_from(["", "a", "bc", "12", "商业企业"]), st.integers(1, 3)), min_size=1, max_size=6
        ),
        min_size=1,
        max_size=6,
    )
)
def test_every_html_row_has_one_markdown_cell_per_cell_in_order(table: list[list[tuple[str, int]]]) -> None:
    # random colspans, and a first-column label reaching down over the next row now and then
    texts = [[f"{text}{r}x{c}" if text else "" for c, (text, _) in enumerate(row)] for r, row in enumerate(table)]
    assume(sum(map(len, table)) >= 2 and any(any(row) for row in texts))  # else it is no table, but text
    html_rows = []
    for r, row in enumerate(table):
        cells = [f'<td colspan="{span}">{texts[r][c]}</td>' for c, (_, span) in enumerate(row)]
        html_rows.append("<tr>" + "".join(cells) + "</tr>")
    page = _page('<table border="1">' + "".join(html_rows) + "</table>")
    assert _rows(read_bytes(page, "p.html").text) == texts


@given(st.lists(st.integers(1, 4), min_size=1, max_size=5), st.integers(1, 4))
def test_a_label_reaching_down_stands_as_one_blank_before_each_row_it_covers(spans: list[int], values: int) -> None:
    rows, expected = [], []
    for g, span in enumerate(spans):
        for i in range(span):
            own = [f"<td>{g}v{i}n{v}</td>" for v in range(values)]
            label = f'<td rowspan="{span}" colspan="2">组{g}</td>' if i == 0 else ""
            rows.append("<tr>" + label + "".join(own) + "</tr>")
            expected.append([f"组{g}" if i == 0 else ""] + [f"{g}v{i}n{v}" for v in range(values)])
    page = _page('<table border="1">' + "".join(rows) + "</table>")
    assert _rows(read_bytes(page, "p.html").text) == expected


@settings(max_examples=15)  # each example writes and reads a Word file
@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from(["", "a", "12", "商业企业"]), st.integers(1, 3)), min_size=1, max_size=4),
        min_size=1,
        max_size=4,
    )
)
def test_every_word_row_has_one_markdown_cell_per_cell_in_order(table: list[list[tuple[str, int]]]) -> None:
    import docx

    width = max(sum(span for _, span in row) for row in table)
    document = docx.Document()
    grid = document.add_table(rows=len(table), cols=width)
    expected = []
    for r, row in enumerate(table):
        cells, column, texts = grid.rows[r].cells, 0, []
        for c, (text, span) in enumerate(row):
            texts.append(f"{text}{r}x{c}" if text else "")
            cells[column].merge(cells[column + span - 1]).text = texts[-1]
            column += span
        expected.append(texts + [""] * (width - column))  # the row's cells Word keeps after them
    assume(any(any(row) for row in expected))  # else it is no table
    assume(sum(map(len, expected)) >= 2)  # one cell alone is a box around text
    out = io.BytesIO()
    document.save(out)
    assert _rows(read_bytes(out.getvalue(), "r.docx").text) == expected


# ---------------------------------------------------------------- 商业企业 over two grid columns


def _t3_rows() -> list[tuple[str, list[int]]]:
    """表三 (2021) as (label, values): 2 new requests, both granted."""
    out = []
    for row in load().tables["t3"].template("2021").rows:
        natural = 2 if row.key in ("new", "granted", "results_total") else 0
        out.append((row.label, [natural, 0, 0, 0, 0, 0, natural]))
    return out


def _shifted_t3_html() -> str:
    """表三 as Word exports it when a border is shifted: 商业企业 and its values span two of 11 grid columns."""
    rows = [
        f'<tr><td rowspan="3" colspan="3"><p>{NOTE}<o:p></o:p></p></td><td colspan="8">申请人情况</td></tr>',
        '<tr><td colspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>',
        '<tr><td><p><span><font>&nbsp;</font></span></p></td><td colspan="2"><p>商业<o:p></o:p></p><p>企业</p></td>'
        + "".join(f"<td>{org}</td>" for org in ORGS)
        + "</tr>",
    ]
    outcome = [r for r in _t3_rows() if r[0].startswith(("（", "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."))]
    for label, values in _t3_rows():
        cells = [f"<td><p><span>{v}</span><o:p></o:p></p></td>" for v in values]
        cells[1] = f'<td colspan="2">{values[1]}</td>'
        if (label, values) not in outcome:
            head = f'<td colspan="3">{label}</td>'
        elif label == outcome[0][0]:
            head = f'<td rowspan="{len(outcome)}">三、本年度办理结果</td><td colspan="2">{label}</td>'
        else:
            head = f'<td colspan="2">{label}</td>'
        rows.append("<tr>" + head + "".join(cells) + "</tr>")
    return '<table border="1">' + "".join(rows) + "</table>"


def test_html_cells_spanning_two_grid_columns_are_one_value_each() -> None:
    result = lint_bytes(_page(_shifted_t3_html()), "p.html")
    new = next(row for row in _rows(result.text) if row[0] == "一、本年新收政府信息公开申请数量")
    assert new == ["一、本年新收政府信息公开申请数量", "2", "0", "0", "0", "0", "0", "2"]
    t3 = result.document.table("t3")
    assert t3 is not None and t3.problems == ()
    assert [c.text for _, _, c in t3.value_cells()][:7] == ["2", "0", "0", "0", "0", "0", "2"]
    assert _errors(result, "t3") == []


def _shifted_t3_docx(blank_row: bool = False) -> bytes:
    """The same table in Word, merged with python-docx (gridSpan across, vMerge down)."""
    import docx

    rows = _t3_rows()
    outcome = [
        i
        for i, (label, _) in enumerate(rows)
        if label.startswith(("（", "1.", "2.", "3.", "4.", "5.", "6.", "7.", "8."))
    ]
    document = docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=3 + len(rows), cols=11)
    cells = [list(r.cells) for r in table.rows]
    cells[0][0].merge(cells[2][2]).text = NOTE
    cells[0][3].merge(cells[0][10]).text = "申请人情况"
    cells[1][3].merge(cells[1][4]).text = "自然人"
    cells[1][5].merge(cells[1][9]).text = "法人或其他组织"
    cells[1][10].merge(cells[2][10]).text = "总计"
    cells[2][4].merge(cells[2][5]).text = "商业企业"
    for i, org in enumerate(ORGS):
        cells[2][6 + i].text = org
    for i, (label, values) in enumerate(rows):
        r = 3 + i
        if i in outcome:
            cells[r][1].merge(cells[r][2]).text = label
        else:
            cells[r][0].merge(cells[r][2]).text = label
        cells[r][3].text = str(values[0])
        cells[r][4].merge(cells[r][5]).text = str(values[1])
        for j, value in enumerate(values[2:]):
            cells[r][6 + j].text = str(value)
    cells[3 + outcome[0]][0].merge(cells[3 + outcome[-1]][0]).text = "三、本年度办理结果"
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    t4 = document.add_table(rows=2 if blank_row else 1, cols=3)
    t4.rows[0].cells[0].merge(t4.rows[0].cells[1]).text = "行政复议"
    t4.rows[0].cells[2].text = "行政诉讼"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_word_cells_spanning_grid_columns_or_rows_are_one_cell_at_their_grid_position() -> None:
    data = _shifted_t3_docx()
    result = lint_bytes(data, "r.docx")
    source_map = read_bytes(data, "r.docx").source_map
    rows = _rows(result.text)
    assert rows[:3] == [
        [NOTE, "申请人情况"],
        ["", "自然人", "法人或其他组织", "总计"],
        ["", "", "商业企业", *ORGS, ""],
    ]
    assert rows[3] == ["一、本年新收政府信息公开申请数量", "2", "0", "0", "0", "0", "0", "2"]
    assert rows[6][:3] == ["", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "0"]  # 三、 reaches down
    t3 = result.document.table("t3")
    assert t3 is not None and t3.problems == ()
    # a cell keeps its Word grid column, so a finding and a fix reach the right cell
    commercial = t3.cell("new", "commercial")
    research = t3.cell("new", "research")
    assert commercial is not None and research is not None
    assert source_map is not None
    assert source_map.locate(commercial.span) == DocxCell(1, 4, 5)
    assert source_map.locate(research.span) == DocxCell(1, 4, 7)
    assert _errors(result, "t3") == []


def test_a_legacy_horizontal_merge_is_one_cell() -> None:
    # older Word and WPS merge across with w:hMerge: the continuing cell is a w:tc of its own
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    table = document.add_table(rows=2, cols=4)
    for r, texts in enumerate((["自然人", "商业企业", "", "科研机构"], ["3", "1", "", "2"])):
        for c, text in enumerate(texts):
            table.rows[r].cells[c].text = text
        for c, value in ((1, "restart"), (2, None)):
            merge = OxmlElement("w:hMerge")
            if value:
                merge.set(qn("w:val"), value)
            table.rows[r].cells[c]._tc.get_or_add_tcPr().append(merge)
    out = io.BytesIO()
    document.save(out)
    extracted = read_bytes(out.getvalue(), "r.docx")
    assert _rows(extracted.text) == [["自然人", "商业企业", "科研机构"], ["3", "1", "2"]]
    assert extracted.source_map is not None
    column = extracted.text.split("\n")[2].rindex("2") + 1
    assert extracted.source_map.locate(Span(3, column, 3, column + 1)) == DocxCell(1, 2, 4)  # its grid column


def test_a_word_table_that_lays_out_the_page_is_read_as_what_it_holds() -> None:
    # a box around prose (one cell), and a frame table holding the statistics table in a cell
    import docx

    from gialint.read.docx import W, body_elements, find_cell, paragraph_text

    document = docx.Document()
    box = document.add_table(rows=1, cols=1).cell(0, 0)
    box.text = "一、总体情况"
    box.add_paragraph("本年度共受理申请3件。")
    frame = document.add_table(rows=1, cols=2)
    frame.cell(0, 0).text = "附表"
    inner = frame.cell(0, 1).add_table(rows=2, cols=2)
    for r, texts in enumerate((["行政复议", "总计"], ["1", "1"])):
        for c, text in enumerate(texts):
            inner.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    extracted = read_bytes(out.getvalue(), "r.docx")
    assert extracted.text.split("\n")[:3] == ["一、总体情况", "本年度共受理申请3件。", "附表"]
    assert _rows(extracted.text) == [["行政复议", "总计"], ["1", "1"]]
    line = extracted.text.split("\n").index("| 1 | 1 |") + 1
    location = extracted.source_map.locate(Span(line, 3, line, 4)) if extracted.source_map else None
    assert location == DocxCell(1, 2, 1)  # the first table that holds data, as the fixer counts them too
    tables = [e for e in body_elements(docx.Document(io.BytesIO(out.getvalue())).element.body) if e.tag.endswith("tbl")]
    cell = find_cell(tables[0], 2, 1)
    assert cell is not None and [paragraph_text(p) for p in cell.iter(f"{W}p")] == ["1"]


def test_word_cells_and_rows_inside_content_controls_are_read() -> None:
    # a form-like template wraps fill-in cells (and whole rows) in content controls (w:sdt)
    import docx
    from docx.oxml import OxmlElement

    from gialint.read.docx import W, body_elements, find_cell, paragraph_text

    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r, texts in enumerate((["行政复议", "结果维持", "总计"], ["x", "1", "1"], ["y", "2", "2"])):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text

    def wrap(elements: list[Any]) -> None:
        sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        elements[0].addprevious(sdt)
        sdt.append(content)
        for element in elements:
            content.append(element)

    wrap(list(table.rows[1]._tr.tc_lst[1:]))  # the two value cells of the middle row
    wrap([table.rows[2]._tr])  # the last row as a whole
    out = io.BytesIO()
    document.save(out)
    extracted = read_bytes(out.getvalue(), "r.docx")
    assert _rows(extracted.text) == [["行政复议", "结果维持", "总计"], ["x", "1", "1"], ["y", "2", "2"]]
    tables = [e for e in body_elements(docx.Document(io.BytesIO(out.getvalue())).element.body) if e.tag == W + "tbl"]
    cell = find_cell(tables[0], 2, 3)  # the fixer reaches a cell inside a content control
    assert cell is not None and [paragraph_text(p) for p in cell.iter(f"{W}p")] == ["1"]


def test_a_span_no_word_table_has_is_bounded() -> None:
    # gridSpan and gridBefore of two billion columns: one cell, read at once, not a list of two billion
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for r in range(2):
        for c in range(2):
            table.cell(r, c).text = f"{r}{c}"
    for parent, tag in (
        (table.rows[0].cells[0]._tc.get_or_add_tcPr(), "w:gridSpan"),
        (table.rows[1]._tr.get_or_add_trPr(), "w:gridBefore"),
    ):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "2000000000")
        parent.append(element)
    out = io.BytesIO()
    document.save(out)
    assert _rows(read_bytes(out.getvalue(), "r.docx").text) == [["00", "01"], ["", "10", "11"]]


def test_a_word_table_of_too_many_grid_positions_is_refused_in_one_line() -> None:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    from gialint.read.source import ReadError

    document = docx.Document()
    table = document.add_table(rows=120, cols=1)
    for row in table.rows:
        before = OxmlElement("w:gridBefore")
        before.set(qn("w:val"), "999")
        row._tr.get_or_add_trPr().append(before)
    out = io.BytesIO()
    document.save(out)
    with raises_en(ReadError, r"^table 1 of the \.docx spans more than 100000 cells$"):
        read_bytes(out.getvalue(), "r.docx")


def test_a_word_row_of_empty_cells_stays_a_row() -> None:
    text = read_bytes(_shifted_t3_docx(blank_row=True), "r.docx").text
    assert text.rstrip().endswith("| 行政复议 | 行政诉讼 |\n|  |  |  |")


def test_the_blank_template_keeps_its_empty_review_and_litigation_row() -> None:
    result = lint_bytes((REAL / "blank-template-2021.docx").read_bytes(), "t.docx")
    text = result.text
    t4 = text[text.index("| 行政复议") :].split("\n\n")[0].split("\n")
    assert len(t4) == 4 and _rows(t4[-1]) == [[""] * 15]
    # the blank row is 表四's data row, left empty: blanks to fill, not a missing row
    assert _errors(result) == []
    blanks = {d.place for d in result.diagnostics if d.code == "GIA405" and d.place and d.place[0] == "t4"}
    assert len(blanks) == 15


# ---------------------------------------------------------------- Word-export markup


def test_word_export_markup_reads_as_the_text_a_reader_sees() -> None:
    body = (
        "<p>全年共受理申请<span>1</span><span>62</span>件<o:p></o:p></p>"
        '<table border="1"><tr><td><p>申请人<o:p></o:p></p><p>情况</p></td><td><p>&nbsp;<o:p></o:p></p></td>'
        '<td><font>&nbsp;</font><font>5</font><span style="display:none">0</span><script>var n=1;</script></td></tr>'
        "<![if !supportMisalignedColumns]><tr height=0><td width=57></td><td width=60></td><td></td></tr><![endif]>"
        '<tr style="display:none"><td>隐藏</td><td>9</td></tr>'
        "<tr><td>合计</td><td>1</td><td>2</td><td style='mso-cell-special:placeholder;border:none' width=0>&nbsp;</td></tr>"
        "</table>"
    )
    text = read_bytes(_page(body), "p.html").text
    assert "全年共受理申请162件\n" in text
    assert _rows(text) == [["申请人情况", "", "5"], ["合计", "1", "2"]]  # Word's placeholder cell is no cell


def test_the_title_comes_from_the_article_not_the_breadcrumb() -> None:
    before = (
        '<div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 某某市2021年政府信息公开工作年度报告</div>'
        '<div class="title">某某市2021年政府信息公开工作年度报告</div>'
    )
    text = read_bytes(_page("<p>正文。</p>", before=before), "p.html").text
    assert text.startswith("某某市2021年政府信息公开工作年度报告\n一、总体情况\n")
    assert "当前位置" not in text
    # the breadcrumb's last step, in an element of its own, is no title either
    crumb = '<div class="crumb">当前位置：<a>首页</a> &gt; <span>某某市2021年政府信息公开工作年度报告</span></div>'
    page = (
        f'<html><body>{crumb}<div class="article"><h1>某某市2021年政府信息公开工作年度报告</h1>{HEADINGS}'
        "<h2>六、其他需要报告的事项</h2></div></body></html>"
    )
    text = read_bytes(page.encode(), "p.html").text
    assert text.startswith("某某市2021年政府信息公开工作年度报告\n一、总体情况\n")


def test_menus_in_the_reports_own_element_are_not_the_report() -> None:
    # an office suite's export of a whole page: menus, breadcrumb and article all at one level
    chrome = "".join(
        f"<p>{line}</p>"
        for line in ("政府信息公开领导之窗政府机构要闻政府工作报告公示公告", "当前位置：", "首页", "政府信息公开年报")
    )
    page = (
        f'<html><body><div class="all">{chrome}<p>某某市2021年度政府信息公开工作年度报告</p>'
        f"<p>来源：某某市人民政府时间：2022-02-08 16:34</p>{HEADINGS}<h2>六、其他需要报告的事项</h2></div></body></html>"
    )
    lines = read_bytes(page.encode(), "p.html").text.split("\n")
    assert lines[:4] == [
        "某某市2021年度政府信息公开工作年度报告",
        "发布时间：2022-02-08 16:34",  # a value ends where the next label starts, glued or not
        "发布机构：某某市人民政府",
        "来源：某某市人民政府时间：2022-02-08 16:34",
    ]
    # a sentence before the title-like line means the page's text starts there: nothing is dropped
    page = page.replace("<p>首页</p>", "<p>本报告依据条例编制。</p>")
    lines = read_bytes(page.encode(), "p.html").text.split("\n")
    assert lines[1:4] == [
        "发布机构：某某市人民政府",
        "政府信息公开领导之窗政府机构要闻政府工作报告公示公告",
        "当前位置：",
    ]


# ---------------------------------------------------------------- the page's publication facts


def test_the_info_line_gives_the_date_and_body_right_after_the_title() -> None:
    before = (
        "<h1>某某市2021年政府信息公开工作年度报告</h1>"
        '<div class="info"><span>来源：</span><span>某某市人民政府办公室</span>'
        "<span>发布时间：2022-01-20 09:30</span><span>浏览次数：12</span></div>"
    )
    page = _page("<p>正文。</p>", head='<meta name="PubDate" content="2022-01-19">', before=before)
    extracted = read_bytes(page, "p.html")
    lines = extracted.text.split("\n")
    assert lines[:3] == [
        "某某市2021年政府信息公开工作年度报告",
        "发布时间：2022-01-20 09:30",  # the visible line wins over the meta tag
        "发布机构：某某市人民政府办公室",
    ]
    source = page.decode().split("\n")[0]
    assert extracted.source_map is not None
    for line, value in ((2, "2022-01-20 09:30"), (3, "某某市人民政府办公室")):
        at = extracted.source_map.locate(Span(line, 6, line, 7))
        assert isinstance(at, FilePosition)
        assert source[at.column - 1 :].startswith(value)


def test_an_info_line_inside_a_layout_table_is_found() -> None:
    # an older site lays out the whole page with tables: the info line sits in one of its cells
    page = (
        "<html><body><table><tr><td><table><tr><td>首页</td><td>政务公开</td></tr></table></td></tr>"
        "<tr><td><p>发布日期：2020-02-01　信息来源：某某县统计局</p>"
        f"{HEADINGS}<h2>六、其他需要报告的事项</h2></td></tr></table></body></html>"
    )
    lines = read_bytes(page.encode(), "p.html").text.split("\n")
    assert lines[:2] == ["发布时间：2020-02-01", "发布机构：某某县统计局"]


def test_meta_tags_state_the_facts_when_the_page_shows_none() -> None:
    head = (
        '<meta name="SiteName" content="某某市人民政府门户网站"><meta name="ContentSource" content="某某市统计局">'
        '<meta name="PubDate" content="2022-01-19 10:00">'
    )
    before = "<h1>某某市统计局2021年政府信息公开工作年度报告</h1>"
    lines = read_bytes(_page("<p>正文。</p>", head=head, before=before), "p.html").text.split("\n")
    assert lines[1:3] == ["发布时间：2022-01-19 10:00", "发布机构：某某市统计局"]


def test_the_publication_date_is_preferred_to_the_date_of_writing() -> None:
    before = "<h1>某某县2021年政府信息公开工作年度报告</h1><p>成文日期：2022-01-15　发布日期：2022-01-20</p>"
    lines = read_bytes(_page("<p>正文。</p>", before=before), "p.html").text.split("\n")
    assert lines[1] == "发布时间：2022-01-20"


def test_only_what_the_page_states_and_a_source_only_when_it_is_a_body() -> None:
    before = (
        "<h1>某某县2021年政府信息公开工作年度报告</h1><div>来源：某某日报　更新时间：2022-02-01</div>"
        '<meta name="SiteName" content="中国某某网">'
    )
    text = read_bytes(_page("<p>正文。</p>", before=before), "p.html").text
    assert "发布机构" not in text and "发布时间" not in text
    assert text.split("\n")[1] == "一、总体情况"


def test_with_the_title_inside_the_article_the_facts_follow_it() -> None:
    body = "<p>某某区2021年</p><p>政府信息公开工作年度报告</p>"
    page = (
        '<html><head><meta name="PubDate" content="2022-01-19"></head><body><div class="article">'
        f"{body}{HEADINGS}<h2>六、其他需要报告的事项</h2></div></body></html>"
    ).encode()
    lines = read_bytes(page, "p.html").text.split("\n")
    assert lines[:4] == ["某某区2021年", "政府信息公开工作年度报告", "发布时间：2022-01-19", "一、总体情况"]


# ---------------------------------------------------------------- the real pages


def test_pingtan_2021_reads_one_value_per_column_and_is_clean() -> None:
    result = lint_bytes((REAL / "pingtan-2021.html").read_bytes(), "pingtan-2021.html")
    assert _errors(result) == []
    t3 = result.document.table("t3")
    assert t3 is not None and t3.problems == ()
    assert [t3.cell("new", c.id).text for c in t3.template.columns] == ["64", "0", "0", "2", "0", "4", "70"]
    assert result.text.split("\n")[1:3] == ["发布时间：2022-02-08 16:34", "发布机构：平潭县人民政府"]


def test_pingtan_2020_has_only_its_two_wrong_totals() -> None:
    result = lint_bytes((REAL / "pingtan-2020.html").read_bytes(), "pingtan-2020.html")
    errors = [(d.code, d.place) for d in result.diagnostics if d.severity.name.lower() == "error"]
    assert sorted(errors) == [
        ("GIA302", ("t3", "results_total", "natural")),
        ("GIA302", ("t3", "results_total", "total")),
    ]
    assert result.text.startswith("平潭综合实验区2020年度政府信息公开工作年度报告\n发布时间：2021-03-05 08:58\n")


def test_the_2011_page_keeps_its_own_title_and_facts() -> None:
    text = read_bytes((REAL / "pingtan-2011-legacy.html").read_bytes(), "p.html").text
    assert text.split("\n")[:3] == [
        "平潭综合实验区2011年政府信息公开工作年度报告",
        "发布时间：2012-04-11 00:00",
        "发布机构：平潭综合实验区管委会办公室",
    ]


@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                [
                    "来源：",
                    "发布时间：",
                    "时间:",
                    "更新时间：",
                    "成文日期：",
                    "发布机构：",
                    "发文机关：",
                    " ",
                    "某某县人民政府",
                    "日报",
                ]
            ),
            st.sampled_from(["2022-02-08 16:34", "2021年3月5日", "本站", "浏览次数：3"]),
            st.text(max_size=8),
        ),
        max_size=12,
    )
)
def test_page_facts_are_only_what_the_text_states(pieces: list[str]) -> None:
    from gialint.read import page_info

    stated = page_info.from_text([(piece, None) for piece in pieces])
    text = " ".join(pieces)
    assert len({s.field for s in stated}) == len(stated) <= 2
    for fact in stated:
        assert fact.value and fact.value in text  # never a value the page does not hold
        assert fact.label.rstrip("：: \u3000") in text
        if "来源" in fact.label:
            assert fact.value.endswith(page_info._vocabulary().body_endings)  # a source that names a body, not a medium
