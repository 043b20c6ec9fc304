"""A province's wordings are configuration: the ``content`` key adds to content.toml."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import gialint
from conftest import BASE, raises_en
from gialint.config import ConfigError, from_mapping, load_config
from gialint.formats.model import merged_content


def _report() -> str:
    # section 六 in a wording of its own: no fee word gialint knows
    text = (BASE / "report-2021.txt").read_text(encoding="utf-8")
    return text.replace("本年度未收取信息处理费。", "本年度未向申请人计收任何款项。")


def _codes(settings: object) -> list[str]:
    return [d.code for d in gialint.lint_text(_report(), select=["GIA502"], settings=settings).diagnostics]  # type: ignore[arg-type]


def test_an_addition_teaches_a_check_a_province_wording(tmp_path: Path) -> None:
    assert _codes(None) == ["GIA502"]
    additions = tmp_path / "province.toml"
    additions.write_text('[fee_statement]\nsection_words = ["计收"]\n', encoding="utf-8")
    assert _codes(from_mapping({"content": str(additions)})) == []


def test_the_path_is_relative_to_the_configuration_that_names_it(tmp_path: Path) -> None:
    (tmp_path / "conf").mkdir()
    (tmp_path / "conf" / "province.toml").write_text('[fee_statement]\nsection_words = ["计收"]\n', encoding="utf-8")
    (tmp_path / "conf" / "gialint.toml").write_text('content = "province.toml"\n', encoding="utf-8")
    settings = load_config(str(tmp_path / "conf" / "gialint.toml"))
    assert settings.options.content == str(tmp_path / "conf" / "province.toml")
    assert _codes(settings) == []


def test_a_bad_additions_file_is_a_configuration_error(tmp_path: Path) -> None:
    with raises_en(ConfigError, r"key 'content'.*cannot be read"):
        from_mapping({"content": str(tmp_path / "missing.toml")})
    (tmp_path / "bad.toml").write_text("[fee_statement\n", encoding="utf-8")
    with raises_en(ConfigError, r"key 'content'.*not a UTF-8 TOML file"):
        from_mapping({"content": str(tmp_path / "bad.toml")})


def test_merging_extends_lists_and_replaces_values() -> None:
    base = {"fee": {"words": ["a", "b"], "threshold": 0.8}, "other": {"x": 1}}
    merged = merged_content(base, {"fee": {"words": ["b", "c"], "threshold": 0.9}, "new": {"y": 2}})
    assert merged == {"fee": {"words": ["a", "b", "c"], "threshold": 0.9}, "other": {"x": 1}, "new": {"y": 2}}
    assert base["fee"] == {"words": ["a", "b"], "threshold": 0.8}  # the built-in data is not changed


def test_an_edited_additions_file_is_a_cache_miss(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(_report(), encoding="utf-8")
    additions = tmp_path / "province.toml"
    additions.write_text('[fee_statement]\nsection_words = ["计收"]\n', encoding="utf-8")
    (tmp_path / "gialint.toml").write_text('content = "province.toml"\nselect = ["GIA502"]\n', encoding="utf-8")
    run = [
        sys.executable,
        "-m",
        "gialint",
        "check",
        "--format",
        "json",
        "--cache-dir",
        str(tmp_path / "cache"),
        "r.txt",
    ]

    def codes() -> list[str]:
        done = subprocess.run(run, capture_output=True, text=True, cwd=tmp_path, timeout=120)
        return [d["code"] for d in json.loads(done.stdout)["diagnostics"]]

    assert codes() == []
    additions.write_text('[fee_statement]\nsection_words = ["某词"]\n', encoding="utf-8")
    os.utime(additions, ns=(additions.stat().st_mtime_ns + 10**9,) * 2)
    assert codes() == ["GIA502"]  # not the cached answer of the file's earlier version
