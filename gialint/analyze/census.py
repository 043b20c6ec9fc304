"""A table's value cells that are not plain whole numbers, sorted by what they are: :func:`take_census`.

Most value cells of most reports hold a plain whole number, and the rules about cells — a blank
(GIA405), a dash beside zeros (GIA401), a unit (GIA402), an odd way of writing a number
(GIA403), text (GIA404), a money amount (GIA406), a negative or a fraction (GIA305) — have
nothing to say of them. Each of those rules used to walk every value cell of every table,
reading each cell's value in Python; one pass here (compiled, gialint/compiled.py) sorts the
cells once, and each rule reads only the few it is about, in the same order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from gialint.parse.values import ValueKind

if TYPE_CHECKING:
    from gialint.formats import ColumnSpec, TemplateRow
    from gialint.parse.ast import Cell

#: A value cell with its row and column, as :meth:`MatchedTable.value_cells` gives it.
ValueCell = tuple["TemplateRow", "ColumnSpec", "Cell"]

_INTEGER: Final = ValueKind.INTEGER
_BLANK: Final = ValueKind.BLANK
_DASH: Final = ValueKind.DASH
_TEXT: Final = ValueKind.TEXT


class Census:
    """A table's value cells of each sort, each in the order of the table's value cells."""

    def __init__(
        self,
        blank: tuple[ValueCell, ...],
        dash: tuple[ValueCell, ...],
        empty: tuple[ValueCell, ...],
        text: tuple[ValueCell, ...],
        zero: tuple[ValueCell, ...],
        unit: tuple[ValueCell, ...],
        nonstandard: tuple[ValueCell, ...],
        odd: tuple[ValueCell, ...],
        money: tuple[ValueCell, ...],
    ) -> None:
        self.blank: Final = blank  # nothing written
        self.dash: Final = dash  # a dash ("-", "—", "/"…)
        self.empty: Final = empty  # either of the two: no value, which counts as 0
        self.text: Final = text  # words where a figure belongs
        self.zero: Final = zero  # the number 0
        self.unit: Final = unit  # a number written with a unit ("12件")
        self.nonstandard: Final = nonstandard  # a number written other than in plain ASCII (GIA403)
        self.odd: Final = odd  # a number below zero or not whole
        self.money: Final = money  # a number in a column of money amounts


def value_cells(rows: Sequence[TemplateRow], cells: Mapping[Any, Cell]) -> tuple[ValueCell, ...]:
    """Every value cell of ``cells`` (by (row key, column id)) with its row and column, in the
    order of ``rows`` and their columns: what :meth:`MatchedTable.value_cells` lists, found here,
    compiled, rather than in an interpreted loop over every cell of the format's table."""
    found: list[ValueCell] = []
    lookup: dict[Any, Cell] = cells if isinstance(cells, dict) else dict(cells)
    for row in rows:
        columns = row.columns
        # read untyped: compiled, a key typed as a pair is unpacked, then made again to look up;
        # a tuple, not any sequence: its items are then read directly
        keys: tuple[Any, ...] = row.cell_keys
        for index in range(len(keys)):
            cell = lookup.get(keys[index])
            if cell is not None:
                found.append((row, columns[index], cell))
    return tuple(found)


def amounts_of(cells: Mapping[Any, Cell]) -> dict[Any, Decimal | None]:
    """Each cell's amount for arithmetic (:attr:`CellValue.amount`), by the key of ``cells``."""
    return {key: cell.value.amount for key, cell in cells.items()}


def take_census(cells: tuple[ValueCell, ...]) -> Census:
    """The cells of ``cells`` of each sort (a cell may be of several: a unit and a fraction)."""
    blank: list[ValueCell] = []
    dash: list[ValueCell] = []
    empty: list[ValueCell] = []
    text: list[ValueCell] = []
    zero: list[ValueCell] = []
    unit: list[ValueCell] = []
    nonstandard: list[ValueCell] = []
    odd: list[ValueCell] = []
    money: list[ValueCell] = []
    # each item read as a tuple of any length and appended as it is: compiled, an item typed as
    # a triple is unpacked from its tuple, and a new tuple is made of it again for every list it
    # goes to, and an untyped one is indexed through the object protocol; its cell is taken out
    # typed, so that the cell's value and the value's fields are read as native fields rather
    # than looked up by name
    items: tuple[tuple[Any, ...], ...] = cells
    for item in items:
        cell: Cell = item[2]
        value = cell.value
        kind = value.kind
        if kind is _BLANK:
            blank.append(item)
            empty.append(item)
        elif kind is _DASH:
            dash.append(item)
            empty.append(item)
        elif kind is _TEXT:
            text.append(item)
        number = value.number
        if number is None:
            continue
        if not number:
            zero.append(item)
        elif kind is _INTEGER:
            pass  # digits alone: a whole number, not below zero, with no unit (most cells)
        elif number < 0 or number != number.to_integral_value():
            odd.append(item)
        if kind is not _INTEGER and value.unit is not None:
            unit.append(item)
        if value.nonstandard:
            nonstandard.append(item)
        if item[1].type == "money":
            money.append(item)
    return Census(
        tuple(blank),
        tuple(dash),
        tuple(empty),
        tuple(text),
        tuple(zero),
        tuple(unit),
        tuple(nonstandard),
        tuple(odd),
        tuple(money),
    )
