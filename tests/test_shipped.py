"""gialint.base.shipped: package TOML data read from the parsed copy the wheel ships, only while
that copy was made from the TOML beside it (tests/test_install.py checks the wheel has them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gialint.base.shipped import PARSED, parsed_copy, toml_data

TOML = 'title = "政府信息公开"\n[table]\nrows = [1, 2, 3]\n'


def _no_parsing(text: str) -> None:
    raise AssertionError("the TOML was parsed")


def test_the_parsed_copy_serves_without_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "data.toml"
    path.write_text(TOML, encoding="utf-8")
    Path(str(path) + PARSED).write_text(json.dumps(parsed_copy(TOML), ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr("tomllib.loads", _no_parsing)
    assert toml_data(str(path)) == {"title": "政府信息公开", "table": {"rows": [1, 2, 3]}}


@pytest.mark.parametrize("copy", [None, "{damaged", json.dumps(parsed_copy(TOML.replace("1, 2", "9, 2")))])
def test_no_copy_a_damaged_one_or_one_of_another_text_is_parsed_again(tmp_path: Path, copy: str | None) -> None:
    path = tmp_path / "data.toml"
    path.write_text(TOML, encoding="utf-8")
    if copy is not None:
        Path(str(path) + PARSED).write_text(copy, encoding="utf-8")
    assert toml_data(str(path))["table"] == {"rows": [1, 2, 3]}
