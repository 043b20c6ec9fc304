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
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gialint.base.diagnostic import Text

MODULES = (
    "gialint.base.span",
    "gialint.parse.ast",
    "gialint.parse.values",
    "gialint.parse.lexer",
    "gialint.parse.driver",
    "gialint.parse.build",
    "gialint.parse.lines",
    "gialint.parse.linetables",
    "gialint.parse.arrange",
    # a line whose table cells run together, looked for in every one-line paragraph
    "gialint.parse.glued",
    # a run of digits in a long line, which the parser looks for in every one
    "gialint.base.digits",
    # the characters that tell binary data from text, counted in every file read
    "gialint.read.rare",
    "gialint.formats.labels",
    "gialint.analyze.label_hit",
    "gialint.analyze.shape",
    "gialint.analyze.match",
    "gialint.base.memo",
    "gialint.base.value",
    # the content checks' reading of the prose (GIA5xx): about 0.6 M instructions a report less
    "gialint.analyze.prose",
    "gialint.analyze.section_text",
    "gialint.analyze.narrative",
    "gialint.analyze.writing",
    "gialint.analyze.year_claims",
    "gialint.analyze.required",
    "gialint.analyze.parts",
    # the rules about cells read a table's odd cells from one pass over them
    "gialint.analyze.census",
    # the identities of a table, solved once for GIA204 and GIA301–GIA305 (IdentityRule, which
    # rules subclass, is gialint.lint.identity_rule's)
    "gialint.lint.arithmetic",
    # JSON written indented, as json.dumps(indent=2) writes it: most of a warm run's output time
    "gialint.report.indent",
    # what runs the rules over every report and places each finding, and the clock it looks at
    # before each rule (gialint.read.limits, with the public Limits, stays Python: compiled, a
    # decorated class such as Limits loses its documentation)
    "gialint.lint.linter",
    "gialint.lint.place",
    "gialint.read.clock",
)


def is_extension(file: str) -> bool:
    """Whether a module loaded from ``file`` (its ``__file__``) is a compiled extension: a
    compiled module asks this of itself, to take the way that is fast in its build."""
    return file.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


def compiled_modules() -> tuple[str, ...]:
    """Those of :data:`MODULES` that load from a compiled extension here."""
    import importlib.util  # not at import: the compiled modules import this one for is_extension

    found = []
    for name in MODULES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin is not None and is_extension(spec.origin):
            found.append(name)
    return tuple(found)


def build_text() -> Text:
    """How this gialint runs its parsing and matching, in both languages: "compiled with mypyc",
    "pure Python", or partly compiled (how many of :data:`MODULES`)."""
    from gialint.base import catalogue as msg
    from gialint.base.messages import say

    count, total = len(compiled_modules()), len(MODULES)
    kind = "compiled" if count == total else "pure" if count == 0 else "partly"
    return say(msg.CLI_BUILD[kind], count=count, total=total)


def build_description() -> str:
    """:func:`build_text` in English, as the benchmark and CI record it (``gialint --version``
    says it in the run's language)."""
    return build_text().en
