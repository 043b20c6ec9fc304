"""Writing a plain-text report as .docx, .html or .pdf, the way agencies publish them.

Tests use these to check that every format gives the same findings as the text it was
made from, and the benchmark uses them to build corpora. The text is parsed; headings
become Word heading styles / ``<h2>``; tables become real grids with merged cells:

* a row with a single cell spans the whole table (a caption such as "第二十条第（一）项");
* a shorter row is aligned to the right (its values under the value columns), and the
  positions it leaves open on the left continue a label cell from the row above — a
  vertical merge, as "三、本年度办理结果" spans the result rows — or stay empty.

python-docx writes .docx; the PDF is drawn with reportlab in the Adobe CID font
STSong-Light, which every PDF reader has, so no font file is needed.
"""

from __future__ import annotations

import html
import io
from collections.abc import Iterator, Sequence

from attrs import define, frozen

from gialint.parse.ast import Report, Table
from gialint.parse.driver import parse_normalized
from gialint.parse.values import ValueKind
from gialint.read.source import normalize_newlines


@define
class Slot:
    """One anchored cell of a grid and how far it spans."""

    text: str
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1
    is_label: bool = True


@frozen
class Line:
    text: str
    level: int = 0  # 0: body text; 1: title; 2: section heading; 3: subsection heading


@frozen
class GridTable:
    width: int
    height: int
    slots: tuple[Slot, ...]

    def rows(self) -> Iterator[list[Slot]]:
        for r in range(self.height):
            yield [s for s in self.slots if s.row == r]


Block = Line | GridTable


def _table_rows(table: Table) -> list[list[tuple[str, bool]]]:
    """Rows of (text, is_label).

    The pipe layout has no row breaks: its single run of cells is split before each
    label that follows a value, a run of more than three labels before the values is a
    header (the last label names the row), and a header is folded to the width of the
    value rows.
    """
    cells = [
        [(cell.text.replace("\n", ""), cell.value.kind in (ValueKind.TEXT, ValueKind.BLANK)) for cell in row.cells]
        for row in table.rows
    ]
    if table.layout.row_breaks_known:
        return cells
    rows: list[list[tuple[str, bool]]] = [[]]
    for cell in cells[0]:
        if cell[1] and rows[-1] and not rows[-1][-1][1]:
            rows.append([])
        rows[-1].append(cell)
    split: list[list[tuple[str, bool]]] = []
    for row in rows:
        labels = next((i for i, (_, is_label) in enumerate(row) if not is_label), len(row))
        if 3 < labels < len(row):
            split.extend((row[: labels - 1], row[labels - 1 :]))
        else:
            split.append(row)
    width = max((len(r) for r in split if not all(is_label for _, is_label in r)), default=0)
    folded: list[list[tuple[str, bool]]] = []
    for row in split:
        if width and len(row) > width and all(is_label for _, is_label in row):
            folded.extend(row[i : i + width] for i in range(0, len(row), width))
        elif row:
            folded.append(row)
    return folded


def grid_of(table: Table) -> GridTable:
    rows = _table_rows(table)
    width = max(len(r) for r in rows)
    slots: list[Slot] = []
    owner: dict[tuple[int, int], Slot] = {}  # every covered position -> its slot
    for r, row in enumerate(rows):
        if len(row) == 1:
            slot = Slot(row[0][0], r, 0, colspan=width, is_label=row[0][1])
            slots.append(slot)
            owner.update({(r, c): slot for c in range(width)})
            continue
        offset = width - len(row)
        for c in range(offset):
            above = owner.get((r - 1, c))
            if above is not None and above.is_label and above.text and above.colspan == 1:
                above.rowspan += 1
                owner[(r, c)] = above
            else:
                slot = Slot("", r, c)
                slots.append(slot)
                owner[(r, c)] = slot
        for i, (text, is_label) in enumerate(row):
            slot = Slot(text, r, offset + i, is_label=is_label)
            slots.append(slot)
            owner[(r, offset + i)] = slot
    return GridTable(width, len(rows), tuple(slots))


def blocks_of(text: str) -> list[Block]:
    """The report as lines and grids, in order."""
    text = normalize_newlines(text)
    report: Report = parse_normalized(text)
    lines = text.split("\n")
    levels: dict[int, int] = {}
    if report.title is not None:
        for n in range(report.title.span.line, report.title.span.end_line + 1):
            levels[n] = 1
    for section in report.sections:
        levels[section.heading.span.line] = 2
        for block in section.blocks:
            heading = getattr(block, "heading", None)
            if heading is not None:
                levels[heading.span.line] = 3
    tables = {t.span.line: t for t in report.tables}
    blocks: list[Block] = []
    number = 1
    while number <= len(lines):
        table = tables.get(number)
        if table is not None:
            blocks.append(grid_of(table))
            number = table.span.end_line + 1
            continue
        line = lines[number - 1]
        if line.strip():
            blocks.append(Line(line.strip().lstrip("#").strip(), levels.get(number, 0)))
        number += 1
    return blocks


# ---------------------------------------------------------------- .md


def to_markdown(text: str) -> str:
    """The report as Markdown: "#" headings and pipe tables (merged cells written once, at their top-left)."""
    out: list[str] = []
    for block in blocks_of(text):
        if isinstance(block, Line):
            out.append(("#" * block.level + " " if block.level else "") + block.text)
            continue
        out.append("")
        for index, row in enumerate(block.rows()):
            cells = ["" for _ in range(block.width)]
            for slot in row:
                cells[slot.column] = slot.text.replace("|", "｜")
            out.append("| " + " | ".join(cells) + " |")
            if index == 0:
                out.append("|" + " --- |" * block.width)
        out.append("")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- .docx


def to_docx(text: str) -> bytes:
    import docx
    from docx.table import Table as DocxTable

    document = docx.Document()
    for block in blocks_of(text):
        if isinstance(block, Line):
            if block.level == 1:
                document.add_paragraph(block.text, style="Title")
            elif block.level:
                document.add_heading(block.text, level=block.level - 1)
            else:
                document.add_paragraph(block.text)
            continue
        table: DocxTable = document.add_table(rows=block.height, cols=block.width)
        table.style = "Table Grid"
        cells = [list(row.cells) for row in table.rows]  # once: Table.cell() walks the whole table
        for slot in block.slots:
            cell = cells[slot.row][slot.column]
            cell.text = slot.text
            if slot.rowspan > 1 or slot.colspan > 1:
                cell.merge(cells[slot.row + slot.rowspan - 1][slot.column + slot.colspan - 1])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ---------------------------------------------------------------- .html

CHROME_TOP = """<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/hdjl/">互动交流</a></li></ul><div class="crumb">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div></div>
"""
CHROME_BOTTOM = """<div class="related"><h3>相关链接</h3><ul><li><a href="/a.html">关于印发政务公开工作要点的通知</a></li>
<li><a href="/b.html">政府信息公开指南</a></li></ul></div>
<div class="footer"><p>主办单位：某某市人民政府办公室　联系电话：0000-0000000</p><p>网站标识码：0000000000　备案号：某ICP备00000000号</p></div>
"""


def to_html(text: str, encoding: str = "utf-8", chrome: bool = True) -> bytes:
    """A page as a government site publishes it; ``encoding`` "gb2312" writes a GBK page that says so."""
    title: list[str] = []
    content: list[str] = []
    for block in blocks_of(text):
        if isinstance(block, Line):
            if block.level == 1:
                title.append(html.escape(block.text))
            else:
                tag = {2: "h2", 3: "h3"}.get(block.level, "p")
                content.append(f"<{tag}>{html.escape(block.text)}</{tag}>")
            continue
        content.append('<table border="1" cellspacing="0">')
        for row in block.rows():
            cells = []
            for slot in row:
                spans = (f' rowspan="{slot.rowspan}"' if slot.rowspan > 1 else "") + (
                    f' colspan="{slot.colspan}"' if slot.colspan > 1 else ""
                )
                cells.append(f"<td{spans}>{html.escape(slot.text)}</td>")
            content.append("<tr>" + "".join(cells) + "</tr>")
        content.append("</table>")
    charset = "gb2312" if encoding.lower() in ("gb2312", "gbk", "gb18030") else encoding
    heading = f"<h1>{'<br>'.join(title)}</h1>\n" if title else ""
    page = (
        f'<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        f"<title>{''.join(title) or '报告'} - 某某市人民政府</title><style>.nav li{{display:inline}}</style></head>\n<body>\n"
        + (CHROME_TOP if chrome else "")
        + '<div class="main">\n'
        + heading
        + '<div class="article-content">\n'
        + "\n".join(content)
        + "\n</div>\n</div>\n"
        + (CHROME_BOTTOM if chrome else "")
        + "</body></html>\n"
    )
    codec = "gbk" if charset == "gb2312" else encoding
    return page.encode(codec, errors="xmlcharrefreplace")


# ---------------------------------------------------------------- .pdf


def to_pdf(text: str) -> bytes:
    """A4 pages with the page number as "- N -" at the foot, tables ruled and split across pages."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as PdfTable

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    body = ParagraphStyle("body", fontName=font, fontSize=10.5, leading=16, wordWrap="CJK", firstLineIndent=21)
    styles = {
        0: body,
        1: ParagraphStyle("title", fontName=font, fontSize=16, leading=24, alignment=TA_CENTER, wordWrap="CJK"),
        2: ParagraphStyle("h2", fontName=font, fontSize=12, leading=20, wordWrap="CJK", spaceBefore=6),
        3: ParagraphStyle("h3", fontName=font, fontSize=10.5, leading=18, wordWrap="CJK"),
    }
    cell_style = ParagraphStyle("cell", fontName=font, fontSize=7.5, leading=9.5, wordWrap="CJK")
    story: list[Flowable] = []
    for block in blocks_of(text):
        if isinstance(block, Line):
            story.append(Paragraph(html.escape(block.text), styles[block.level]))
            continue
        data: list[list[object]] = [["" for _ in range(block.width)] for _ in range(block.height)]
        commands: list[tuple[object, ...]] = [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        for slot in block.slots:
            data[slot.row][slot.column] = Paragraph(html.escape(slot.text), cell_style) if slot.text else ""
            if slot.rowspan > 1 or slot.colspan > 1:
                end = (slot.column + slot.colspan - 1, slot.row + slot.rowspan - 1)
                commands.append(("SPAN", (slot.column, slot.row), end))
        widths = _column_widths(block, A4[0] - 100)
        story.append(PdfTable(data, colWidths=widths, style=commands, splitInRow=0))
        story.append(Spacer(1, 8))

    def page_number(canvas: object, document: object) -> None:
        canvas.setFont(font, 9)  # type: ignore[attr-defined]
        canvas.drawCentredString(A4[0] / 2, 30, f"- {document.page} -")  # type: ignore[attr-defined]

    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=50, rightMargin=50, topMargin=50, bottomMargin=60).build(
        story, onFirstPage=page_number, onLaterPages=page_number
    )
    return out.getvalue()


def _column_widths(table: GridTable, total: float) -> Sequence[float]:
    """Columns that hold mostly labels are three times as wide as columns of values."""
    weights = []
    for c in range(table.width):
        column = [s for s in table.slots if s.column == c and s.colspan == 1 and s.text]
        labels = sum(1 for s in column if s.is_label)
        weights.append(3.0 if labels > len(column) - labels else 1.0)
    scale = total / sum(weights)
    return [w * scale for w in weights]
