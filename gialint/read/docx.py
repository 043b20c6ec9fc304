"""Word documents (.docx): paragraphs in reading order, tables as grids with their merges.

python-docx opens the package (ZIP, relationships, parts; its XML parser resolves no
entities) and gives the styles. A cell's ``gridSpan`` and ``vMerge`` and a row's
``gridBefore`` are read from the XML here, where a value that is not a number counts as
none (python-docx's typed properties raise on it). Text is gathered from the XML here, because
python-docx's ``Paragraph.text`` skips runs inside tracked insertions, content
controls and fields, and because list numbers that Word draws itself ("一、" from a
numbered heading style) are not in the text at all: :class:`Numbering` writes them.
A merged cell is one :class:`~gialint.read.compose.GridCell` with its spans: across
from ``gridSpan`` or the older ``hMerge``, down from the ``vMerge`` cells that continue it.

Before python-docx sees the file, the ZIP directory is checked: too many members,
too much inflated data, a member that inflates like a zip bomb, or an XML part with a
DOCTYPE (which Word never writes; it is how XML entity attacks start) are refused.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from attrs import evolve

from gialint.base import catalogue as msg
from gialint.base.location import DocxCell, DocxParagraph
from gialint.base.messages import first_line
from gialint.base.precompiled import regex
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
from gialint.read.limits import CHECK_EVERY, MIB, Deadline, Limits
from gialint.read.source import ReadError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIPPED = frozenset(
    W + tag for tag in ("del", "moveFrom", "delText", "instrText", "drawing", "pict", "object", "rPr", "pPr")
) | {MC_FALLBACK}
MAX_GRID_COLUMNS = 1000  # Word makes tables of up to 63 columns; a larger declared span is an attack
ROWS_BETWEEN_CHECKS = 64  # table rows between two looks at the clock (a row holds up to MAX_GRID_COLUMNS cells)
_HEADING_STYLE = regex(r"^(?:heading|标题)\s*([1-6])$", re.IGNORECASE)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def check_package(data: bytes, limits: Limits) -> None:
    """Refuse what is not a Word package, or is built to exhaust or attack the reader."""
    if data.startswith(_OLE):
        raise ReadError(msg.DOCX_IS_OLE)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise ReadError(msg.DOCX_NOT_ZIP) from None
    with archive:
        members = archive.infolist()
        if len(members) > limits.max_zip_members:
            raise ReadError(msg.DOCX_PARTS, count=len(members), most=limits.max_zip_members)
        total = 0
        for info in members:
            total += info.file_size
            if info.flag_bits & 0x1:
                raise ReadError(msg.DOCX_ENCRYPTED)
            if info.file_size > MIB and info.file_size > limits.max_zip_ratio * max(info.compress_size, 1):
                raise ReadError(
                    msg.DOCX_BOMB, name=info.filename, size=info.file_size // MIB, packed=info.compress_size
                )
        if total > limits.max_unzipped_bytes:
            raise ReadError(msg.DOCX_UNPACKS, size=total // MIB, most=limits.max_unzipped_bytes // MIB)
        names = {info.filename for info in members}
        if "word/document.xml" not in names:
            raise ReadError(msg.DOCX_NO_DOCUMENT)
        for info in members:
            if info.filename.endswith((".xml", ".rels")):
                try:
                    with archive.open(info) as part:
                        head = part.read(4096)
                except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as error:
                    # a damaged or truncated part (hypothesis found these with cut files)
                    raise ReadError(msg.DOCX_PART_DAMAGED, name=info.filename, error=first_line(error)) from None
                if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                    raise ReadError(msg.DOCX_DOCTYPE, name=info.filename)


def read_docx(data: bytes, limits: Limits) -> Extracted:
    check_package(data, limits)
    import docx  # python-docx, only when a .docx is read

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # a malformed package can fail anywhere in the ZIP, OPC or XML layers
        raise ReadError(msg.DOCX_UNREADABLE, error=first_line(f"{type(error).__name__}: {error}")) from None
    body = getattr(document.element, "body", None)  # a main part whose root is not w:document has none
    if body is None:
        raise ReadError(msg.DOCX_NO_BODY)
    reader = _BodyReader(document, limits.deadline())
    blocks = list(reader.blocks(body))
    text, source_map = compose(blocks)
    return Extracted(text, "docx", source_map)


_SHOWN: dict[str, str] = {W + "t": "", W + "tab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}


def _shown(element: Any) -> Iterator[Any]:
    """The elements that make up the text Word shows, in order (tracked deletions, field codes
    and drawings left out)."""
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag in _SHOWN:
            yield child
        else:
            yield from _shown(child)


def paragraph_text(element: Any) -> str:
    """The text Word shows for a paragraph (tracked deletions, field codes and drawings left out)."""
    return "".join(str(node.text or "") if node.tag == W + "t" else _SHOWN[node.tag] for node in _shown(element))


def text_nodes(element: Any) -> list[Any]:
    """The ``w:t`` elements whose text Word shows, in order (as :func:`paragraph_text` reads them)."""
    return [node for node in _shown(element) if node.tag == W + "t"]


def body_elements(container: Any) -> Iterator[Any]:
    """The body's paragraphs and tables in the order the reader numbers them: content controls
    opened, and a table that only lays out the page (:func:`is_layout`) opened into what its cells hold."""
    for child in container:
        tag = child.tag
        if tag == W + "p":
            yield child
        elif tag == W + "tbl":
            if is_layout(child):
                for tr in table_rows(child):
                    for tc in row_cells(tr):
                        yield from body_elements(tc)
            else:
                yield child
        elif tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent") if tag == W + "sdt" else child
            if content is not None:
                yield from body_elements(content)


def table_rows(table: Any) -> list[Any]:
    """A table's ``w:tr`` rows, those inside content controls included."""
    return list(_opened(table, W + "tr"))


def row_cells(tr: Any) -> list[Any]:
    """A row's ``w:tc`` cells, those inside content controls included (a form's fill-in cells)."""
    return list(_opened(tr, W + "tc"))


def _opened(parent: Any, tag: str) -> Iterator[Any]:
    for child in parent:
        if child.tag == tag:
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _opened(content, tag)
        elif child.tag == W + "customXml":
            yield from _opened(child, tag)


def is_layout(table: Any) -> bool:
    """Whether a table lays out the page rather than holding data: it holds another table, or has
    fewer than two cells (a box drawn around text), or a cell of long prose."""
    cells = [tc for tr in table_rows(table) for tc in row_cells(tr)]
    if len(cells) < 2 or any(tc.find(W + "tbl") is not None for tc in cells):
        return True
    return any(sum(len(paragraph_text(p)) for p in tc.iter(W + "p")) > LAYOUT_CELL_CHARS for tc in cells)


def find_cell(table: Any, row: int, column: int) -> Any | None:
    """The ``w:tc`` that starts at grid ``column`` of ``row`` (both from 1), as the reader numbers them."""
    rows = table_rows(table)
    if not 1 <= row <= len(rows):
        return None
    return next((tc for start, _, tc in _placed(rows[row - 1]) if start + 1 == column), None)


def styles_of(document: Any) -> list[Any]:
    """The document's styles; none when its styles part is not one (a root other than w:styles,
    which python-docx cannot read): its text is read without them."""
    try:
        return list(document.styles)
    except AttributeError:
        return []


class _BodyReader:
    def __init__(self, document: Any, deadline: Deadline) -> None:
        self._styles = {s.style_id: s.name or "" for s in styles_of(document)}
        self._numbering = Numbering.of(document)
        self._deadline = deadline
        self._paragraphs = 0
        self._tables = 0

    def blocks(self, container: Any) -> Iterator[Block]:
        for child in body_elements(container):
            if child.tag == W + "p":
                self._paragraphs += 1
                if not self._paragraphs % CHECK_EVERY:
                    self._deadline.check(msg.AT_PARAGRAPH, n=self._paragraphs)
                yield from self._paragraph(child)
            else:
                self._tables += 1
                self._deadline.check(msg.AT_TABLE, n=self._tables)
                yield self._table(child, self._tables)

    def _style(self, p: Any) -> str:
        style = p.find(f"{W}pPr/{W}pStyle")
        return self._styles.get(style.get(W + "val"), "") if style is not None else ""

    def _paragraph(self, p: Any) -> Iterator[TextLine]:
        style = self._style(p)
        text = self._numbering.label(p, style) + paragraph_text(p)
        found = _HEADING_STYLE.match(style)
        level = int(found.group(1)) if found else 0
        location = DocxParagraph(self._paragraphs)
        for line in text.split("\n"):
            yield TextLine((Run(line, location),), heading=level if line.strip() else 0)

    def _table(self, table: Any, number: int) -> Grid:
        placed = [list(_placed(tr)) for tr in table_rows(table)]
        if sum(cells[-1][0] + cells[-1][1] for cells in placed if cells) > MAX_CELLS:
            raise ReadError(msg.DOCX_TABLE_CELLS, number=number, most=MAX_CELLS)
        rows: list[tuple[GridCell | None, ...]] = []
        for index, cells in enumerate(placed):
            if not index % ROWS_BETWEEN_CHECKS:
                self._deadline.check(msg.AT_TABLE_ROW, n=number, row=index + 1)
            row: list[GridCell | None] = []
            left: tuple[int, GridCell] | None = None  # the last cell of the row so far, and where it starts
            for column, span, tc in cells:
                row.extend([None] * (column - len(row)))
                if _vertical_merge(tc) == "continue":
                    continue  # covered by the cell above that starts the merge
                if left is not None and _merged_from_left(tc):
                    row[left[0]] = merged = evolve(left[1], colspan=column + span - left[0])
                    left = (left[0], merged)
                    row.extend([None] * span)
                    continue
                text = cell_text(paragraph_text(p) for p in tc.iter(W + "p"))
                rowspan = 1 + _continued(placed, index, column) if _vertical_merge(tc) == "restart" else 1
                left = (len(row), GridCell(text, DocxCell(number, index + 1, column + 1), span, rowspan))
                row.append(left[1])
                row.extend([None] * (span - 1))
            rows.append(tuple(row))
        return Grid(tuple(rows))


def _merged_from_left(tc: Any) -> bool:
    """Whether a cell continues the one to its left (``w:hMerge``, as older Word and WPS merge across)."""
    merge = tc.find(f"{W}tcPr/{W}hMerge")
    return merge is not None and merge.get(W + "val", "continue") != "restart"


def _placed(tr: Any) -> Iterator[tuple[int, int, Any]]:
    """A row's cells with their grid column (from 0) and how many grid columns each spans
    (a declared span or offset beyond any table Word can make counts as :data:`MAX_GRID_COLUMNS`)."""
    column = _declared(tr, f"{W}trPr/{W}gridBefore", 0)
    for tc in row_cells(tr):
        span = _declared(tc, f"{W}tcPr/{W}gridSpan", 1)
        yield column, span, tc
        column += span


def _declared(element: Any, path: str, low: int) -> int:
    """A count the element declares at ``path`` (its ``w:val``) kept within ``low``–:data:`MAX_GRID_COLUMNS`;
    ``low`` when it declares none, or something that is not a whole number (python-docx would raise)."""
    found = element.find(path)
    value = found.get(W + "val") if found is not None else None
    try:
        number = int(value) if value is not None else low
    except ValueError:
        number = low
    return min(max(number, low), MAX_GRID_COLUMNS)


def _vertical_merge(tc: Any) -> str | None:
    """ "restart", "continue" (also for a ``w:vMerge`` without a value, or with one Word does not
    write), or None for a cell outside any vertical merge."""
    found = tc.find(f"{W}tcPr/{W}vMerge")
    if found is None:
        return None
    return "restart" if found.get(W + "val") == "restart" else "continue"


def _continued(placed: list[list[tuple[int, int, Any]]], index: int, column: int) -> int:
    """How many rows after ``index`` continue the vertical merge that starts at ``column``."""
    count = 0
    for cells in placed[index + 1 :]:
        below = next((tc for start, _, tc in cells if start == column), None)
        if below is None or _vertical_merge(below) != "continue":
            break
        count += 1
    return count


_CHINESE = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一 (up to 99; beyond, the digits)."""
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else _CHINESE[tens]) + "十" if tens else "") + (_CHINESE[ones] if ones else "")


def _roman(n: int) -> str:
    if not 0 < n < 4000:  # Roman numerals stop at 3999; Word then writes the digits
        return str(n)
    parts = [
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ]
    out = ""
    for value, letters in parts:
        while n >= value:
            out, n = out + letters, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt.startswith(("chinese", "ideograph", "japaneseCounting", "taiwaneseCounting")):
        return chinese_number(n)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt == "decimalEnclosedCircle" and 0 < n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class Numbering:
    """The list numbers Word draws before numbered paragraphs ("一、", "（一）", "1.")."""

    def __init__(self, element: Any | None, style_numbering: dict[str, tuple[str, int]]) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (fmt, text, start)
        self._style_numbering = style_numbering
        self._counters: dict[str, list[int | None]] = {}
        if element is None:
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in element.iterfind(W + "abstractNum"):
            abstract[node.get(W + "abstractNumId")] = {
                _level(lvl.get(W + "ilvl")): (
                    _val(lvl, "numFmt", "decimal"),
                    _val(lvl, "lvlText", ""),
                    _number(_val(lvl, "start", "1"), 1),
                )
                for lvl in node.iterfind(W + "lvl")
            }
        for num in element.iterfind(W + "num"):
            levels = dict(abstract.get(_val(num, "abstractNumId", ""), {}))
            for override in num.iterfind(W + "lvlOverride"):
                start = override.find(W + "startOverride")
                ilvl = _level(override.get(W + "ilvl"))
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, _number(start.get(W + "val"), 1))
            self._levels[num.get(W + "numId")] = levels

    @classmethod
    def of(cls, document: Any) -> Numbering:
        try:
            element = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            element = None
        by_style: dict[str, tuple[str, int]] = {}
        for style in styles_of(document):
            num_pr = style.element.find(f"{W}pPr/{W}numPr")
            if num_pr is not None and style.name:
                by_style[style.name] = (_val(num_pr, "numId", ""), _level(_val(num_pr, "ilvl", "0")))
        return cls(element, by_style)

    def label(self, p: Any, style: str) -> str:
        num_pr = p.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            num_id, ilvl = _val(num_pr, "numId", ""), _level(_val(num_pr, "ilvl", "0"))
        elif style in self._style_numbering:
            num_id, ilvl = self._style_numbering[style]
        else:
            return ""
        levels = self._levels.get(num_id)
        if not levels or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id, [None] * 10)
        current = counters[ilvl]
        counters[ilvl] = levels[ilvl][2] if current is None else current + 1
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = None  # a deeper level starts again under the next item
        fmt, text, _ = levels[ilvl]
        if fmt == "bullet":
            return ""

        def number(match: re.Match[str]) -> str:
            level = int(match.group(1)) - 1
            start, style = (levels[level][2], levels[level][0]) if level in levels else (1, "decimal")
            value = counters[level]
            return format_number(start if value is None else value, style)

        return re.sub(r"%([1-9])", number, text)


#: A list number is kept within 0–32767: far beyond any report's list, where a declared start of
#: 10^12 (which ECMA-376 allows) would otherwise be written out, or counted to in Roman numerals.
MAX_LIST_NUMBER = 32767


def _number(value: str | None, default: int) -> int:
    """A numbering attribute: a whole number kept within 0–:data:`MAX_LIST_NUMBER`, else ``default``."""
    try:
        number = int(value) if value is not None else default
    except ValueError:
        return default
    return min(max(number, 0), MAX_LIST_NUMBER)


def _level(value: str | None) -> int:
    """A list level (``w:ilvl``): 0–8 in Word, 0 when missing or not a number (levels are kept 0–9)."""
    return min(_number(value, 0), 9)


def _val(node: Any, child: str, default: str) -> str:
    found = node.find(W + child)
    value = found.get(W + "val") if found is not None else None
    return value if value is not None else default
