"""Regular expressions compiled when the wheel is built, so that a run need not compile them.

gialint compiles its regular expressions with :func:`regex`, which is ``re.compile`` but for
one thing: a pattern the wheel ships compiled is not compiled again.

Why: Python compiles a regular expression in Python code (``re._parser`` and ``re._compiler``)
before it gives the program to its engine, ``_sre``, written in C. Checking one report compiled
about a hundred patterns — the line lexer's alternations, the prose readers', the cues for
tables and headings — in 20 ms or more, as long as reading, parsing and checking the report
take. Most of that goes into classes such as ``[ \\t\\u3000]``, which the compiler builds as a
map of all 65,536 characters of the plane before it packs them. The wheel ships the programs
instead (``gialint/base/patterns.bin``, in ``marshal`` form as a ``.pyc`` is): setup.py records
the patterns that importing gialint, lexing in each parser state and checking a report of each
layout compile (:func:`gialint.testing.patterns.recorded`) and stores their programs
(:func:`store`); a run gives a program to the engine the first time its pattern is asked for,
in microseconds. (The rules, which import only ``gialint.rules_api``, compile their own.)

A program is the engine's own code, so it is used only by the interpreter it was made for: the
same cache tag (version), the engine's ``MAGIC`` number, code size and byte order
(:data:`INTERPRETER`). Under any other — a pure-Python wheel installed under another Python —
and in an editable install, every pattern is compiled as before. Each program carries a
checksum of its code, and the engine checks the code's structure when it is given it.
:func:`store` keeps a program only if the pattern restored from it is equal to the one
``re.compile`` makes (a :class:`re.Pattern` is equal to another only if their text, flags and
program are).
"""

from __future__ import annotations

import array
import os
import re
import sys
import zlib
from collections.abc import Callable, Iterable
from typing import Any

try:
    import _sre  # type: ignore[import-not-found]  # CPython's regular-expression engine (re's own back end)
except ImportError:  # pragma: no cover - another Python than CPython: every pattern is compiled
    _sre = None

#: Bumped when the stored form changes, so old files are not read.
STORE_FORMAT = 1
#: The interpreters a program is for: one whose engine reads the same code.
INTERPRETER: str = (
    f"{sys.implementation.cache_tag}-{_sre.MAGIC}-{_sre.CODESIZE}-{sys.byteorder}-{sys.maxunicode}" if _sre else ""
)
#: The programs the wheel ships, beside this module (setup.py writes them).
SHIPPED = os.path.join(os.path.dirname(__file__), "patterns.bin")
#: The array type whose items are the engine's code units ("" if none is).
_UNIT = next((code for code in "IL" if _sre and array.array(code).itemsize == _sre.CODESIZE), "")

Key = tuple[str, int]  # (pattern, flags given to regex)

#: The shipped programs by (pattern, flags): each entry as stored until it is first asked for,
#: then the pattern made from it. Read at the first :func:`regex`.
_shipped: dict[Key, Any] | None = None
#: The patterns :func:`regex` compiled: all of them while :func:`recording`, else those
#: that had no shipped program (what tests/test_install.py checks).
compiled_here: set[Key] = set()
_recording = False


def regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the wheel's program when it ships one."""
    global _shipped
    if _shipped is None:
        _shipped = _read(SHIPPED)
    shipped: Any = _shipped.get((pattern, flags))
    if shipped is not None and not _recording:
        if isinstance(shipped, re.Pattern):
            return shipped
        made = _shipped[pattern, flags] = _restore(shipped)
        if made is not None:
            return made
    compiled_here.add((pattern, int(flags)))
    return re.compile(pattern, flags)


def _read(path: str) -> dict[Key, Any]:
    """The entries of the stored programs at ``path`` for this interpreter, by (pattern, flags)."""
    import marshal

    try:
        with open(path, "rb") as file:
            form, interpreter, entries = marshal.loads(file.read())
        if form != STORE_FORMAT or interpreter != INTERPRETER or not _UNIT:
            return {}
        return {(entry[0], entry[1]): entry for entry in entries}
    except (OSError, EOFError, ValueError, TypeError, IndexError):
        return {}  # missing (an editable install) or damaged: every pattern is compiled


def _restore(entry: tuple[Any, ...]) -> re.Pattern[str] | None:
    """The pattern a stored entry holds; None if it is damaged or not for this engine."""
    try:
        pattern, _, flags, code, checksum, groups, groupindex = entry
        if zlib.crc32(code) != checksum:
            return None
        names: list[str | None] = [None] * (groups + 1)  # each group's name by its number, as re has it
        for name, index in groupindex.items():
            names[index] = name
        made: re.Pattern[str] = _sre.compile(
            pattern, flags, array.array(_UNIT, code).tolist(), groups, groupindex, tuple(names)
        )
        return made
    except (RuntimeError, TypeError, ValueError, AttributeError, IndexError, OverflowError):
        return None


def _entry(pattern: str, flags: int) -> tuple[Any, ...]:
    """What the engine needs to make ``re.compile(pattern, flags)``: its text, the flags given and
    those it ends with, its code with a checksum, the number of groups and their names."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = array.array(_UNIT, _compiler._code(parsed, flags)).tobytes()
    state = parsed.state
    return (pattern, flags, int(flags | state.flags), code, zlib.crc32(code), state.groups - 1, dict(state.groupdict))


def store(patterns: Iterable[Key]) -> bytes:
    """The programs of ``patterns`` for this interpreter, as the file the wheel ships.

    The file is in the form of Python's own compiled modules (``marshal``), read as fast. A
    pattern whose restored program is not equal to what ``re.compile`` makes is left out: a run
    compiles it.
    """
    import marshal

    kept: list[tuple[Any, ...]] = []
    for pattern, flags in sorted(set(patterns)) if _UNIT else ():
        entry = _entry(pattern, flags)
        if _restore(entry) == re.compile(pattern, flags):
            kept.append(entry)
    return marshal.dumps((STORE_FORMAT, INTERPRETER, kept))


def recording(run: Callable[[], object]) -> set[Key]:
    """The patterns :func:`regex` is asked for while ``run`` runs, each compiled anew, with any
    compiled before (:func:`gialint.testing.patterns.recorded` runs gialint so for setup.py)."""
    global _recording
    _recording = True
    try:
        run()
    finally:
        _recording = False
    return set(compiled_here)
