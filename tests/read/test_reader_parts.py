"""The pieces of the readers: Word text and list numbers, HTML decoding, the source map, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import BASE, seed, written
from gialint.base.location import DocxParagraph, FilePosition, Segment, SourceMap
from gialint.base.span import Span
from gialint.cli import main
from gialint.read import kind_of, read_bytes
from gialint.read.docx import Numbering, chinese_number, format_number, paragraph_text
from gialint.read.html import decode_html
from gialint.run.api import lint_bytes

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(xml: str) -> etree._Element:
    return etree.fromstring(f'<root xmlns:w="{W_NS}">{xml}</root>')[0]


def test_paragraph_text_keeps_insertions_and_drops_deletions_and_field_codes() -> None:
    p = _w(
        "<w:p><w:r><w:t>一、</w:t></w:r><w:ins><w:r><w:t>总体</w:t></w:r></w:ins>"
        "<w:del><w:r><w:delText>旧的</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText></w:r>"
        "<w:hyperlink><w:r><w:t>情况</w:t></w:r></w:hyperlink><w:r><w:tab/><w:t>x</w:t><w:br/><w:t>y</w:t></w:r></w:p>"
    )
    assert paragraph_text(p) == "一、总体情况\tx\ny"


def test_word_list_numbers_are_written_as_word_draws_them() -> None:
    numbering = _w(
        '<w:numbering><w:abstractNum w:abstractNumId="7">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>'
    )
    numbers = Numbering(numbering, {"Heading 1": ("3", 0)})

    def p(level: int | None) -> etree._Element:
        pr = (
            f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="3"/></w:numPr></w:pPr>'
            if level is not None
            else ""
        )
        return _w(f"<w:p>{pr}</w:p>")

    labels = [numbers.label(p(0), ""), numbers.label(p(1), ""), numbers.label(p(1), ""), numbers.label(p(2), "")]
    labels += [numbers.label(p(None), "Heading 1"), numbers.label(p(1), ""), numbers.label(p(None), "Normal")]
    assert labels == ["一、", "（一）", "（二）", "1.", "二、", "（一）", ""]
    assert [chinese_number(n) for n in (1, 10, 11, 20, 21, 99)] == ["一", "十", "十一", "二十", "二十一", "九十九"]


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ('<meta charset="gb2312"><p>一、总体情况</p>'.encode("gbk"), "一、总体情况", "gb2312"),
        (
            '<meta http-equiv="Content-Type" content="text/html; charset=GBK"><p>三安全</p>'.encode("gbk"),
            "三安全",
            "gbk",
        ),
        ('<meta charset="utf-8"><p>一、总体情况</p>'.encode("gbk"), "一、总体情况", "gb18030"),  # declared wrongly
        ("<p>一、总体情况，本机关推进政务公开工作。</p>".encode(), "一、总体情况", "utf-8"),
    ],
    ids=["gb2312", "gbk-http-equiv", "wrong-declaration", "undeclared"],
)
def test_html_encodings(data: bytes, text: str, encoding: str) -> None:
    decoded, found = decode_html(data)
    assert text in decoded and found == encoding


def test_source_map_finds_runs_and_shifts_exact_ones() -> None:
    source_map = SourceMap(
        [
            Segment(3, 1, 5, FilePosition(10, 7), exact=True),
            Segment(3, 5, 9, DocxParagraph(4)),
            Segment(4, 3, 3, DocxParagraph(5)),  # an empty cell
        ]
    )
    assert source_map.locate(Span(3, 3, 3, 4)) == FilePosition(10, 9)
    assert source_map.locate(Span(3, 7, 3, 8)) == DocxParagraph(4)
    assert source_map.locate(Span(4, 3, 4, 3)) == DocxParagraph(5)
    assert source_map.locate(Span(9, 1, 9, 2)) is None


def test_kind_by_extension_then_by_content() -> None:
    assert kind_of("a.DOCX") == ".docx" and kind_of("a.htm") == ".htm" and kind_of("r.doc") == ".doc"
    assert kind_of("report", b"%PDF-1.7") == ".pdf" and kind_of("-", b"PK\x03\x04") == ".docx"
    assert kind_of("page", b"<!DOCTYPE html><html>") == ".html" and kind_of("-", "一、".encode()) == ".txt"


def test_a_directory_run_reads_every_format_and_skips_lock_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = BASE / "defects-2021.txt"
    for kind, name in (("docx", "a.docx"), ("pdf", "b.pdf"), ("html", "c.html"), ("md", "d.md")):
        (tmp_path / name).write_bytes(written(report, kind))
    (tmp_path / "e.txt").write_bytes(report.read_bytes())
    (tmp_path / "~$a.docx").write_bytes(b"lock")
    (tmp_path / "notes.csv").write_text("x")
    code = main(["check", str(tmp_path), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1 and data["files"] == 5 and data["errors"] == []
    by_file: dict[str, list[str]] = {}
    for d in data["diagnostics"]:
        by_file.setdefault(Path(d["path"]).name, []).append(d["code"])
    assert len({tuple(sorted(codes)) for codes in by_file.values()}) == 1  # the same findings in all five
    docx = [d for d in data["diagnostics"] if d["path"].endswith("a.docx") and d["code"] == "GIA301"]
    assert docx[0]["location"]["kind"] == "docx-cell" and {"table", "row", "column"} <= set(docx[0]["location"])
    pdf = next(d for d in data["diagnostics"] if d["path"].endswith("b.pdf"))
    assert pdf["location"]["kind"] == "pdf" and len(pdf["location"]["box"]) == 4


def test_stdin_with_a_name_selects_the_reader(tmp_path: Path) -> None:
    data = written(BASE / "defects-2021.txt", "docx")
    done = subprocess.run(
        [sys.executable, "-m", "gialint", "check", "--stdin-filename", "草稿.docx", "--format", "concise", "-"],
        input=data,
        capture_output=True,
        timeout=60,
        cwd=tmp_path,  # not the checkout, whose gialint/ would shadow the installed package
    )
    lines = done.stdout.decode().splitlines()
    assert done.returncode == 1
    assert any(line.startswith("草稿.docx: 表5 第4行 第9列: GIA301 错误") for line in lines), lines


def test_human_output_names_page_and_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "r.pdf"
    path.write_bytes(written(BASE / "defects-2021.txt", "pdf"))
    main(["check", str(path), "--select", "GIA301", "--no-color", "--lang", "en"])
    out = capsys.readouterr().out
    assert f"{path}: page 1, line " in out and "GIA301" in out
    assert "| 一、本年新收政府信息公开申请数量 |" in out  # the extracted row is shown


def test_parse_text_prints_what_is_linted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(written(seed("003"), "docx"))
    assert main(["parse", str(path), "--format", "text"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("湛河区城市管理局2021年政府信息公开工作年度报告\n")
    assert main(["parse", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    cell = data["tables"][1]["rows"][0]["cells"][0]
    assert data["file_format"] == "docx" and cell["location"]["kind"] == "docx-cell"


def test_reading_text_does_not_load_the_heavy_libraries(tmp_path: Path) -> None:
    code = (
        "import sys, gialint; gialint.lint_path(sys.argv[1]); "
        "print(sorted(m for m in ('docx', 'lxml', 'pypdfium2', 'pdfplumber', 'pdfminer', 'reportlab') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(seed("003"))], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert done.stdout.strip() == "[]", done.stderr


def test_pdf_glyph_runs_are_put_back_together() -> None:
    """Each character drawn on its own, one drawn twice (fake bold), spaces between Chinese characters."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    page.setFont("STSong-Light", 12)
    x = 72.0
    for char in "一、总体情况":  # one text object per character, in a shuffled order
        page.drawString(x, 700, char)
        x += 12
    positions = [(c, 72.0 + 12 * i) for i, c in enumerate("二、主动公开政府信息情况")]
    for char, at in positions[::-1]:
        page.drawString(at, 660, char)
        page.drawString(at + 0.3, 660, char)  # drawn twice, offset: fake bold
    page.drawString(72, 620, "三 、 收 到 和 处 理 政 府 信 息 公 开 申 请 情 况")
    page.drawCentredString(A4[0] / 2, 30, "- 1 -")
    page.save()
    lines = read_bytes(out.getvalue(), "r.pdf").text.splitlines()
    assert lines == ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"]


WORD_EXPORT_PAGE = """<html><head><meta http-equiv=Content-Type content="text/html; charset=gb2312">
<script>var menu = "一、总体情况";</script></head><body>
<table width=1000><tr><td class=nav><a href=/>首页</a> | <a>信息公开</a></td></tr>
<tr><td class=content>
<div class=title>某某区教育局2021年政府信息公开工作年度报告</div>
<p class=MsoNormal><b><span>一、</span><span>总体情况</span></b><o:p></o:p></p>
<p class=MsoNormal><span>2021年，本局推进政务公开。</span></p>
<p class=MsoNormal><b><span>四、政府信息公开行政复议、行政诉讼情况</span></b></p>
<table border=1>
<tr><td colspan=5><p class=MsoNormal><span>行政复议</span></p></td><td colspan=10><p>行政诉讼</p></td></tr>
<tr><td rowspan=2><p>结果<br>维持</p></td><td rowspan=2>结果<br>纠正</td><td rowspan=2>其他<br>结果</td>
<td rowspan=2>尚未<br>审结</td><td rowspan=2>总计</td><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td></tr>
<tr><td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>
<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td></tr>
<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>
<td>0</td><td>0</td><td>0</td><td>0</td><td>&nbsp;2</td></tr>
</table>
<p style="display:none">三、收到和处理政府信息公开申请情况</p>
</td></tr><tr><td class=footer>主办：某某区人民政府</td></tr></table></body></html>"""


def test_a_word_export_inside_a_layout_table() -> None:
    result = lint_bytes(WORD_EXPORT_PAGE.encode("gbk"), "page.html")
    text = result.text
    assert text.startswith("某某区教育局2021年政府信息公开工作年度报告\n一、总体情况\n")
    assert "首页" not in text and "主办" not in text and "var menu" not in text and "三、收到" not in text
    t4 = result.document.table("t4")
    assert t4 is not None and t4.problems == ()
    assert [c.text for _, _, c in t4.value_cells()] == ["1", "0", "0", "0", "1"] + ["0"] * 9 + ["2"]
    total = next(d for d in result.diagnostics if d.code == "GIA304")  # 复议后起诉: 0+0+0+0 is not 2
    lines = WORD_EXPORT_PAGE.split("\n")
    assert isinstance(total.location, FilePosition)
    assert lines[total.location.line - 1][total.location.column - 1] == "2"


def test_pdf_errors_that_wrap_themselves_still_give_one_line() -> None:
    from gialint.read.pdf import _failure

    error = ValueError("bad xref")
    error.__cause__ = error  # a cycle: unwrapping must stop
    wrapper = RuntimeError(error)
    assert _failure(wrapper).get("en") == "not a readable PDF (ValueError: bad xref)"


@pytest.mark.parametrize(
    ("start", "ilvl", "expected"),
    [
        ("1000000000000", "0", "32767."),  # a start of 10^12 is kept within range, not counted to
        ("abc", "0", "i."),  # not a number: the default start
        ("-5", "0", "0."),  # below Word's range
        ("3", "x", "iii."),  # a level that is not a number is level 0
        ("3", "-2", "iii."),
    ],
)
def test_hostile_numbering_values_are_bounded(start: str, ilvl: str, expected: str) -> None:
    fmt = "decimal" if start in ("1000000000000", "-5") else "lowerRoman"
    numbering = _w(
        '<w:numbering><w:abstractNum w:abstractNumId="1">'
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num></w:numbering>'
    )
    paragraph = _w(f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>')
    assert Numbering(numbering, {}).label(paragraph, "") == expected


def test_roman_numerals_beyond_3999_are_digits() -> None:
    assert format_number(3999, "upperRoman") == "MMMCMXCIX"
    assert format_number(10**12, "lowerRoman") == str(10**12)


def test_html_text_is_looked_for_only_near_the_cursor_or_its_element() -> None:
    # text the source writes as character references is never found as it is: looking to the end
    # of the page for each such text made a 1.8 MiB page take 89 s
    from types import SimpleNamespace

    from gialint.read.html import PROBE_REACH, _Locator

    element = SimpleNamespace(sourceline=1)
    near = _Locator("<p>" + " " * 100 + "本年度工作")
    assert near.find("本年度工作", element) == (FilePosition(1, 104), True)
    far = _Locator("<p>" + " " * (PROBE_REACH + 10) + "本年度工作")
    assert far.find("本年度工作", element) == (FilePosition(1, 1), False)  # the element's line
    below = _Locator("<p>\n" + " " * (PROBE_REACH + 10) + "\n<p>本年度工作")
    assert below.find("本年度工作", SimpleNamespace(sourceline=3)) == (FilePosition(3, 4), True)
