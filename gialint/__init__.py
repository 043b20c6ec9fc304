"""gialint — a linter for 政府信息公开工作年度报告 (government information disclosure annual reports).

>>> import gialint
>>> result = gialint.lint_text(open("report.txt", encoding="utf-8").read())  # doctest: +SKIP
>>> [(d.code, d.span.line) for d in result.diagnostics]  # doctest: +SKIP

The names below are imported when first used, so that ``import gialint.something`` —
the command line does it — loads only what it asks for: a run answered by the result
cache never imports the parser or the rules.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from gialint._version import __version__


def _serve_the_source_tree() -> None:
    """Let this package run from a checkout as it runs installed.

    ``grammars/`` and ``rules/`` stand beside the package in the repository and are installed
    inside it (``gialint.grammars``, ``gialint.rules``: setuptools ``package-dir``). Run from the
    repository root, ``python -m gialint`` — or a script there — imports this source tree, the
    working directory coming first on ``sys.path``, and found neither. Here the package looks
    for its subpackages beside itself too; installed, where they are inside it, nothing changes.
    """
    import os

    package = os.path.dirname(__file__)
    if not os.path.isdir(os.path.join(package, "grammars")):
        root = os.path.dirname(package)
        if os.path.isfile(os.path.join(root, "grammars", "report.lark")):
            __path__.append(root)


_serve_the_source_tree()

#: Each public name and the module that defines it.
_EXPORTS = {
    "Applicability": "gialint.base.diagnostic",
    "ConfigError": "gialint.config",
    "Diagnostic": "gialint.base.diagnostic",
    "Document": "gialint.analyze.document",
    "Edit": "gialint.base.diagnostic",
    "ExtractRun": "gialint.run.extract",
    "FileError": "gialint.lint.result",
    "Fix": "gialint.base.diagnostic",
    "Limits": "gialint.read.limits",
    "LintResult": "gialint.lint.result",
    "ReadError": "gialint.read.source",
    "Rule": "gialint.lint.rule",
    "SelectionError": "gialint.base.selection",
    "Settings": "gialint.config.settings",
    "Severity": "gialint.base.diagnostic",
    "Span": "gialint.base.span",
    "Text": "gialint.base.diagnostic",
    "extract": "gialint.run.extract",
    "lint_bytes": "gialint.run.api",
    "lint_path": "gialint.run.api",
    "lint_paths": "gialint.run.batch",
    "lint_text": "gialint.run.api",
    "parse_text": "gialint.run.api",
    "settings_for": "gialint.run.api",
}

# written out for tools that read it without running this file; a test keeps it equal to _EXPORTS
__all__ = [
    "Applicability",
    "ConfigError",
    "Diagnostic",
    "Document",
    "Edit",
    "ExtractRun",
    "FileError",
    "Fix",
    "Limits",
    "LintResult",
    "ReadError",
    "Rule",
    "SelectionError",
    "Settings",
    "Severity",
    "Span",
    "Text",
    "__version__",
    "extract",
    "lint_bytes",
    "lint_path",
    "lint_paths",
    "lint_text",
    "parse_text",
    "settings_for",
]

if TYPE_CHECKING:
    from gialint.analyze.document import Document
    from gialint.base.diagnostic import Applicability, Diagnostic, Edit, Fix, Severity, Text
    from gialint.base.selection import SelectionError
    from gialint.base.span import Span
    from gialint.config import ConfigError
    from gialint.config.settings import Settings
    from gialint.lint.result import FileError, LintResult
    from gialint.lint.rule import Rule
    from gialint.read.limits import Limits
    from gialint.read.source import ReadError
    from gialint.run.api import lint_bytes, lint_path, lint_text, parse_text, settings_for
    from gialint.run.batch import lint_paths
    from gialint.run.extract import ExtractRun, extract


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'gialint' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # found directly from now on
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
