"""Saved web pages (.html): find the report inside the site's chrome, read its text and tables.

lxml parses the page (it repairs the unclosed tags government pages are full of).
The report body is found by what a report *is*, not by the site's markup: section
headings of the format ("三、收到和处理政府信息公开申请情况") and tables holding the
format's labels are anchors, and the body is the smallest element holding nine
tenths of them — menus, breadcrumbs, footers and related links fall outside it. The
title is the last line before that element that is a title naming a 政府信息公开 report
(not a breadcrumb's last step, not a menu); after it come the page's own statement of
when and by whom it was published (:mod:`gialint.read.page_info`).

Tables are grids whose cells carry their rowspan and colspan (the composer writes a
merged cell once); rows a browser does not show are left out. A table that holds other
tables, or a single cell, or long prose, is page layout and is read as text. Locations
are lines and columns of the page source: each piece of text is looked up in the
source after the previous one (lxml only knows the line where an element starts).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterator
from typing import Any

from gialint.base import catalogue as msg
from gialint.base.location import FilePosition
from gialint.base.precompiled import regex
from gialint.formats import FormatModel, load
from gialint.formats.labels import normalize
from gialint.read import page_info
from gialint.read.compose import (
    LAYOUT_CELL_CHARS,
    MAX_CELLS,
    Block,
    Extracted,
    Grid,
    GridCell,
    Run,
    TextLine,
    cell_text,
    compose,
)
from gialint.read.limits import CHECK_EVERY, Deadline, Limits
from gialint.read.source import ReadError, decode

_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_GB = {"gb2312", "gbk", "gb_2312-80", "x-gbk", "gb18030", "cp936", "euc-cn"}
_XML_DECLARATION = regex(r"^\s*<\?xml[^>]*\?>")
_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "iframe",
        "object",
        "embed",
        "select",
        "option",
        "button",
        "input",
        "textarea",
        "svg",
        "map",
    ]
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "main",
        "aside",
        "blockquote",
        "pre",
        "center",
        "address",
        "form",
        "fieldset",
        "hr",
        "title",
        "body",
        "html",
        "caption",
    ]
)
_HIDDEN = regex(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACE_IN_CJK = regex(
    r"(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])[ \t\r\f]*\n\s*(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])"
)
#: the cell Word writes where a row starts or ends off the table's grid (as gridBefore/gridAfter in .docx)
_PLACEHOLDER = regex(r"mso-cell-special\s*:\s*placeholder", re.IGNORECASE)
_ZERO_HEIGHT = regex(r"(?<![\w-])height\s*:\s*0(?:\.0*)?(?:px|pt|cm)?\s*(?:;|$)", re.IGNORECASE)
_SPACES = regex(r"[ \t\n\r\f]+")
_NUMERAL = regex(r"^[一二三四五六七八九十]{1,2}[、.．]|^[1-9][、.．]")
_TITLE_LINE = regex(r"^.{0,40}政府信息公开.{0,30}(?:报告|年报)(?:[（(][^）)]{0,10}[）)])?\s*$")  # not a menu
_YEAR = regex(r"(?:19|20)\d\d\s*年|[〇○零一二]{4}年")
_SENTENCE = regex(r"[。；！？]")
_CRUMB = regex(r"当前位置|您的位置|所在位置|现在的位置|[>»›]")
_PROBE_STOP = regex(r"[\xa0&<>\"'\s]")
INFO_CHARS = 4000  # how much text after the title is searched for the page's info line
TITLE_LINES = 3  # the lines a title inside the article may take
CHROME_LINES = 30  # how many lines of menus may stand before a title inside the report's element
CRUMB_LEVELS = 3  # how far up from a title-like line a breadcrumb is looked for
CRUMB_CHARS = 80  # how much a breadcrumb holds besides its last step


def decode_html(data: bytes) -> tuple[str, str]:
    """The page's text: a BOM, else the charset the page declares (GB2312/GBK read as GB18030), else detected."""
    if not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _META_CHARSET.search(data[:8192])
        if declared:
            name = declared.group(1).decode("ascii").lower()
            codec = "gb18030" if name in _GB else name
            try:
                return data.decode(codec), name
            except (LookupError, UnicodeError):  # UnicodeError: the "undefined" codec
                pass  # a wrong declaration: fall back to detection
    source = decode(data)
    return source.text, source.encoding


@functools.lru_cache(maxsize=1)
def _wordings() -> frozenset[str]:
    model: FormatModel = load()
    return frozenset(normalize(w) for spec in model.sections for w in (spec.heading, *spec.variants))


def _is_heading(text: str) -> bool:
    text = text.strip()
    if not text or len(text) > 40:
        return False
    return normalize(_NUMERAL.sub("", text)) in _wordings()


def _known_labels(table: Any) -> int:
    model = load()
    count = 0
    for cell in table.iter("td", "th"):
        label = normalize(cell.text_content())
        if label and any(spec.lookup(label) for spec in model.tables.values()):
            count += 1
    return count


#: Characters of the page source after the cursor (or the element's line) where a text is looked for.
PROBE_REACH = 4096


class _Locator:
    """Finds where text stands in the page source, moving forward through it."""

    def __init__(self, source: str) -> None:
        self._source = source
        self._starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.cursor = 0

    def seek(self, line: int | None) -> None:
        """Look from the start of ``line`` on."""
        self.cursor = self._starts[min(max((line or 1) - 1, 0), len(self._starts) - 1)]

    def _position(self, offset: int) -> FilePosition:
        line = bisect.bisect_right(self._starts, offset)
        return FilePosition(line, offset - self._starts[line - 1] + 1)

    def find_after(self, label: str, text: str, line: int | None) -> FilePosition | None:
        """Where ``text`` first stands from ``line`` on, after ``label`` where that is there too."""
        start = self._starts[min(max((line or 1) - 1, 0), len(self._starts) - 1)]
        after = self._source.find(label, start) if label else -1
        found = self._source.find(text, after) if after >= 0 else -1
        if found < 0:
            found = self._source.find(text, start)
        return self._position(found) if found >= 0 else None

    def find(self, text: str, element: Any) -> tuple[FilePosition, bool]:
        """Where ``text`` starts, and whether it was found exactly (else: the element's line).

        It is looked for within :data:`PROBE_REACH` of the cursor or of the element's line,
        whichever is later: text the source writes otherwise (character references) would
        otherwise send every look to the end of the page, a time that grows with the square
        of the page."""
        stripped = text.strip()
        probe = _PROBE_STOP.split(stripped, maxsplit=1)[0][:8]
        if probe:
            line_start = self._starts[min(max((element.sourceline or 1) - 1, 0), len(self._starts) - 1)]
            begin = max(self.cursor, line_start)
            found = self._source.find(probe, begin, begin + PROBE_REACH)
            if found >= 0:
                self.cursor = found + len(probe)
                return self._position(found), True
        line = element.sourceline or 1
        return FilePosition(line, 1), False


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", _SPACE_IN_CJK.sub("", text.replace("\xa0", " ")))


def _skipped(element: Any) -> bool:
    tag = element.tag
    if not isinstance(tag, str):
        return True  # comments and processing instructions
    return tag.lower() in _SKIP or bool(_HIDDEN.search(element.get("style", "")))


def _visible(root: Any) -> Iterator[Any]:
    """The elements under ``root`` in document order, without skipped ones and what they hold."""
    stack = [root]
    while stack:
        element = stack.pop()
        if _skipped(element):
            continue
        yield element
        stack.extend(reversed(element))


class _Walker:
    def __init__(self, locator: _Locator, deadline: Deadline) -> None:
        self._locator = locator
        self._deadline = deadline
        self._elements = 0
        self._runs: list[Run] = []
        self.blocks: list[Block] = []

    def text(self, text: str | None, element: Any) -> None:
        if not text or not text.strip():
            return
        collapsed = _collapse(text)
        location, exact = self._locator.find(text, element)
        if not self._runs:
            collapsed = collapsed.lstrip()
        self._runs.append(Run(collapsed, location, exact))

    def flush(self) -> None:
        if self._runs:
            runs = list(self._runs)
            last = runs[-1]
            runs[-1] = Run(last.text.rstrip(), last.location, last.exact)
            self.blocks.append(TextLine(tuple(r for r in runs if r.text)))
            self._runs = []

    def walk(self, element: Any) -> None:
        if _skipped(element):
            return
        self._elements += 1
        if not self._elements % CHECK_EVERY:
            self._deadline.check(msg.AT_LINE, n=element.sourceline)
        tag = element.tag.lower()
        if tag == "br":
            self.flush()
            return
        if tag == "table":
            self.flush()
            self._deadline.check(msg.AT_LINE, n=element.sourceline)
            grid = self._grid(element)
            if grid is not None:
                self.blocks.append(grid)
                return
        block = tag in _BLOCK or tag in ("table", "tr", "td", "th")
        if block:
            self.flush()
        self.text(element.text, element)
        for child in element:
            self.walk(child)
            self.text(child.tail, element)
        if block:
            self.flush()

    def _grid(self, table: Any) -> Grid | None:
        """The table as a grid, or None when it is page layout."""
        if any(True for _ in table.iterdescendants("table")):
            return None
        rows = [r for r in table.iterdescendants("tr") if not _unseen(r)]
        cells = [c for r in rows for c in r if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
        if len(cells) < 2 or any(len(c.text_content()) > LAYOUT_CELL_CHARS for c in cells):
            return None
        grid: dict[tuple[int, int], GridCell | None] = {}
        width = 0
        for r, tr in enumerate(rows):
            c = 0
            for td in tr:
                if not isinstance(td.tag, str) or td.tag.lower() not in ("td", "th"):
                    continue
                while (r, c) in grid:
                    c += 1
                rowspan = min(max(_int(td.get("rowspan")), 1), len(rows) - r)
                colspan = min(max(_int(td.get("colspan")), 1), 1000)
                if len(grid) + rowspan * colspan > MAX_CELLS:
                    raise ReadError(msg.HTML_TABLE_CELLS, line=table.sourceline, most=MAX_CELLS)
                texts = [t for t in _shown_texts(td) if t.strip()]
                location = self._locator.find(texts[0], td)[0] if texts else FilePosition(td.sourceline or 1, 1)
                for i in range(rowspan):
                    for j in range(colspan):
                        grid[(r + i, c + j)] = None
                if not _PLACEHOLDER.search(td.get("style", "")):  # else it only shifts the row's cells
                    grid[(r, c)] = GridCell(cell_text(_collapse(t) for t in texts), location, colspan, rowspan)
                c += colspan
            width = max(width, c)
        return Grid(tuple(tuple(grid.get((r, c)) for c in range(width)) for r in range(len(rows))))


def _shown_texts(element: Any) -> Iterator[str]:
    """The text nodes under ``element`` that a browser shows (scripts and hidden elements left out)."""
    if element.text:
        yield element.text
    for child in element:
        if not _skipped(child):
            yield from _shown_texts(child)
        if child.tail:
            yield child.tail


def _text_up_to(element: Any, limit: int) -> str | None:
    """The element's text, or None when it is longer than ``limit`` (read no further than that)."""
    parts: list[str] = []
    size = 0
    for text in element.itertext():
        size += len(text)
        if size > limit:
            return None
        parts.append(text)
    return "".join(parts)


def _unseen(tr: Any) -> bool:
    """A row no reader sees: hidden, or empty and zero high (the row of column widths Word writes at a
    table's end, inside ``<![if !supportMisalignedColumns]>``)."""
    if _HIDDEN.search(tr.get("style", "")):
        return True
    zero = str(tr.get("height", "")).strip() in ("0", "0px") or _ZERO_HEIGHT.search(tr.get("style", ""))
    return bool(zero) and not tr.text_content().strip()


def _int(value: str | None) -> int:
    try:
        return int(str(value).strip().rstrip(";"))
    except ValueError:
        return 1


def _report_root(body: Any) -> tuple[Any, int]:
    """The smallest element holding nine tenths of the report's anchors, and the anchors' weight."""
    weights: dict[Any, int] = {}

    def add(element: Any, weight: int) -> None:
        while element is not None:
            weights[element] = weights.get(element, 0) + weight
            element = element.getparent()

    for element in _visible(body):
        pieces = [element.text, *(child.tail for child in element)]
        if any(p and _is_heading(p) for p in pieces):
            add(element, 2)
        if element.tag == "table" and not any(True for _ in element.iterdescendants("table")):
            labels = _known_labels(element)
            if labels >= 3:
                add(element, 3)
    total = weights.get(body, 0)
    node = body
    while True:
        child = next((c for c in node if weights.get(c, 0) * 10 >= total * 9), None)
        if child is None:
            return node, total
        node = child


def _title_before(body: Any, root: Any) -> Any | None:
    """The last title-like element (a few tags at most, such as an ``<h1>`` with a ``<br>``) before the body."""
    found = None
    for element in _visible(body):
        if element is root:
            break
        if next(itertools.islice(element.iterdescendants(), 5, None), None) is not None:  # more than 5
            continue
        text = element.text_content().strip()
        if (
            6 <= len(text) <= 80
            and _TITLE_LINE.search(text)
            and not _CRUMB.search(text)
            and not _in_breadcrumb(element)
        ):
            found = element
    return found


def _in_breadcrumb(element: Any) -> bool:
    """Whether ``element`` is the last step of a breadcrumb ("当前位置：首页 > 政务公开 > 某某报告")."""
    limit = len(element.text_content()) + CRUMB_CHARS
    node = element.getparent()
    for _ in range(CRUMB_LEVELS):
        if node is None:
            return False
        text = _text_up_to(node, limit)
        if text is None:
            return False  # more than a trail of links before it: not a breadcrumb
        if _CRUMB.search(text):
            return True
        node = node.getparent()
    return False


def read_html(data: bytes, limits: Limits) -> Extracted:
    text, encoding = decode_html(data)
    import lxml.html
    from lxml.etree import ParserError

    source = _XML_DECLARATION.sub(lambda m: " " * len(m.group()), text, count=1)
    try:
        document = lxml.html.document_fromstring(source)
    except (ParserError, ValueError) as error:
        raise ReadError(msg.HTML_UNREADABLE, error=error) from None
    body = document.find("body")
    if body is None:
        body = document
    root, weight = _report_root(body)
    if weight < 4:  # two section headings, or a statistics table and a heading
        raise ReadError(msg.HTML_NO_REPORT)
    locator = _Locator(source)
    walker = _Walker(locator, limits.deadline())
    title = _title_before(body, root)
    if title is not None:
        locator.seek(title.sourceline)
        walker.walk(title)
        walker.flush()
    after_title = len(walker.blocks)
    stated = page_info.choose(page_info.from_text(_info_pieces(body, title)), page_info.from_meta(document))
    locator.seek(root.sourceline)
    walker.walk(root)
    walker.flush()
    blocks = walker.blocks
    if title is None:
        blocks = blocks[_article_start(blocks) :]
        after_title = _title_end(blocks)
    blocks[after_title:after_title] = [_info_line(one, locator) for one in stated]
    composed, source_map = compose(blocks)
    return Extracted(composed, "html", source_map, encoding)


def _info_pieces(body: Any, title: Any | None) -> list[tuple[str, Any]]:
    """The text nodes between the title (or the page's start) and the report's first section heading,
    with the element each belongs to: where a page states when and by whom it was published."""
    from lxml import etree

    pieces: list[tuple[str, Any]] = []
    started = title is None
    size = 0
    walk = etree.iterwalk(body, events=("start", "end"))
    for event, element in walk:
        if event == "start":
            if _skipped(element):
                walk.skip_subtree()
                continue
            if started and element.text and _is_heading(element.text):
                break
            text, owner = element.text, element
        else:
            if element is title:
                started = True
            text, owner = element.tail, element.getparent()
        if started and text and text.strip():
            pieces.append((_collapse(text).strip(), owner))
            size += len(text)
            if size > INFO_CHARS:
                break
    return pieces


def _article_start(blocks: list[Block]) -> int:
    """Where the article starts when the site's menus and breadcrumb stand in the same element as the
    report: at a title naming the year, when every line before it is a menu item, not a sentence (0: no such title)."""
    for index, block in enumerate(blocks[:CHROME_LINES]):
        if not isinstance(block, TextLine) or _is_heading(block.text):
            return 0
        text = block.text.strip()
        if _TITLE_LINE.search(text) and _YEAR.search(text):
            return index
        if _SENTENCE.search(text):
            return 0
    return 0


def _title_end(blocks: list[Block]) -> int:
    """Where the title stops among the first lines of a page whose title is inside the article (0: no title)."""
    for index, block in enumerate(blocks[:TITLE_LINES]):
        if not isinstance(block, TextLine) or _is_heading(block.text):
            break
        if _TITLE_LINE.search(block.text):
            return index + 1
    return 0


def _info_line(stated: page_info.Stated, locator: _Locator) -> TextLine:
    """A line "发布时间：2021-03-05 08:58", its value located where the page states it."""
    line = stated.element.sourceline
    found = locator.find_after(stated.label, stated.value, line)
    position = found or FilePosition(line or 1, 1)
    return TextLine((Run(f"{stated.field}：", position), Run(stated.value, position, found is not None)))
