"""Typed, immutable view of ``formats.toml``.

:func:`load` reads the data once per process. A :class:`TableSpec` holds both versions;
:meth:`TableSpec.template` resolves it for one version into a :class:`Template`: the
blocks, data rows and columns that version prints, in order.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Mapping
from typing import Any

from attrs import evolve, field, frozen

from gialint.base import catalogue as msg
from gialint.base.messages import Failure
from gialint.base.shipped import toml_data
from gialint.formats.labels import normalize, strip_note


def _versions(raw: Mapping[str, Any]) -> frozenset[str] | None:
    values = raw.get("versions")
    return frozenset(values) if values else None


def _applies(versions: frozenset[str] | None, version: str) -> bool:
    return versions is None or version in versions


@frozen
class Version:
    id: str
    name: str
    notice: str
    first_year: int
    last_year: int | None

    def covers(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


@frozen
class SectionSpec:
    id: str
    index: int  # 1..6
    numeral: str
    heading: str
    variants: tuple[str, ...]
    keywords: tuple[str, ...]
    table: str | None

    @property
    def canonical(self) -> str:
        return f"{self.numeral}、{self.heading}"


@frozen
class ColumnSpec:
    id: str
    label: str
    type: str  # count | signed | money
    unit: str | None = None
    variants: tuple[str, ...] = ()
    versions: frozenset[str] | None = None


@frozen
class RowSpec:
    id: str
    label: str
    group: bool = False
    tags: tuple[str, ...] = ()
    typos: tuple[str, ...] = ()
    optional: bool = False
    versions: frozenset[str] | None = None
    # wordings of this row seen in reports of its version that are not the format's but not
    # wrong either (the 2019 "规范性文件" in a 2021 table 2): GIA203 names the format's label
    variants: tuple[str, ...] = ()


@frozen
class BlockSpec:
    id: str
    caption: str | None
    header: tuple[str, ...]  # labels printed before the column labels ("信息内容")
    header_rows: tuple[tuple[str, ...], ...]  # or the whole header as printed ("" = merged cell)
    columns: tuple[ColumnSpec, ...]
    rows: tuple[RowSpec, ...]
    versions: frozenset[str] | None = None

    @property
    def header_labels(self) -> tuple[str, ...]:
        return (*self.header, *(label for row in self.header_rows for label in row if label))


@frozen
class LabelRef:
    """What a normalised label stands for in one table (any version)."""

    kind: str  # caption | header | column | row | group
    key: str  # row key, column id, block id, or the header label
    label: str  # the format's wording
    versions: frozenset[str]
    typo: bool = False  # a typo or variant of ``label`` (GIA203 names ``label``)


@frozen(slots=False)  # not slotted: see "Cached properties" in docs/performance.md
class TemplateRow:
    key: str  # "new", or "art20_5.licensing" in multi-block tables
    label: str
    block: str
    columns: tuple[ColumnSpec, ...]
    tags: tuple[str, ...]
    optional: bool

    @functools.cached_property
    def cell_keys(self) -> tuple[tuple[str, str], ...]:
        """The (row key, column id) of each of the row's cells, in column order."""
        return tuple((self.key, column.id) for column in self.columns)


@frozen(slots=False)  # not slotted: see "Cached properties" in docs/performance.md
class Template:
    """One table as one version prints it."""

    table: str
    version: str
    rows: tuple[TemplateRow, ...]  # data rows, in order
    columns: tuple[ColumnSpec, ...]  # every distinct value column, in order

    @functools.cached_property
    def row_by_key(self) -> dict[str, TemplateRow]:
        return {row.key: row for row in self.rows}

    @functools.cached_property
    def cell_keys(self) -> tuple[tuple[str, str], ...]:
        """Every cell of the table, (row key, column id), row by row and in each row's order."""
        return tuple(key for row in self.rows for key in row.cell_keys)


@frozen(slots=False)  # not slotted: see "Cached properties" in docs/performance.md
class TableSpec:
    id: str
    title: str
    section: str
    blocks: tuple[BlockSpec, ...]
    labels: Mapping[str, tuple[LabelRef, ...]] = field(eq=False, repr=False)

    def template(self, version: str) -> Template:
        found = self._templates.get(version)
        if found is None:
            found = self._templates[version] = _template(self, version)
        return found

    @functools.cached_property
    def _templates(self) -> dict[str, Template]:
        # by version, without hashing the whole spec as a cache on _template would
        return {}

    @functools.cached_property
    def row_labels(self) -> tuple[LabelRef, ...]:
        """The rows' own labels (typos excluded), for recognising near misses."""
        refs = {id(r): r for found in self.labels.values() for r in found if r.kind == "row" and not r.typo}
        return tuple(refs.values())

    def lookup(self, normalized: str) -> tuple[LabelRef, ...]:
        """The labels this normalised text stands for, trying it without a trailing note too."""
        found = self.labels.get(normalized)
        if found is None:
            found = self.labels.get(strip_note(normalized), ())
        return found


def _template(spec: TableSpec, version: str) -> Template:
    multi = len(spec.blocks) > 1
    rows: list[TemplateRow] = []
    columns: dict[str, ColumnSpec] = {}
    for block in spec.blocks:
        if not _applies(block.versions, version):
            continue
        block_columns = tuple(c for c in block.columns if _applies(c.versions, version))
        for column in block_columns:
            columns.setdefault(column.id, column)
        for row in block.rows:
            if row.group or not _applies(row.versions, version):
                continue
            key = f"{block.id}.{row.id}" if multi else row.id
            rows.append(TemplateRow(key, row.label, block.id, block_columns, row.tags, row.optional))
    return Template(spec.id, version, tuple(rows), tuple(columns.values()))


@frozen
class Identity:
    id: str
    rule: str
    table: str
    for_each: str | tuple[str, ...]
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]
    anchor: str
    op: str
    text_zh: str
    text_en: str
    versions: frozenset[str] | None = None


@frozen
class ValueConventions:
    dash_characters: str
    dashes: tuple[str, ...]
    units: tuple[str, ...]
    increase_words: tuple[str, ...]
    decrease_words: tuple[str, ...]


@frozen
class FormatModel:
    versions: tuple[Version, ...]
    sections: tuple[SectionSpec, ...]
    tables: Mapping[str, TableSpec]
    identities: tuple[Identity, ...]
    values: ValueConventions
    #: the words a web page or a crawler's header puts before its metadata ("发布时间："), by field
    page_meta: Mapping[str, tuple[str, ...]] = field(factory=dict)
    #: what the prose is checked against (content.toml: phrases, required statements, thresholds),
    #: by check; each check reads its own table
    content: Mapping[str, Any] = field(factory=dict)

    def version(self, version_id: str) -> Version:
        return next(v for v in self.versions if v.id == version_id)

    def expected_version(self, year: int) -> Version | None:
        """The format a report for ``year`` must use (None before 2019)."""
        for version in self.versions:  # a loop, not next() over a generator: asked many times a report
            if version.covers(year):
                return version
        return None

    def identities_for(self, rule: str) -> Iterable[Identity]:
        return (i for i in self.identities if i.rule == rule)


def _index_labels(
    table_id: str, blocks: tuple[BlockSpec, ...], all_versions: frozenset[str]
) -> dict[str, tuple[LabelRef, ...]]:
    index: dict[str, list[LabelRef]] = {}
    multi = len(blocks) > 1

    def add(text: str, ref: LabelRef) -> None:
        if not text:
            return
        for form in {normalize(text), strip_note(normalize(text))}:
            index.setdefault(form, []).append(ref)

    for block in blocks:
        block_versions = block.versions or all_versions
        if block.caption:
            add(block.caption, LabelRef("caption", block.id, block.caption, block_versions))
        for text in block.header_labels:
            add(text, LabelRef("header", text, text, block_versions))
        for column in block.columns:
            versions = (column.versions or all_versions) & block_versions
            for text in (column.label, *column.variants):
                add(text, LabelRef("column", column.id, column.label, versions))
        for row in block.rows:
            versions = (row.versions or all_versions) & block_versions
            kind = "group" if row.group else "row"
            key = f"{block.id}.{row.id}" if multi and not row.group else row.id
            add(row.label, LabelRef(kind, key, row.label, versions))
            for typo in (*row.typos, *row.variants):
                add(typo, LabelRef(kind, key, row.label, versions, typo=True))
    return {label: tuple(refs) for label, refs in index.items()}


def _build(raw: Mapping[str, Any]) -> FormatModel:
    versions = tuple(
        Version(v["id"], v["name"], v["notice"], v["first_year"], v.get("last_year")) for v in raw["versions"]
    )
    all_versions = frozenset(v.id for v in versions)
    sections = tuple(
        SectionSpec(s["id"], i, s["numeral"], s["heading"], tuple(s["variants"]), tuple(s["keywords"]), s.get("table"))
        for i, s in enumerate(raw["sections"], start=1)
    )
    tables: dict[str, TableSpec] = {}
    for table_id, t in raw["tables"].items():
        blocks = tuple(
            BlockSpec(
                b["id"],
                b.get("caption"),
                tuple(b.get("header", ())),
                tuple(tuple(row) for row in b.get("header_rows", ())),
                tuple(
                    ColumnSpec(
                        c["id"], c["label"], c["type"], c.get("unit"), tuple(c.get("variants", ())), _versions(c)
                    )
                    for c in b["columns"]
                ),
                tuple(
                    RowSpec(
                        r["id"],
                        r["label"],
                        r.get("group", False),
                        tuple(r.get("tags", ())),
                        tuple(r.get("typos", ())),
                        r.get("optional", False),
                        _versions(r),
                        tuple(r.get("variants", ())),
                    )
                    for r in b["rows"]
                ),
                _versions(b),
            )
            for b in t["blocks"]
        )
        tables[table_id] = TableSpec(
            table_id, t["title"], t["section"], blocks, _index_labels(table_id, blocks, all_versions)
        )
    identities = tuple(
        Identity(
            i["id"],
            i["rule"],
            i["table"],
            tuple(i["for_each"]) if isinstance(i["for_each"], list) else i["for_each"],
            tuple(i["lhs"]),
            tuple(i.get("rhs", ())),
            i["anchor"],
            i.get("op", "=="),
            i["text_zh"],
            i["text_en"],
            _versions(i),
        )
        for i in raw["identities"]
    )
    v = raw["values"]
    values = ValueConventions(
        v["dash_characters"],
        tuple(v["dashes"]),
        tuple(v["units"]),
        tuple(v["increase_words"]),
        tuple(v["decrease_words"]),
    )
    page_meta = {key: tuple(words) for key, words in raw.get("page_meta", {}).items()}
    return FormatModel(versions, sections, tables, identities, values, page_meta)


@functools.lru_cache(maxsize=1)
def load() -> FormatModel:
    """The format model shipped with gialint (read once per process)."""
    # read beside this module, not through importlib.resources (which imports zipfile); parsed
    # when the wheel was built (gialint.base.shipped)
    here = os.path.dirname(__file__)
    model = _build(toml_data(os.path.join(here, "formats.toml")))
    content = toml_data(os.path.join(here, "content.toml"))
    return evolve(model, content=content)


def merged_content(base: Mapping[str, Any], additions: Mapping[str, Any]) -> dict[str, Any]:
    """content.toml's tables with a province's additions: tables merged key by key, a list
    extended by the items it lacks, any other value replaced."""
    merged = dict(base)
    for key, value in additions.items():
        old = merged.get(key)
        if isinstance(old, Mapping) and isinstance(value, Mapping):
            merged[key] = merged_content(old, value)
        elif isinstance(old, list) and isinstance(value, list):
            merged[key] = old + [item for item in value if item not in old]
        else:
            merged[key] = value
    return merged


class AdditionsError(Failure, ValueError):
    """A content additions file that cannot be read or is not TOML (one line, in both languages)."""


def read_additions(path: str) -> dict[str, Any]:
    """The tables of a content additions file (the ``content`` configuration key); AdditionsError
    with one line when it cannot be read or is not TOML."""
    try:
        with open(path, "rb") as file:
            data = file.read(1024 * 1024 + 1)
    except OSError as error:
        raise AdditionsError(msg.FILE_UNREADABLE, file=path, error=error.strerror or error) from None
    if len(data) > 1024 * 1024:
        raise AdditionsError(msg.ADDITIONS_TOO_LARGE, file=path)
    import tomllib  # here: the shipped data comes parsed (gialint.base.shipped)

    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
        raise AdditionsError(msg.ADDITIONS_NOT_TOML, file=path, error=error) from None


_WITH_ADDITIONS: dict[tuple[int, str, int, int], FormatModel] = {}


def with_additions(model: FormatModel, path: str) -> FormatModel:
    """``model`` with the content additions of ``path`` merged in (one model per file version,
    so that what each check compiles from it is compiled once)."""
    try:
        status = os.stat(path)
    except OSError as error:
        raise AdditionsError(msg.FILE_UNREADABLE, file=path, error=error.strerror or error) from None
    key = (id(model), path, status.st_mtime_ns, status.st_size)
    found = _WITH_ADDITIONS.get(key)
    if found is None:
        if len(_WITH_ADDITIONS) >= 16:
            _WITH_ADDITIONS.clear()
        found = _WITH_ADDITIONS[key] = evolve(model, content=merged_content(model.content, read_additions(path)))
    return found
