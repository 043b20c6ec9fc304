"""The base of the rules that check the format's identities: :class:`IdentityRule`.

A class of its own module, not of :mod:`gialint.lint.arithmetic`: rules subclass it, so it stays
Python, while the arithmetic it asks for is compiled (:data:`gialint.compiled.MODULES`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from gialint.analyze.matched import MatchedTable
from gialint.base.diagnostic import Diagnostic, Related
from gialint.base.span import Span
from gialint.lint.arithmetic import (
    Breach,
    Finding,
    Split,
    amount,
    cell_name,
    identity_findings,
    number,
    scope,
    where,
    written,
)
from gialint.lint.rule import Rule

if TYPE_CHECKING:
    from gialint.analyze.document import Document


class IdentityRule(Rule):
    """Base for rules that check the format's identities (formats.toml) with their code.

    A subclass gives its metadata and a ``default`` message, which may use ``{where}``
    (from :meth:`where`), ``{written}`` / ``{written_en}`` (the anchor as written: a
    number, "空" / "blank", a dash), ``{expected}``, ``{lhs}``, ``{rhs}`` and
    ``{relation}`` / ``{relation_en}`` (the identity written out); a rule of equalities
    adds :data:`~gialint.lint.arithmetic.SHARED_MESSAGES` (a culprit, a suspect cell, a split
    number). Which rule reports a mistake that breaks several identities: see
    :func:`~gialint.lint.arithmetic.solve`.
    """

    abstract: ClassVar[bool] = True

    def where(self, breach: Breach, table: MatchedTable) -> str:
        """How a message names the binding: the row's label, the column's label, or the item."""
        return where(breach, table)

    def check(self, doc: Document) -> Iterator[Diagnostic]:
        if not any(True for _ in doc.model.identities_for(self.code)):
            return
        for table in doc.tables:
            for finding in identity_findings(doc, table, self.running_codes):
                if finding.rule == self.code:
                    yield self.report(finding, table)

    def report(self, finding: Finding, table: MatchedTable) -> Diagnostic:
        """The diagnostic of one finding of this rule."""
        if finding.split is not None:
            return self._report_split(finding.split, table)
        breach = finding.breaches[0]
        cell = finding.anchor.cell
        shown = written(cell)
        exact = finding.expected is not None
        relations = [(scope(b, table), b.identity) for b in finding.breaches]
        addends: dict[Span, str] = {}
        for b in finding.breaches:
            for term in (*b.lhs, *b.rhs):
                if term.cell.span != cell.span:
                    addends.setdefault(
                        term.cell.span, f"{table.row_label(term.row)} / {table.column_label(term.column)}"
                    )
        where_scope = scope(breach, table)
        return self.diagnostic(
            cell.span,
            finding.kind,
            expected=number(finding.expected) if finding.expected is not None else None,
            found=(number(amount(cell)) if cell.value.number is not None else cell.text.strip()) if exact else None,
            related=[Related(span, label) for span, label in addends.items()],
            where=self.where(breach, table),
            written=shown.zh,
            written_en=shown.en,
            cell=cell_name(finding.anchor, table),
            lhs=number(breach.lhs_total),
            rhs=number(breach.rhs_total),
            relation=breach.identity.text_zh,
            relation_en=breach.identity.text_en,
            scope=where_scope.zh,
            scope_en=where_scope.en,
            relations="、".join(f"{s.zh}的“{i.text_zh}”" for s, i in relations),
            relations_en=" and ".join(f"“{i.text_en}” in {s.en}" for s, i in relations),
        )

    def _report_split(self, split: Split, table: MatchedTable) -> Diagnostic:
        label = table.row_label(split.row) or table.spec.title
        return self.diagnostic(
            split.first.span,
            "split",
            expected=number(split.joined),
            related=[Related(split.second.span, f"{label} / {split.second.text.strip()}")],
            where=label,
            first=split.first.text.strip(),
            second=split.second.text.strip(),
            joined=number(split.joined),
            relation=split.identity.text_zh,
            relation_en=split.identity.text_en,
        )
