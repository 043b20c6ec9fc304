"""The identities of a table solved together (gialint.lint.arithmetic): one mistake, one finding."""

from __future__ import annotations

import random
from decimal import Decimal

from hypothesis import assume, given, note
from hypothesis import strategies as st

import gialint
from conftest import BASE
from gialint.analyze.document import Document
from gialint.analyze.matched import MatchedTable
from gialint.base.diagnostic import Diagnostic, Severity
from gialint.base.span import Span
from gialint.lint import arithmetic
from gialint.lint.arithmetic import Finding, findings_for, written
from gialint.lint.identity_rule import IdentityRule
from gialint.lint.registry import all_rules
from gialint.parse.ast import Cell, Layout
from gialint.parse.values import default_reader
from gialint.testing import Key, consistent_values, render

YEARS = st.sampled_from([2019, 2020, 2021, 2024])
ARITHMETIC = ["GIA301", "GIA302", "GIA303", "GIA304"]
T3_COLUMNS = ("natural", "commercial", "research", "public_interest", "legal_service", "other_org", "total")


@st.composite
def reports(draw: st.DrawFn) -> tuple[int, dict[Key, int]]:
    year = draw(YEARS)
    rng = random.Random(draw(st.integers(0, 2**32)))
    return year, consistent_values(year, rng, high=draw(st.sampled_from([3, 30, 3000])))


def _lint(text: str) -> tuple[list[Diagnostic], Document]:
    result = gialint.lint_text(text, select=ARITHMETIC)
    assert result.document is not None
    return list(result.diagnostics), result.document


def _solved(doc: Document) -> list[Finding]:
    return [f for table in doc.tables for f in findings_for(doc.model, table)]


def _at(rendered_positions: dict[Key, tuple[int, int, int]], key: Key) -> tuple[int, int]:
    line, column, _ = rendered_positions[key]
    return line, column


def _value_cells(values: dict[Key, int]) -> list[Key]:
    return sorted(k for k in values if k[0] in ("t3", "t4"))


@given(reports(), st.sampled_from([Layout.TSV, Layout.MARKDOWN, Layout.TAB]), st.data())
def test_one_changed_cell_gives_one_error_at_it_naming_its_value(
    report: tuple[int, dict[Key, int]], layout: Layout, data: st.DataObject
) -> None:
    year, values = report
    key = data.draw(st.sampled_from(_value_cells(values)), label="cell")
    delta = data.draw(st.integers(-values[key], 60).filter(lambda d: d != 0), label="delta")
    rendered = render(year, {**values, key: values[key] + delta}, layout)
    diagnostics, doc = _lint(rendered.text)
    note(f"{key} {values[key]} -> {values[key] + delta}: {[d.message.en for d in diagnostics]}")
    (found,) = diagnostics
    assert found.severity is Severity.ERROR
    (finding,) = _solved(doc)
    positions = dict(rendered.positions)
    if key[0] == "t3":  # every cell of table 3 is in a row and a column identity: only it explains both
        assert finding.kind == "culprit"
        assert (found.span.line, found.span.column) == _at(positions, key)
        assert finding.expected == values[key]
        assert f"{values[key]} here makes every identity hold" in found.message.en
        assert "很可能是此格有误" in found.message.zh
    else:  # a group of table 4 is one identity of five cells: at its 总计, which of them is wrong or not
        group = key[2].split(".")[0]
        total = ("t4", "cases", group + ".total")
        parts = [k for k in values if k[0] == "t4" and k[2].startswith(group + ".") and k != total]
        # 总计 is the only culprit when it was lowered by more than any part holds: no part can be
        # lowered that much (a count is never negative), and raising one never makes the sum smaller
        only_total = key == total and delta < 0 and all(values[k] < -delta for k in parts)
        assert finding.kind == ("culprit" if only_total else "default")
        assert (found.code, found.span.line, found.span.column) == ("GIA304", *_at(positions, total))
        if key == total:
            named = (f"= {values[key]}", f"{values[key]} here makes every identity hold")[only_total]
            assert found.expected == str(values[key]) and named in found.message.en


@given(reports(), st.data())
def test_two_changed_cells_of_table_3_are_each_found_at_themselves(
    report: tuple[int, dict[Key, int]], data: st.DataObject
) -> None:
    """In different rows and columns, by amounts of different size, each is the only culprit of the
    identities it breaks. (By the same amount, the other two corners of their rectangle would explain
    the failures as well: then nothing may be called "probably this cell".)"""
    year, values = report
    cells = [k for k in _value_cells(values) if k[0] == "t3"]
    first = data.draw(st.sampled_from(cells), label="first")
    second = data.draw(st.sampled_from([k for k in cells if k[1] != first[1] and k[2] != first[2]]), label="second")
    d1 = data.draw(st.integers(-values[first], 40).filter(lambda d: d != 0), label="d1")
    d2 = data.draw(st.integers(-values[second], 40).filter(lambda d: abs(d) not in (0, abs(d1))), label="d2")
    changed = {**values, first: values[first] + d1, second: values[second] + d2}
    rendered = render(year, changed, Layout.TSV)
    diagnostics, doc = _lint(rendered.text)
    note(str([d.message.en for d in diagnostics]))
    positions = dict(rendered.positions)
    assert sorted((d.span.line, d.span.column) for d in diagnostics) == sorted(
        _at(positions, k) for k in (first, second)
    )
    assert {f.kind for f in _solved(doc)} == {"culprit"}
    for key, diagnostic in zip(sorted((first, second), key=lambda k: _at(positions, k)), diagnostics, strict=True):
        assert f"{values[key]} here makes every identity hold" in diagnostic.message.en


def _joins_that_fit(row: list[str], columns: int) -> list[int]:
    """Where joining two neighbours of a row of ``columns`` + 1 numbers makes the last the sum of the rest."""
    fits = []
    for i in range(len(row) - 1):
        if row[i].startswith("0"):
            continue
        joined = [*row[:i], row[i] + row[i + 1], *row[i + 2 :]]
        numbers = [int(x) for x in joined]
        if len(numbers) == columns and sum(numbers[:-1]) == numbers[-1]:
            fits.append(i)
    return fits


@given(reports(), st.data())
def test_a_number_split_over_two_cells_is_named_once(report: tuple[int, dict[Key, int]], data: st.DataObject) -> None:
    year, values = report
    splittable = [k for k in _value_cells(values) if k[0] == "t3" and values[k] >= 10]
    assume(splittable)
    key = data.draw(st.sampled_from(splittable), label="cell")
    digits = str(values[key])
    cut = data.draw(st.integers(1, len(digits) - 1), label="cut")
    rendered = render(year, values, Layout.TSV)
    line, column, end = rendered.positions[key]
    lines = rendered.text.split("\n")
    lines[line - 1] = f"{lines[line - 1][: column - 1]}{digits[:cut]}\t{digits[cut:]}{lines[line - 1][end - 1 :]}"
    diagnostics, _ = _lint("\n".join(lines))
    note(f"{key} {digits} split at {cut}: {[d.message.en for d in diagnostics]}")
    split_row: list[str] = []
    for c in T3_COLUMNS:
        if c == key[2]:
            split_row.extend((digits[:cut], digits[cut:]))
        else:
            split_row.append(str(values[("t3", key[1], c)]))
    as_read = [int(x) for x in split_row[:7]]  # the matcher maps the first seven values to the columns
    if len(_joins_that_fit(split_row, 7)) == 1 and sum(as_read[:-1]) != as_read[-1]:
        (found,) = diagnostics
        assert (found.code, found.span.line, found.span.column) == ("GIA301", line, column)
        assert f"probably one number, {digits}, split in two" in found.message.en
    else:  # two readings make the row add up: which is right is a guess, so the row is not checked
        assert diagnostics == []


def test_what_a_cell_holds_is_written_as_it_is() -> None:
    reader = default_reader()
    span = Span(1, 1, 1, 2)
    assert written(Cell("", span, reader.classify(""))).zh == "空"
    assert written(Cell("", span, reader.classify(""))).en == "blank"
    assert written(Cell("—", span, reader.classify("—"))).zh == "“—”"
    assert written(Cell("12", span, reader.classify("12"))).zh == "12"


def test_a_right_total_is_not_blamed_for_a_wrong_new_count() -> None:
    """Issue 14's example: 新收 wrong while （七）总计 is right; its row cannot be checked (a word in
    a cell), so only the balance says anything — and it is said at 新收, not at （七）总计."""
    text = (BASE / "report-2020.txt").read_text(encoding="utf-8")
    text = text.replace("数量\t23\t22\t", "数量\t26\t不详\t", 1)
    diagnostics, doc = _lint(text)
    (found,) = diagnostics
    assert (found.code, found.span.line, found.span.column) == ("GIA303", 30, 18)
    (finding,) = _solved(doc)
    assert finding.kind == "culprit" and finding.expected == Decimal(23)
    t3 = doc.table("t3")
    right = t3.cell("results_total", "natural") if t3 is not None else None
    assert right is not None and found.span != right.span


MUTATIONS = st.sampled_from(["number", "blank", "dash", "text", "split", "extra"])


@given(reports(), st.lists(st.tuples(st.integers(0, 10**6), MUTATIONS, st.integers(0, 99)), max_size=4))
def test_any_damage_to_the_tables_gives_at_most_one_finding_per_cell(
    report: tuple[int, dict[Key, int]], damage: list[tuple[int, str, int]]
) -> None:
    """Whatever is done to the cells of tables 3 and 4 (numbers changed, blanked, dashed, words,
    numbers split, values added), the solver never fails and never reports one cell twice."""
    year, values = report
    rendered = render(year, values, Layout.TSV)
    lines = rendered.text.split("\n")
    cells = _value_cells(values)
    for pick, how, number in damage:
        line, column, end = rendered.positions[cells[pick % len(cells)]]
        text = lines[line - 1]
        written_now = text[column - 1 : end - 1]
        if not written_now.isdigit() or len(text) < end - 1:
            continue  # an earlier change on this line moved the cell
        new = {
            "number": str(number),
            "blank": "",
            "dash": "-",
            "text": "不详",
            "split": f"{written_now[:1]}\t{written_now[1:] or '0'}",
            "extra": f"{written_now}\t{number}",
        }[how]
        lines[line - 1] = f"{text[: column - 1]}{new}{text[end - 1 :]}"
    diagnostics, doc = _lint("\n".join(lines))
    note("\n".join(f"{d.code} {d.span.line}:{d.span.column} {d.message.en}" for d in diagnostics))
    places = [(d.span.line, d.span.column) for d in diagnostics]
    assert len(places) == len(set(places))
    cells_of_tables = {cell.span for table in doc.tables for cell in table.cells.values()}
    assert all(d.span in cells_of_tables for d in diagnostics)


def test_a_mistake_is_reported_by_a_rule_that_runs_when_the_rules_are_told_which() -> None:
    """新收 / 自然人 wrong breaks its row total (GIA301) and its column's balance (GIA303): GIA301
    reports it; told that only GIA303 runs, GIA303 does, in its own words where they fit."""
    text = (BASE / "report-2020.txt").read_text(encoding="utf-8").replace("数量\t23\t22\t", "数量\t24\t22\t", 1)
    doc = gialint.lint_text(text, select=["GIA3"]).document
    assert doc is not None
    t3 = doc.table("t3")
    assert t3 is not None
    (usual,) = findings_for(doc.model, t3)
    (told,) = findings_for(doc.model, t3, frozenset({"GIA303"}))
    assert (usual.rule, told.rule) == ("GIA301", "GIA303")
    assert usual.anchor == told.anchor and told.kind == "culprit" and told.expected == 23
    balance = next(rule for rule in all_rules() if rule.code == "GIA303")
    told_rule, usual_rule = balance(), balance()
    assert isinstance(told_rule, IdentityRule)
    told_rule.running_codes = frozenset({"GIA303"})
    (diagnostic,) = told_rule.check(doc)
    assert (diagnostic.code, diagnostic.span.line, diagnostic.span.column) == ("GIA303", 30, 18)
    assert list(usual_rule.check(doc)) == []  # not told: GIA301 reports it


def test_the_linter_tells_the_rules_which_run_so_a_mistake_selected_alone_is_still_reported() -> None:
    text = (BASE / "report-2020.txt").read_text(encoding="utf-8").replace("数量\t23\t22\t", "数量\t24\t22\t", 1)
    alone = [(d.code, d.span.line, d.span.column) for d in gialint.lint_text(text, select=["GIA303"]).diagnostics]
    assert alone == [("GIA303", 30, 18)]
    together = [(d.code, d.span.line) for d in gialint.lint_text(text, select=["GIA301", "GIA303"]).diagnostics]
    assert together == [("GIA301", 30)]


@given(reports(), st.data())
def test_each_tables_identities_are_evaluated_once_for_every_rule_that_asks(
    report: tuple[int, dict[Key, int]], data: st.DataObject
) -> None:
    """GIA301–GIA305 and GIA204 share one evaluation per table: with every rule running, each
    table's identities are solved once, for the codes of the rules that run (GIA204 used to
    solve them again, asking without those codes), and the findings are those of solving the
    table alone. Read from the document's memo, not by counting calls to the solver, which
    compiled code makes directly (gialint/compiled.py)."""
    year, values = report
    key = data.draw(st.sampled_from(_value_cells(values)), label="cell")
    rendered = render(year, {**values, key: values[key] + 1}, Layout.TSV)
    result = gialint.lint_text(rendered.text)
    document = result.document
    assert document is not None
    solved = document.once("identities", dict)
    (running,) = solved  # every rule asked with the same codes: one evaluation per table
    assert running is not None and {"GIA204", "GIA301", "GIA305"} <= running
    assert set(solved[running]) == {id(t) for t in document.tables}
    shared = [f for t in document.tables for f in solved[running][id(t)]]
    assert shared == _solved(document)
    assert all(arithmetic.identity_findings(document, t, running) is solved[running][id(t)] for t in document.tables)


#: What a cell may be rewritten to: whole numbers in the ways reports write them, and what is
#: not one (a point, a number too long for CellValue.whole), which sends the sums to Decimals.
WRITTEN = st.sampled_from(["0", "7", "-3", "＋4", "1,234", "１２", "12件", "-", "", "12.0", "0.5", "3" * 21, "9" * 20])


def _decimal_sum(amounts: dict[tuple[str, str], Decimal | None], keys: tuple[tuple[str, str], ...]) -> Decimal | None:
    total = Decimal(0)
    for key in keys:
        amount = amounts.get(key)
        if amount is None:
            return None
        total += amount
    return total


def _rewritten(report: tuple[int, dict[Key, int]], changes: list[tuple[int, str]]) -> Document:
    """The report with some of its value cells rewritten: (which cell, counted round, what text)."""
    year, values = report
    cells = _value_cells(values)
    changed: dict[Key, int | str] = dict(values)
    for pick, text in changes:
        changed[cells[pick % len(cells)]] = text
    return gialint.parse_text(render(year, changed, Layout.TSV).text)


@given(reports(), st.lists(st.tuples(st.integers(0, 10**6), WRITTEN), max_size=6))
def test_the_sums_of_whole_numbers_are_the_decimals_the_amounts_add_up_to(
    report: tuple[int, dict[Key, int]], changes: list[tuple[int, str]]
) -> None:
    """Where the cells of an identity hold whole numbers, its sides are added up as ints
    (``CellValue.whole``): each side's total is the very Decimal — value and exponent — that
    adding the amounts as Decimals gives, and a side with a cell that has no amount has none."""
    doc = _rewritten(report, changes)
    for table in doc.tables:
        reading = arithmetic._Reading(table.cells, table.amounts, whole=True)  # as the solver reads it
        for instance in arithmetic._instances(doc.model.identities, table, reading):
            left, right = (_decimal_sum(reading.amounts, side) for side in (instance.lhs, instance.rhs))
            if reading.amounts.get(instance.anchor) is None or left is None or right is None:
                assert instance.lhs_total is None and instance.rhs_total is None
                continue
            assert instance.lhs_total is not None and instance.rhs_total is not None
            assert instance.lhs_total == left and instance.rhs_total == right
            # ints where added as whole numbers: the Decimals a message is given (_breach) are
            # the very ones the amounts add up to
            assert Decimal(instance.lhs_total).as_tuple() == left.as_tuple()
            assert Decimal(instance.rhs_total).as_tuple() == right.as_tuple()


def _added_as_ints(reading: arithmetic._Reading, table: MatchedTable, instance: arithmetic._Instance) -> bool:
    """Whether the solver adds ``instance``'s sides as whole numbers, found by position in the
    template's cells as the solver finds them."""
    keys = table.template.cell_keys
    at = {key: index for index, key in enumerate(keys)}

    def place(key: tuple[str, str]) -> int:
        return at.get(key, len(keys))

    places = (place(instance.anchor), tuple(map(place, instance.lhs)), tuple(map(place, instance.rhs)))
    return arithmetic._whole_totals(reading.wholes(table.template), *places) is not None


@given(reports(), st.lists(st.tuples(st.integers(0, 10**6), WRITTEN), max_size=6))
def test_a_reading_lists_the_amounts_only_when_a_sum_needs_them(
    report: tuple[int, dict[Key, int]], changes: list[tuple[int, str]]
) -> None:
    """A reading given no amounts (as the solver reads a table) evaluates every identity as one
    given the table's amounts does, and lists the cells' amounts — the table's own — only when an
    identity has a cell without a whole number, whose sides are then added as Decimals."""
    doc = _rewritten(report, changes)
    for table in doc.tables:
        lazy = arithmetic._Reading(table.cells, None, whole=True)
        given_amounts = arithmetic._Reading(table.cells, table.amounts, whole=True)
        found, expected = (
            [
                (
                    i.identity,
                    i.binding,
                    i.anchor,
                    None if t is None else Decimal(t).as_tuple(),
                    None if u is None else Decimal(u).as_tuple(),
                )
                for i in arithmetic._instances(doc.model.identities, table, reading)
                for t, u in [(i.lhs_total, i.rhs_total)]
            ]
            for reading in (lazy, given_amounts)
        )
        assert found == expected
        needed = any(
            not _added_as_ints(given_amounts, table, i)
            for i in arithmetic._instances(doc.model.identities, table, given_amounts)
        )
        assert (lazy._amounts is not None) == needed
        if needed:
            assert lazy.amounts == dict(table.amounts)


def test_an_identity_is_added_up_as_ints_only_where_its_cells_hold_whole_numbers() -> None:
    year, values = 2021, consistent_values(2021, random.Random(1))
    key = ("t3", "new", "natural")
    added_as_ints = {}
    for written_as in ("12", "12.0", "1" + "0" * 20, "-"):
        doc = gialint.parse_text(render(year, {**values, key: written_as}, Layout.TSV).text)
        table = doc.table("t3")
        assert table is not None
        cells = dict(table.cells)
        reading = arithmetic._Reading(cells, table.amounts, whole=True)
        instances = arithmetic._instances(doc.model.identities, table, reading)
        with_the_cell = [i for i in instances if key[1:] in (i.anchor, *i.lhs, *i.rhs)]
        assert with_the_cell
        added_as_ints[written_as] = all(_added_as_ints(reading, table, i) for i in with_the_cell)
    assert added_as_ints == {"12": True, "12.0": False, "1" + "0" * 20: False, "-": True}
