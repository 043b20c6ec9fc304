"""Applying fixes: pass after pass until nothing is left to fix, never making the report worse.

Each pass lints the text, takes the fixes that may be applied (safe ones, and unsafe ones
when asked), leaves out any that overlaps one already taken (it is tried again in the
next pass), applies them and lints again. If the result has a finding at a place where
the text had none (a new ``(code, place)``), the pass is redone fix by fix and a fix that
makes things worse is dropped. Fixes never change a reported figure: each rule's fix
keeps the number a cell reads as (see the rules' *Fix* sections).

Edits are made on the text as it was decoded, line ends included, so that only the
edited characters change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from attrs import frozen

from gialint.base.diagnostic import Diagnostic, Edit, Fix
from gialint.base.precompiled import regex

MAX_PASSES = 10
_LINE = regex(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")

Lint = Callable[[str], Sequence[Diagnostic]]


@frozen
class FixOutcome:
    text: str  # the fixed text (line ends as they were)
    fixed: tuple[Diagnostic, ...]  # the findings whose fixes were applied
    remaining: tuple[Diagnostic, ...]  # the findings of the fixed text
    dropped: tuple[Diagnostic, ...]  # findings whose fix was dropped because it made the report worse

    @property
    def changed(self) -> bool:
        return bool(self.fixed)


def apply_edits(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with the edits made (1-based lines and columns; edits on one line, not overlapping)."""
    lines = _LINE.findall(text)
    by_line: dict[int, list[Edit]] = {}
    for edit in edits:
        by_line.setdefault(edit.span.line, []).append(edit)
    for number, line_edits in by_line.items():
        if not 1 <= number <= len(lines):
            raise ValueError(f"edit on line {number} of a text of {len(lines)} lines")
        line = lines[number - 1]
        body = line.rstrip("\r\n")
        end = line[len(body) :]
        for edit in sorted(line_edits, key=lambda e: e.span.column, reverse=True):
            start, stop = edit.span.column - 1, edit.span.end_column - 1
            if not 0 <= start <= stop <= len(body):
                raise ValueError(f"edit outside line {number}: {edit.span}")
            body = body[:start] + edit.replacement + body[stop:]
        lines[number - 1] = body + end
    if not lines and by_line:
        raise ValueError("edit in an empty text")
    return "".join(lines)


def _overlaps(a: Edit, b: Edit) -> bool:
    if a.span.line != b.span.line:
        return False
    a0, a1, b0, b1 = a.span.column, a.span.end_column, b.span.column, b.span.end_column
    return (a0 < b1 and b0 < a1) or a0 == b0  # two insertions at one point overlap too


def applicable(diagnostics: Sequence[Diagnostic], unsafe: bool) -> list[Diagnostic]:
    """The findings whose fixes can go into one pass: applicable, and not overlapping."""
    taken: list[Diagnostic] = []
    edits: list[Edit] = []
    for d in sorted(diagnostics, key=lambda d: d.sort_key):
        fix: Fix | None = d.fix
        if fix is None or not (fix.is_safe or unsafe):
            continue
        if any(_overlaps(e, other) for e in fix.edits for other in edits):
            continue
        if any(_overlaps(e, other) for i, e in enumerate(fix.edits) for other in fix.edits[i + 1 :]):
            continue
        taken.append(d)
        edits.extend(fix.edits)
    return taken


def _places(diagnostics: Iterable[Diagnostic]) -> Counter[tuple[str, tuple[str, ...]]]:
    return Counter((d.code, d.place) for d in diagnostics)


def worse(before: Sequence[Diagnostic], after: Sequence[Diagnostic]) -> bool:
    old = _places(before)
    return any(count > old[key] for key, count in _places(after).items())


def fix_text(text: str, lint: Lint, unsafe: bool = False) -> FixOutcome:
    """Fix ``text``; ``lint`` gives the findings of a text (with their fixes and places)."""
    found = list(lint(text))
    fixed: list[Diagnostic] = []
    dropped: list[Diagnostic] = []
    for _ in range(MAX_PASSES):
        chosen = [d for d in applicable(found, unsafe) if d not in dropped]
        if not chosen:
            break
        candidate = apply_edits(text, (e for d in chosen if d.fix is not None for e in d.fix.edits))
        after = list(lint(candidate))
        if worse(found, after):
            # One at a time, each judged on its own; a fix on a line already edited in this
            # round waits for the next pass (its columns were for the old line).
            edited: set[int] = set()
            progress = False
            for d in chosen:
                assert d.fix is not None
                lines = {e.span.line for e in d.fix.edits}
                if lines & edited:
                    continue
                trial = apply_edits(text, d.fix.edits)
                trial_found = list(lint(trial))
                if worse(found, trial_found):
                    dropped.append(d)
                    continue
                text, found, progress = trial, trial_found, True
                fixed.append(d)
                edited |= lines
            if not progress:
                break
            continue
        fixed.extend(chosen)
        text, found = candidate, after
    return FixOutcome(text, tuple(fixed), tuple(found), tuple(dropped))
