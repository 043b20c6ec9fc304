"""A matched table's labels walked in compiled code (gialint.analyze.label_hit): the labels of
another version, a column's header cells and the labels written other than the format writes
them are, in order, those that reading every label hit picks; and the fixtures, with labels
made fuzzy or foreign, have some of each."""

from __future__ import annotations

from conftest import BASE, REPORTS
from gialint.analyze.document import parse_document
from gialint.analyze.matched import MatchedTable


def _edited(name: str, line: int, old: str | None, new: str) -> str:
    """A base fixture with ``old`` replaced by ``new`` on ``line``, or ``new`` inserted as that line."""
    lines = (BASE / name).read_text(encoding="utf-8").split("\n")
    if old is None:
        lines.insert(line - 1, new)
    else:
        assert old in lines[line - 1]
        lines[line - 1] = lines[line - 1].replace(old, new)
    return "\n".join(lines)


_TEXTS = [path.read_text(encoding="utf-8") for path in REPORTS] + [
    _edited("report-2020.txt", 34, "国家秘密", "国家机密"),  # a known typo
    _edited("report-2020.txt", 37, "合法权益", "合法权利"),  # a label only close to the format's
    _edited("report-2021.txt", 14, None, "其他对外管理服务事项\t3"),  # a 2019 row in a 2021 table
]
_TABLES: list[MatchedTable] = [table for text in _TEXTS for table in parse_document(text).tables]


def test_the_labels_of_other_versions_are_those_with_no_label_of_the_tables_version() -> None:
    for table in _TABLES:
        version = table.template.version
        assert list(table.foreign_labels()) == [h for h in table.labels if h.ref_for(version) is None]
    assert any(list(table.foreign_labels()) for table in _TABLES)


def test_a_columns_headers_are_the_cells_of_the_labels_naming_it() -> None:
    for table in _TABLES:
        for column in table.template.columns:
            expected = [h.cell for h in table.labels if any(r.kind == "column" and r.key == column.id for r in h.refs)]
            assert list(table.column_headers(column.id)) == expected
    assert any(list(t.column_headers(c.id)) for t in _TABLES for c in t.template.columns)


def test_misspelt_labels_are_the_fuzzy_and_typo_labels_of_the_tables_version() -> None:
    for table in _TABLES:
        version = table.template.version
        expected = [(h, r) for h in table.labels for r in [h.ref_for(version)] if r is not None and (h.fuzzy or r.typo)]
        assert list(table.misspelt_labels()) == expected
    assert any(list(table.misspelt_labels()) for table in _TABLES)
