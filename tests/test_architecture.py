"""gialint's packages are the stages a report flows through, and data flows down.

A module may import from its own stage and earlier ones, never from a later one, and no
modules import each other in a circle, not even through an import inside a function
(docs/architecture.md draws the map). Built-in rules import from :mod:`gialint.rules_api`
alone, as third-party rules do. An attrs class with a cached property is not slotted (see
:func:`test_attrs_classes_with_cached_properties_are_not_slotted`).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: The stages in the order a report flows through them; a package's modules may import
#: from their own stage and the ones before it.
STAGES = ("base", "formats", "read", "parse", "analyze", "lint", "config", "run", "fix", "report", "cli")
#: Modules outside the stage packages, and the stage they stand in.
LOOSE = {
    "gialint._version": "base",
    "gialint.compiled": "base",
    "gialint.rules_api": "lint",
    "gialint.__main__": "cli",
}
#: The façade (``gialint.lint_text`` … loaded on first use) and the helpers for tests stand
#: above every stage.
TOP = ("gialint", "gialint.testing")


def _modules() -> dict[str, Path]:
    found = {}
    for base, prefix in ((ROOT / "gialint", "gialint"), (ROOT / "rules", "gialint.rules")):
        for path in base.rglob("*.py"):
            parts = path.relative_to(base).with_suffix("").parts
            name = ".".join((prefix, *parts))
            found[name.removesuffix(".__init__")] = path
    return found


MODULES = _modules()


def _imports(name: str, path: Path) -> Iterator[str]:
    """Every gialint module ``name`` imports, at the top or inside a function."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package[: len(package) - node.level + 1], *([base] if base else [])])
            targets = [base] + [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        else:
            continue
        for target in targets:
            if target in MODULES and target != name:
                yield target


GRAPH = {name: sorted(set(_imports(name, path))) for name, path in MODULES.items()}


def stage_of(name: str) -> int | None:
    """The stage's position, or None for the façade, the test helpers and the rules."""
    if name in LOOSE:
        return STAGES.index(LOOSE[name])
    if name in TOP or name.startswith(("gialint.testing.", "gialint.rules.")) or name == "gialint.rules":
        return None
    return STAGES.index(name.split(".")[1])


def test_every_module_belongs_to_a_stage() -> None:
    for name in MODULES:
        part = name.split(".")[1] if "." in name else None
        assert name in LOOSE or name in TOP or part in (*STAGES, "rules", "testing"), name


@pytest.mark.parametrize("name", sorted(n for n in MODULES if stage_of(n) is not None))
def test_no_module_imports_from_a_later_stage(name: str) -> None:
    stage = stage_of(name)
    assert stage is not None
    later = [t for t in GRAPH[name] if (stage_of(t) is None and t != "gialint") or (stage_of(t) or 0) > stage]
    assert not later, f"{name} ({STAGES[stage]}) imports {later}"


def test_no_circles() -> None:
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for target in GRAPH[name]:
            if target == "gialint":  # the façade's lazy names are not imported at import time
                continue
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target] if target in path else [name, target]
                pytest.fail("modules import each other in a circle: " + " → ".join(cycle))
            if target not in state:
                visit(target, [*path, target])
        state[name] = 2

    for name in sorted(MODULES):
        if name not in state:
            visit(name, [name])


def test_rules_import_only_the_rules_api() -> None:
    for name in MODULES:
        if name.startswith("gialint.rules."):
            wrong = [t for t in GRAPH[name] if t != "gialint.rules_api"]
            assert not wrong, f"{name} imports {wrong}: rules import from gialint.rules_api"


def test_each_stage_says_what_it_does() -> None:
    for stage in STAGES:
        init = ROOT / "gialint" / stage / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert (doc and "Imports:" in doc) or stage in ("formats", "config", "report"), stage


def test_the_rules_api_holds_what_it_lists() -> None:
    import gialint.rules_api as api

    missing = [name for name in api.__all__ if not hasattr(api, name)]
    assert not missing
    # everything gialint's own rules take from it is listed, so a plugin may rely on it
    used = set()
    for name, path in MODULES.items():
        if name.startswith("gialint.rules."):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ImportFrom) and node.module == "gialint.rules_api":
                    used.update(alias.name for alias in node.names)
    assert used and used <= set(api.__all__)


def _attrs_slotted(decorator: ast.expr) -> bool | None:
    """Whether an attrs decorator (``@frozen``, ``@define``, with arguments or not) makes a
    slotted class; None for any other decorator."""
    call = decorator if isinstance(decorator, ast.Call) else None
    target = call.func if call is not None else decorator
    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", None)
    if name not in ("frozen", "define", "mutable"):
        return None
    slots = next((k.value for k in (call.keywords if call else []) if k.arg == "slots"), None)
    return not (isinstance(slots, ast.Constant) and slots.value is False)


def _has_cached_property(node: ast.ClassDef) -> bool:
    return any(
        isinstance(item, ast.FunctionDef) and any("cached_property" in ast.unparse(d) for d in item.decorator_list)
        for item in node.body
    )


def test_attrs_classes_with_cached_properties_are_not_slotted() -> None:
    """attrs gives a slotted class with a cached property a ``__getattr__``, which every read of
    any of its attributes then passes through (docs/performance.md, "Cached properties")."""
    slotted = [
        f"{name}.{node.name}"
        for name, path in MODULES.items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ClassDef)
        and _has_cached_property(node)
        and any(_attrs_slotted(d) for d in node.decorator_list)
    ]
    assert not slotted, f"{slotted}: write @frozen(slots=False)"
