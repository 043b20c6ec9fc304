"""What a report is held to beyond the format itself: the settings rules read.

These come from the configuration (``empty-cell``, ``year``, ``version``, ``content``; see
docs/configuration.md) and reach every rule as ``self.options``.
"""

from __future__ import annotations

import enum

from attrs import frozen


class EmptyCell(enum.Enum):
    """How a table writes "nothing happened" (what GIA401 and GIA405 enforce)."""

    CONSISTENT = "consistent"  # 0 or a dash, but one of them per table
    ZERO = "zero"  # always 0
    DASH = "dash"  # always a dash


@frozen
class LintOptions:
    empty_cell: EmptyCell = EmptyCell.CONSISTENT
    year: int | None = None  # the report year, for a report that does not state it
    version: str | None = None  # the format version, for a report whose year is unknown
    content: str | None = None  # a file of additions to content.toml (absolute path), the ``content`` key


DEFAULT_OPTIONS = LintOptions()
