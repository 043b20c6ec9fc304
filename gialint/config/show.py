"""``gialint config``: the resolved settings written as a configuration file would hold them."""

from __future__ import annotations

import json
from typing import Any

from gialint.config.settings import Settings


def _value(value: Any) -> str:
    """A TOML value for the settings' types: strings, integers, lists of strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def as_toml(settings: Settings) -> str:
    lines = ["# gialint settings"]
    if settings.files:
        lines.append("# from: " + " <- ".join(reversed(settings.files)))
    else:
        lines.append("# from: no configuration file (defaults)")
    tables: list[str] = []
    for key, value in settings.as_dict().items():
        if isinstance(value, dict):
            tables.append(f"\n[{key}]")
            tables.extend(f"{json.dumps(k, ensure_ascii=False)} = {_value(v)}" for k, v in value.items())
        else:
            lines.append(f"{key} = {_value(value)}")
    return "\n".join(lines + tables) + "\n"
