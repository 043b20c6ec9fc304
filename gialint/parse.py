"""Text in, syntax tree out: :func:`parse_report`."""

from __future__ import annotations

import functools
import os
import re
from importlib import resources
from typing import cast

from attrs import evolve
from lark import Lark
from lark.exceptions import LarkError

from gialint._version import __version__
from gialint.ast import Report
from gialint.build import Builder
from gialint.lexer import LineLexer
from gialint.outline import default_identifier
from gialint.span import Span
from gialint.values import default_reader

_LINE_ENDS = re.compile(r"\r\n?")


class ParseError(Exception):
    """The grammar could not describe the text (a bug: the grammar accepts any text)."""


def grammar_text() -> str:
    return resources.files("gialint.grammars").joinpath("report.lark").read_text(encoding="utf-8")


def parser_cache_path() -> str | None:
    """Where the analysed grammar is cached: a per-user directory, never a shared one.

    The cache is a pickle, so it must not live where another user could plant it (as
    in the system temp directory). Lark checks a hash of the grammar stored in the file
    before using it. ``GIALINT_NO_CACHE=1`` turns it off.
    """
    if os.environ.get("GIALINT_NO_CACHE"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    directory = os.path.join(base, "gialint")
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
    except OSError:
        return None
    return os.path.join(directory, f"parser-{__version__}.lark") if os.access(directory, os.W_OK) else None


@functools.lru_cache(maxsize=1)
def parser() -> Lark:
    """The report parser: LALR over one token per line, building the AST while parsing."""
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer=LineLexer,
        transformer=Builder(default_reader().classify, default_identifier().is_section),
        cache=parser_cache_path() or False,
    )


def normalize_newlines(text: str) -> str:
    """CRLF and CR become LF; the line count and every column stay as they were."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return _LINE_ENDS.sub("\n", text) if "\r" in text else text


def parse_report(text: str) -> Report:
    """Parse a report's text into its :class:`~gialint.ast.Report` tree."""
    text = normalize_newlines(text)
    try:
        tree = parser().parse(text)
    except LarkError as error:  # pragma: no cover - the property tests show it does not happen
        raise ParseError(str(error).splitlines()[0]) from error
    report = cast(Report, tree)  # the Builder transformer returns the root of the AST
    lines = text.split("\n")
    if len(lines) > 1 and not lines[-1]:
        lines.pop()  # the empty "line" after a final line end
    return evolve(report, span=Span(1, 1, len(lines), len(lines[-1]) + 1))
