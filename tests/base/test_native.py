"""The value classes marked ``acyclic`` for mypyc (gialint.base.native): only what can never be in
a reference cycle is marked, the marked values are untracked by the garbage collector where
gialint is compiled, and linting keeps nothing from one report to the next."""

from __future__ import annotations

import ast
import gc
import importlib
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

import gialint
from conftest import REPORTS, written
from gialint.compiled import MODULES, compiled_modules
from gialint.parse.ast import Cell, Paragraph, Report, Section, Table
from gialint.parse.driver import parse_report

PACKAGE = Path(gialint.__file__).parent


def _marked() -> Iterator[tuple[str, ast.ClassDef]]:
    """Every class of the compiled modules marked ``@mypyc_attr(acyclic=True)``."""
    for name in MODULES:
        source = PACKAGE.joinpath(*name.split(".")[1:]).with_suffix(".py")
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                ast.unparse(d) == "mypyc_attr(acyclic=True)" for d in node.decorator_list
            ):
                yield name, node


def _self_writes(cls: ast.ClassDef) -> Iterator[tuple[str, ast.stmt]]:
    """(method, statement) for each statement of ``cls`` that sets an attribute of ``self``."""
    for method in (n for n in cls.body if isinstance(n, ast.FunctionDef)):
        for node in ast.walk(method):
            targets: list[ast.expr] = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, ast.AnnAssign | ast.AugAssign):
                targets = [node.target]
            if any(isinstance(t, ast.Attribute) and ast.unparse(t.value) == "self" for t in targets):
                yield method.name, node


def test_marked_classes_are_made_of_read_only_fields() -> None:
    # a value set once, in __init__, from values made before it, cannot refer back to itself:
    # nothing else may set an attribute, and every field is Final (compiled: read-only)
    marked = list(_marked())
    assert len(marked) >= 20  # the spans, cells, tree nodes and the prose's values
    names = {cls.name for _, cls in marked}
    for module, cls in marked:
        for method, statement in _self_writes(cls):
            where = f"{module}.{cls.name}.{method}"
            assert method == "__init__", where
            assert isinstance(statement, ast.AnnAssign), where
            assert ast.unparse(statement.annotation) == "Final", where
        # mypyc requires a marked class's bases to be marked too
        for base in cls.bases:
            assert ast.unparse(base) in names, f"{module}.{cls.name}: base {ast.unparse(base)}"


def test_marked_classes_are_those_compiled() -> None:
    # the mark is read by mypyc alone: running, the decorator gives the class back as written
    for module, cls in _marked():
        value = getattr(importlib.import_module(module), cls.name)
        assert value.__name__ == cls.name and value.__module__ == module


def test_tree_values_are_untracked_where_compiled() -> None:
    compiled = bool(compiled_modules())
    report = parse_report(REPORTS[0].read_text(encoding="utf-8"))
    assert isinstance(report, Report)
    section = report.sections[0]
    table = next(t for s in report.sections for t in s.tables)
    cell = next(table.cells)
    paragraph = next(b for s in report.sections for b in s.blocks if isinstance(b, Paragraph))
    values: list[object] = [report, section, table, cell, cell.span, cell.value, paragraph]
    assert isinstance(section, Section) and isinstance(table, Table) and isinstance(cell, Cell)
    # compiled, the collector never sees them; as pure Python, they are ordinary instances
    assert [gc.is_tracked(v) for v in values] == [not compiled] * len(values)


def test_linting_keeps_nothing_between_reports() -> None:
    # a cycle through an untracked value would never be freed: a report's tree and findings
    # would stay behind after each run
    path = REPORTS[0]
    for _ in range(3):  # the format's tables, patterns and memos are made once
        gialint.lint_path(path)
    tracemalloc.start()
    try:
        gialint.lint_path(path)
        gc.collect()
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(20):
            result = gialint.lint_path(path)
            assert result.diagnostics is not None
            del result
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 64 * 1024, grown  # a kept document is some 150 KiB


@pytest.mark.parametrize("kind", ["txt", "md", "html", "pdf"])
def test_linting_makes_no_reference_cycles(kind: str) -> None:
    # the collector is paused while a report is read and linted (gialint.base.collector) on the
    # premise that this makes no reference cycles: what it makes is freed by reference counting,
    # none of it left for the collector to find (a recursive nested function, say, is a cycle: it
    # holds the cell that holds it). (Not .docx: python-docx's package of parts is a web of
    # references both ways, the library's own.)
    reports = REPORTS[:3] + REPORTS[-2:]
    data = [path.read_bytes() if kind == "txt" else written(path, kind) for path in reports]
    for one in data:
        gialint.lint_bytes(one, f"report.{kind}")  # the format's tables, patterns and memos are made once
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for path, one in zip(reports, data, strict=True):
            result = gialint.lint_bytes(one, f"report.{kind}")
            assert result.diagnostics is not None
            del result
            gc.collect()
            found = sorted({getattr(o, "__qualname__", type(o).__name__) for o in gc.garbage})
            gc.garbage.clear()
            assert not found, (path.name, found)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
