"""Selecting rules by code (GIA301), prefix (GIA3), name (row-total) or ALL."""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Sequence
from typing import Protocol

from attrs import frozen

from gialint.base import catalogue as msg
from gialint.base.messages import Failure, say
from gialint.base.precompiled import regex


class Named(Protocol):
    """What selecting needs of a rule: a rule class, or its :class:`~gialint.lint.registry.RuleInfo`."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...


class SelectionError(Failure, ValueError):
    """A --select/--ignore entry names no rule (one line, in both languages)."""


@functools.lru_cache(maxsize=1)
def selector_form() -> re.Pattern[str]:
    """What a rule selector looks like: the pattern declared once, in the configuration schema
    (gialint/config/schema.json, ``definitions.selector``), read here as data."""
    # a path beside this package's modules, not importlib.resources (which imports zipfile)
    with open(
        os.path.join(os.path.dirname(os.path.dirname(__file__)), "config", "schema.json"), encoding="utf-8"
    ) as file:
        text = file.read()
    return regex(json.loads(text)["definitions"]["selector"]["pattern"])


def specificity(entry: str, code: str, name: str) -> int:
    """How closely a selector names a rule: 100 for its code or name, the prefix's length for a
    prefix of its code, 0 for ALL, -1 when it does not name it."""
    if entry.upper() == "ALL":
        return 0
    if entry == name or entry.upper() == code:
        return 100
    return len(entry) if code.startswith(entry.upper()) else -1


@frozen
class Selection:
    """Which rules run. Entries are codes (GIA301), prefixes (GIA3, GIA) or names.

    When an entry of ``select`` and one of ``ignore`` both match a rule, the more
    specific (longer) one decides, as in ruff; on a tie the rule is ignored.
    """

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()

    def includes(self, rule: Named) -> bool:
        return _includes(self.select, self.ignore, rule.code, rule.name)

    def validate(self, rules: Sequence[Named]) -> None:
        for entry in (*self.select, *self.ignore):
            check_selector(entry, rules)


@functools.lru_cache(maxsize=4096)  # asked for every rule of every report, with few selections
def _includes(select: tuple[str, ...], ignore: tuple[str, ...], code: str, name: str) -> bool:
    selected = max((specificity(e, code, name) for e in select), default=-1)
    ignored = max((specificity(e, code, name) for e in ignore), default=-1)
    return selected >= 0 and selected > ignored


def check_selector(entry: str, rules: Sequence[Named]) -> None:
    """Raise SelectionError when ``entry`` names no rule."""
    if not any(specificity(entry, r.code, r.name) >= 0 for r in rules):
        close = closest_rule(entry, rules)
        hint = say(msg.DID_YOU_MEAN, close=close) if close else msg.SELECTION_SEE_RULES
        raise SelectionError(msg.SELECTION_NO_RULE, entry=entry, hint=hint)


def closest_rule(entry: str, rules: Sequence[Named]) -> str | None:
    """The code or name of ``rules`` closest to a mistyped ``entry`` ("GIA3O1" -> "GIA301"), if any is close."""
    import difflib

    known = [r.code for r in rules] + [r.name for r in rules]
    close = difflib.get_close_matches(entry.upper(), known, n=1) or difflib.get_close_matches(entry.lower(), known, n=1)
    return close[0] if close else None
