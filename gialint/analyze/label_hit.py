"""A cell recognised as a label of the format: :class:`LabelHit` (:mod:`gialint.analyze.matched`
exports it with the matched table that lists them).

Kept in a module of its own so that it is compiled with the matcher (gialint/compiled.py): a
report has about 80, and matching asks each for its row's reference a few hundred times.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from gialint.base.native import mypyc_attr
from gialint.base.value import FieldValue
from gialint.formats.model import LabelRef
from gialint.parse.ast import Cell


@mypyc_attr(acyclic=True)
class LabelHit(FieldValue):
    """A cell recognised as a label of the format: its ``refs`` (the rows and columns whose label
    it is), whether it was recognised only by similarity (``fuzzy``), and the ``versions`` of the
    format that have one of them. Read-only, equal and hashed by those four."""

    def __init__(self, cell: Cell, refs: tuple[LabelRef, ...], fuzzy: bool, versions: frozenset[str]) -> None:
        self.cell: Final = cell
        self.refs: Final = refs
        self.fuzzy: Final = fuzzy  # recognised only by similarity
        self.versions: Final = versions  # the versions of the format that have one of ``refs``

    def _fields(self) -> tuple[Cell, tuple[LabelRef, ...], bool, frozenset[str]]:
        return (self.cell, self.refs, self.fuzzy, self.versions)

    def ref_for(self, version: str) -> LabelRef | None:
        for ref in self.refs:
            if version in ref.versions:
                return ref
        return None

    @property
    def is_typo(self) -> bool:
        return self.fuzzy or any(r.typo for r in self.refs)


# A table's labels walked in compiled code (a report has about 80, and a walk over them in a
# rule's interpreted loop cost a few hundred machine instructions a label): what
# :class:`~gialint.analyze.matched.MatchedTable` gives the rules that ask.


def misspelt(labels: Sequence[LabelHit], version: str) -> list[tuple[LabelHit, LabelRef]]:
    """Each of ``labels`` that is a label of ``version`` written other than the format writes
    it — recognised only by similarity, or a known typo of it — with that label, in order."""
    found: list[tuple[LabelHit, LabelRef]] = []
    for hit in labels:
        ref = hit.ref_for(version)
        if ref is not None and (hit.fuzzy or ref.typo):
            found.append((hit, ref))
    return found


def foreign(labels: Sequence[LabelHit], version: str) -> list[LabelHit]:
    """Those of ``labels`` that are labels of other versions only, in order."""
    return [hit for hit in labels if hit.ref_for(version) is None]


def headers(labels: Sequence[LabelHit], column: str) -> list[Cell]:
    """The cells of those of ``labels`` that are the label of ``column``, in order."""
    found: list[Cell] = []
    for hit in labels:
        for ref in hit.refs:
            if ref.kind == "column" and ref.key == column:
                found.append(hit.cell)
                break
    return found
