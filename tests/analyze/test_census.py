"""A table's value cells sorted once (gialint.analyze.census): each sort holds exactly the cells a
rule about cells would pick by reading every cell, in the order of the table's value cells."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPORTS
from gialint.analyze.census import ValueCell, take_census
from gialint.analyze.document import parse_document
from gialint.parse.values import ValueKind, default_reader

# value cells of every table of the fixtures, with their rows and columns (money columns among them)
_CELLS: list[ValueCell] = [
    item
    for path in REPORTS
    for table in parse_document(path.read_text(encoding="utf-8")).tables
    for item in table.value_cells()
]
# what clerks write in value cells: numbers plain and odd, dashes, blanks, units, words
_TEXTS = [
    "", " ", "0", "00", "-0", "0.00", "12", "１２", "1,234", "1 234", "+5", "＋5", "-3", "－3", "增3", "减2",
    "0.5", "2.0", "-1.5", "66.36万元", "24大项", "12件", "0件", "-", "—", "/", "无", "约10", "不详", "abc",
]  # fmt: skip


def _sorted_by_reading(items: list[ValueCell]) -> dict[str, list[ValueCell]]:
    def number(item: ValueCell) -> object:
        return item[2].value.number

    with_number = [i for i in items if number(i) is not None]
    return {
        "blank": [i for i in items if i[2].value.kind is ValueKind.BLANK],
        "dash": [i for i in items if i[2].value.kind is ValueKind.DASH],
        "empty": [i for i in items if i[2].value.is_empty],
        "text": [i for i in items if i[2].value.kind is ValueKind.TEXT],
        "zero": [i for i in with_number if i[2].value.number == 0],
        "unit": [i for i in with_number if i[2].value.unit is not None],
        "nonstandard": [i for i in with_number if i[2].value.nonstandard],
        "odd": [
            i
            for i in with_number
            if i[2].value.number < 0 or i[2].value.number != i[2].value.number.to_integral_value()  # type: ignore[operator, union-attr]
        ],
        "money": [i for i in with_number if i[1].type == "money"],
    }


def test_the_fixtures_have_cells_of_every_column_type() -> None:
    assert {column.type for _, column, _ in _CELLS} >= {"money", "signed"}


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_CELLS) - 1), st.sampled_from(_TEXTS)), max_size=60))
def test_each_sort_is_what_reading_every_cell_picks(picks: list[tuple[int, str]]) -> None:
    classify = default_reader().classify
    items: list[ValueCell] = []
    for index, text in picks:
        row, column, cell = _CELLS[index]
        items.append((row, column, cell._replace(text=text, value=classify(text))))
    census = take_census(tuple(items))
    for sort, expected in _sorted_by_reading(items).items():
        assert list(getattr(census, sort)) == expected, sort
