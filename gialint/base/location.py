"""Where a finding stands in the file the user has, for files that are not plain text.

gialint lints text. A .docx, .html or .pdf file is first turned into text (see
:mod:`gialint.read`); every piece of that text keeps a :class:`Location` in the
original file, gathered in a :class:`SourceMap`. A finding's span in the text is
translated back through the map, so people read "表3 第5行 第2列" for a Word table
cell and "第3页 第12行" for a PDF, and tools get the same in JSON.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any

from attrs import evolve, frozen

from gialint.base.pickled import by_fields
from gialint.base.span import Span


@by_fields
@frozen
class FilePosition:
    """A line and column in the file itself (HTML): as an editor shows them."""

    line: int
    column: int

    def shifted(self, offset: int) -> FilePosition:
        return evolve(self, column=self.column + offset)

    def describe(self, lang: str) -> str:
        return f"{self.line}:{self.column}"

    def as_dict(self) -> dict[str, Any]:
        return {"kind": "file", "line": self.line, "column": self.column}


@by_fields
@frozen
class DocxParagraph:
    """The n-th paragraph of a Word document's body (empty paragraphs count, tables do not)."""

    paragraph: int

    def shifted(self, offset: int) -> DocxParagraph:
        return self

    def describe(self, lang: str) -> str:
        return f"paragraph {self.paragraph}" if lang == "en" else f"第{self.paragraph}段"

    def as_dict(self) -> dict[str, Any]:
        return {"kind": "docx-paragraph", "paragraph": self.paragraph}


@by_fields
@frozen
class DocxCell:
    """A Word table cell: table number in the document, row and grid column, all from 1."""

    table: int
    row: int
    column: int

    def shifted(self, offset: int) -> DocxCell:
        return self

    def describe(self, lang: str) -> str:
        if lang == "en":
            return f"table {self.table}, row {self.row}, column {self.column}"
        return f"表{self.table} 第{self.row}行 第{self.column}列"

    def as_dict(self) -> dict[str, Any]:
        return {"kind": "docx-cell", "table": self.table, "row": self.row, "column": self.column}


@by_fields
@frozen
class PdfPosition:
    """A page, the line on that page (every line of text counts, tables included), and the box.

    ``box`` is ``(x0, top, x1, bottom)`` in PDF points from the page's top-left corner.
    """

    page: int
    line: int
    box: tuple[float, float, float, float]

    def shifted(self, offset: int) -> PdfPosition:
        return self

    def describe(self, lang: str) -> str:
        return f"page {self.page}, line {self.line}" if lang == "en" else f"第{self.page}页 第{self.line}行"

    def as_dict(self) -> dict[str, Any]:
        return {"kind": "pdf", "page": self.page, "line": self.line, "box": [round(v, 1) for v in self.box]}


Location = FilePosition | DocxParagraph | DocxCell | PdfPosition


@frozen
class Segment:
    """A run of the extracted text (line, columns ``start``..``end``, end exclusive) and its origin.

    ``exact``: the run is the original's characters one for one, so a column inside it
    is the origin's column plus the offset (HTML text); otherwise the whole run has one
    location (a Word cell, a PDF line).
    """

    line: int
    start: int
    end: int
    location: Location
    exact: bool = False


class SourceMap:
    """Finds the original location of a span of extracted text."""

    def __init__(self, segments: Iterable[Segment]) -> None:
        self._by_line: dict[int, list[Segment]] = {}
        for segment in segments:
            self._by_line.setdefault(segment.line, []).append(segment)
        for runs in self._by_line.values():
            runs.sort(key=lambda s: s.start)
        self._starts = {line: [s.start for s in runs] for line, runs in self._by_line.items()}

    def locate(self, span: Span) -> Location | None:
        runs = self._by_line.get(span.line)
        if not runs:
            return None
        index = max(0, bisect.bisect_right(self._starts[span.line], span.column) - 1)
        segment = runs[index]
        if segment.exact:
            offset = min(max(0, span.column - segment.start), max(0, segment.end - segment.start))
            return segment.location.shifted(offset)
        return segment.location
