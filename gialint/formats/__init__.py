"""The official report formats, loaded from ``formats.toml``."""

from gialint.formats.model import (
    BlockSpec,
    ColumnSpec,
    FormatModel,
    Identity,
    RowSpec,
    SectionSpec,
    TableSpec,
    Template,
    TemplateRow,
    Version,
    load,
)

__all__ = [
    "BlockSpec",
    "ColumnSpec",
    "FormatModel",
    "Identity",
    "RowSpec",
    "SectionSpec",
    "TableSpec",
    "Template",
    "TemplateRow",
    "Version",
    "load",
]
