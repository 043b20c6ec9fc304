"""Text in, syntax tree out: :func:`parse_text`."""

from __future__ import annotations

import functools
import re
from importlib import resources
from typing import cast

from attrs import evolve
from lark import Lark
from lark.exceptions import LarkError

from gialint.ast import Report
from gialint.build import Builder
from gialint.lexer import LineLexer
from gialint.outline import default_identifier
from gialint.values import default_reader

_LINE_ENDS = re.compile(r"\r\n?")


class ParseError(Exception):
    """The grammar could not describe the text (a bug: the grammar accepts any text)."""


def grammar_text() -> str:
    return resources.files("gialint.grammars").joinpath("report.lark").read_text(encoding="utf-8")


@functools.lru_cache(maxsize=1)
def parser() -> Lark:
    """The report parser: LALR over one token per line, building the AST while parsing."""
    return Lark(
        grammar_text(),
        parser="lalr",
        lexer=LineLexer,
        transformer=Builder(default_reader().classify, default_identifier().is_section),
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
    return evolve(report, line_count=text.count("\n") + (0 if text.endswith("\n") or not text else 1))
