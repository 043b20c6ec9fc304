"""The regular expressions gialint compiles, recorded for the wheel to ship compiled.

setup.py runs :func:`recorded` in a fresh interpreter on the package being built and ships the
programs of what it returns (:mod:`gialint.base.precompiled`). tests/base/test_precompiled.py
checks that the record is the same in every process.
"""

from __future__ import annotations

import importlib
import pkgutil
import random

import gialint
from gialint.base.precompiled import Key, recording, regex


def _import_all() -> None:
    """Import every module of every package, each once (the rules live in a package too)."""
    packages, seen = [gialint], set(gialint.__path__)
    while packages:
        package = packages.pop()
        for module in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
            if module.name.endswith("__main__"):
                continue
            try:
                imported = importlib.import_module(module.name)
            except Exception:  # what the build cannot import (the PDF reader) is compiled at run time
                continue
            paths = set(getattr(imported, "__path__", ()))
            if paths and not paths & seen:  # a package not seen by another name (a namespace)
                seen |= paths
                packages.append(imported)


def _run() -> None:
    from gialint.parse.tables import load_tables
    from gialint.run.api import lint_text
    from gialint.testing import LAYOUTS, consistent_values, render

    _import_all()
    for text in load_tables().alternations():  # the line lexer's, in every state
        regex(text)
    for year in (2020, 2022):  # each format version
        for layout in LAYOUTS:
            lint_text(render(year, consistent_values(year, random.Random(year)), layout).text)


def recorded() -> set[Key]:
    """Every pattern gialint compiles with :func:`~gialint.base.precompiled.regex` to import its
    modules, make its parser, lex in each of the parser's states and check a report of each
    layout and format version.

    A module that needs what the build lacks (the PDF reader's pypdfium2) is skipped: its
    patterns are compiled when a run needs them.
    """
    return recording(_run)
