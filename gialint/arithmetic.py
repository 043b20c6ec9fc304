"""Evaluating the format's identities (formats.toml ``[[identities]]``) on a table.

Counts are exact, so sums are compared exactly, in :class:`~decimal.Decimal`. Dashes
and blanks count as 0. An identity whose cells are missing (GIA204 reports that) or
cannot be read as numbers (GIA404 reports that, once) is not checked.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from attrs import frozen

from gialint.ast import Cell
from gialint.diagnostic import Diagnostic, Related
from gialint.formats import Identity, Template
from gialint.matched import MatchedTable
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


def _bindings(identity: Identity, template: Template) -> list[str]:
    if identity.for_each == "rows":
        return [r.key for r in template.rows]
    if identity.for_each == "columns":
        return [c.id for c in template.columns]
    return list(identity.for_each)


def _expand(ref: str, binding: str, template: Template) -> list[tuple[str, str]]:
    filled = ref.replace("{row}", binding).replace("{column}", binding).replace("{each}", binding)
    row, _, column = filled.partition("/")
    if row.startswith("#"):
        tag = row[1:]
        return [(r.key, column) for r in template.rows if tag in r.tags]
    return [(row, column)]


_Keys = tuple[tuple[str, str], ...]
_Plan = tuple[tuple[str, _Keys, _Keys, tuple[str, str]], ...]
_plans: dict[tuple[int, int], tuple[Identity, Template, _Plan]] = {}


def _plan(identity: Identity, template: Template) -> _Plan:
    """The identity bound to each row, column or item of a version's table: which cells it adds up.

    Bindings that name a row this version does not have are left out (the identity does
    not apply there). Worked out once per identity and version: the same for every report.
    """
    key = (id(identity), id(template))
    cached = _plans.get(key)
    if cached is not None and cached[0] is identity and cached[1] is template:
        return cached[2]
    rows = template.row_by_key
    plan = []
    for binding in _bindings(identity, template):
        sides = [
            tuple(cell for ref in refs for cell in _expand(ref, binding, template))
            for refs in (identity.lhs, identity.rhs, (identity.anchor,))
        ]
        if all(row in rows for side in sides for row, _ in side) and sides[2]:
            plan.append((binding, sides[0], sides[1], sides[2][0]))
    _plans[key] = (identity, template, tuple(plan))
    return tuple(plan)


_ZERO = Decimal(0)


def _total(keys: _Keys, amounts: Mapping[tuple[str, str], Decimal | None]) -> Decimal | None:
    total = _ZERO
    for key in keys:
        amount = amounts.get(key)
        if amount is None:
            return None  # missing (GIA204) or not a number (GIA404): not checked
        total += amount
    return total


def breaches(identity: Identity, table: MatchedTable) -> Iterator[Breach]:
    if identity.table != table.id or (
        identity.versions is not None and table.template.version not in identity.versions
    ):
        return
    compare = _OPS[identity.op]
    cells, amounts = table.cells, table.amounts
    for binding, lhs, rhs, anchor in _plan(identity, table.template):
        lhs_total, rhs_total = _total(lhs, amounts), _total(rhs, amounts)
        if lhs_total is None or rhs_total is None or amounts.get(anchor) is None:
            continue
        if not compare(lhs_total, rhs_total):
            lhs_terms, rhs_terms = (tuple(Term(r, c, cells[r, c]) for r, c in side) for side in (lhs, rhs))
            anchor_term = Term(*anchor, cells[anchor])
            yield Breach(identity, binding, anchor_term, lhs_terms, rhs_terms, lhs_total, rhs_total)


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
