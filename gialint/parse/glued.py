"""A line whose table cells run together — labels and figures glued, as a crawler or a PDF
converter leaves a table — and which of the format's tables it is: :func:`glued_table`.

Asked of every one-line paragraph of every report (most are turned away by their length or by
having no long run of digits), so it is compiled (gialint/compiled.py); the labels it looks for
are :class:`gialint.parse.cues.Cues`'s.
"""

from __future__ import annotations

from typing import Final

from gialint.base.digits import has_digit_run
from gialint.formats.labels import normalize

#: A line with cells run together: at least this many of one table's labels, and a run of digits
#: at least this long (figures of adjacent cells glued together).
GLUED_LABELS: Final = 5
GLUED_DIGITS: Final = 6
#: the shortest line that can hold them
_SHORTEST: Final = 40


def glued_table(labels: tuple[tuple[str, str], ...], text: str) -> tuple[str, int] | None:
    """The table whose labels and figures run together in ``text``, and where it starts; ``labels``
    are (normalised label, table id), longest first."""
    if len(text) < _SHORTEST or not has_digit_run(text, GLUED_DIGITS):
        return None
    normalized = normalize(text)
    if len(normalized) != len(text):  # positions must carry over; a text with spaces is rare here
        normalized = text
    found: dict[str, set[str]] = {}
    first: dict[str, int] = {}
    for label, table in labels:
        at = normalized.find(label)
        if at >= 0:
            found.setdefault(table, set()).add(label)
            first[table] = min(first.get(table, at), at)
    best = max(found, key=lambda t: len(found[t]), default=None)
    if best is None or len(found[best]) < GLUED_LABELS:
        return None
    return best, first[best]
