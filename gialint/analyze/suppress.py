"""Inline suppressions: ``<!-- gialint: ignore GIA402 reason -->`` in text and Markdown reports.

Three forms, each on a line of its own (HTML comments: invisible in rendered Markdown,
and skipped by the parser wherever they stand):

* ``<!-- gialint: ignore GIA402,GIA405 reason -->`` — the next line that is neither
  blank nor a comment;
* ``<!-- gialint: disable GIA401 reason -->`` … ``<!-- gialint: enable GIA401 -->`` — the
  lines between (``enable`` without codes ends every open range; an open range runs to
  the end of the file);
* ``<!-- gialint: ignore-file GIA205 reason -->`` — the whole file.

Codes are rule codes, prefixes or names, separated by commas; the rest is the reason.
A finding is suppressed when the line it starts on is covered. A suppression that
matched nothing is reported by GIA901 (unused-suppression), as is a malformed one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from attrs import frozen

from gialint.base.diagnostic import Diagnostic
from gialint.base.precompiled import regex
from gialint.base.selection import selector_form, specificity
from gialint.base.span import Span

_DIRECTIVE = regex(
    r"[ \t\u3000]*<!--[ \t]*gialint[ \t]*:[ \t]*(?P<action>\S*)(?P<rest>.*?)-->[ \t\u3000]*", re.IGNORECASE
)
_COMMENT = regex(r"[ \t\u3000]*<!--.*-->[ \t\u3000]*")
ACTIONS = ("ignore", "ignore-file", "disable", "enable")


@frozen
class Suppression:
    action: str  # ignore | ignore-file | disable
    selectors: tuple[str, ...]
    reason: str
    span: Span  # the comment
    first_line: int  # the lines it covers, inclusive (first > last: none)
    last_line: int

    def covers(self, diagnostic: Diagnostic) -> bool:
        return self.first_line <= diagnostic.span.line <= self.last_line


@frozen
class Malformed:
    """A ``gialint:`` comment gialint cannot read."""

    span: Span
    problem: str  # unknown-action | no-codes | bad-code | stray-enable


@frozen
class Suppressions:
    items: tuple[Suppression, ...] = ()
    malformed: tuple[Malformed, ...] = ()


NONE = Suppressions()


@frozen
class Unmatched:
    """One code of a suppression that suppressed nothing."""

    suppression: Suppression
    selector: str


def find_suppressions(text: str) -> Suppressions:
    """The suppression comments of a report's text (LF line ends)."""
    if "gialint" not in text:
        return NONE
    lines = text.split("\n")
    items: list[Suppression] = []
    malformed: list[Malformed] = []
    open_ranges: list[tuple[int, Suppression]] = []  # (index in items, the disable)
    for index, line in enumerate(lines):
        match = _DIRECTIVE.fullmatch(line)
        if match is None:
            continue
        number = index + 1
        span = Span(number, 1, number, len(line) + 1)
        action = match["action"].lower()
        words = match["rest"].split(None, 1)
        selectors = tuple(s for s in (words[0].split(",") if words else ()) if s)
        reason = words[1].strip() if len(words) > 1 else ""
        if action not in ACTIONS:
            malformed.append(Malformed(span, "unknown-action"))
            continue
        if action == "enable":
            still_open = [(i, s) for i, s in open_ranges if selectors and not set(s.selectors) <= set(selectors)]
            closed = [(i, s) for i, s in open_ranges if (i, s) not in still_open]
            if not closed:
                malformed.append(Malformed(span, "stray-enable"))
            for i, s in closed:
                items[i] = Suppression(s.action, s.selectors, s.reason, s.span, s.first_line, number - 1)
            open_ranges = still_open
            continue
        if not selectors:
            malformed.append(Malformed(span, "no-codes"))
            continue
        if not all(selector_form().match(s) for s in selectors):
            malformed.append(Malformed(span, "bad-code"))
            continue
        if action == "ignore-file":
            first, last = 1, len(lines)
        elif action == "disable":
            first, last = number + 1, len(lines)
        else:
            target = next(
                (i + 1 for i in range(index + 1, len(lines)) if lines[i].strip() and not _COMMENT.fullmatch(lines[i])),
                0,
            )
            first, last = target or 1, target  # no line after it: covers nothing
        items.append(Suppression(action, selectors, reason, span, first, last))
        if action == "disable":
            open_ranges.append((len(items) - 1, items[-1]))
    return Suppressions(tuple(items), tuple(malformed))


def apply_suppressions(
    suppressions: Suppressions, diagnostics: Iterable[Diagnostic]
) -> tuple[list[Diagnostic], list[Unmatched]]:
    """The diagnostics no suppression covers, and every code of a suppression that matched nothing."""
    kept: list[Diagnostic] = []
    used: set[tuple[int, str]] = set()
    for diagnostic in diagnostics:
        hit = False
        for index, suppression in enumerate(suppressions.items):
            if not suppression.covers(diagnostic):
                continue
            for selector in suppression.selectors:
                if specificity(selector, diagnostic.code, diagnostic.name) >= 0:
                    used.add((index, selector))
                    hit = True
        if not hit:
            kept.append(diagnostic)
    unmatched = [
        Unmatched(s, selector)
        for index, s in enumerate(suppressions.items)
        for selector in s.selectors
        if (index, selector) not in used
    ]
    return kept, unmatched


def names_any(selector: str, rules: Sequence[tuple[str, str]]) -> bool:
    """Whether the selector names one of the (code, name) pairs."""
    return any(specificity(selector, code, name) >= 0 for code, name in rules)
