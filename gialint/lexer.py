"""A contextual line lexer for Lark: every line of the text is one token.

Lark's own contextual lexer tries, at each point, only the terminals the parser can
accept there. This lexer does the same, one whole line at a time: among the terminals
the LALR parser accepts in its current state, the first one in the grammar's order
whose pattern matches the complete line gives the line its type. Patterns may look
ahead at the following lines (``PIPE_CELL`` needs the next line to be a lone "|"),
which a character-level lexer cannot express.

Ignored terminals (``%ignore``) match where nothing else does and yield no token;
a line matching the ``COMMENT`` terminal is skipped before anything else is tried, so
a comment line may stand anywhere, even between the cells of a table.
The text given to the lexer uses "\\n" line ends (see :func:`gialint.parse.normalize_newlines`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lark.common import LexerConf
from lark.lexer import Lexer, Token


class LineLexer(Lexer):
    __future_interface__ = 1

    def __init__(self, conf: LexerConf) -> None:
        self._terminals = [(t.name, t.pattern.to_regexp()) for t in conf.terminals]
        self._ignore = frozenset(conf.ignore)
        self._by_state: dict[int, re.Pattern[str]] = {}
        comment = next((regexp for name, regexp in self._terminals if name == "COMMENT"), None)
        self._comment = re.compile(comment) if comment is not None else None

    def _pattern(self, state: int, accepts: Any) -> re.Pattern[str]:
        pattern = self._by_state.get(state)
        if pattern is None:
            alternatives = [
                f"(?P<{name}>{regexp})(?=\\n|\\Z)"
                for name, regexp in self._terminals
                if name in accepts or name in self._ignore
            ]
            pattern = self._by_state[state] = re.compile("|".join(alternatives))
        return pattern

    def lex(self, lexer_state: Any, parser_state: Any) -> Iterator[Token]:
        text: str = getattr(lexer_state.text, "text", lexer_state.text)
        states = parser_state.parse_conf.parse_table.states
        size = len(text)
        pos, line = 0, 1
        while pos < size:
            end = text.find("\n", pos)
            if end < 0:
                end = size
            comment = self._comment
            if comment is not None and text.find("<!--", pos, end) >= 0 and comment.fullmatch(text, pos, end):
                pos, line = end + 1, line + 1
                continue
            state = parser_state.position
            match = self._pattern(state, states[state]).match(text, pos)
            kind = match.lastgroup if match is not None else "TEXT"
            if kind not in self._ignore:
                yield Token(
                    kind,  # type: ignore[arg-type]
                    text[pos:end],
                    start_pos=pos,
                    line=line,
                    column=1,
                    end_line=line,
                    end_column=end - pos + 1,
                    end_pos=end,
                )
            pos, line = end + 1, line + 1
