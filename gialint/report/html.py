"""``--format html``: one self-contained review page for people (a clerk, an evaluator).

Per report: the text as gialint read it with every finding marked at its place, the statistics
tables drawn as grids (a wrong cell marked, the expected value beside the one found, the cells of
a failing sum linked to it), and the findings, filterable by severity and rule; for several
reports an index and a chart of findings per rule. Everything is in the one file — styles,
a few lines of script, the chart as SVG drawn here — so it opens from a USB stick with no network.

The page is a Jinja2 template with autoescaping on: every piece of a report (its text, cells,
path, the messages that quote it) is untrusted input and reaches the page escaped, with control
characters shown as escapes (:func:`gialint.report.visible`).
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Sequence
from importlib import resources
from typing import TYPE_CHECKING, Any, TextIO

from attrs import frozen

from gialint._version import __version__
from gialint.lint.result import LintResult
from gialint.report import FileError, ReportOptions, shown, visible
from gialint.report.full import LABELS
from gialint.report.review_page import ReportPage, per_rule, review_page

if TYPE_CHECKING:
    import jinja2


@frozen
class Bar:
    code: str
    severity: str
    count: int
    y: int
    width: int


#: The chart of findings per rule: pixels.
BAR_HEIGHT, BAR_GAP, BAR_LEFT, BAR_SPAN = 16, 6, 64, 360


def chart(pages: Sequence[ReportPage]) -> tuple[Bar, ...]:
    """One bar per rule, most findings first, the longest :data:`BAR_SPAN` wide."""
    rules = list(per_rule(pages))
    most = max((count for _, _, count in rules), default=1)
    return tuple(
        Bar(code, severity, count, i * (BAR_HEIGHT + BAR_GAP), max(1, round(count * BAR_SPAN / most)))
        for i, (code, severity, count) in enumerate(rules)
    )


@functools.cache
def words(lang: str) -> dict[str, str]:
    """The page's words in ``lang`` (gialint/report/review.toml)."""
    data = tomllib.loads(resources.files("gialint.report").joinpath("review.toml").read_text(encoding="utf-8"))
    table: dict[str, str] = data["en" if lang == "en" else "zh"]
    return table


@functools.cache
def template() -> jinja2.Template:
    """The page's template, compiled once."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("gialint.report", "templates"),
        autoescape=True,  # every template, whatever its name: report text must never become markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env.get_template("review.html.j2")


def render(results: Sequence[LintResult], errors: Sequence[FileError], lang: str) -> str:
    pages = [review_page(result, i, lang) for i, result in enumerate(results, 1)]
    bars = chart(pages)
    context: dict[str, Any] = {
        "t": words(lang),
        "severities": {s.label: text for s, text in LABELS[lang].items()},
        "pages": pages,
        "errors": [(visible(shown(e.path)), visible(e.message.get(lang))) for e in errors],
        "rules": sorted({f.code: f.name for p in pages for f in p.findings}.items()),
        "bars": bars,
        "bar": {"height": BAR_HEIGHT, "left": BAR_LEFT, "span": BAR_SPAN, "gap": BAR_GAP},
        "version": __version__,
    }
    return template().render(context)


def report_html(
    results: Sequence[LintResult], errors: Sequence[FileError], options: ReportOptions, out: TextIO
) -> None:
    out.write(render(results, errors, options.lang))
