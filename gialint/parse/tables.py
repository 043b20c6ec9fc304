"""The LALR(1) tables of :file:`grammars/report.lark`, as plain data.

Lark reads the grammar and builds the tables (its ``lalr`` parser, conflict-free under
``strict=True``). gialint runs them with its own line lexer and a small driver
(:mod:`gialint.parse.driver`), so checking a report needs neither lark's import (about 30 ms)
nor the grammar's analysis (about 20 ms). The wheel ships them as JSON beside the grammar
(:data:`SHIPPED`, written by setup.py when the wheel is built); elsewhere — an editable
install, a grammar edited after the install — they are built with lark on first use and kept
in the per-user cache, named by a checksum of the grammar. Either file holds the grammar it was
built from and is used only while that is the installed grammar, character for character (a
check that costs no hash function: ``hashlib`` is not imported to start a run).
"""

from __future__ import annotations

import importlib.util
import os
import zlib
from typing import Any

from attrs import frozen

SHIFT, REDUCE = 0, 1
END = "$END"  # the terminal lark gives the end of the input
#: Bumped when the stored form changes, so old files are not read.
STORE_FORMAT = 2
#: The tables the wheel ships, in the package beside the grammar (setup.py writes them).
SHIPPED = "report.tables.json"


@frozen
class Tables:
    terminals: tuple[tuple[str, str], ...]  # (name, regular expression), in the grammar's order
    ignore: frozenset[str]  # terminals that yield no token (%ignore)
    states: tuple[dict[str, tuple[int, int]], ...]  # symbol -> (SHIFT, next state) | (REDUCE, rule)
    rules: tuple[tuple[str, int], ...]  # (origin, number of symbols)
    start: int
    end: int

    def alternation(self, state: int) -> str:
        """The line lexer's pattern in ``state``: the terminals it accepts and those ignored, in the
        grammar's order, each ending at the line's end and then naming itself with an empty group
        (the match's ``lastgroup``)."""
        accepts = self.states[state]
        # "(?![^\n])": followed by a line end or the end of the text, as "(?=\n|\Z)" says, in one
        # test of one character rather than a choice between two. The name comes last, as an empty
        # group, rather than as a group around the terminal: an alternative that fails then sets
        # and restores no group, and one that opens with a character (a tab cell's "\t") is passed
        # over by the engine's first look at that character (about 4 % of the lexer's matching)
        return "|".join(
            f"(?:{regexp})(?![^\\n])(?P<{name}>)"
            for name, regexp in self.terminals
            if name in accepts or name in self.ignore
        )

    def alternations(self) -> list[str]:
        """The line lexer's patterns, one for each set of terminals a state accepts, in order."""
        return sorted({self.alternation(state) for state in range(len(self.states))})

    def as_json(self, grammar: str) -> dict[str, Any]:
        """The tables as stored, with the ``grammar`` they were built from."""
        return {
            "format": STORE_FORMAT,
            "grammar": grammar,
            "terminals": [list(t) for t in self.terminals],
            "ignore": sorted(self.ignore),
            "states": [{k: list(v) for k, v in s.items()} for s in self.states],
            "rules": [list(r) for r in self.rules],
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], grammar: str) -> Tables:
        """The stored tables, if they were built from ``grammar``; ValueError if not."""
        if data.get("format") != STORE_FORMAT:
            raise ValueError("another store format")
        if data.get("grammar") != grammar:
            raise ValueError("the tables of another grammar")
        return cls(
            tuple((name, regexp) for name, regexp in data["terminals"]),
            frozenset(data["ignore"]),
            tuple({k: (v[0], v[1]) for k, v in s.items()} for s in data["states"]),
            tuple((origin, size) for origin, size in data["rules"]),
            data["start"],
            data["end"],
        )


def grammar_path(name: str = "report.lark") -> str:
    """grammars/report.lark (or another file there), installed as the package data of ``gialint.grammars``."""
    spec = importlib.util.find_spec("gialint.grammars")
    assert spec is not None and spec.submodule_search_locations, "gialint.grammars is installed with gialint"
    return os.path.join(next(iter(spec.submodule_search_locations)), name)


def shipped_path() -> str:
    """Where the wheel's tables are (:data:`SHIPPED`; missing in an editable install)."""
    return grammar_path(SHIPPED)


def grammar_text() -> str:
    with open(grammar_path(), encoding="utf-8") as file:
        return file.read()


def build_tables(grammar: str, strict: bool = False) -> Tables:
    """Let lark analyse the grammar; ``strict`` makes any shift/reduce or reduce/reduce conflict an error."""
    from lark import Lark
    from lark.lexer import Lexer
    from lark.parsers.lalr_analysis import Shift

    class _Unused(Lexer):  # lark needs a lexer to build the parser; gialint lexes by itself
        def __init__(self, conf: Any) -> None:
            pass

        def lex(self, lexer_state: Any, parser_state: Any) -> Any:  # pragma: no cover - never called
            raise NotImplementedError

    lark = Lark(grammar, parser="lalr", lexer=_Unused, strict=strict)
    rules = {id(rule): index for index, rule in enumerate(lark.rules)}
    table = lark.parser.parser.parser.parse_table
    states: list[dict[str, tuple[int, int]]] = [{} for _ in range(len(table.states))]
    for state, actions in table.states.items():
        for symbol, (action, arg) in actions.items():
            states[state][symbol] = (SHIFT, arg) if action is Shift else (REDUCE, rules[id(arg)])
    return Tables(
        tuple((t.name, t.pattern.to_regexp()) for t in lark.lexer_conf.terminals),
        frozenset(lark.lexer_conf.ignore),
        tuple(states),
        tuple((rule.origin.name, len(rule.expansion)) for rule in lark.rules),
        table.start_states["start"],
        table.end_states["start"],
    )


def store_path(grammar: str) -> str | None:
    """Where the tables of this grammar are kept: the per-user cache, never a shared directory.

    ``GIALINT_NO_CACHE=1`` keeps nothing on disk (the tables are then built on every start).
    """
    from gialint.base.cachedir import cache_file

    # the name keeps the tables of different grammars apart (two installs sharing the cache);
    # whether a file's tables are this grammar's is decided by the grammar stored in it
    return cache_file(f"tables-{zlib.crc32(grammar.encode('utf-8')):08x}.json")


def load_tables() -> Tables:
    """The tables of the installed grammar: those the wheel ships, else from the per-user store,
    else built (and stored)."""
    from gialint.base.cachedir import read_json, write_json

    grammar = grammar_text()

    def load(data: Any) -> Tables:
        return Tables.from_json(data, grammar)

    # None: missing (an editable install), from another format or grammar, or damaged
    shipped = read_json(shipped_path(), load)
    if shipped is not None:
        return shipped
    path = store_path(grammar)
    stored = read_json(path, load)
    if stored is not None:
        return stored
    tables = build_tables(grammar)
    write_json(path, tables.as_json(grammar))
    return tables
