"""Regular expressions shipped compiled (gialint.base.precompiled).

A pattern restored from its stored program is the pattern ``re.compile`` makes; a store for
another interpreter or format, or a damaged one, is not used (the pattern is compiled); and the
patterns gialint records for the wheel are the same in every process, whatever its string hashes.
tests/test_install.py checks that a wheel ships them and that a run from it compiles none.
"""

from __future__ import annotations

import array
import json
import marshal
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gialint.base import precompiled
from gialint.base.precompiled import INTERPRETER, STORE_FORMAT, regex, store
from gialint.parse.tables import load_tables

_ATOMS = st.sampled_from(
    [
        "a",
        "一",
        "年",
        r"\d",
        r"\s",
        r"[ \t\u3000]",
        r"[^\s。；;]",
        "[一-鿿]",
        "[㐀-䶿豈-\ufaff]",
        ".",
        r"\b",
        "x{2,4}",
        "$",
    ]
)


def _joined(parts: list[str]) -> str:
    return "".join(parts)


_PATTERNS = st.recursive(
    _ATOMS,
    lambda inner: st.one_of(
        st.lists(inner, min_size=1, max_size=4).map(_joined),
        st.tuples(inner, inner).map(lambda pair: f"{pair[0]}|{pair[1]}"),
        inner.map(lambda p: f"(?:{p})*"),
        inner.map(lambda p: f"({p})+?"),
        inner.map(lambda p: f"(?<!a){p}(?=\\n|\\Z)"),
    ),
    max_leaves=8,
).map(lambda p: f"(?P<head>{p})")
_FLAGS = st.sampled_from([0, int(re.IGNORECASE), int(re.MULTILINE | re.DOTALL)])
_TEXTS = ["", "a一年 2022\n", "xxx 一二三\u3000年\t", "豈㐀;。\nax", "2022年，共12件"]


def _entries(data: bytes) -> list[tuple[Any, ...]]:
    form, interpreter, entries = marshal.loads(data)
    assert (form, interpreter) == (STORE_FORMAT, INTERPRETER)
    return list(entries)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(_PATTERNS, _FLAGS), min_size=1, max_size=4))
def test_a_stored_pattern_is_restored_as_re_compiles_it(keys: list[tuple[str, int]]) -> None:
    entries = _entries(store(keys))
    assert {(e[0], e[1]) for e in entries} == set(keys)  # every one kept: each restores as compiled
    for entry in entries:
        restored, compiled = precompiled._restore(entry), re.compile(entry[0], entry[1])
        assert restored == compiled  # the same text, flags and program
        assert (restored.groups, restored.groupindex) == (compiled.groups, compiled.groupindex)
        for text in _TEXTS:
            found, expected = restored.search(text), compiled.search(text)
            assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))


def _with_store(monkeypatch: pytest.MonkeyPatch, entries: list[tuple[Any, ...]]) -> set[tuple[str, int]]:
    """regex() as if the wheel shipped ``entries``; what it compiles itself is returned."""
    here: set[tuple[str, int]] = set()
    monkeypatch.setattr(precompiled, "_shipped", {(e[0], e[1]): e for e in entries})
    monkeypatch.setattr(precompiled, "compiled_here", here)
    return here


def test_regex_gives_the_shipped_pattern_once_made_and_compiles_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = r"(?P<year>(?:19|20)\d{2})[ \t\u3000]*年"
    here = _with_store(monkeypatch, _entries(store([(shipped, 0)])))
    first = regex(shipped)
    assert first == re.compile(shipped) and regex(shipped) is first  # restored once, then kept
    assert regex(shipped, re.IGNORECASE) == re.compile(shipped, re.IGNORECASE)  # not shipped with flags
    assert regex("[一-鿿]+") == re.compile("[一-鿿]+")
    assert here == {(shipped, int(re.IGNORECASE)), ("[一-鿿]+", 0)}


def _damaged_code(entry: tuple[Any, ...], code: bytes, checksum: int | None = None) -> tuple[Any, ...]:
    return (*entry[:3], code, zlib.crc32(code) if checksum is None else checksum, *entry[5:])


def test_a_damaged_program_is_compiled_instead(monkeypatch: pytest.MonkeyPatch) -> None:
    pattern = r"[ \t\u3000]*(?P<n>\d+)件"
    (entry,) = _entries(store([(pattern, 0)]))
    code = entry[3]
    flipped = code[:8] + bytes([code[8] ^ 0x01]) + code[9:]
    not_code = array.array(precompiled._UNIT, [99999] * 8).tobytes()
    damaged = [
        _damaged_code(entry, flipped, entry[4]),  # a changed byte: the checksum no longer holds
        _damaged_code(entry, not_code),  # a checksum that holds over code the engine refuses
        (*entry[:5], "groups", entry[6]),  # a field of the wrong type
        entry[:4],  # fields missing
    ]
    for bad in damaged:
        assert precompiled._restore(bad) is None
        here = _with_store(monkeypatch, [bad])
        assert regex(pattern) == re.compile(pattern) and here == {(pattern, 0)}


@pytest.mark.parametrize(
    "content",
    [
        marshal.dumps((STORE_FORMAT, "cpython-0-another-engine", [])),
        marshal.dumps((STORE_FORMAT + 1, INTERPRETER, [])),
        b"",
        b"\x00 not marshal data",
        "truncated",
        marshal.dumps(["not", "a", "store"]),
    ],
)
def test_a_store_for_another_python_or_damaged_gives_no_program(tmp_path: Path, content: bytes | str) -> None:
    pattern = r"\d+年"
    whole = store([(pattern, 0)])
    path = tmp_path / "patterns.bin"
    path.write_bytes(whole[: len(whole) // 2] if content == "truncated" else content)  # type: ignore[index]
    assert precompiled._read(str(path)) == {}
    kept = tmp_path / "kept.bin"
    kept.write_bytes(whole)
    assert set(precompiled._read(str(kept))) == {(pattern, 0)}  # the whole store is read
    assert precompiled._read(str(tmp_path / "missing.bin")) == {}


_RECORD = "import json, sys; from gialint.testing.patterns import recorded; json.dump(sorted(recorded()), sys.stdout)"


def test_the_patterns_recorded_are_the_same_in_every_process_and_hold_every_lexer_state() -> None:
    """The wheel's programs are found by their text: a pattern built in another order in another
    process (from a set of strings, whose order follows their hashes) would never be found."""
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "GIALINT_NO_CACHE": "1"}
        ran = subprocess.run([sys.executable, "-c", _RECORD], env=env, capture_output=True, text=True, timeout=300)
        assert ran.returncode == 0, ran.stderr[-3000:]
        runs.append({tuple(key) for key in json.loads(ran.stdout)})
    assert runs[0] == runs[1]
    patterns = {pattern for pattern, _ in runs[0]}
    assert set(load_tables().alternations()) <= patterns
    assert len(patterns) > 50  # the modules' own patterns too, not only the lexer's
