"""Evaluating the format's identities (formats.toml ``[[identities]]``) on a table.

Counts are exact, so sums are compared exactly, in :class:`~decimal.Decimal`. Dashes
and blanks count as 0. An identity whose cells are missing (GIA204 reports that) or
cannot be read as numbers (GIA404 reports that, once) is not checked.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from attrs import frozen

from gialint.ast import Cell
from gialint.diagnostic import Diagnostic, Related
from gialint.formats import Identity
from gialint.match import MatchedTable
from gialint.rule import Rule

if TYPE_CHECKING:
    from gialint.document import Document

_OPS: dict[str, Callable[[Decimal, Decimal], bool]] = {
    "==": operator.eq,
    ">=": operator.ge,
    "<=": operator.le,
}


@frozen
class Term:
    row: str
    column: str
    cell: Cell


@frozen
class Breach:
    """An identity that does not hold for one binding (a row, a column, a group)."""

    identity: Identity
    binding: str
    anchor: Term
    lhs: tuple[Term, ...]
    rhs: tuple[Term, ...]
    lhs_total: Decimal
    rhs_total: Decimal

    @property
    def found(self) -> Decimal:
        amount = self.anchor.cell.value.amount
        assert amount is not None
        return amount

    @property
    def expected(self) -> Decimal:
        """The anchor's value that would make an equality hold."""
        if any(t.cell is self.anchor.cell for t in self.lhs):
            return self.rhs_total - (self.lhs_total - self.found)
        return self.lhs_total - (self.rhs_total - self.found)

    @property
    def addends(self) -> tuple[Term, ...]:
        return tuple(t for t in (*self.lhs, *self.rhs) if t.cell is not self.anchor.cell)


def _bindings(identity: Identity, table: MatchedTable) -> list[str]:
    if identity.for_each == "rows":
        return [r.key for r in table.template.rows]
    if identity.for_each == "columns":
        return [c.id for c in table.template.columns]
    return list(identity.for_each)


def _expand(ref: str, binding: str, table: MatchedTable) -> list[tuple[str, str]]:
    filled = ref.replace("{row}", binding).replace("{column}", binding).replace("{each}", binding)
    row, _, column = filled.partition("/")
    if row.startswith("#"):
        tag = row[1:]
        return [(r.key, column) for r in table.template.rows if tag in r.tags]
    return [(row, column)]


def _terms(refs: tuple[str, ...], binding: str, table: MatchedTable) -> list[Term] | None:
    terms = []
    for ref in refs:
        for row, column in _expand(ref, binding, table):
            if table.template.row_by_key.get(row) is None:
                return None  # this version has no such row: the identity does not apply
            cell = table.cell(row, column)
            if cell is None or cell.value.amount is None:
                return None
            terms.append(Term(row, column, cell))
    return terms


def breaches(identity: Identity, table: MatchedTable) -> Iterator[Breach]:
    if identity.table != table.id or (
        identity.versions is not None and table.template.version not in identity.versions
    ):
        return
    compare = _OPS[identity.op]
    for binding in _bindings(identity, table):
        lhs = _terms(identity.lhs, binding, table)
        rhs = _terms(identity.rhs, binding, table)
        anchors = _terms((identity.anchor,), binding, table)
        if lhs is None or rhs is None or not anchors:
            continue
        lhs_total = sum((t.cell.value.amount or Decimal(0) for t in lhs), Decimal(0))
        rhs_total = sum((t.cell.value.amount or Decimal(0) for t in rhs), Decimal(0))
        if not compare(lhs_total, rhs_total):
            yield Breach(identity, binding, anchors[0], tuple(lhs), tuple(rhs), lhs_total, rhs_total)


def number(value: Decimal) -> str:
    """A Decimal as a report writes it: 12, 0.5, -3 (no exponent, no trailing zeros after a point)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


class IdentityRule(Rule):
    """Base for rules that check the format's identities (formats.toml) with their code.

    A subclass gives its metadata and a ``default`` message, which may use ``{where}``
    (from :meth:`where`), ``{found}``, ``{expected}``, ``{lhs}``, ``{rhs}`` and
    ``{relation}`` (the identity written out).
    """

    abstract: ClassVar[bool] = True

    def where(self, breach: Breach, table: MatchedTable) -> str:
        """How a message names the binding: the row's label, the column's label, or the item."""
        if breach.identity.for_each == "rows":
            return table.row_label(breach.binding)
        if breach.identity.for_each == "columns":
            return table.column_label(breach.binding)
        return breach.binding

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        identities = list(doc.model.identities_for(self.code))
        for table in doc.tables:
            for identity in identities:
                for breach in breaches(identity, table):
                    yield self.report_breach(breach, table)

    def report_breach(self, breach: Breach, table: MatchedTable) -> Diagnostic:
        related = [
            Related(t.cell.span, f"{table.row_label(t.row)} / {table.column_label(t.column)}") for t in breach.addends
        ]
        exact = breach.identity.op == "=="
        return self.diagnostic(
            breach.anchor.cell.span,
            expected=number(breach.expected) if exact else None,
            found=number(breach.found) if exact else None,
            related=related,
            where=self.where(breach, table),
            lhs=number(breach.lhs_total),
            rhs=number(breach.rhs_total),
            relation=breach.identity.text_zh,
            relation_en=breach.identity.text_en,
        )
