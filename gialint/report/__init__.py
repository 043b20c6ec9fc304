"""Reporters: how diagnostics are printed. ``full`` (rich, for people), ``concise``, ``json``.

A reporter is a function ``(results, errors, options, stream) -> None``; the CLI picks one
by name from :data:`REPORTERS`. New formats (SARIF, GitHub, JUnit) plug in here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TextIO

from attrs import frozen

from gialint.api import LintResult


@frozen
class FileError:
    """A file that could not be read or linted."""

    path: str
    message: str


@frozen
class ReportOptions:
    lang: str = "zh"
    color: bool | None = None  # None: decide from the terminal


Reporter = Callable[[Sequence[LintResult], Sequence[FileError], ReportOptions, TextIO], None]


def get_reporter(name: str) -> Reporter:
    if name == "json":
        from gialint.report.json_format import report_json

        return report_json
    if name == "concise":
        from gialint.report.concise import report_concise

        return report_concise
    from gialint.report.full import report_full

    return report_full


REPORTERS = ("full", "concise", "json")
