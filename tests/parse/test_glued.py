"""A line whose table cells run together (gialint.parse.glued): a table is named by at least
``GLUED_LABELS`` of its labels and a run of at least ``GLUED_DIGITS`` digits, where its first
label stands; anything less is no glued table."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gialint.parse.cues import default_cues
from gialint.parse.glued import GLUED_DIGITS, GLUED_LABELS, glued_table

CUES = default_cues()
TABLES = sorted({table for _, table in CUES.label_texts})


def _own_labels(table: str) -> list[str]:
    """The labels of ``table`` that no other label (of any table) is a piece of, nor holds: each
    written, the search finds it and no other."""
    labels = [label for label, _ in CUES.label_texts]
    return [
        label
        for label, t in CUES.label_texts
        if t == table and not any(other != label and (label in other or other in label) for other in labels)
    ]


#: the tables with enough labels of their own to write a glued line of them alone
NAMED = [table for table in TABLES if len(_own_labels(table)) >= GLUED_LABELS + 3]


def _line(labels: list[str], digits: str, lead: str) -> str:
    return lead + "".join(label + digits for label in labels)


@given(
    st.sampled_from(NAMED),
    st.integers(GLUED_LABELS, GLUED_LABELS + 3),
    st.integers(GLUED_DIGITS, GLUED_DIGITS + 4),
    st.text(alphabet="某局情况，。 ", max_size=12),
)
def test_a_tables_labels_run_together_with_figures_are_that_table_from_its_first_label(
    table: str, count: int, digits: int, lead: str
) -> None:
    labels = _own_labels(table)[:count]
    text = _line(labels, "7" * digits, lead)
    found = glued_table(CUES.label_texts, text)
    assert found == (table, len(lead))
    assert CUES.glued_table(text) == found


@given(st.sampled_from(TABLES), st.integers(1, GLUED_LABELS - 1), st.text(alphabet="某局情况，。 ", max_size=12))
def test_fewer_labels_are_no_glued_table(table: str, count: int, lead: str) -> None:
    text = _line(_own_labels(table)[:count], "7" * GLUED_DIGITS, lead) + "某" * 40
    assert glued_table(CUES.label_texts, text) is None


def test_no_run_of_digits_long_enough_or_a_short_line_is_no_glued_table() -> None:
    assert NAMED, "no table has labels enough of its own for a glued line"
    table = NAMED[0]
    labels = _own_labels(table)[:GLUED_LABELS]
    assert glued_table(CUES.label_texts, _line(labels, "7" * GLUED_DIGITS, "")) is not None
    assert glued_table(CUES.label_texts, _line(labels, "7" * (GLUED_DIGITS - 1), "")) is None
    assert glued_table(CUES.label_texts, "1234567" + "某" * 32) is None  # 39 characters
