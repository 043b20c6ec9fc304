"""JSON as ``json.dumps(data, indent=2, ensure_ascii=False)`` writes it, fast: :func:`indented`.

The json module writes indented JSON with its pure-Python encoder (its C encoder serves only
``indent=None``), which was most of a warm run's time with ``--format json`` or ``sarif``. This
module writes the same text, and is compiled with mypyc (gialint/compiled.py).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any, Final

_CONSTANTS: Final = {None: "null", True: "true", False: "false"}
#: Keys as written, with their colon: a run writes the same few keys thousands of times.
_KEYS: Final[dict[str, str]] = {}
_MOST_KEYS: Final = 512


def _key(key: str) -> str:
    written = _KEYS.get(key)
    if written is None:
        written = encode_basestring(key) + ": "
        if len(_KEYS) < _MOST_KEYS:
            _KEYS[key] = written
    return written


def indented(data: Any, pad: str = "") -> str:
    """``data`` as ``json.dumps(data, indent=2, ensure_ascii=False)`` writes it, every line after
    the first indented by ``pad`` more (tests/report/test_streaming.py holds them equal)."""
    kind = type(data)
    if kind is str:
        return encode_basestring(data)
    if kind is dict and all(type(key) is str for key in data):
        if not data:
            return "{}"
        inner = pad + "  "
        fields = [_key(key) + indented(item, inner) for key, item in data.items()]
        return "{\n" + inner + (",\n" + inner).join(fields) + "\n" + pad + "}"
    if kind is list or kind is tuple:
        if not data:
            return "[]"
        inner = pad + "  "
        return "[\n" + inner + (",\n" + inner).join([indented(item, inner) for item in data]) + "\n" + pad + "]"
    if kind is int:
        return int.__repr__(data)
    if data is None or kind is bool:
        return _CONSTANTS[data]
    return json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)  # floats, and anything else
