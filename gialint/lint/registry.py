"""Finding rules: every ``gialint.rules`` entry point, built-in ones included."""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
import sys
from collections.abc import Iterable
from typing import Any

from attrs import frozen

from gialint.base import catalogue as msg
from gialint.base.messages import Failure
from gialint.lint import installed
from gialint.lint.rule import Rule, RuleDefinitionError, iter_rules

GROUP = "gialint.rules"


class PluginError(Failure):
    """A rule package could not be loaded (one line, in both languages)."""


@frozen
class EntryPoint:
    """A ``gialint.rules`` entry point and the distribution that declares it."""

    name: str
    value: str  # "module:attribute"
    dist: str
    version: str

    def load(self) -> Any:
        module, _, attribute = self.value.partition(":")
        obj: Any = importlib.import_module(module.strip())
        for part in attribute.strip().split(".") if attribute.strip() else ():
            obj = getattr(obj, part)
        return obj


@functools.lru_cache(maxsize=1)
def entry_points() -> tuple[EntryPoint, ...]:
    """Every ``gialint.rules`` entry point.

    Finding them means reading the metadata of every installed distribution, so the list is
    kept in the per-user cache directory with the distributions installed along the import path
    (:func:`gialint.lint.installed.distributions`), and read again only when those change,
    whatever the working directory. It is read from the metadata files directly
    (:func:`gialint.lint.installed.entry_points_of`), by importlib.metadata (whose import alone
    costs 30–40 ms) only where that reading cannot be sure to give its answer.
    """
    from gialint.base.cachedir import cache_file, read_json, write_json

    path = cache_file("plugins.json")
    stored = read_json(path, dict) or {}
    known = stored.get("directories")
    known = known if isinstance(known, dict) else {}
    distributions, changed = installed.distributions(known)
    if stored.get("distributions") == distributions:
        with contextlib.suppress(KeyError, TypeError, ValueError):
            found = tuple(EntryPoint(*ep) for ep in stored["entry_points"])
            if changed:  # only the times of directories without new distributions
                write_json(path, {**stored, "directories": known})
            return found
    declared = installed.entry_points_of(GROUP, distributions)
    points = [EntryPoint(*ep) for ep in (_by_importlib() if declared is None else declared)]
    points.sort(key=lambda e: (e.name, e.value))
    write_json(
        path,
        {
            "distributions": distributions,
            "directories": known,
            "entry_points": [[e.name, e.value, e.dist, e.version] for e in points],
        },
    )
    return tuple(points)


def _by_importlib() -> list[tuple[str, str, str, str]]:
    """The entry points of :data:`GROUP` as importlib.metadata finds them (see
    :func:`gialint.lint.installed.entry_points_of` for when it is asked)."""
    from importlib.metadata import entry_points as declared

    points = []
    for ep in declared(group=GROUP):
        dist = getattr(ep, "dist", None)
        points.append((ep.name, ep.value, dist.name if dist else "", dist.version if dist else ""))
    return points


def _load_entry_point(ep: EntryPoint) -> list[type[Rule]]:
    try:
        obj = ep.load()
    except Exception as error:  # a broken plugin must not look like a gialint crash
        if isinstance(error, ModuleNotFoundError) and error.name == "gialint.rules":
            # A source checkout shadows the installed package: its rules/ is only
            # mapped to gialint.rules by an install (editable or not).
            raise PluginError(msg.PLUGIN_SOURCE_TREE, where=os.path.dirname(os.path.abspath(__file__))) from error
        raise PluginError(msg.PLUGIN_LOAD, name=ep.name, value=ep.value, error=error) from error
    objects = [obj] if isinstance(obj, type) else list(obj)
    try:
        return list(iter_rules(objects))
    except RuleDefinitionError as error:
        raise PluginError(msg.PLUGIN_DEFINITION, name=ep.name, value=ep.value, error=error) from error


@functools.lru_cache(maxsize=1)
def all_rules() -> tuple[type[Rule], ...]:
    """Every installed rule, sorted by code. Raises PluginError for broken or clashing plugins."""
    found: dict[str, type[Rule]] = {}
    eps = list(entry_points())
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
                raise PluginError(msg.PLUGIN_CODE_TWICE, code=rule.code, first=other.__module__, second=rule.__module__)
            found[rule.code] = rule
    names: dict[str, str] = {}
    for rule in found.values():
        if names.setdefault(rule.name, rule.code) != rule.code:
            raise PluginError(msg.PLUGIN_NAME_TWICE, name=rule.name, first=names[rule.name], second=rule.code)
    return tuple(sorted(found.values(), key=lambda r: r.code))


@frozen
class RuleInfo:
    """A rule as far as choosing rules and keying the result cache go: known without importing it."""

    code: str
    name: str
    module: str


@frozen
class RuleIndex:
    """Every installed rule's :class:`RuleInfo`, and the files they were read from (path, size, time)."""

    rules: tuple[RuleInfo, ...]
    files: tuple[tuple[str, int, int], ...]


def _file_stats(files: Iterable[str]) -> tuple[tuple[str, int, int], ...]:
    stats = []
    for file in files:
        try:
            stat = os.stat(file)
        except OSError:
            stats.append((file, -1, -1))
        else:
            stats.append((file, stat.st_size, stat.st_mtime_ns))
    return tuple(stats)


@functools.lru_cache(maxsize=1)
def rule_index() -> RuleIndex:
    """The code, name and module of every installed rule, and the files that define them.

    Importing the rules costs about 35 ms (they bring the parser and the format model),
    and a run answered by the result cache needs only their codes and names. So the index
    is kept in the cache directory beside the plugin list, with the size and time of every
    module that defines a rule or holds an entry point, and is read again while the plugin
    list, gialint's version and every one of those files are unchanged.
    """
    from gialint._version import __version__
    from gialint.base.cachedir import cache_file, read_json, write_json

    path = cache_file("rules.json")
    points = [[ep.name, ep.value, ep.dist, ep.version] for ep in entry_points()]

    def load(data: Any) -> RuleIndex:
        if data["version"] != __version__ or data["entry_points"] != points:
            raise ValueError("another gialint or other plugins")
        files = tuple((file, size, time) for file, size, time in data["files"])
        if _file_stats(file for file, _, _ in files) != files:
            raise ValueError("a rule module has changed")
        return RuleIndex(tuple(RuleInfo(*rule) for rule in data["rules"]), files)

    stored = read_json(path, load)
    if stored is not None:
        return stored
    rules = all_rules()
    modules = {rule.__module__ for rule in rules} | {ep.value.partition(":")[0].strip() for ep in entry_points()}
    modules.add("gialint.rules")  # where all_rules finds the built-ins in a source tree
    files = sorted({file for name in modules if (file := getattr(sys.modules.get(name), "__file__", None))})
    # the built-in rules are the modules of a folder: a rule added or removed changes its time
    files += sorted({os.path.dirname(file) for file in files if file.endswith("__init__.py")})
    index = RuleIndex(tuple(RuleInfo(r.code, r.name, r.__module__) for r in rules), _file_stats(files))
    write_json(
        path,
        {
            "version": __version__,
            "entry_points": points,
            "files": [list(f) for f in index.files],
            "rules": [[r.code, r.name, r.module] for r in index.rules],
        },
    )
    return index


def rule_distributions() -> tuple[tuple[str, str, str], ...]:
    """(entry point, distribution, version) of every rule package: part of the result cache's key."""
    return tuple((ep.name, ep.dist, ep.version) for ep in entry_points())
