"""Lines read as a person reads them (gialint.parse.arrange): tables found by their labels, headings
inside and across lines, sentences and fragments that are not headings; and the page metadata."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

import gialint
from gialint.analyze.document import parse_document
from gialint.base.span import Span
from gialint.formats import load
from gialint.parse import linetables
from gialint.parse.arrange import Arranger
from gialint.parse.ast import Cell, Layout
from gialint.parse.cues import default_cues
from gialint.parse.linetables import LineTables
from gialint.parse.values import default_reader
from gialint.testing import consistent_values, render

ARITHMETIC = {"GIA301", "GIA302", "GIA303", "GIA304"}
SECTIONS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]


def test_headings_in_the_middle_of_one_line_are_found_where_they_stand() -> None:
    line = "前言。" + "".join(f"{h}正文{i}。" for i, h in enumerate(SECTIONS))
    doc = parse_document("某某局2021年政府信息公开工作年度报告\n" + line + "\n")
    found = [(f.identified.spec.index if f.identified else None, f.section.heading.span) for f in doc.sections]
    assert [index for index, _ in found] == [1, 2, 3, 4, 5, 6]
    for heading, (_, span) in zip(SECTIONS, found, strict=True):
        start = line.index(heading)
        assert (span.line, span.column, span.end_column) == (2, start + 1, start + 1 + len(heading))


def test_a_heading_split_over_two_lines_is_one_heading() -> None:
    doc = parse_document("前言。\n一、\n总体情况\n正文。\n")
    (found,) = doc.sections
    assert found.identified is not None and found.identified.spec.id == "overall"
    span = found.section.heading.span
    assert (span.line, span.end_line) == (2, 3)


def test_a_wording_inside_an_enumeration_is_not_a_heading() -> None:
    doc = parse_document("本报告由总体情况\n、\n主动公开政府信息情况\n、\n其他需要报告的事项六部分组成。\n")
    assert doc.sections == ()


def test_a_crawler_table_reads_cell_by_cell_with_wrapped_labels_joined() -> None:
    rng = random.Random(7)
    values = consistent_values(2021, rng)
    text = render(2021, values, Layout.LINES).text
    # a crawler breaks a label where the page had a tag: "1." / "属于国家秘密"
    text = text.replace("\n1.属于国家秘密\n", "\n1.\n属于国家秘密\n", 1)
    doc = parse_document(text)
    t3 = doc.table("t3")
    assert t3 is not None and t3.unreadable is None
    assert {s.layout for s in t3.sources} == {Layout.LINES}
    cell = t3.cell("denied_state_secret", "total")
    assert cell is not None and cell.value.amount == values[("t3", "denied_state_secret", "total")]
    hit = next(h for h in t3.labels if h.cell.label == "1.属于国家秘密")
    assert hit.cell.span.end_line == hit.cell.span.line + 1
    assert [d.code for d in gialint.lint_text(text).diagnostics if d.severity.value == "error"] == []


def _value_lines(text: str, table: str) -> list[int]:
    """The 0-based indexes of the lines holding a value of ``table`` in a rendered LINES report."""
    doc = parse_document(text)
    found = doc.table(table)
    assert found is not None
    return sorted({cell.span.line - 1 for _, _, cell in found.value_cells()})


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10**6), year=st.sampled_from([2020, 2021]), table=st.sampled_from(["t3", "t4"]), data=st.data()
)
def test_a_crawler_that_merges_or_splits_a_line_causes_no_sum_error(
    seed: int, year: int, table: str, data: st.DataObject
) -> None:
    """Precision on crawler text: a dropped line (identical lines merged) or a number split over two
    lines never turns into a sum error; GIA207 says once that the table could not be read."""
    text = render(year, consistent_values(year, random.Random(seed)), Layout.LINES).text
    lines = text.split("\n")
    index = data.draw(st.sampled_from(_value_lines(text, table)))
    if data.draw(st.booleans()) or len(lines[index]) < 2:
        del lines[index]  # merged with its neighbour
    else:
        at = data.draw(st.integers(1, len(lines[index]) - 1))
        lines[index : index + 1] = [lines[index][:at], lines[index][at:]]  # "162" -> "1" / "62"
    codes = [d.code for d in gialint.lint_text("\n".join(lines)).diagnostics]
    assert not ARITHMETIC & set(codes), codes
    assert "GIA204" not in codes
    assert codes.count("GIA207") == 1


def test_cells_run_together_on_one_line_are_one_unreadable_table() -> None:
    glued = (
        "第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章000行政规范性文件77132470"
        "第二十条第（五）项信息内容本年处理决定数量行政许可2293"
    )
    text = f"某某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况 {glued}\n"
    doc = parse_document(text)
    t2 = doc.table("t2")
    assert t2 is not None and t2.unreadable is not None and t2.unreadable.kind == "glued"
    assert dict(t2.cells) == {}
    assert t2.section is not None and t2.section.heading.title == "主动公开政府信息情况"
    codes = [d.code for d in gialint.lint_text(text).diagnostics]
    assert codes.count("GIA207") == 1 and "GIA106" not in codes and "GIA204" not in codes


def test_prose_that_names_a_few_labels_is_not_a_table() -> None:
    text = "二、主动公开政府信息情况\n本年新收政府信息公开申请数量为12件，其中自然人10件，商业企业2件。\n"
    assert parse_document(text).tables == ()


def test_the_page_metadata_of_a_crawler_header() -> None:
    text = "标题：某某局2020年政府信息公开工作年度报告\n发布时间：2021-01-20 09:30\n发布机构：\n来源：某某局办公室\n正文：\n一、总体情况\n2019年起……\n"
    doc = parse_document(text)
    assert doc.meta.published is not None and doc.meta.published.value == "2021-01-20 09:30"
    assert (
        doc.meta.publisher is not None and doc.meta.publisher.value == "某某局办公室"
    )  # an empty 发布机构 is no value
    assert doc.meta.title is not None and (doc.meta.title.span.line, doc.meta.title.span.column) == (1, 4)
    assert doc.year is not None and doc.year.year == 2020 and doc.year.source.value == "page-title"


def test_a_numbering_line_before_a_long_label_is_joined_and_keeps_the_table_going() -> None:
    rng = random.Random(11)
    values = consistent_values(2020, rng)
    text = render(2020, values, Layout.LINES).text
    label = "5.要求行政机关确认或重新出具已获取信息"  # longer than a fragment: only joined it is a label
    assert f"\n{label}\n" in text
    text = text.replace(f"\n{label}\n", "\n5.\n要求行政机关确认或重新出具已获取信息\n", 1)
    t3 = parse_document(text).table("t3")
    assert t3 is not None and t3.unreadable is None and t3.problems == ()
    cell = t3.cell("np_reconfirm", "total")
    assert cell is not None and cell.value.amount == values[("t3", "np_reconfirm", "total")]


def test_a_label_and_its_values_on_one_line_separated_by_spaces() -> None:
    rng = random.Random(5)
    values = consistent_values(2021, rng)
    text = render(2021, values, Layout.LINES).text
    figure = values[("t2", "art20_5.licensing", "decisions")]
    assert f"\n行政许可\n{figure}\n" in text
    text = text.replace(f"\n行政许可\n{figure}\n", f"\n行政许可 {figure}\n", 1)
    t2 = parse_document(text).table("t2")
    assert t2 is not None and t2.problems == () and t2.unreadable is None
    cell = t2.cell("art20_5.licensing", "decisions")
    assert cell is not None and cell.value.amount == figure and cell.span.column == len("行政许可 ") + 1


_MODEL = load()
_VOCABULARY = sorted(
    {
        label
        for spec in _MODEL.tables.values()
        for block in spec.blocks
        for label in (
            *(r.label for r in block.rows),
            *(c.label for c in block.columns),
            *block.header_labels,
            *((block.caption,) if block.caption else ()),
        )
        if label
    }
    | set(SECTIONS)
    | {s.heading for s in _MODEL.sections}
)
_PIECES = st.one_of(
    st.sampled_from(_VOCABULARY),
    st.sampled_from(_VOCABULARY).flatmap(lambda label: st.integers(0, len(label)).map(lambda cut: label[:cut])),
    st.sampled_from(_VOCABULARY).flatmap(lambda label: st.integers(0, len(label)).map(lambda cut: label[cut:])),
    st.integers(-5, 10**7).map(str),
    st.sampled_from(["1.", "（一）", "一、", "、", "和", "。", "-", "无", "", " ", "\t", "12 0 3", "正文。"]),
)


_WHOLE = st.one_of(st.sampled_from(_VOCABULARY), st.integers(0, 999).map(str))
_LINES = st.one_of(
    _WHOLE,  # a crawler's cell per line, most often
    _WHOLE,
    st.lists(_PIECES, min_size=1, max_size=4).map("".join),  # anything
    st.lists(_WHOLE, min_size=8, max_size=16).map("".join),  # cells run together
)


@settings(max_examples=150, deadline=None)
@given(lines=st.lists(_LINES, max_size=60))
def test_whatever_the_lines_every_cell_and_heading_points_at_its_own_text(lines: list[str]) -> None:
    """Fragments of labels, figures, numbering and headings in any order: reading never fails, a
    section is always a recognised one, and every heading and one-line cell found — in tables
    found by their labels, glued, or split out of a line — stands in the text where its span says."""
    text = "\n".join(lines) + "\n"
    doc = parse_document(text)
    source = text.split("\n")

    def at(span: Span) -> str:
        return source[span.line - 1][span.column - 1 : span.end_column - 1]

    for found in doc.sections:
        assert found.identified is not None
        heading = found.section.heading
        if heading.span.line == heading.span.end_line:
            assert at(heading.span).lstrip("#").strip() == heading.text
    for table in doc.report.tables:
        for cell in table.cells:
            if cell.span.line == cell.span.end_line:
                assert at(cell.span) == cell.text
            else:
                assert cell.text.startswith(at(Span(cell.span.line, cell.span.column, cell.span.line, 10**6)).strip())


@settings(max_examples=20, deadline=None)
@given(
    seed=st.integers(0, 10**6), year=st.sampled_from([2020, 2021]), gap=st.sampled_from([" ", "  ", "    ", " \u3000 "])
)
def test_cells_apart_by_spaces_read_as_cells_apart_by_tabs(seed: int, year: int, gap: str) -> None:
    """Text extracted from a PDF with its layout kept (pdftotext -layout) stands its cells apart by
    runs of spaces: every value is read in its row and column, and the report lints clean."""
    values = consistent_values(year, random.Random(seed))
    text = render(year, values, Layout.TSV).text.replace("\t", gap)
    doc = parse_document(text)
    read = {(t.id, *key): cell.value.amount for t in doc.tables for key, cell in t.cells.items()}
    assert {key: read.get(key) for key in values} == values
    assert [d.code for d in gialint.lint_text(text).diagnostics if d.severity.value == "error"] == []


def test_a_label_wrapped_around_its_figures_and_written_down_the_side() -> None:
    """A PDF's text layer: a label cut by its figures' line, and a group label a character a line."""
    rng = random.Random(3)
    values = consistent_values(2021, rng)
    text = render(2021, values, Layout.TSV).text.replace("\t", "   ")
    partial = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    row = next(line for line in text.split("\n") if line.startswith(partial))
    figures = row[len(partial) :]
    wrapped = text.replace(row, "（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）" + figures, 1)
    text = wrapped.replace("三、本年度办理结果   （一）予以公开", "三、\n本\n年\n度\n办\n理\n结\n果\n（一）予以公开", 1)
    assert text != wrapped != render(2021, values, Layout.TSV).text.replace("\t", "   ")
    t3 = parse_document(text).table("t3")
    assert t3 is not None and t3.unreadable is None and t3.problems == ()
    assert t3.cell("partial", "total") is not None
    assert t3.cell("partial", "total").value.amount == values[("t3", "partial", "total")]  # type: ignore[union-attr]
    assert t3.cell("granted", "natural").value.amount == values[("t3", "granted", "natural")]  # type: ignore[union-attr]


def test_a_row_whose_label_has_a_typo_still_stands_in_a_table_of_spaced_rows() -> None:
    rng = random.Random(9)
    values = consistent_values(2020, rng)
    text = render(2020, values, Layout.TSV).text.replace("\t", "    ")
    text = text.replace("2.其他法律行政法规禁止公开    ", "2.其他法律行政止公开    ", 1)
    t3 = parse_document(text).table("t3")
    assert t3 is not None and t3.problems == ()
    hit = next(h for h in t3.labels if h.cell.text == "2.其他法律行政止公开")
    assert hit.fuzzy and t3.cell("denied_law_prohibited", "total") is not None
    codes = [d.code for d in gialint.lint_text(text).diagnostics]
    assert codes == ["GIA203"]


# The heading inside a line, as first written: at the start, or after a character that ends a
# sentence or a figure. Cues.midline puts the numeral first (for the search's speed); both must
# find the same headings in any text.
_MIDLINE_AS_WRITTEN = r"(?:^|(?<=[。；;！!？?\s\u3000\d）)”」]))(?P<numeral>[一二三四五六七八九十]{1,2})"
_MIDLINE_TEXT = st.text(
    st.sampled_from(list("一二三十、 。；a1）\u3000”总体情况主动公开政府信息其他需要报告的事项")), max_size=30
) | st.lists(  # made of whole words: numerals, spaces, marks and sections' wordings side by side
    st.sampled_from(
        ["一", "十", "二十", "三", " ", "\u3000", "\t", "、", "总体情况", "其他需要报告的事项", "。", "1", "a"]
    )
    | st.tuples(  # a heading's numeral, spaces, the mark, spaces and a wording (or a piece of one)
        st.sampled_from(["一", "十", "二十", "十一", "四", "a", "。"]),
        st.text(" \t\u3000", max_size=2),
        st.text(" \t\u3000", max_size=2),
        st.sampled_from(["总体情况", "其他需要报告的事项", "总体"]),
    ).map(lambda parts: f"{parts[0]}{parts[1]}、{parts[2]}{parts[3]}"),
    max_size=8,
).map("".join)


@given(texts=st.lists(_MIDLINE_TEXT, min_size=1, max_size=8))
def test_the_midline_heading_search_finds_what_its_plain_form_finds(texts: list[str]) -> None:
    import re

    from gialint.parse.arrange import midline_search, midline_search_by_marks
    from gialint.parse.cues import default_cues

    midline = default_cues().midline
    rest = midline.pattern[midline.pattern.index("[ \\t\\u3000]*、") :]
    plain = re.compile(_MIDLINE_AS_WRITTEN + rest)

    def found(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], str, str]]:
        return [(m.span(), m["numeral"], m["title"]) for m in pattern.finditer(text)]

    def searched(text: str, pos: int) -> tuple[tuple[int, int], str, str] | None:
        match = midline_search_by_marks(midline, text, pos)
        chosen = midline_search(midline, text, pos)  # the way this build searches
        assert (chosen and chosen.span()) == (match and match.span())
        return None if match is None else (match.span(), match["numeral"], match["title"])

    for text in ("".join(texts), *texts):
        assert found(midline, text) == found(plain, text)
        # the search that starts from each mark (the arranger's) finds what the pattern's own
        # search finds, from every position
        for pos in range(len(text) + 1):
            expected = midline.search(text, pos)
            assert searched(text, pos) == (
                None if expected is None else (expected.span(), expected["numeral"], expected["title"])
            )


def test_the_midline_search_finds_a_heading_whose_mark_follows_another_closely() -> None:
    # marks one to four characters apart, the heading's numeral right after the first mark's
    # item: every mark is tried, not only the first of a cluster
    from gialint.parse.arrange import midline_search_by_marks
    from gialint.parse.cues import default_cues

    midline = default_cues().midline
    for text in (
        "一、 二、总体情况",
        "甲、乙。三、总体情况",
        "甲。四、其他需要报告的事项",
        "公开、公正。 十一\u3000、其他需要报告的事项",
        "、、 一、总体情况",
    ):
        for pos in range(len(text) + 1):
            expected, found = midline.search(text, pos), midline_search_by_marks(midline, text, pos)
            assert (found and found.span()) == (expected and expected.span()), (text, pos)
        assert midline_search_by_marks(midline, text, 0) is not None


def _line_cells_read_whole_first(tables: LineTables, text: str, span: Span) -> list[Cell] | None:
    """LineTables._line_cells as it was before it asked a single run of words word by word first:
    each run read whole, then its words. The reference the faster form is held to."""
    if span.line != span.end_line or not (" " in text or "\u3000" in text or "\t" in text):
        return None
    gaps = list(linetables._GAP_PART.finditer(text))
    if len(gaps) < 2 and linetables._GROUPED_NUMBER.fullmatch(text):
        return None
    cues = tables._cues
    cells: list[Cell] = []
    for number, gap in enumerate(gaps):
        part = gap.group()
        words = [(gap.start() + m.start(), m.group()) for m in linetables._WORD.finditer(part)]
        one_number = tables._is_value(part) and (
            len(words) == 1 or linetables._GROUPED_NUMBER.fullmatch(part) is not None
        )
        if cues.tables_of(part) or one_number or cues.is_label_part(part):
            pieces = [(gap.start(), part)]
        elif all(cues.tables_of(w) or tables._is_value(w) or cues.is_label_part(w) for _, w in words):
            pieces = words
        elif number == 0 and tables._row_label_before_figures(part, gaps):
            pieces = [(gap.start(), part)]
        else:
            return None
        for start, word in pieces:
            column = span.column + start
            cells.append(Cell(word, Span(span.line, column, span.line, column + len(word)), tables._values[word]))
    return cells if len(cells) >= 2 else None


_GAPS = st.sampled_from([" ", " ", " ", "  ", "\t", "\u3000", "    "])


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.tuples(_PIECES, _GAPS), min_size=1, max_size=6))
def test_a_line_of_spaced_words_is_read_as_it_was_when_each_run_was_read_whole_first(
    words: list[tuple[str, str]],
) -> None:
    """Labels, pieces of labels, figures and prose, a single space, several or a tab apart: the
    line's cells are those the reading that asked each run of words whole first found."""
    text = "".join(word + gap for word, gap in words).strip(" \t\u3000")
    tables = Arranger(default_cues(), default_reader().values)._tables
    span = Span(3, 5, 3, 5 + len(text))
    found = tables._line_cells(text, span)
    expected = _line_cells_read_whole_first(tables, text, span)
    assert (found is None) == (expected is None)
    if found is not None and expected is not None:
        assert [(c.text, c.span, c.value) for c in found] == [(c.text, c.span, c.value) for c in expected]
