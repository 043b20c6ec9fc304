"""gialint's built-in rules, one per module, published under the ``gialint.rules`` entry point.

Adding a rule: write ``rules/giaNNN_name.py`` with one :class:`gialint.rules_api.Rule`
subclass (it is found here by its file name, nothing to list), add ``tests/rules/GIANNN.yml``,
and regenerate docs/rules.md (``gialint rules --format markdown > docs/rules.md``).
"""

from __future__ import annotations

import importlib
import pkgutil

from gialint.rules_api import Rule


def _builtin_rules() -> list[type[Rule]]:
    """The rule class each ``giaNNN_*`` module of this package defines, in the modules' order."""
    found: list[type[Rule]] = []
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("gia")):
        namespace = vars(importlib.import_module(f"{__name__}.{module}"))
        found.extend(
            obj
            for obj in namespace.values()
            if isinstance(obj, type) and issubclass(obj, Rule) and obj.__module__ == f"{__name__}.{module}"
        )
    return found


BUILTIN_RULES = _builtin_rules()

__all__ = ["BUILTIN_RULES"]
