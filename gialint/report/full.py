"""Output for people: each finding with its place, the source line with the cell marked, a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from gialint.api import LintResult
from gialint.diagnostic import Diagnostic, Severity
from gialint.report import FileError, ReportOptions, where

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
LABELS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
TAB = 4


def _expand(text: str) -> str:
    return text.expandtabs(TAB)


def frame(console: Console, lines: Sequence[str], d: Diagnostic, numbered: bool) -> None:
    """The line with the span underlined; numbered when the text is the file (not extracted from it)."""
    line_no = d.span.line
    if not 1 <= line_no <= len(lines):
        return
    line = lines[line_no - 1]
    start = min(d.span.column - 1, len(line))
    end = len(line) if d.span.end_line > line_no else min(max(d.span.end_column - 1, start), len(line))
    shown = _expand(line)
    before = cell_len(_expand(line[:start]))
    width = max(1, cell_len(_expand(line[:end])) - before)
    gutter = str(line_no) if numbered else " "
    pad = " " * len(gutter)
    console.print(f"[dim]{pad} │[/]")
    console.print(f"[dim]{gutter} │[/] {escape(shown)}", soft_wrap=True)
    console.print(f"[dim]{pad} │[/] {' ' * before}[{STYLES[d.severity]}]{'^' * width}[/]")


def _summary(results: Sequence[LintResult], errors: Sequence[FileError], lang: str) -> str:
    counts = Counter(d.severity for r in results for d in r.diagnostics)
    total = sum(counts.values())
    files = len(results) + len(errors)
    if lang == "en":
        text = (
            f"Found {total} problem{'s' if total != 1 else ''} ({counts[Severity.ERROR]} errors, "
            f"{counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} info) in {files} file{'s' if files != 1 else ''}."
        )
        if errors:
            text += f" {len(errors)} file{'s' if len(errors) != 1 else ''} could not be read."
        return text
    text = (
        f"共检查 {files} 个文件，发现 {total} 个问题（错误 {counts[Severity.ERROR]}，"
        f"警告 {counts[Severity.WARNING]}，提示 {counts[Severity.INFO]}）。"
    )
    if errors:
        text += f"{len(errors)} 个文件无法读取。"
    return text


def report_full(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    console = Console(
        file=out,
        force_terminal=options.color,
        no_color=options.color is False,
        highlight=False,
        width=None if out.isatty() else 10_000,
    )
    labels = LABELS["en" if options.lang == "en" else "zh"]
    for result in results:
        lines = result.text.split("\n")
        path = result.path or "-"
        numbered = result.file_format in ("text", "markdown")
        for d in result.diagnostics:
            style = STYLES[d.severity]
            console.print(
                f"[bold]{escape(where(path, d, options.lang))}:[/] [{style}]{d.code}[/] [{style}]{labels[d.severity]}[/] "
                f"{escape(d.message.get(options.lang))} [dim]({d.name})[/]",
                soft_wrap=True,
            )
            frame(console, lines, d, numbered)
            console.print()
    if not options.quiet:
        if len(results) + len(errors) > 1 and any(r.diagnostics for r in results):
            console.print(_rule_table(results, options.lang))
        console.print(_summary(results, errors, options.lang))


HEADERS = {
    "zh": ("规则", "名称", "级别", "问题数", "涉及文件"),
    "en": ("Rule", "Name", "Severity", "Findings", "Files"),
}


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
    labels = LABELS["en" if lang == "en" else "zh"]
    headers = HEADERS["en" if lang == "en" else "zh"]
    table = Table(*headers, box=None, pad_edge=False, show_edge=False)
    for column in table.columns[3:]:
        column.justify = "right"
    for code, count in sorted(findings.items(), key=lambda item: (-item[1], item[0])):
        d = first[code]
        style = STYLES[d.severity]
        table.add_row(f"[{style}]{code}[/]", d.name, f"[{style}]{labels[d.severity]}[/]", str(count), str(files[code]))
    return table
