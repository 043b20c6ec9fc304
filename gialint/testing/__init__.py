"""Writing well-formed reports, for tests, benchmarks and plugin authors.

:func:`consistent_values` makes statistics that satisfy every identity of the
format; :func:`render` writes a complete report around them in any of the text
layouts gialint reads, and records where it put each value — an oracle for tests
that is independent of the parser.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence

from attrs import field, frozen

from gialint.formats import FormatModel, load
from gialint.parse.ast import Layout

Key = tuple[str, str, str]  # (table, row key, column id)

#: The layouts :func:`render` writes: every one the parser reads, but cells run together on a
#: line (:attr:`Layout.GLUED`), which gialint only recognises in order to say it cannot read it.
LAYOUTS = tuple(layout for layout in Layout if layout is not Layout.GLUED)

AGENCY = "某某市某某局"
PROSE = {
    "overall": "{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，推进政务公开工作。"
    "主动公开和依申请公开依法有序，政府信息管理、政府信息公开平台建设和监督保障不断加强。",
    "problems": "主要问题是公开的及时性有待提高。下一步将健全工作机制，加强培训。",
    "other": "本年度未收取信息处理费。",
}


@frozen
class Rendered:
    text: str
    positions: Mapping[Key, tuple[int, int, int]] = field(repr=False)  # (line, column, end_column)


def _version_of(model: FormatModel, year: int) -> str:
    version = model.expected_version(year)
    assert version is not None, f"no format for {year}"
    return version.id


def consistent_values(
    year: int, rng: random.Random, model: FormatModel | None = None, high: int = 30
) -> dict[Key, int]:
    """Random statistics for every value cell that satisfy all identities of the format."""
    model = model or load()
    version = _version_of(model, year)
    values: dict[Key, int] = {}
    t2 = model.tables["t2"].template(version)
    for row in t2.rows:
        if row.optional:
            continue
        for column in row.columns:
            values[("t2", row.key, column.id)] = rng.randint(0, high)
        if version == "2019" and any(c.id == "delta" for c in row.columns):
            previous = values.get(("t2", row.key, "prev_items"), 0)
            values[("t2", row.key, "delta")] = rng.randint(-previous, high)
        if version == "2021" and any(c.id == "repealed" for c in row.columns):
            bound = values[("t2", row.key, "in_force")] + values[("t2", row.key, "issued")]
            values[("t2", row.key, "repealed")] = rng.randint(0, bound)
    t3 = model.tables["t3"].template(version)
    applicants = [c.id for c in t3.columns if c.id != "total"]
    outcomes = [r.key for r in t3.rows if "outcome" in r.tags]
    for applicant in applicants:
        for outcome in outcomes:
            values[("t3", outcome, applicant)] = rng.randint(0, high // 3)
        handled = sum(values[("t3", outcome, applicant)] for outcome in outcomes)
        carried_in, carry_out = rng.randint(0, high // 3), rng.randint(0, high // 3)
        new = handled + carry_out - carried_in
        if new < 0:
            carry_out, new = carry_out - new, 0
        values.update(
            {
                ("t3", "results_total", applicant): handled,
                ("t3", "carried_in", applicant): carried_in,
                ("t3", "carry_out", applicant): carry_out,
                ("t3", "new", applicant): new,
            }
        )
    for row in t3.rows:
        values[("t3", row.key, "total")] = sum(values[("t3", row.key, c)] for c in applicants)
    for group in ("review", "direct", "after_review"):
        parts = [rng.randint(0, high // 3) for _ in range(4)]
        for outcome, value in zip(("maintained", "corrected", "other", "pending"), parts, strict=True):
            values[("t4", "cases", f"{group}.{outcome}")] = value
        values[("t4", "cases", f"{group}.total")] = sum(parts)
    return values


def next_year_values(
    year: int, last: Mapping[Key, int], rng: random.Random, model: FormatModel | None = None, high: int = 30
) -> dict[Key, int]:
    """Statistics for ``year + 1`` that follow on from ``last`` (the statistics for ``year``), as
    GIA601–GIA603 check: the applications carried in are those carried out, and in the same
    format table 2's counts run on (现行有效件数 in 2021; 上一年项目数量 in 2019). Every identity
    of the format holds."""
    model = model or load()
    values = consistent_values(year + 1, rng, model, high)
    same = _version_of(model, year) == _version_of(model, year + 1)
    for table, row, column in list(values):
        if table != "t2" or not same:
            continue
        if column == "in_force":
            bound = last[("t2", row, "in_force")] + values[("t2", row, "issued")]
            repealed = values[("t2", row, "repealed")] = rng.randint(0, bound)
            values[("t2", row, column)] = bound - repealed
        elif column == "prev_items":
            start = values[("t2", row, column)] = last[("t2", row, "prev_items")] + last[("t2", row, "delta")]
            values[("t2", row, "delta")] = rng.randint(-start, high)
    applicants = [c.id for c in model.tables["t3"].template(_version_of(model, year + 1)).columns if c.id != "total"]
    for applicant in applicants:
        carried_in = last[("t3", "carry_out", applicant)]
        handled, carry_out = values[("t3", "results_total", applicant)], values[("t3", "carry_out", applicant)]
        new = max(0, handled + carry_out - carried_in)
        values[("t3", "carried_in", applicant)], values[("t3", "new", applicant)] = carried_in, new
        values[("t3", "carry_out", applicant)] = new + carried_in - handled
    for row in ("new", "carried_in", "carry_out"):
        values[("t3", row, "total")] = sum(values[("t3", row, c)] for c in applicants)
    return values


def _table_rows(model: FormatModel, table: str, version: str) -> Iterator[list[str | Key]]:
    """The table as printed: rows of label strings and value keys."""
    spec = model.tables[table]
    template = spec.template(version)
    multi = len(spec.blocks) > 1
    for block in spec.blocks:
        if block.versions is not None and version not in block.versions:
            continue
        columns = [c for c in block.columns if c.versions is None or version in c.versions]
        if block.caption:
            yield [block.caption]
        if block.header_rows:
            for header_row in block.header_rows:
                yield list[str | Key](header_row)
        else:
            header = [("采购总金额（万元）" if c.type == "money" and c.unit is None else c.label) for c in columns]
            yield [*block.header, *header]
        pending_groups: list[str] = []
        for row in block.rows:
            if row.versions is not None and version not in row.versions:
                continue
            if row.group:
                pending_groups.append(row.label)
                continue
            key = f"{block.id}.{row.id}" if multi else row.id
            if key not in template.row_by_key or row.optional:
                continue
            cells: list[str | Key] = [*pending_groups, *([row.label] if row.label else [])]
            pending_groups = []
            cells.extend((table, key, c.id) for c in columns)
            yield cells


def render(
    year: int,
    values: Mapping[Key, int | str],
    layout: Layout = Layout.TSV,
    model: FormatModel | None = None,
    agency: str = AGENCY,
) -> Rendered:
    """A complete report for ``year`` with ``values`` in its tables, written in ``layout``."""
    model = model or load()
    version = _version_of(model, year)
    texts = {key: str(value) for key, value in values.items()}
    lines: list[str] = [
        f"{agency}{year}年政府信息公开工作年度报告",
        "",
        "本报告依据《中华人民共和国政府信息公开条例》编制。",
    ]
    positions: dict[Key, tuple[int, int, int]] = {}
    heading_mark = "## " if layout is Layout.MARKDOWN else ""
    for section in model.sections:
        lines.append(f"{heading_mark}{section.canonical}")
        if section.table is None:
            lines.append(PROSE[section.id].format(year=year))
            continue
        rows = list(_table_rows(model, section.table, version))
        _write_table(lines, positions, rows, texts, layout)
    return Rendered("\n".join(lines) + "\n", positions)


def _write_table(
    lines: list[str],
    positions: dict[Key, tuple[int, int, int]],
    rows: Sequence[list[str | Key]],
    texts: Mapping[Key, str],
    layout: Layout,
) -> None:
    def text_of(cell: str | Key) -> str:
        return texts.get(cell, "") if isinstance(cell, tuple) else cell

    def place(cell: str | Key, line_index: int, start: int, text: str) -> None:
        if isinstance(cell, tuple):
            positions[cell] = (line_index + 1, start + 1, start + 1 + len(text))

    if layout is Layout.TAB:
        for index, row in enumerate(rows):
            if index:
                lines.append("")
            for cell in row:
                text = text_of(cell)
                place(cell, len(lines), 1, text)
                lines.append("\t" + text)
        lines.append("")
    elif layout is Layout.PIPE or layout is Layout.LINES:
        for row in rows:
            for cell in row:
                text = text_of(cell)
                if not text and not isinstance(cell, tuple):
                    continue  # merged header cells are not written in these layouts
                place(cell, len(lines), 0, text)
                lines.extend((text, "|") if layout is Layout.PIPE else (text,))
        if layout is Layout.LINES:
            lines.append("")
    elif layout is Layout.TSV:
        for row in rows:
            parts, column = [], 0
            for cell in row:
                text = text_of(cell)
                place(cell, len(lines), column, text)
                parts.append(text)
                column += len(text) + 1
            lines.append("\t".join(parts))
        lines.append("")
    else:
        width = max(len(r) for r in rows)
        for index, row in enumerate(rows):
            parts, column = [], 2
            for cell in [*row, *[""] * (width - len(row))]:
                text = text_of(cell)
                place(cell, len(lines), column, text)
                parts.append(text)
                column += len(text) + 3
            lines.append("| " + " | ".join(parts) + " |")
            if index == 0:
                lines.append("|" + "---|" * width)
        lines.append("")
