"""gialint — a linter for 政府信息公开工作年度报告 (government information disclosure annual reports).

>>> import gialint
>>> result = gialint.lint_text(open("report.txt", encoding="utf-8").read())  # doctest: +SKIP
>>> [(d.code, d.span.line) for d in result.diagnostics]  # doctest: +SKIP
"""

from typing import TYPE_CHECKING, Any

from gialint._version import __version__
from gialint.api import FileError, LintResult, lint_bytes, lint_path, lint_text, parse_text, settings_for
from gialint.config import ConfigError
from gialint.config.settings import Settings
from gialint.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity, Text
from gialint.document import Document
from gialint.readers.limits import Limits
from gialint.rule import Rule
from gialint.source import ReadError
from gialint.span import Span

__all__ = [
    "Applicability",
    "ConfigError",
    "Diagnostic",
    "Document",
    "Edit",
    "FileError",
    "Fix",
    "Limits",
    "LintResult",
    "ReadError",
    "Rule",
    "Settings",
    "Severity",
    "Span",
    "Text",
    "__version__",
    "lint_bytes",
    "lint_path",
    "lint_paths",
    "lint_text",
    "parse_text",
    "settings_for",
]

if TYPE_CHECKING:
    from gialint.batch import lint_paths


def __getattr__(name: str) -> Any:
    # lint_paths brings the cache and process pools: imported when first used
    if name == "lint_paths":
        from gialint.batch import lint_paths

        return lint_paths
    raise AttributeError(f"module 'gialint' has no attribute {name!r}")
