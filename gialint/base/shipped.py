"""Package data as parsed when the wheel was built: :func:`toml_data`.

The format model and the signs of a report are TOML files (gialint/formats/*.toml), parsed at
every start; tomllib is pure Python, and parsing the two takes some forty times as long as
reading the same data as JSON. So the wheel ships each beside its TOML as ``NAME.toml.json``
(setup.py writes them), holding the parsed data and the TOML text it was parsed from. It is used
only while that is the text of the TOML beside it, character for character; otherwise (an editable
install, a file edited after the install) the TOML is parsed.
"""

from __future__ import annotations

import json
from typing import Any

#: What the parsed copy of ``NAME.toml`` is called: ``NAME.toml.json``.
PARSED = ".json"


def parsed_copy(text: str) -> dict[str, Any]:
    """What ``NAME.toml.json`` holds for the TOML ``text`` (setup.py writes it)."""
    import tomllib

    return {"source": text, "data": tomllib.loads(text)}


def toml_data(path: str) -> dict[str, Any]:
    """The data of the TOML file at ``path``: from its parsed copy when that was made from it."""
    with open(path, encoding="utf-8") as file:
        text = file.read()
    try:
        with open(path + PARSED, encoding="utf-8") as file:
            shipped = json.load(file)
        if shipped["source"] == text and isinstance(shipped["data"], dict):
            data: dict[str, Any] = shipped["data"]
            return data
    except (OSError, ValueError, KeyError, TypeError):  # none (an editable install), or damaged
        pass
    import tomllib

    return tomllib.loads(text)
