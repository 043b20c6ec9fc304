"""The modules mypyc compiles when gialint is built, and whether this gialint has them compiled.

:data:`MODULES` are the parsing, matching and prose reading that every report goes through. setup.py
reads this tuple (without importing gialint) and compiles them when a wheel is built;
their ``.py`` files are installed too and serve when nothing was compiled (an editable
install, ``GIALINT_COMPILE=0``, no C compiler). Why and what it gains:
docs/performance.md, "Compiled modules".

A compiled module can hold neither a class that Python code subclasses nor a working
``functools.cached_property``: the classes rules and plugins read or extend live in
modules that are not compiled (tests/test_compiled.py checks both).
"""

from __future__ import annotations

import importlib.machinery
import importlib.util

MODULES = (
    "gialint.base.span",
    "gialint.parse.lexer",
    "gialint.parse.driver",
    "gialint.parse.build",
    "gialint.parse.lines",
    "gialint.parse.linetables",
    "gialint.parse.arrange",
    "gialint.formats.labels",
    "gialint.analyze.match",
    "gialint.base.memo",
    # the content checks' reading of the prose (GIA5xx): about 0.6 M instructions a report less
    "gialint.analyze.prose",
    "gialint.analyze.section_text",
    "gialint.analyze.narrative",
    "gialint.analyze.writing",
    "gialint.analyze.year_claims",
    "gialint.analyze.required",
    "gialint.analyze.parts",
    # JSON written indented, as json.dumps(indent=2) writes it: most of a warm run's output time
    "gialint.report.indent",
)


def compiled_modules() -> tuple[str, ...]:
    """Those of :data:`MODULES` that load from a compiled extension here."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    found = []
    for name in MODULES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin is not None and spec.origin.endswith(suffixes):
            found.append(name)
    return tuple(found)


def build_kind() -> tuple[str, int, int]:
    """How this gialint runs its parsing and matching — "compiled", "pure" or "partly" — with
    the number of :data:`MODULES` compiled and of all of them."""
    count, total = len(compiled_modules()), len(MODULES)
    return ("compiled" if count == total else "pure" if count == 0 else "partly"), count, total


def build_description() -> str:
    """How this gialint runs its parsing and matching: "compiled with mypyc" or "pure Python"
    (as the benchmark records it; ``gialint --version`` says it in the run's language)."""
    kind, count, total = build_kind()
    if kind == "compiled":
        return "compiled with mypyc"
    return "pure Python" if kind == "pure" else f"partly compiled: {count} of {total} modules"
