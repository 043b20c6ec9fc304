"""The message catalogue: every message in both languages, with the same placeholders, each one
used, English plurals that agree with their count, and errors that carry both languages."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gialint.base import catalogue as msg
from gialint.base.diagnostic import Text
from gialint.base.messages import PLURAL, Failure, placeholders, say
from gialint.config import ConfigError
from gialint.read import read_bytes
from gialint.read.source import ReadError

PACKAGE = Path(msg.__file__).resolve().parents[1]
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
#: What an English line may hold in Chinese: a label in brackets or quotes, a command in backticks.
ASIDES = re.compile(r"\([^()]*\)|（[^（）]*）|“[^”]*”|\"[^\"]*\"|'[^']*'|`[^`]*`")


def entries() -> dict[str, Text]:
    """Every message of the catalogue, by id (a table of them: ``ID[key]``)."""
    found: dict[str, Text] = {}
    for name, value in vars(msg).items():
        if not name.isupper():
            continue
        if isinstance(value, Text):
            found[name] = value
        elif isinstance(value, tuple | dict) and value:
            items = value.items() if isinstance(value, dict) else enumerate(value)
            assert all(isinstance(text, Text) for _, text in items), name
            found.update({f"{name}[{key}]": text for key, text in items})
    return found


def english_only(line: str) -> bool:
    """Whether a line is English: no Chinese outside brackets, quotes and backticks."""
    return not CJK.search(ASIDES.sub("", line))


@pytest.mark.parametrize(("name", "text"), sorted(entries().items()))
def test_every_message_is_in_both_languages_with_the_same_placeholders(name: str, text: Text) -> None:
    assert text.zh.strip() and text.en.strip()
    assert placeholders(text.zh) == placeholders(text.en)
    assert CJK.search(text.zh), "the Chinese says something in Chinese"
    assert english_only(text.en), "the English has Chinese only in brackets, quotes or backticks"
    assert not PLURAL.search(text.zh), "Chinese has no plural forms"


def _sources() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in PACKAGE.rglob("*.py") if path.name != "catalogue.py"}


def test_every_message_used_exists_and_every_message_is_used() -> None:
    used = {name for text in _sources().values() for name in re.findall(r"\bmsg\.([A-Z][A-Z0-9_]*)", text)}
    defined = {name for name, value in vars(msg).items() if isinstance(value, Text | tuple | dict) and name.isupper()}
    assert used - defined == set(), "used but not in the catalogue"
    assert defined - used == set(), "in the catalogue but never used"


def test_no_command_line_module_picks_a_language_by_hand() -> None:
    """Messages come from the catalogue: no `if lang == "en"` choosing between two strings."""
    for path, text in _sources().items():
        if path.parent.name in ("cli", "read", "config", "run") or path.name in ("full.py", "github.py", "concise.py"):
            assert not re.search(r"lang [!=]= \"en\"", text), path


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=10**6))
def test_english_plurals_agree_with_their_count(fixed: int, files: int) -> None:
    text = say(msg.FIXED, fixed=fixed, files=files, remaining=0)
    assert text.en.startswith(f"fixed {fixed} {'finding' if fixed == 1 else 'findings'} in ")
    assert f" {files} {'file' if files == 1 else 'files'} (" in text.en
    assert text.zh == f"已修复 {files} 个文件中的 {fixed} 个问题，尚余 0 个"


def test_plurals_read_as_english() -> None:
    assert (
        say(msg.BASELINE_HIDDEN, count=1, file="b.json").en == "1 finding recorded in the baseline b.json is not shown"
    )
    assert (
        say(msg.BASELINE_HIDDEN, count=2, file="b.json").en
        == "2 findings recorded in the baseline b.json are not shown"
    )
    assert say(msg.STATISTICS_TOTAL, total=1, errors=2).en == "Total: 1 finding, 2 unreadable files"


def test_an_error_carries_both_languages_and_str_is_chinese() -> None:
    with pytest.raises(ReadError) as caught:
        read_bytes(b"", "empty.txt")
    error = caught.value
    assert str(error) == "文件是空的" and error.get("en") == "the file is empty"
    again = pickle.loads(pickle.dumps(error))  # errors cross process boundaries in a run of many files
    assert isinstance(again, ReadError) and again.text == error.text


def test_a_message_inside_a_message_takes_the_outer_language() -> None:
    inner = ReadError(msg.TEXT_NOT_TEXT)
    outer = ConfigError(msg.CONFIG_NOT_UTF8, file="gialint.toml", error=inner.text)
    assert outer.get("en").endswith(": " + msg.TEXT_NOT_TEXT.en)
    assert str(outer).endswith("：" + msg.TEXT_NOT_TEXT.zh)
    assert isinstance(outer, Failure)
