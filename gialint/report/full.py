"""Output for people: each finding with its place, the source line with the cell marked, a summary.

Colour comes from rich. Without colour (output piped, as in pre-commit, or ``--no-color``)
the same lines are written directly, so a run that colours nothing does not load rich's
console: that is a fifth of gialint's start-up. A test holds the two outputs equal.
"""

from __future__ import annotations

import io
import os
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, TextIO

from attrs import evolve
from rich.cells import cell_len

from gialint.base import catalogue as msg
from gialint.base.diagnostic import LANGUAGES, Diagnostic, Severity
from gialint.base.messages import say, severity_labels
from gialint.lint.result import LintResult
from gialint.report import FileError, ReportOptions, shown, visible, where
from gialint.report.stream import Writer, write_all
from gialint.report.tally import Tally

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
LABELS = {lang: severity_labels(lang) for lang in LANGUAGES}
TAB = 4


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


def _summary(tally: Tally, lang: str) -> str:
    # --fix writes text, Markdown and (into a copy) Word reports; .html and .pdf are what was published
    text = say(msg.SUMMARY_FOUND, **tally.totals()).get(lang)
    if tally.fixable_here:
        text += say(msg.SUMMARY_FIXABLE, count=tally.fixable_here).get(lang)
    if tally.unreadable:
        text += say(msg.SUMMARY_UNREADABLE, count=tally.unreadable).get(lang)
    return text


class FullWriter(Writer):
    """Each file's findings with their frames, in one write; the table per rule and the totals at the end."""

    def __init__(self, options: ReportOptions, out: TextIO) -> None:
        super().__init__(options, out)
        self.colour = wants_colour(options, out)
        self.buffer = io.StringIO()
        self.console = make_console(out, True) if self.colour else None
        self.printer: Printer = RichPrinter(self.console) if self.console is not None else PlainPrinter(self.buffer)
        self.labels = LABELS[options.lang]

    def chunk(self, result: LintResult) -> str:
        if not result.diagnostics:
            return ""
        if self.console is not None:
            self.console.begin_capture()
        printer, lang = self.printer, self.options.lang
        lines = result.text.split("\n")
        path = shown(result.path)
        numbered = result.file_format in ("text", "markdown")
        for d in result.diagnostics:
            style = STYLES[d.severity]
            printer.line(
                (f"{where(path, d, lang)}:", "bold"),
                (" ", None),
                (d.code, style),
                (" ", None),
                (self.labels[d.severity], style),
                (f" {d.message.get(lang)} ", None),
                (f"({d.name})", "dim"),
            )
            frame(printer, lines, d, numbered)
            _related(printer, path, d, lang)
            printer.line()
        if self.console is not None:
            return self.console.end_capture()
        text = self.buffer.getvalue()
        self.buffer.seek(0)
        self.buffer.truncate()
        return text

    def finish(self) -> None:
        if self.options.quiet:
            return
        tally, out = self.tally, self.out
        printer: Printer = RichPrinter(self.console) if self.console is not None else PlainPrinter(out)
        if tally.files > 1 and tally.findings:
            make_console(out, self.colour).print(_rule_table(tally, self.options.lang))
        printer.line((_summary(tally, self.options.lang), None))


def report_full(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    write_all(FullWriter(options, out), results, errors)


def _rule_table(tally: Tally, lang: str) -> Table:
    """The closing table of a run over many files: findings and files per rule, most frequent first."""
    findings: Counter[str] = Counter()
    for (code, _), count in tally.by_rule.items():
        findings[code] += count
    labels = LABELS[lang]
    headers = [header.get(lang) for header in msg.RUN_HEADERS]
    from rich.table import Table

    table = Table(*headers, box=None, pad_edge=False, show_edge=False)
    for column in table.columns[3:]:
        column.justify = "right"
    for code, count in sorted(findings.items(), key=lambda item: (-item[1], item[0])):
        name, severity = tally.first[code]
        style = STYLES[severity]
        table.add_row(
            f"[{style}]{code}[/]",
            name,
            f"[{style}]{labels[severity]}[/]",
            str(count),
            str(tally.files_by_code[code]),
        )
    return table
