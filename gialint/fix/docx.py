"""Fixing a Word report: a corrected copy next to the original, formatting kept.

The fixes are the same as for text reports, found on the text extracted from the
document. Each edit is carried back to the Word cell or paragraph it came from (through
the source map's locations) and made in the text of that element's runs: the edited
text goes into the run where it starts, so the run keeps its font, size and colour,
and the document's other parts — styles, numbering, headers, images — are untouched
(python-docx rewrites only the XML it changed). An edit whose text is not found exactly
once in its cell or paragraph (a number produced by Word's list numbering, text split
by a field) is not made. After each pass the copy is read and linted again; a pass
that adds a finding where there was none is undone. The original is never written.
"""

from __future__ import annotations

import io
import os
from collections.abc import Sequence
from typing import Any

from attrs import frozen

from gialint.base.diagnostic import Diagnostic, Edit
from gialint.base.location import DocxCell, DocxParagraph
from gialint.config.settings import Settings
from gialint.fix.fixer import MAX_PASSES, applicable, worse
from gialint.lint.result import LintResult
from gialint.read import read_bytes
from gialint.read.docx import W, body_elements, find_cell, text_nodes
from gialint.run.api import lint_extracted

_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def copy_path(path: str) -> str:
    """Where the corrected copy goes: ``报告.docx`` → ``报告.fixed.docx``."""
    stem, extension = os.path.splitext(path)
    return f"{stem}.fixed{extension}"


def _element(document: Any, location: object) -> Any | None:
    body = list(body_elements(document.element.body))
    if isinstance(location, DocxCell):
        tables = [e for e in body if e.tag == W + "tbl"]
        if 1 <= location.table <= len(tables):
            return find_cell(tables[location.table - 1], location.row, location.column)
    elif isinstance(location, DocxParagraph):
        paragraphs = [e for e in body if e.tag == W + "p"]
        if 1 <= location.paragraph <= len(paragraphs):
            return paragraphs[location.paragraph - 1]
    return None


def _replace(element: Any, old: str, new: str) -> bool:
    """Replace the one occurrence of ``old`` in the element's shown text; fill it when it is blank."""
    nodes = text_nodes(element)
    texts = [n.text or "" for n in nodes]
    whole = "".join(texts)
    if not old:
        if whole.strip():
            return False
        paragraph = element if element.tag == W + "p" else element.find(f"{W}p")
        if paragraph is None:
            return False
        run = paragraph.makeelement(W + "r", {})
        text = run.makeelement(W + "t", {})
        text.text = new
        run.append(text)
        paragraph.append(run)
        return True
    start = whole.find(old)
    if start < 0 or whole.find(old, start + 1) >= 0:
        return False
    end = start + len(old)
    offset = 0
    first = True
    for node, text in zip(nodes, texts, strict=True):
        lo, hi = offset, offset + len(text)
        offset = hi
        if hi <= start or lo >= end:
            continue
        keep_before = text[: max(0, start - lo)]
        keep_after = text[max(0, end - lo) :] if hi >= end else ""
        node.text = keep_before + (new if first else "") + keep_after
        node.set(_XML_SPACE, "preserve")
        first = False
    return True


def _apply(document: Any, result: LintResult, source_map: Any, chosen: Sequence[Diagnostic]) -> list[Diagnostic]:
    lines = result.text.split("\n")
    done: list[Diagnostic] = []
    for d in chosen:
        assert d.fix is not None
        targets: list[tuple[Any, Edit, str]] = []
        for edit in d.fix.edits:
            location = source_map.locate(edit.span)
            element = _element(document, location)
            line = lines[edit.span.line - 1] if 0 < edit.span.line <= len(lines) else ""
            old = line[edit.span.column - 1 : edit.span.end_column - 1]
            if element is None or edit.span.line != edit.span.end_line:
                break
            targets.append((element, edit, old))
        else:
            if all(_replace(element, old, edit.replacement) for element, edit, old in targets):
                done.append(d)
    return done


@frozen
class DocxFixes:
    """What fixing a .docx would give: the fixed package (None when nothing could be fixed), its
    findings (the original's when nothing was fixed), how many were fixed, and the text gialint
    reads from the original and from the fixed package (for ``--diff``)."""

    data: bytes | None
    result: LintResult
    fixed: int
    before: str
    after: str


def docx_fixes(path: str, data: bytes, settings: Settings, unsafe: bool = False) -> DocxFixes:
    """Fix a .docx report in memory, pass after pass; nothing is written."""
    import docx  # python-docx

    extracted = read_bytes(data, path)
    before = extracted.text
    result = lint_extracted(extracted, path, settings=settings)
    fixed = 0
    current = data
    for _ in range(MAX_PASSES):
        chosen = applicable(result.diagnostics, unsafe)
        if not chosen:
            break
        document = docx.Document(io.BytesIO(current))
        done = _apply(document, result, extracted.source_map, chosen)
        if not done:
            break
        stream = io.BytesIO()
        document.save(stream)
        candidate = stream.getvalue()
        again = read_bytes(candidate, path)
        after = lint_extracted(again, path, settings=settings)
        if worse(result.diagnostics, after.diagnostics):
            break
        current, extracted, result, fixed = candidate, again, after, fixed + len(done)
    return DocxFixes(current if fixed else None, result, fixed, before, extracted.text)


def fix_docx(path: str, data: bytes, settings: Settings, unsafe: bool = False) -> tuple[str | None, LintResult, int]:
    """Fix a .docx report into a copy; returns the copy's path (None when nothing was fixed),
    the findings of the copy (of the original when nothing was fixed), and how many were fixed."""
    fixes = docx_fixes(path, data, settings, unsafe)
    if fixes.data is None:
        return None, fixes.result, 0
    target = copy_path(path)
    from attrs import evolve

    from gialint.base.files import write_new

    write_new(target, fixes.data)
    return target, evolve(fixes.result, path=target), fixes.fixed
