"""The parsed report as plain data (``gialint parse --format json``), for extracting statistics."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from gialint.analyze.document import Document
from gialint.analyze.matched import MatchedTable
from gialint.base.location import SourceMap
from gialint.parse.ast import Block, Cell, Heading, Paragraph, Subsection, Table

PARSE_VERSION = 1


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _cell(cell: Cell) -> dict[str, Any]:
    value = cell.value
    return {
        "text": cell.text,
        "kind": value.kind.value,
        "value": _number(value.amount),
        "unit": value.unit,
        **cell.span.as_dict(),
    }


def _heading(heading: Heading) -> dict[str, Any]:
    return {"text": heading.text, "numeral": heading.numeral, "style": heading.style.value, **heading.span.as_dict()}


def _block(block: Block) -> dict[str, Any]:
    if isinstance(block, Paragraph):
        return {"type": "paragraph", "text": block.text, **block.span.as_dict()}
    if isinstance(block, Table):
        return {
            "type": "table",
            "layout": block.layout.value,
            **block.span.as_dict(),
            "rows": [[_cell(c) for c in row.cells] for row in block.rows],
        }
    assert isinstance(block, Subsection)
    return {"type": "subsection", "heading": _heading(block.heading), "blocks": [_block(b) for b in block.blocks]}


def _table(table: MatchedTable, source_map: SourceMap | None) -> dict[str, Any]:
    rows = []
    for row in table.template.rows:
        cells = []
        for column in row.columns:
            cell = table.cell(row.key, column.id)
            entry: dict[str, Any] = {"key": column.id, "label": column.label}
            entry.update(_cell(cell) if cell is not None else {"missing": True})
            location = source_map.locate(cell.span) if source_map is not None and cell is not None else None
            if location is not None:
                entry["location"] = location.as_dict()
            cells.append(entry)
        rows.append({"key": row.key, "label": row.label, "cells": cells})
    return {
        "table": table.id,
        "title": table.spec.title,
        "version": table.template.version,
        "fits_versions": sorted(table.versions),
        "section": table.section.heading.text if table.section else None,
        **table.span.as_dict(),
        "unreadable": None if table.unreadable is None else table.unreadable.kind,
        "rows": rows,
    }


def document_as_dict(
    doc: Document,
    path: str | None = None,
    encoding: str | None = None,
    file_format: str = "text",
    source_map: SourceMap | None = None,
) -> dict[str, Any]:
    """Positions are in the text gialint read; with a ``source_map`` (.html/.docx/.pdf) table cells
    also carry their ``location`` in the original file."""
    report = doc.report
    year = doc.year
    return {
        "version": PARSE_VERSION,
        "path": path,
        "file_format": file_format,
        "encoding": encoding,
        "year": None if year is None else {"value": year.year, "source": year.source.value, **year.span.as_dict()},
        "format_version": doc.version,
        "agency": None
        if doc.agency is None
        else {"name": doc.agency.name, "source": doc.agency.source.value, **doc.agency.span.as_dict()},
        "title": None if report.title is None else {"text": report.title.text, **report.title.span.as_dict()},
        "page": {
            name: None if found is None else {"value": found.value, **found.span.as_dict()}
            for name, found in (
                ("published", doc.meta.published),
                ("publisher", doc.meta.publisher),
                ("title", doc.meta.title),
            )
        },
        "preamble": [_block(b) for b in report.preamble],
        "sections": [
            {
                "section": found.identified.spec.id if found.identified else None,
                "number": found.identified.spec.index if found.identified else None,
                "heading": _heading(found.section.heading),
                **found.section.span.as_dict(),
                "blocks": [_block(b) for b in found.section.blocks],
            }
            for found in doc.sections
        ],
        "tables": [_table(t, source_map) for t in doc.tables],
    }
