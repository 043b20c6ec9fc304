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
#: For each indentation: see :func:`_pad`.
_PADS: Final[dict[str, tuple[str, str, str, str]]] = {}


def _key(key: str) -> str:
    written = _KEYS.get(key)
    if written is None:
        written = encode_basestring(key) + ": "
        if len(_KEYS) < _MOST_KEYS:
            _KEYS[key] = written
    return written


def _pad(pad: str) -> tuple[str, str, str, str]:
    """For a list or dict at indentation ``pad``: its items' indentation, what comes before its
    first item, between two items, and before its closing bracket."""
    found = _PADS.get(pad)
    if found is None:
        inner = pad + "  "
        found = (inner, "\n" + inner, ",\n" + inner, "\n" + pad)
        if len(_PADS) < _MOST_KEYS:
            _PADS[pad] = found
    return found


def indented(data: Any, pad: str = "") -> str:
    """``data`` as ``json.dumps(data, indent=2, ensure_ascii=False)`` writes it, every line after
    the first indented by ``pad`` more (tests/report/test_streaming.py holds them equal)."""
    parts: list[str] = []
    _write(data, pad, parts)
    return "".join(parts)


def _write(data: Any, pad: str, parts: list[str]) -> None:
    """``data``'s text added to ``parts``, joined once at the end (not a string made at each level).
    A string or whole number inside a list or dict is written in the loop, not by a call: most
    values of a finding are."""
    kind = type(data)
    if kind is str:
        parts.append(encode_basestring(data))
    elif kind is dict and all(type(key) is str for key in data):
        if not data:
            parts.append("{}")
            return
        inner, separator, between, close = _pad(pad)
        parts.append("{")
        for key, item in data.items():
            parts.append(separator)
            parts.append(_KEYS.get(key) or _key(key))
            kind = type(item)
            if kind is str:
                parts.append(encode_basestring(item))
            elif kind is int:
                parts.append(int.__repr__(item))
            else:
                _write(item, inner, parts)
            separator = between
        parts.append(close + "}")
    elif kind is list or kind is tuple:  # (the dict's loop again: one helper for both, tried,
        # was slower: 6.8 against 5.8 µs a finding compiled, 11.0 against 8.8 pure Python)
        if not data:
            parts.append("[]")
            return
        inner, separator, between, close = _pad(pad)
        parts.append("[")
        for item in data:
            parts.append(separator)
            kind = type(item)
            if kind is str:
                parts.append(encode_basestring(item))
            elif kind is int:
                parts.append(int.__repr__(item))
            else:
                _write(item, inner, parts)
            separator = between
        parts.append(close + "]")
    elif kind is int:
        parts.append(int.__repr__(data))
    elif data is None or kind is bool:
        parts.append(_CONSTANTS[data])
    else:  # floats, and anything else
        parts.append(json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n" + pad))
