"""Evaluating the format's identities (formats.toml ``[[identities]]``) on a table, and
working out which cell a failure is about.

Counts are exact, so sums are compared exactly, in :class:`~decimal.Decimal`. Dashes
and blanks count as 0. An identity whose cells are missing (GIA204 reports that) or
cannot be read as numbers (GIA404 reports that, once) is not checked.

**One mistake, one finding.** A wrong cell usually breaks several identities at once: a
cell of table 3 is in its row's 总计 and in its column's （七）总计 or balance. So the
identities of a table are solved together (:func:`solve`), exactly:

- an *instance* is an identity bound to one row, column or item; it holds, fails, or
  cannot be checked;
- a cell *explains* the failing instances it appears in when one value for it makes all
  of them hold, that value can be (a count is a whole number ≥ 0), and it appears in no
  instance that holds (changing it would break that one);
- a cell is *the culprit* of the instances it explains when no other cell explains any of
  them. Those instances make one finding, at the culprit, naming the value that makes every
  identity hold ("很可能是此格有误"). It is made by the rule of the first failing identity
  (formats.toml order) whose anchor — the total it checks — is the culprit, else by the
  rule of the first failing identity — of those whose rules run, when the rules are told
  which run (:attr:`Rule.running_codes`; otherwise, with that rule not selected,
  the others do not make the finding in its place);
- every other failing instance is reported at its anchor, unless the anchor agrees with
  every other identity it appears in while another cell of the instance does not: then
  at that cell, since the anchor is provably right. Findings that fall on one cell are
  one finding.

**A number split in two.** Crawlers and PDFs split a number into two cells ("1" "62" for
162). When a row has one value too many and joining one pair of neighbouring integers
makes the row's own identities hold (where they fail as read), the row is read with the
join (:class:`Split`): one finding says so, and the other identities are judged on the
joined reading instead of on values shifted one column. Other rows whose values do not fit
the columns (too many or too few) are not checked: which value is which column would be a
guess, and GIA204 says the row is wrong.

Inequalities (GIA305's plausibility bounds) are reported one by one, as they are found.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from attrs import frozen

from gialint.analyze.census import amounts_of
from gialint.analyze.matched import MatchedTable
from gialint.base.diagnostic import Text
from gialint.base.native import mypyc_attr
from gialint.formats import Identity, Template
from gialint.parse.ast import Cell
from gialint.parse.values import CellValue, ValueKind

if TYPE_CHECKING:
    from gialint.analyze.document import Document
    from gialint.formats import FormatModel

_OPS: dict[str, Callable[[Decimal | int, Decimal | int], bool]] = {
    "==": operator.eq,
    ">=": operator.ge,
    "<=": operator.le,
}

_Key = tuple[str, str]
_Keys = tuple[_Key, ...]


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
        return amount(self.anchor.cell)

    @property
    def expected(self) -> Decimal:
        """The anchor's value that would make an equality hold."""
        if any(t.cell is self.anchor.cell for t in self.lhs):
            return self.rhs_total - (self.lhs_total - self.found)
        return self.lhs_total - (self.rhs_total - self.found)

    @property
    def addends(self) -> tuple[Term, ...]:
        return tuple(t for t in (*self.lhs, *self.rhs) if t.cell is not self.anchor.cell)


@frozen
class Split:
    """Two neighbouring cells of a row that are one number split in two ("1" "62" → 162)."""

    row: str
    column: str  # the column the joined number is read in
    first: Cell
    second: Cell
    joined: Decimal
    identity: Identity  # the row's own identity that holds once they are joined

    @property
    def cell(self) -> Cell:
        """The joined number as one cell, where the first part stands."""
        text = self.first.text.strip() + self.second.text.strip()
        return Cell(text, self.first.span, CellValue(ValueKind.INTEGER, self.joined))


@frozen
class Finding:
    """What one mistake comes to: the instances it breaks, reported once, at one cell.

    ``kind`` is the message: ``default`` (an instance at its own anchor), ``culprit`` (the
    only cell whose correction makes every identity hold), ``suspect`` (an instance
    anchored at a cell that disagrees with other identities, its own anchor being right)
    or ``split`` (a number split over two cells). ``expected`` is the anchor's value that
    makes the broken equalities hold (None for inequalities and splits).
    """

    rule: str
    kind: str
    anchor: Term
    breaches: tuple[Breach, ...]
    expected: Decimal | None
    split: Split | None = None


def amount(cell: Cell) -> Decimal:
    """The amount of a cell read as a number (an identity checks only such cells)."""
    value = cell.value.amount
    assert value is not None
    return value


def _bindings(identity: Identity, template: Template) -> list[str]:
    if identity.for_each == "rows":
        return [r.key for r in template.rows]
    if identity.for_each == "columns":
        return [c.id for c in template.columns]
    return list(identity.for_each)


def _expand(ref: str, binding: str, template: Template) -> list[_Key]:
    filled = ref.replace("{row}", binding).replace("{column}", binding).replace("{each}", binding)
    row, _, column = filled.partition("/")
    if row.startswith("#"):
        tag = row[1:]
        return [(r.key, column) for r in template.rows if tag in r.tags]
    return [(row, column)]


@mypyc_attr(acyclic=True)
class _Bound:
    """An identity bound to one row, column or item of a version's table: the cells it adds up,
    and where they stand in the template's :attr:`~gialint.formats.model.Template.cell_keys` (the
    length of that list for a cell the template does not have), by which the sums of whole
    numbers read them (:meth:`_Reading.wholes`). A plain class: compiled, its fields are read
    natively where the items of a tuple of unknown type would each be looked up."""

    def __init__(
        self,
        binding: str,
        lhs: tuple[Any, ...],
        rhs: tuple[Any, ...],
        anchor: Any,
        weights: Mapping[_Key, int],
        places: Mapping[_Key, int],
        absent: int,
    ) -> None:
        self.binding: Final = binding
        # the keys untyped: compiled, a key typed as a pair is unpacked, then made again to look up
        self.lhs: Final = lhs
        self.rhs: Final = rhs
        self.anchor: Final = anchor
        self.weights: Final = weights
        self.lhs_at: Final = tuple(places.get(key, absent) for key in lhs)
        self.rhs_at: Final = tuple(places.get(key, absent) for key in rhs)
        self.anchor_at: Final = places.get(anchor, absent)


_Plan = tuple[_Bound, ...]
_plans: Final[dict[tuple[int, int], tuple[Identity, Template, _Plan]]] = {}


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
    # each key as the very tuple the template's rows hold, which the table's cells are keyed by:
    # a look-up finds its entry by identity, not by comparing a new tuple's strings
    keys = template.cell_keys
    canonical = {key: key for key in keys}
    places = {key: index for index, key in enumerate(keys)}
    absent = len(keys)
    plan = []
    for binding in _bindings(identity, template):
        sides = [
            tuple(canonical.get(cell, cell) for ref in refs for cell in _expand(ref, binding, template))
            for refs in (identity.lhs, identity.rhs, (identity.anchor,))
        ]
        if all(row in rows for side in sides for row, _ in side) and sides[2]:
            weights = _weights(sides[0], sides[1])
            plan.append(_Bound(binding, sides[0], sides[1], sides[2][0], weights, places, absent))
    made = tuple(plan)
    _plans[key] = (identity, template, made)
    return made


def _weights(lhs: _Keys, rhs: _Keys) -> dict[_Key, int]:
    """How many times each cell counts (lhs +1, rhs −1), for the cells that count at all."""
    found: dict[_Key, int] = {}
    for key in lhs:
        found[key] = found.get(key, 0) + 1
    for key in rhs:
        found[key] = found.get(key, 0) - 1
    return {key: weight for key, weight in found.items() if weight}


_ZERO: Final = Decimal(0)


def _applies(identity: Identity, table: MatchedTable) -> bool:
    return identity.table == table.id and (identity.versions is None or table.template.version in identity.versions)


@mypyc_attr(acyclic=True)
class _Instance:
    """An identity bound to one row, column or item, evaluated on one reading of the table.

    A plain class with ``Final`` fields, not an attrs class or a named tuple: a table makes about
    a hundred, and compiled (this module is) it is a native class, made and read directly."""

    def __init__(
        self,
        identity: Identity,
        binding: str,
        lhs: _Keys,
        rhs: _Keys,
        anchor: _Key,
        weights: Mapping[_Key, int],
        lhs_total: Decimal | int | None,
        rhs_total: Decimal | int | None,
    ) -> None:
        self.identity: Final = identity
        self.binding: Final = binding
        self.lhs: Final = lhs
        self.rhs: Final = rhs
        self.anchor: Final = anchor
        self.weights: Final = weights  # how many times each cell counts (lhs +1, rhs −1), if at all
        # the sides' sums: None, not checked; ints where they were added as whole numbers (see
        # _whole_totals), made Decimals only where a message or a fix needs them
        self.lhs_total: Final = lhs_total
        self.rhs_total: Final = rhs_total

    @property
    def checked(self) -> bool:
        return self.lhs_total is not None and self.rhs_total is not None

    @property
    def holds(self) -> bool:
        assert self.lhs_total is not None and self.rhs_total is not None
        return _OPS[self.identity.op](self.lhs_total, self.rhs_total)

    def fixing(self, weight: int, amount: Decimal) -> Decimal:
        """The value of a cell of this weight and amount that makes this equality hold."""
        assert self.lhs_total is not None and self.rhs_total is not None
        return amount - Decimal(self.lhs_total - self.rhs_total) / weight


class _Reading:
    """The table's cells and amounts, as matched or with a split number joined (a plain class:
    native in the compiled build). ``whole``: the amounts are the cells' own (the table as
    matched), so a cell's :attr:`CellValue.whole` may stand for its amount.

    ``amounts`` None: each cell's own amount (:attr:`CellValue.amount`), listed only when first
    asked for. A table whose identities are all added as whole numbers never asks: listing
    them cost about 1 % of a report's instructions."""

    def __init__(
        self, cells: Mapping[_Key, Cell], amounts: Mapping[_Key, Decimal | None] | None, whole: bool = False
    ) -> None:
        self.cells: Final = cells
        # a dict, not any mapping: compiled, the solver's look-ups are then direct calls
        self._amounts: dict[_Key, Decimal | None] | None = (
            amounts if amounts is None or isinstance(amounts, dict) else dict(amounts)
        )
        self.whole: Final = whole
        self._wholes: tuple[Template, list[int | None]] | None = None

    @property
    def amounts(self) -> dict[_Key, Decimal | None]:
        if self._amounts is None:
            self._amounts = amounts_of(self.cells)
        return self._amounts

    def wholes(self, template: Template) -> list[int | None]:
        """Each cell's :attr:`CellValue.whole` (None for a cell not there), in the order of the
        template's :attr:`~gialint.formats.model.Template.cell_keys`, and a None after them:
        the sums of whole numbers read them by position, with no look-up of a key."""
        if self._wholes is None or self._wholes[0] is not template:
            # a dict and untyped keys: compiled, a look-up is then a direct call, with the key
            # as the template holds it (a key typed as a pair would be unpacked and made again)
            cells = self.cells if isinstance(self.cells, dict) else dict(self.cells)
            keys: tuple[Any, ...] = template.cell_keys
            found: list[int | None] = []
            for key in keys:
                cell = cells.get(key)
                found.append(cell.value.whole if cell is not None else None)
            found.append(None)
            self._wholes = (template, found)
        return self._wholes[1]


def _instances(identities: Sequence[Identity], table: MatchedTable, reading: _Reading) -> list[_Instance]:
    """Every identity that applies to ``table`` bound to each of its rows, columns or items and
    evaluated on ``reading``: the arithmetic's inner loop, so the sums are written out here
    rather than made by a call per side (an identity whose anchor or any other cell is missing
    or not a number is not checked: both totals None)."""
    found = []
    wholes = reading.wholes(table.template) if reading.whole else None
    for identity in identities:
        if not _applies(identity, table):
            continue
        for bound in _plan(identity, table.template):
            binding, anchor, weights, lhs, rhs = bound.binding, bound.anchor, bound.weights, bound.lhs, bound.rhs
            lhs_total: Decimal | int | None = None
            rhs_total: Decimal | int | None = None
            totals = _whole_totals(wholes, bound.anchor_at, bound.lhs_at, bound.rhs_at) if wholes is not None else None
            if totals is not None:
                lhs_total, rhs_total = totals
            elif (amounts := reading.amounts).get(anchor) is not None:  # listed only now: see _Reading
                left = right = _ZERO
                for key in lhs:
                    amount = amounts.get(key)
                    if amount is None:
                        break
                    left += amount
                else:
                    for key in rhs:
                        amount = amounts.get(key)
                        if amount is None:
                            break
                        right += amount
                    else:
                        lhs_total, rhs_total = left, right
            found.append(_Instance(identity, binding, lhs, rhs, anchor, weights, lhs_total, rhs_total))
    return found


def _whole_totals(
    wholes: list[int | None], anchor: int, lhs: tuple[int, ...], rhs: tuple[int, ...]
) -> tuple[int, int] | None:
    """The two sides' sums, added as ints, when the anchor and every cell of both sides hold a
    whole number (:attr:`CellValue.whole`): made Decimals (:func:`_breach`), the very Decimals,
    value and exponent, that adding their amounts gives (the amounts of whole numbers have no
    point), and compared as ints meanwhile. None when a cell holds none: the amounts are added
    then. A report's tables are mostly whole numbers, and an int is added in a few
    instructions, a Decimal in some hundreds — and made from an int in about a thousand, which
    only the few sums that do not hold need. In pure Python too: the solver takes about a fifth
    less time this way than adding every side as Decimals."""
    if wholes[anchor] is None:
        return None
    left = _whole_sum(wholes, lhs)
    right = _whole_sum(wholes, rhs) if left is not None else None
    return None if left is None or right is None else (left, right)


def _whole_sum(wholes: list[int | None], places: tuple[int, ...]) -> int | None:
    """The whole numbers at ``places`` of ``wholes`` (:meth:`_Reading.wholes`) added up; None if
    one of them is None."""
    total = 0
    for place in places:
        whole = wholes[place]
        if whole is None:
            return None
        total += whole
    return total


def _breach(instance: _Instance, anchor: _Key, cells: Mapping[_Key, Cell]) -> Breach:
    assert instance.lhs_total is not None and instance.rhs_total is not None
    lhs, rhs = (tuple(Term(r, c, cells[r, c]) for r, c in side) for side in (instance.lhs, instance.rhs))
    return Breach(
        instance.identity,
        instance.binding,
        Term(*anchor, cells[anchor]),
        lhs,
        rhs,
        Decimal(instance.lhs_total),
        Decimal(instance.rhs_total),
    )


# ------------------------------------------------------------------ a number split in two
def _row_values(table: MatchedTable, row: str, count: int) -> list[Cell] | None:
    """The ``count`` value cells a row was read with, surplus included, in order (None if not found)."""
    keys = table.template.row_by_key[row].cell_keys
    first = table.cells.get(keys[0])
    if first is None:
        return None
    flat = [cell for source in table.sources for line in source.rows for cell in line.cells]
    start = next((i for i, cell in enumerate(flat) if cell.span == first.span), None)
    if start is None:
        return None
    values = flat[start : start + count]
    mapped = [table.cells.get(key) for key in keys]
    if len(values) != count or any(m is None or m.span != v.span for m, v in zip(mapped, values, strict=False)):
        return None
    return values


def _joinable(cell: Cell) -> bool:
    return cell.value.kind is ValueKind.INTEGER and cell.text.strip().isdigit()


def _splits(identities: Sequence[Identity], table: MatchedTable, reading: _Reading) -> tuple[list[Split], _Reading]:
    """Rows read with one value too many that one join of neighbours makes add up, and the reading with it.

    The other rows whose count of values does not fit the columns are left out of the
    reading (not checked): which value is which column would be a guess, and GIA204 says
    the row has too many or too few values.
    """
    found: list[Split] = []
    if not any(p.kind in ("extra-values", "missing-values") for p in table.problems):
        return found, reading  # every row has as many values as columns: nothing to join or leave out
    cells, amounts = dict(reading.cells), dict(reading.amounts)
    by_label = {r.label: r for r in table.template.rows}
    guessed = set()  # rows whose values do not fit the columns: which value is which is a guess
    for problem in table.problems:
        row = by_label.get(problem.row or "")
        if problem.kind not in ("extra-values", "missing-values") or row is None:
            continue
        guessed.add(row.key)
        if problem.kind != "extra-values" or problem.found != len(row.columns) + 1:
            continue
        values = _row_values(table, row.key, len(row.columns) + 1)
        if values is None:
            continue
        own = [
            i
            for i in _instances(identities, table, reading)
            if i.identity.op == "==" and all(r == row.key for r, _ in (*i.lhs, *i.rhs))
        ]
        if not own or all(i.checked and i.holds for i in own):
            continue  # the row adds up as read: nothing says a number was split
        fits = []
        for index in range(len(values) - 1):
            first, second = values[index], values[index + 1]
            if not (_joinable(first) and _joinable(second)) or first.text.strip().startswith("0"):
                continue  # no number is written with a leading 0
            split = Split(
                row.key,
                row.cell_keys[index][1],
                first,
                second,
                Decimal(first.text.strip() + second.text.strip()),
                own[0].identity,
            )
            kept = [*values[:index], split.cell, *values[index + 2 :]]
            trial_cells = dict(zip(row.cell_keys, kept, strict=True))
            trial = {key: cell.value.amount for key, cell in trial_cells.items()}
            merged = _Reading({**cells, **trial_cells}, {**amounts, **trial})
            if all(i.checked and i.holds for i in _instances([o.identity for o in own], table, merged)):
                fits.append((split, trial_cells, trial))
        if len(fits) == 1:
            split, trial_cells, trial = fits[0]
            found.append(split)
            cells.update(trial_cells)
            amounts.update(trial)
            guessed.discard(row.key)
    for key in amounts:
        if key[0] in guessed:
            amounts[key] = None  # not checked: GIA204 says the row has too many or too few values
    return found, _Reading(cells, amounts)


# ------------------------------------------------------------------ the solver
def solve(
    identities: Sequence[Identity], table: MatchedTable, running: frozenset[str] | None = None
) -> tuple[Finding, ...]:
    """The findings of ``identities`` on ``table``: one per mistake, at the cell it is about.

    ``running``: the codes of the rules that run, when known; a mistake that breaks
    identities of several rules is then given to the first of them that runs.
    """
    identities = [i for i in identities if _applies(i, table)]
    if not identities:
        return ()
    splits, reading = _splits(identities, table, _Reading(table.cells, None, whole=True))
    findings = [_split_finding(split) for split in splits]
    instances = _instances(identities, table, reading)
    failing = [i for i in instances if i.checked and not i.holds]
    exact = [i for i in failing if i.identity.op == "=="]
    findings.extend(  # inequalities: one by one
        Finding(i.identity.rule, "default", _term(i.anchor, reading), (_breach(i, i.anchor, reading.cells),), None)
        for i in failing
        if i.identity.op != "=="
    )
    if exact:
        types = {column.id: column.type for column in table.template.columns}
        findings.extend(_explain(exact, instances, reading, types, running))
    return tuple(findings)


def _term(key: _Key, reading: _Reading) -> Term:
    return Term(*key, reading.cells[key])


def _split_finding(split: Split) -> Finding:
    return Finding(split.identity.rule, "split", Term(split.row, split.column, split.first), (), None, split)


def _plausible(value: Decimal, kind: str) -> bool:
    """Whether a column of this type can hold the value: a count is a whole number ≥ 0."""
    if kind == "money":
        return True
    return value == value.to_integral_value() and (kind == "signed" or value >= 0)


def _owned(own: list[_Instance], preferred: list[str], running: frozenset[str] | None) -> tuple[str, list[_Instance]]:
    """The rule that reports a mistake (the first preferred that runs) and its instances, that rule's first."""
    rule = next((r for r in preferred if running is None or r in running), preferred[0])
    return rule, sorted(own, key=lambda i: i.identity.rule != rule)


def _explain(
    exact: list[_Instance],
    instances: list[_Instance],
    reading: _Reading,
    types: Mapping[str, str],
    running: frozenset[str] | None,
) -> list[Finding]:
    holding: set[_Key] = set()
    unchecked: set[_Key] = set()
    for instance in instances:
        if instance.identity.op != "==":
            continue
        if not instance.checked:
            unchecked.update((*instance.lhs, *instance.rhs))
        elif instance.holds:
            holding.update(instance.weights)
    weights = [instance.weights for instance in exact]
    failing_at: dict[_Key, list[int]] = {}
    for index, counted in enumerate(weights):
        for key in counted:
            failing_at.setdefault(key, []).append(index)
    explains: dict[_Key, Decimal] = {}
    for key, indexes in failing_at.items():
        amount = reading.amounts.get(key)
        if key in holding or amount is None:
            continue
        values = {exact[i].fixing(weights[i][key], amount) for i in indexes}
        if len(values) == 1:
            value = values.pop()
            if _plausible(value, types.get(key[1], "count")):  # 11 − 12 applications is no correction
                explains[key] = value
    candidates = [[k for k in counted if k in explains] for counted in weights]
    findings: list[Finding] = []
    explained: set[int] = set()
    for key, value in explains.items():
        indexes = failing_at[key]
        if all(candidates[i] == [key] for i in indexes):
            own = [exact[i] for i in indexes]
            totals = [i.identity.rule for i in own if i.anchor == key]  # the identities whose total it is
            rule, _ = _owned(own, [*totals, *(i.identity.rule for i in own)], running)
            breaches = tuple(_breach(i, key, reading.cells) for i in own)
            findings.append(Finding(rule, "culprit", _term(key, reading), breaches, value))
            explained.update(indexes)

    def cleared(key: _Key, index: int) -> bool:
        """Whether every other identity the cell is in holds (so the cell is provably right)."""
        return key not in unchecked and failing_at.get(key, []) == [index]

    grouped: dict[_Key, list[tuple[int, _Key]]] = {}
    for index, instance in enumerate(exact):
        if index in explained:
            continue
        anchor = instance.anchor
        if cleared(anchor, index):
            suspects = [k for k in weights[index] if not cleared(k, index)]
            if suspects:
                anchor = max(suspects, key=lambda k: len(failing_at.get(k, ())))  # the first of the most suspect
        grouped.setdefault(anchor, []).append((index, anchor))
    for anchor, members in grouped.items():
        rule, own = _owned([exact[i] for i, _ in members], [exact[i].identity.rule for i, _ in members], running)
        breaches = tuple(_breach(i, anchor, reading.cells) for i in own)
        kind = "default" if anchor == own[0].anchor else "suspect"
        findings.append(Finding(rule, kind, _term(anchor, reading), breaches, breaches[0].expected))
    return findings


def findings_for(model: FormatModel, table: MatchedTable, running: frozenset[str] | None = None) -> tuple[Finding, ...]:
    """:func:`solve` over every identity of the format. A rule that has the document asks
    :func:`identity_findings`, which evaluates a table's identities once for every rule."""
    return solve(model.identities, table, running)


_Solved = dict[frozenset[str] | None, dict[int, tuple[Finding, ...]]]


def identity_findings(doc: Document, table: MatchedTable, running: frozenset[str] | None = None) -> tuple[Finding, ...]:
    """The findings of every identity of the format on one of ``doc``'s tables (see :func:`solve`).

    The identities of each table are evaluated once per document and the result is shared
    by every rule that asks: GIA301–GIA305 take the findings that are theirs, GIA204 the
    split numbers. ``running`` (the codes of the rules that run) only decides which rule a
    mistake goes to, and the linter gives every rule the same codes.
    """
    solved: _Solved = doc.once("identities", dict)
    by_table = solved.get(running)
    if by_table is None:
        by_table = solved[running] = {id(t): solve(doc.model.identities, t, running) for t in doc.tables}
    found = by_table.get(id(table))
    return found if found is not None else solve(doc.model.identities, table, running)


def number(value: Decimal) -> str:
    """A Decimal as a report writes it: 12, 0.5, -3 (no exponent, no trailing zeros after a point)."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def written(cell: Cell) -> Text:
    """What a cell holds, for a message: its number, "空" / "blank", or the dash as written."""
    value = cell.value
    if value.kind is ValueKind.BLANK:
        return Text("空", "blank")
    if value.kind is ValueKind.DASH:
        return Text(f"“{cell.text.strip()}”", f"“{cell.text.strip()}”")
    shown = number(amount(cell))
    return Text(shown, shown)


def scope(breach: Breach, table: MatchedTable) -> Text:
    """Where an instance applies, for a message: "“自然人”列" / "column “自然人”"."""
    if breach.identity.for_each == "rows":
        label = table.row_label(breach.binding)
        return Text(f"“{label}”行", f"row “{label}”")
    if breach.identity.for_each == "columns":
        label = table.column_label(breach.binding)
        return Text(f"“{label}”列", f"column “{label}”")
    label = where(breach, table)
    return Text(f"“{label}”", f"“{label}”")


def where(breach: Breach, table: MatchedTable) -> str:
    """How a message names the binding: the row's label, the column's label, or the item's
    (an item of table 2 by its row; a group of table 4 by its columns: "行政复议 总计" → "行政复议")."""
    if breach.identity.for_each == "rows":
        return table.row_label(breach.binding)
    if breach.identity.for_each == "columns":
        return table.column_label(breach.binding)
    row = table.row_label(breach.anchor.row)
    return row or table.column_label(breach.anchor.column).rsplit(" ", 1)[0]


def cell_name(term: Term, table: MatchedTable) -> str:
    """A cell by its row and column: "一、本年新收政府信息公开申请数量 / 自然人"."""
    row = table.row_label(term.row)
    column = table.column_label(term.column)
    return f"{row} / {column}" if row else column


# The messages every identity rule of equalities has besides its own ``default``.
SHARED_MESSAGES: Mapping[str, Text] = {
    "culprit": Text(
        zh="“{cell}”为{written}，使{relations}不成立；若此格为{expected}，各项勾稽关系均成立，很可能是此格有误",
        en="“{cell}” is {written_en}, which breaks {relations_en}; {expected} here makes every identity hold: "
        "probably this cell is wrong",
    ),
    "suspect": Text(
        zh="{scope}的{relation}不成立（{lhs}与{rhs}）；“{cell}”为{written}，与其他勾稽关系也不一致，应先核对此格",
        en="{relation_en} fails in {scope_en} ({lhs} against {rhs}); “{cell}” ({written_en}) disagrees with "
        "other identities too: check it first",
    ),
    "split": Text(
        zh="“{where}”多出一个数值：“{first}”与“{second}”很可能是被拆开的一个数{joined}，合并后{relation}成立",
        en="“{where}” has one value too many: “{first}” and “{second}” are probably one number, {joined}, "
        "split in two; joined, {relation_en} holds",
    ),
}
