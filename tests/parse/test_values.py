from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gialint.parse.values import KnownValues, ValueKind, default_reader


@pytest.mark.parametrize(
    ("text", "kind", "number", "unit", "nonstandard"),
    [
        ("0", ValueKind.INTEGER, Decimal(0), None, ()),
        ("66.36", ValueKind.DECIMAL, Decimal("66.36"), None, ()),
        ("-19", ValueKind.SIGNED, Decimal(-19), None, ()),
        ("－2", ValueKind.SIGNED, Decimal(-2), None, ("nonascii-minus",)),
        ("+6", ValueKind.SIGNED, Decimal(6), None, ("plus-sign",)),
        ("增318件", ValueKind.WITH_UNIT, Decimal(318), "件", ("word-sign",)),
        ("减1件", ValueKind.WITH_UNIT, Decimal(-1), "件", ("word-sign",)),
        ("24大项", ValueKind.WITH_UNIT, Decimal(24), "大项", ()),
        ("66.36万元", ValueKind.WITH_UNIT, Decimal("66.36"), "万元", ()),
        ("50423023.14元", ValueKind.WITH_UNIT, Decimal("50423023.14"), "元", ()),
        ("１２", ValueKind.INTEGER, Decimal(12), None, ("fullwidth-digits",)),
        ("1,234", ValueKind.INTEGER, Decimal(1234), None, ("thousands-separator",)),
        ("1 234", ValueKind.INTEGER, Decimal(1234), None, ("inner-space",)),
        ("   151件  ", ValueKind.WITH_UNIT, Decimal(151), "件", ()),
    ],
)
def test_numbers(text: str, kind: ValueKind, number: Decimal, unit: str | None, nonstandard: tuple[str, ...]) -> None:
    value = default_reader().classify(text)
    assert (value.kind, value.number, value.unit, value.nonstandard) == (kind, number, unit, nonstandard)
    assert value.amount == number


@pytest.mark.parametrize("text", ["-", "—", "――", "－", "/", "／", "无", "——"])
def test_dashes_count_as_zero(text: str) -> None:
    value = default_reader().classify(text)
    assert value.kind is ValueKind.DASH and value.is_empty and value.amount == 0 and value.number is None


@pytest.mark.parametrize("text", ["", "  ", "\u3000"])
def test_blanks(text: str) -> None:
    value = default_reader().classify(text)
    assert value.kind is ValueKind.BLANK and value.amount == 0


@pytest.mark.parametrize("text", ["不详", "约20", "见附件", "20-30", "1.2.3", "暂无"])
def test_text_is_not_a_number(text: str) -> None:
    value = default_reader().classify(text)
    assert value.kind is ValueKind.TEXT and value.amount is None


@given(st.text(st.sampled_from(list("0123456789０１２３４５６７８９.,，- －+＋增减件万元大项 　约无/")), max_size=12))
def test_an_integer_is_a_whole_number_not_below_zero_without_a_unit(text: str) -> None:
    # what the census of value cells (gialint.analyze.census) takes for granted of most cells
    value = default_reader().classify(text)
    if value.kind is ValueKind.INTEGER:
        assert value.number is not None and value.number >= 0
        assert value.number == value.number.to_integral_value()
        assert value.unit is None and value.sign is None


_CELL_TEXTS = st.text(st.sampled_from(list("0123456789０１２３４５６７８９.,- －+增减件万元 —无a")), max_size=6)


@given(st.lists(_CELL_TEXTS, max_size=40), st.integers(1, 8))
def test_known_values_read_each_text_as_the_reader_does_and_keep_at_most_their_bound(
    texts: list[str], most: int
) -> None:
    reader = default_reader()
    reads: list[str] = []

    def read(text: str):  # type: ignore[no-untyped-def]
        reads.append(text)
        return reader._classify(text)

    known = KnownValues(read, most)
    for text in texts:
        assert known[text] == reader._classify(text)
        assert len(known) <= most
    # a text is read again only after the texts kept were let go: never twice in a row
    assert all(a != b for a, b in itertools.pairwise(reads))
    assert len(reads) <= len(texts)
    if len(set(texts)) <= most:  # all of them fit: each text was read once
        assert sorted(reads) == sorted(set(texts))


def test_the_reader_remembers_what_a_text_says() -> None:
    reader = default_reader()
    assert reader.classify("12") is reader.classify("12") is reader.values["12"]
