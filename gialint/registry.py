"""Finding rules: every ``gialint.rules`` entry point, built-in ones included."""

from __future__ import annotations

import functools
import importlib
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

from gialint.rule import Rule, RuleDefinitionError, iter_rules

GROUP = "gialint.rules"


class PluginError(Exception):
    """A rule package could not be loaded."""


def _load_entry_point(ep: Any) -> list[type[Rule]]:
    try:
        obj = ep.load()
    except Exception as error:  # a broken plugin must not look like a gialint crash
        if isinstance(error, ModuleNotFoundError) and error.name == "gialint.rules":
            # A source checkout shadows the installed package: its rules/ is only
            # mapped to gialint.rules by an install (editable or not).
            raise PluginError(
                f"gialint is imported from the source tree ({Path(__file__).parent}) but is not installed "
                "from it: run `pip install -e .` there, or run gialint from another directory"
            ) from error
        raise PluginError(f"cannot load rules from entry point {ep.name!r} ({ep.value}): {error}") from error
    objects = [obj] if isinstance(obj, type) else list(obj)
    try:
        return list(iter_rules(objects))
    except RuleDefinitionError as error:
        raise PluginError(f"entry point {ep.name!r} ({ep.value}): {error}") from error


@functools.lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every installed rule, sorted by code. Raises PluginError for broken or clashing plugins."""
    found: dict[str, type[Rule]] = {}
    eps = list(entry_points(group=GROUP))
    if not any(ep.value.startswith("gialint.rules") for ep in eps):
        # gialint's own metadata is missing (run from a source tree): load the built-ins directly.
        builtin = importlib.import_module("gialint.rules")
        eps_rules = [list(iter_rules(builtin.BUILTIN_RULES))]
    else:
        eps_rules = []
    for ep in sorted(eps, key=lambda e: (not e.value.startswith("gialint.rules"), e.name)):
        eps_rules.append(_load_entry_point(ep))
    for rules in eps_rules:
        for rule in rules:
            other = found.get(rule.code)
            if other is not None and other is not rule:
                raise PluginError(f"rule code {rule.code} is defined twice: {other.__module__} and {rule.__module__}")
            found[rule.code] = rule
    names: dict[str, str] = {}
    for rule in found.values():
        if names.setdefault(rule.name, rule.code) != rule.code:
            raise PluginError(f"rule name {rule.name!r} is used by {names[rule.name]} and {rule.code}")
    return tuple(sorted(found.values(), key=lambda r: r.code))


@functools.lru_cache(maxsize=1)
def rule_distributions() -> tuple[tuple[str, str, str], ...]:
    """(entry point, distribution, version) of every rule package: part of the result cache's key."""
    found = []
    for ep in entry_points(group=GROUP):
        dist = getattr(ep, "dist", None)
        found.append((ep.name, dist.name if dist else "", dist.version if dist else ""))
    return tuple(sorted(found))
