"""Output for people: each finding with its place, the source line with the cell marked, a summary.

Colour comes from rich. Without colour (output piped, as in pre-commit, or ``--no-color``)
the same lines are written directly, so a run that colours nothing does not load rich's
console: that is a fifth of gialint's start-up. A test holds the two outputs equal.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TextIO

from attrs import evolve
from rich.cells import cell_len

from gialint.base import catalogue as msg
from gialint.base.diagnostic import LANGUAGES, Diagnostic, Severity
from gialint.base.messages import say
from gialint.lint.result import LintResult
from gialint.report import FileError, ReportOptions, shown, totals, visible, where

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

Part = tuple[str, str | None]  # text, and the rich style it is shown in


class Printer(Protocol):
    def line(self, *parts: Part) -> None: ...


class PlainPrinter:
    """Lines as rich prints them with colour off."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def line(self, *parts: Part) -> None:
        self.out.write(visible("".join(text for text, _ in parts)) + "\n")


class RichPrinter:
    def __init__(self, console: Console) -> None:
        from rich.markup import escape

        self.console = console
        self._escape = escape

    def line(self, *parts: Part) -> None:
        escape = self._escape
        markup = "".join(
            f"[{style}]{escape(visible(text))}[/]" if style else escape(visible(text)) for text, style in parts
        )
        self.console.print(markup, soft_wrap=True)


def wants_colour(options: ReportOptions, out: TextIO) -> bool:
    """What rich would decide: --color/--no-color, else a terminal (or FORCE_COLOR), never with NO_COLOR."""
    if options.color is not None:
        return options.color
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or out.isatty()


def make_console(out: TextIO, colour: bool) -> Console:
    from rich.console import Console

    return Console(
        file=out,
        force_terminal=colour,
        no_color=not colour,
        highlight=False,
        emoji=False,
        width=None if out.isatty() else 10_000,
    )


STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
LABELS = {lang: {severity: text.get(lang) for severity, text in msg.SEVERITY.items()} for lang in LANGUAGES}
TAB = 4
FIXED_FORMATS = ("text", "markdown", "docx")


def _expand(text: str) -> str:
    """A source line as the frame shows it: tabs expanded, control characters escaped."""
    return visible(text).expandtabs(TAB)


#: The most characters of a source line a frame shows: a long paragraph line (or a file of one
#: line of megabytes) is cut around the marked part, with "…" where it was cut.
FRAME_CHARS = 120
_CONTEXT = 40


def _window(line: str, start: int, end: int) -> tuple[str, int, int]:
    """``line`` cut to at most :data:`FRAME_CHARS` characters around ``line[start:end]`` (which
    keeps its start), and the marked part's bounds in what is shown."""
    if len(line) <= FRAME_CHARS:
        return line, start, end
    left = max(0, start - _CONTEXT)
    right = min(len(line), max(end, start + 1) + _CONTEXT, left + FRAME_CHARS)
    prefix, suffix = ("…" if left > 0 else ""), ("…" if right < len(line) else "")
    shift = len(prefix) - left
    return prefix + line[left:right] + suffix, start + shift, min(end, right) + shift


def frame(printer: Printer, lines: Sequence[str], d: Diagnostic, numbered: bool) -> None:
    """The line with the span underlined; numbered when the text is the file (not extracted from it)."""
    line_no = d.span.line
    if not 1 <= line_no <= len(lines):
        return
    line = lines[line_no - 1]
    start = min(d.span.column - 1, len(line))
    end = len(line) if d.span.end_line > line_no else min(max(d.span.end_column - 1, start), len(line))
    line, start, end = _window(line, start, end)
    shown = _expand(line)
    before = cell_len(_expand(line[:start]))
    width = max(1, cell_len(_expand(line[:end])) - before)
    gutter = str(line_no) if numbered else " "
    pad = " " * len(gutter)
    printer.line((f"{pad} │", "dim"))
    printer.line((f"{gutter} │", "dim"), (f" {shown}", None))
    printer.line((f"{pad} │", "dim"), (f" {' ' * before}", None), ("^" * width, STYLES[d.severity]))


#: How many of a finding's related places are listed under its frame (all are in JSON and SARIF).
RELATED_SHOWN = 3


def _related(printer: Printer, path: str, d: Diagnostic, lang: str) -> None:
    """The first few places that explain a finding (the cells a sum or a count is made of)."""
    if not d.related:
        return
    for related in d.related[:RELATED_SHOWN]:
        place = evolve(d, span=related.span, location=related.location)
        file = shown(related.file) if related.file is not None else path
        printer.line(("   = ", "dim"), (f"{where(file, place, lang)}: {related.label}", None))
    more = len(d.related) - RELATED_SHOWN
    if more > 0:
        printer.line(("   = ", "dim"), (say(msg.RELATED_MORE, more=more).get(lang), "dim"))


def _summary(results: Sequence[LintResult], errors: Sequence[FileError], lang: str) -> str:
    # --fix writes text, Markdown and (into a copy) Word reports; .html and .pdf are what was published
    fixable = sum(
        1
        for r in results
        if r.file_format in FIXED_FORMATS
        for d in r.diagnostics
        if d.fix is not None and d.fix.is_safe
    )
    text = say(msg.SUMMARY_FOUND, **totals(results, errors)).get(lang)
    if fixable:
        text += say(msg.SUMMARY_FIXABLE, count=fixable).get(lang)
    if errors:
        text += say(msg.SUMMARY_UNREADABLE, count=len(errors)).get(lang)
    return text


def report_full(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    colour = wants_colour(options, out)
    printer: Printer = RichPrinter(make_console(out, True)) if colour else PlainPrinter(out)
    labels = LABELS[options.lang]
    for result in results:
        lines = result.text.split("\n")
        path = shown(result.path)
        numbered = result.file_format in ("text", "markdown")
        for d in result.diagnostics:
            style = STYLES[d.severity]
            printer.line(
                (f"{where(path, d, options.lang)}:", "bold"),
                (" ", None),
                (d.code, style),
                (" ", None),
                (labels[d.severity], style),
                (f" {d.message.get(options.lang)} ", None),
                (f"({d.name})", "dim"),
            )
            frame(printer, lines, d, numbered)
            _related(printer, path, d, options.lang)
            printer.line()
    if not options.quiet:
        if len(results) + len(errors) > 1 and any(r.diagnostics for r in results):
            make_console(out, colour).print(_rule_table(results, options.lang))
        printer.line((_summary(results, errors, options.lang), None))


def _rule_table(results: Sequence[LintResult], lang: str) -> Table:
    """The closing table of a run over many files: findings and files per rule, most frequent first."""
    findings: Counter[str] = Counter()
    files: Counter[str] = Counter()
    first: dict[str, Diagnostic] = {}
    for r in results:
        for code in {d.code for d in r.diagnostics}:
            files[code] += 1
        for d in r.diagnostics:
            findings[d.code] += 1
            first.setdefault(d.code, d)
    labels = LABELS[lang]
    headers = [header.get(lang) for header in msg.RUN_HEADERS]
    from rich.table import Table

    table = Table(*headers, box=None, pad_edge=False, show_edge=False)
    for column in table.columns[3:]:
        column.justify = "right"
    for code, count in sorted(findings.items(), key=lambda item: (-item[1], item[0])):
        d = first[code]
        style = STYLES[d.severity]
        table.add_row(f"[{style}]{code}[/]", d.name, f"[{style}]{labels[d.severity]}[/]", str(count), str(files[code]))
    return table
