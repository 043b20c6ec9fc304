"""Configuration files: discovery, extend, validation, what each key does, `gialint config`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import gialint
from conftest import BASE, raises_en
from gialint.base.diagnostic import Severity
from gialint.cli import main
from gialint.config import ConfigError, Resolver, find_config, from_mapping, load_config, schema
from gialint.config.settings import DEFAULT_SETTINGS

DEFECTS = BASE / "defects-2021.txt"  # GIA103 52, GIA203 30, GIA301 26 and 42 (the cells), GIA401 42, GIA402 16


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def codes(out: str) -> list[str]:
    return sorted({d["code"] for d in json.loads(out)["diagnostics"]})


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "a" / "b").mkdir(parents=True)
    shutil.copy(DEFECTS, tmp_path / "a" / "b" / "r.txt")
    shutil.copy(DEFECTS, tmp_path / "a" / "r.txt")
    return tmp_path


def test_the_closest_file_wins_and_its_kind_is_chosen_in_order(tree: Path) -> None:
    (tree / "gialint.toml").write_text('ignore = ["GIA3"]\n', encoding="utf-8")
    assert find_config(str(tree / "a" / "b" / "r.txt")) == str(tree / "gialint.toml")
    (tree / "a" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")  # no [tool.gialint]
    assert find_config(str(tree / "a" / "b" / "r.txt")) == str(tree / "gialint.toml")
    (tree / "a" / "pyproject.toml").write_text('[tool.gialint]\nignore = ["GIA4"]\n', encoding="utf-8")
    assert find_config(str(tree / "a" / "b" / "r.txt")) == str(tree / "a" / "pyproject.toml")
    (tree / "a" / "gialint.toml").write_text("", encoding="utf-8")
    assert find_config(str(tree / "a" / "r.txt")) == str(tree / "a" / "gialint.toml")
    (tree / "a" / ".gialint.toml").write_text("", encoding="utf-8")
    assert find_config(str(tree / "a" / "r.txt")) == str(tree / "a" / ".gialint.toml")


def test_each_file_is_checked_with_its_closest_configuration(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "gialint.toml").write_text('ignore = ["GIA3"]\n', encoding="utf-8")
    (tree / "a" / "b" / "gialint.toml").write_text('select = ["GIA402"]\n', encoding="utf-8")
    code, out, _ = run(["check", str(tree / "a"), "--format", "json"], capsys)
    by_file: dict[str, set[str]] = {}
    for d in json.loads(out)["diagnostics"]:
        by_file.setdefault(Path(d["path"]).parent.name, set()).add(d["code"])
    assert by_file == {"a": {"GIA103", "GIA203", "GIA401", "GIA402"}, "b": {"GIA402"}}
    assert code == 0  # no error-severity finding is left


def test_extend_merges_and_the_extending_file_wins(tree: Path) -> None:
    (tree / "base.toml").write_text(
        'ignore = ["GIA3"]\nextend-select = ["GIA9"]\n[severity]\nGIA4 = "info"\nGIA1 = "info"\n', encoding="utf-8"
    )
    (tree / "a" / "gialint.toml").write_text(
        'extend = "../base.toml"\nextend-select = ["GIA1"]\nempty-cell = "zero"\n[severity]\nGIA1 = "error"\n',
        encoding="utf-8",
    )
    settings = load_config(str(tree / "a" / "gialint.toml"))
    assert settings.ignore == ("GIA3",)
    assert settings.extend_select == ("GIA9", "GIA1")
    assert dict(settings.severity) == {"GIA4": Severity.INFO, "GIA1": Severity.ERROR}
    assert settings.options.empty_cell.value == "zero"
    assert settings.files == (str(tree / "base.toml"), str(tree / "a" / "gialint.toml"))


def test_an_extend_cycle_is_an_error(tree: Path) -> None:
    (tree / "x.toml").write_text('extend = "y.toml"\n', encoding="utf-8")
    (tree / "y.toml").write_text('extend = "x.toml"\n', encoding="utf-8")
    with raises_en(ConfigError, "cycle"):
        load_config(str(tree / "x.toml"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("selct = ['GIA1']\n", "unknown key 'selct'"),
        ("select = 'GIA1'\n", "key 'select': must be of type array"),
        ("select = ['GIA 1']\n", "key 'select[0]': 'GIA 1' is not a rule code, prefix or name"),
        ("ignore = ['GIA777']\n", "key 'ignore[0]': 'GIA777' matches no rule"),
        ("fail-on = 'fatal'\n", "key 'fail-on': must be one of"),
        ("empty-cell = 'nothing'\n", "key 'empty-cell': must be one of"),
        ("year = 1999\n", "key 'year': must be at least 2008"),
        ("[severity]\nGIA301 = 'loud'\n", "key 'severity.GIA301': must be one of"),
        (
            "[per-file-ignores]\n'*.txt' = ['nope-rule']\n",
            "key 'per-file-ignores.*.txt[0]': 'nope-rule' matches no rule",
        ),
        ("extend = 'missing.toml'\n", "key 'extend': no such file"),
        ("select = [\n", "not valid TOML"),
    ],
)
def test_bad_configuration_names_the_key_and_the_file(
    tree: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    config = tree / "a" / "gialint.toml"
    config.write_text(content, encoding="utf-8")
    code, out, err = run(["check", str(tree / "a" / "r.txt"), "--lang", "en"], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(config) in err and message in err, err
    code, _, err = run(["check", str(tree / "a" / "r.txt")], capsys)  # Chinese by default
    assert code == 2 and str(config) in err and ("键" in err or "TOML" in err), err


def test_per_file_ignores_match_globs_relative_to_the_configuration(tree: Path) -> None:
    (tree / "gialint.toml").write_text('[per-file-ignores]\n"a/b/*" = ["GIA3"]\n"r.txt" = ["GIA203"]\n', "utf-8")
    resolver = Resolver()
    deep = gialint.lint_path(tree / "a" / "b" / "r.txt", settings=resolver.for_path(str(tree / "a" / "b" / "r.txt")))
    shallow = gialint.lint_path(tree / "a" / "r.txt", settings=resolver.for_path(str(tree / "a" / "r.txt")))
    assert {d.code for d in deep.diagnostics} == {"GIA103", "GIA401", "GIA402"}
    assert {d.code for d in shallow.diagnostics} == {"GIA103", "GIA301", "GIA401", "GIA402"}


def test_severity_changes_what_fails(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "gialint.toml").write_text('[severity]\nGIA3 = "warning"\nGIA203 = "error"\n', encoding="utf-8")
    code, out, _ = run(["check", str(tree / "a" / "r.txt"), "--format", "json"], capsys)
    severities = {d["code"]: d["severity"] for d in json.loads(out)["diagnostics"]}
    assert severities["GIA301"] == "warning" and severities["GIA203"] == "error" and severities["GIA402"] == "warning"
    assert code == 1  # GIA203 is an error now


def test_fail_on_and_lang_come_from_the_working_directory(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tree / "gialint.toml").write_text('fail-on = "warning"\nlang = "en"\nselect = ["GIA402"]\n', encoding="utf-8")
    monkeypatch.chdir(tree)
    code, out, _ = run(["check", "a/r.txt", "--format", "concise"], capsys)
    assert code == 1 and "carries the unit" in out
    code, out, _ = run(["check", "a/r.txt", "--format", "concise", "--fail-on", "error", "--lang", "zh"], capsys)
    assert code == 0 and "带有单位" in out


def _without_year() -> str:
    text = DEFECTS.read_text(encoding="utf-8")
    return "\n".join(line for line in text.split("\n") if "20" not in line or "\t" in line)  # no line names a year


def test_year_applies_only_when_the_report_states_none() -> None:
    no_year = _without_year()
    plain = gialint.lint_text(no_year)
    assert plain.document.year is None and "GIA205" in {d.code for d in plain.diagnostics}
    with_year = gialint.lint_text(no_year, settings=from_mapping({"year": 2020}))
    assert with_year.document.year is not None and with_year.document.year.year == 2020
    found = {d.code for d in with_year.diagnostics}
    assert "GIA205" not in found and "GIA201" in found  # 2021 tables in a 2020 report
    stated = gialint.lint_text(DEFECTS.read_text(encoding="utf-8"), settings=from_mapping({"year": 2020}))
    assert stated.document.year is not None and stated.document.year.year == 2021  # the report's own year wins


def test_version_is_used_for_a_report_without_any_year() -> None:
    no_year = _without_year()
    doc = gialint.parse_text(no_year, settings=from_mapping({"version": "2019"}))
    assert doc.year is None
    assert doc.version == "2019" and doc.expected_version is not None and doc.expected_version.id == "2019"
    assert gialint.parse_text(no_year).version == "2021"  # by its tables, without the setting


def test_config_command_shows_resolved_settings(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "gialint.toml").write_text('ignore = ["GIA305"]\n[per-file-ignores]\n"*.pdf" = ["GIA405"]\n', "utf-8")
    code, out, _ = run(["config", str(tree / "a" / "r.txt")], capsys)
    assert code == 0
    assert f"# from: {tree / 'gialint.toml'}" in out and 'ignore = ["GIA305"]' in out and '"*.pdf" = ["GIA405"]' in out
    import tomllib

    assert tomllib.loads(out)["ignore"] == ["GIA305"]  # the output is a valid configuration
    code, out, _ = run(["config", str(tree / "a"), "--format", "json"], capsys)
    data = json.loads(out)
    assert data["files"] == [str(tree / "gialint.toml")] and data["settings"]["empty-cell"] == "consistent"
    code, out, _ = run(["config", "--isolated", str(tree / "a")], capsys)
    assert "no configuration file" in out


def test_the_schema_is_printed_and_describes_every_key(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["config", "--schema"], capsys)
    printed = json.loads(out)
    assert code == 0 and printed == schema()
    keys = set(printed["properties"])
    assert set(DEFAULT_SETTINGS.as_dict()) | {"extend", "year", "version", "content"} == keys
    assert all(printed["properties"][k].get("description") for k in keys)


def test_exclude_in_directory_runs_and_with_force_exclude(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "gialint.toml").write_text('exclude = ["a/b"]\n', encoding="utf-8")
    code, out, _ = run(["check", str(tree), "--format", "json"], capsys)
    assert {Path(d["path"]).parent.name for d in json.loads(out)["diagnostics"]} == {"a"}
    named = str(tree / "a" / "b" / "r.txt")
    code, out, _ = run(["check", named, "--format", "json"], capsys)
    assert json.loads(out)["diagnostics"]  # named files are checked anyway ...
    code, out, _ = run(["check", named, "--format", "json", "--force-exclude"], capsys)
    assert json.loads(out)["diagnostics"] == [] and code == 0  # ... unless --force-exclude


def test_config_and_isolated_options(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / "gialint.toml").write_text('select = ["GIA402"]\n', encoding="utf-8")
    (tree / "other.toml").write_text('select = ["GIA203"]\n', encoding="utf-8")
    path = str(tree / "a" / "r.txt")
    assert codes(run(["check", path, "--format", "json"], capsys)[1]) == ["GIA402"]
    assert codes(run(["check", path, "--format", "json", "--config", str(tree / "other.toml")], capsys)[1]) == [
        "GIA203"
    ]
    assert len(codes(run(["check", path, "--format", "json", "--isolated"], capsys)[1])) == 5
    # the command line goes on top of the configuration
    out = run(["check", path, "--format", "json", "--extend-select", "GIA103"], capsys)[1]
    assert codes(out) == ["GIA103", "GIA402"]
    assert codes(run(["check", path, "--format", "json", "--select", "GIA3", "--ignore", "GIA303"], capsys)[1]) == [
        "GIA301",
    ]


def test_settings_for_in_the_library(tree: Path) -> None:
    (tree / "a" / ".gialint.toml").write_text('select = ["GIA402"]\n', encoding="utf-8")
    settings = gialint.settings_for(tree / "a" / "r.txt")
    result = gialint.lint_path(tree / "a" / "r.txt", settings=settings)
    assert [(d.code, d.span.line) for d in result.diagnostics] == [("GIA402", 16)]
    with pytest.raises(ConfigError):
        from_mapping({"extend": "x.toml"})


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
def test_a_configuration_saved_in_another_encoding_is_read(encoding: str, tmp_path: Path) -> None:
    file = tmp_path / "gialint.toml"
    file.write_bytes('# 本机关的约定\nselect = ["GIA3"]\n'.encode(encoding))
    assert load_config(str(file)).select == ("GIA3",)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("a = " + "[" * 5000 + "]" * 5000, "nested too deeply"),
        ("# " + "x" * (1024 * 1024 + 10), "larger than 1024 KiB"),
    ],
)
def test_a_hostile_configuration_is_one_line(content: str, message: str, tmp_path: Path) -> None:
    file = tmp_path / "gialint.toml"
    file.write_text(content, encoding="utf-8")
    with raises_en(ConfigError, message):
        load_config(str(file))


def test_binary_configuration_is_refused_in_one_line(tmp_path: Path) -> None:
    file = tmp_path / "gialint.toml"
    file.write_bytes(bytes(range(256)) * 4)
    with raises_en(ConfigError, "not a text file"):
        load_config(str(file))


def test_a_long_extend_chain_is_refused(tmp_path: Path) -> None:
    for index in range(100):
        (tmp_path / f"c{index}.toml").write_text(f'extend = "c{index + 1}.toml"\n', encoding="utf-8")
    (tmp_path / "c100.toml").write_text('select = ["GIA3"]\n', encoding="utf-8")
    with raises_en(ConfigError, "more than 32 files"):
        load_config(str(tmp_path / "c0.toml"))
    assert load_config(str(tmp_path / "c70.toml")).select == ("GIA3",)


def test_limits_are_set_by_the_limits_table_and_shown(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gialint.read.limits import DEFAULT_LIMITS, MIB, Limits

    settings = from_mapping({"limits": {"max-seconds": 5, "max-text-mib": 1, "max-pages": 10}})
    assert settings.limits == Limits(max_seconds=5, max_text_bytes=MIB, max_pages=10)
    assert from_mapping({}).limits == DEFAULT_LIMITS
    for bad in ({"max-seconds": 0}, {"max-pages": "ten"}, {"max-memory": 1}):
        with raises_en(ConfigError, "limits"):
            from_mapping({"limits": bad})
    # a file that extends another changes only the limits it sets
    (tree / "base.toml").write_text("[limits]\nmax-seconds = 7\nmax-pages = 20\n", encoding="utf-8")
    (tree / "gialint.toml").write_text('extend = "base.toml"\n[limits]\nmax-pages = 30\n', encoding="utf-8")
    assert load_config(str(tree / "gialint.toml")).limits == Limits(max_seconds=7, max_pages=30)
    code, out, _ = run(["config", str(tree / "a" / "r.txt")], capsys)
    import tomllib

    shown = tomllib.loads(out)["limits"]
    assert code == 0 and shown["max-seconds"] == 7 and shown["max-pages"] == 30 and shown["max-text-mib"] == 16
    assert from_mapping({"limits": shown}).limits == Limits(max_seconds=7, max_pages=30)  # printed as it reads


def test_the_schema_states_the_limits_gialint_uses() -> None:
    from gialint.config.settings import LIMIT_KEYS, limits_table
    from gialint.read.limits import DEFAULT_LIMITS

    keys = schema()["properties"]["limits"]["properties"]
    assert set(keys) == set(LIMIT_KEYS)
    assert {key: spec["default"] for key, spec in keys.items()} == limits_table(DEFAULT_LIMITS)


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_a_pyproject_in_a_parent_folder_in_another_encoding_is_read_or_passed_over(
    encoding: str, tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "pyproject.toml").write_bytes('[project]\nname = "报告"\n'.encode(encoding))  # no [tool.gialint]
    assert find_config(str(tree / "a" / "b" / "r.txt")) is None
    code, _, err = run(["check", str(tree / "a" / "b" / "r.txt")], capsys)
    assert code == 1 and "Traceback" not in err
    (tree / "pyproject.toml").write_bytes('[tool.gialint]\n# 本机关\nignore = ["GIA4"]\n'.encode(encoding))
    assert find_config(str(tree / "a" / "b" / "r.txt")) == str(tree / "pyproject.toml")
    assert load_config(str(tree / "pyproject.toml")).ignore == ("GIA4",)
