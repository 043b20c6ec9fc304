"""The review page (--format html): escaped, self-contained, in both languages, one line per report."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gialint
from conftest import BASE, FIXTURES
from gialint.base.diagnostic import Diagnostic, Severity, Text
from gialint.base.span import Span
from gialint.cli import main
from gialint.lint.result import LintResult
from gialint.report import visible
from gialint.report.html import render
from gialint.report.review_page import review_page

REAL = FIXTURES / "real"
SCRIPT = "<script>alert(1)</script>"


class Page(HTMLParser):
    """The tags of a page with their attributes, and the text of each line of the report's text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.lines: list[str] = []
        self._in_src = 0
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "span" and dict(attrs).get("class") == "src":
            self._in_src = 1
            self.lines.append("")
        elif self._in_src:
            self._in_src += 1

    def handle_endtag(self, tag: str) -> None:
        if self._in_src:
            self._in_src -= 1

    def handle_data(self, data: str) -> None:
        if self._in_src:
            self.lines[-1] += data

    def with_class(self, name: str) -> list[dict[str, str | None]]:
        return [a for _, a in self.tags if name in (a.get("class") or "").split()]


def check_html(tmp_path: Path, *args: str) -> str:
    out = tmp_path / "review.html"
    main(["check", *args, "--format", "html", "-o", str(out), "--no-cache"])
    return out.read_text(encoding="utf-8")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    """The defects report with a script in a cell of table 2 and an escape character in its preamble."""
    text = (BASE / "defects-2021.txt").read_text(encoding="utf-8")
    assert "行政处罚\t12件" in text
    text = text.replace("行政处罚\t12件", f"行政处罚\t12{SCRIPT}").replace("本报告依据", "本报告\x1b[2J依据", 1)
    path = tmp_path / "hostile-2021.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_report_text_stays_text(hostile: Path, tmp_path: Path) -> None:
    html = check_html(tmp_path, str(hostile))
    assert SCRIPT not in html
    assert html.count("<script") == 1  # the page's own
    page = Page(html)
    cell = [a for a in page.with_class("cell") if a.get("id") == "r1-t2-art20_6.penalty-decisions"]
    assert cell and "fail" in (cell[0]["class"] or "")  # GIA404 (not a number) marks the cell ...
    assert "12&lt;script&gt;alert(1)&lt;/script&gt;" in html  # ... whose text is shown as written
    assert "\x1b" not in html and "\\x1b[2J" in html  # a control character is shown as an escape
    assert any(SCRIPT in line for line in page.lines)  # the text line reads as the report wrote it


def test_page_needs_nothing_from_outside(tmp_path: Path) -> None:
    html = check_html(tmp_path, str(REAL / "pingtan-2020.html"), str(BASE / "defects-2021.txt"))
    page = Page(html)
    tags = {tag for tag, _ in page.tags}
    assert "link" not in tags and "img" not in tags and "iframe" not in tags
    for tag, attrs in page.tags:
        for name in ("src", "href", "action", "srcset", "poster"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), (tag, name, value)  # links within the page only
    assert [a for t, a in page.tags if t == "script"] == [{}]  # one inline script, no src
    assert not re.search(r"@import|url\(|https?://(?!www\.w3\.org/2000/svg)", html)


def test_cells_of_a_failing_sum_are_marked_and_linked(tmp_path: Path) -> None:
    html = check_html(tmp_path, str(REAL / "pingtan-2020.html"))
    page = Page(html)
    (total,) = [a for a in page.with_class("cell") if a.get("id") == "r1-t3-results_total-natural"]
    assert {"fail", "wrong", "sev-error"} <= set((total["class"] or "").split())
    assert "应为 26" in html
    addends = (total["data-addends"] or "").split()
    assert len(addends) >= 6 and all(a.startswith("r1-t3-") and a.endswith("-natural") for a in addends)
    marked = {a["id"] for a in page.with_class("addend")}
    assert set(addends) <= marked
    (mark,) = [a for t, a in page.tags if t == "mark" and "r1-f3" in (a.get("data-findings") or "").split()]
    assert "GIA302" in (mark["title"] or "")


def test_chinese_by_default_english_with_lang_en(tmp_path: Path) -> None:
    zh = check_html(tmp_path, str(BASE / "defects-2021.txt"))
    en = check_html(tmp_path, str(BASE / "defects-2021.txt"), "--lang", "en")
    assert '<html lang="zh-CN">' in zh and "问题清单" in zh and "错误" in zh and "Findings" not in zh
    assert '<html lang="en">' in en and "Findings" in en and "Statistics tables" in en
    assert "问题清单" not in en and "应为" not in en and "expected 237" in en


def test_many_reports_have_an_index_and_a_chart(tmp_path: Path) -> None:
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing")
    files = [REAL / "pingtan-2020.html", REAL / "sanming-2019-crawl.txt", BASE / "defects-2021.txt"]
    html = check_html(tmp_path, *map(str, files), str(broken))
    page = Page(html)
    links = [a["href"] for t, a in page.tags if t == "a" and a.get("href") in ("#r1", "#r2", "#r3")]
    assert links == ["#r1", "#r2", "#r3"]
    assert [a.get("id") for a in page.with_class("report")] == ["r1", "r2", "r3"]
    assert "平潭综合实验区" in html and "broken.pdf" in html
    codes = {d.code for f in files for d in gialint.lint_path(f).diagnostics}
    bars = [a for t, a in page.tags if t == "rect"]
    assert len(bars) == len(codes)
    widths = [int(a["width"] or 0) for a in bars]
    assert widths == sorted(widths, reverse=True) and widths[0] == 360


def test_one_report_has_no_index(tmp_path: Path) -> None:
    html = check_html(tmp_path, str(REAL / "sanming-2019-crawl.txt"))
    assert 'id="index"' not in html and 'id="r1"' in html


@settings(max_examples=100, deadline=None)
@given(st.text(st.characters(codec="utf-8"), max_size=300))
def test_any_text_is_shown_as_it_was_read(text: str) -> None:
    result = gialint.lint_text(text)
    page = Page(render([result], [], "zh"))
    assert page.lines == [visible(line) for line in result.text.split("\n")]
    assert [t for t, _ in page.tags].count("script") == 1


def _finding(code: str, span: Span, severity: Severity = Severity.WARNING) -> Diagnostic:
    return Diagnostic(code, "x", severity, span, Text(f"{code} 说明", f"{code} message"))


def test_overlapping_and_multi_line_findings_are_cut_into_pieces() -> None:
    text = "第一行文字\n\n第三行"
    findings = (
        _finding("GIA101", Span(1, 2, 1, 5)),  # 一行文
        _finding("GIA102", Span(1, 4, 3, 2), Severity.ERROR),  # 文字 … 第
        _finding("GIA103", Span(2, 1, 2, 1)),  # on an empty line: nothing to mark
    )
    page = review_page(LintResult("r.txt", findings, None, text), 1, "zh")
    first, empty, third = page.lines
    assert [(p.text, p.findings, p.severity) for p in first.pieces] == [
        ("第", (), ""),
        ("一行", ("r1-f1",), "warning"),
        ("文", ("r1-f1", "r1-f2"), "error"),
        ("字", ("r1-f2",), "error"),
    ]
    assert first.pieces[2].title == "GIA101 GIA101 说明\nGIA102 GIA102 说明"
    assert [p.text for p in empty.pieces] == [""]
    assert [(p.text, p.findings) for p in third.pieces] == [("第", ("r1-f2",)), ("三行", ())]
    assert [f.marked for f in page.findings] == [True, True, False]


def test_grids_print_captions_and_groups_as_the_format_does() -> None:
    page = review_page(gialint.lint_path(REAL / "pingtan-2020.html"), 1, "zh")
    grids = {grid.table: grid for grid in page.grids}
    above = {row.label: row.above for grid in grids.values() for row in grid.rows if row.above}
    assert above["规章"] == ("第二十条第（一）项",)
    assert above["（一）予以公开"] == ("三、本年度办理结果",)
    assert above["1.属于国家秘密"] == ("（三）不予公开",)
    assert [row.label for row in grids["t3"].rows][:2] == [
        "一、本年新收政府信息公开申请数量",
        "二、上年结转政府信息公开申请数量",
    ]
