"""A third-party rule package: installed with pip, found through its entry point, run like a built-in.

tests/plugin_example/ is the package docs/plugins.md describes. It is installed into a
directory of its own, which the subprocesses put on their path, so the environment
that runs the tests is not changed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BASE

EXAMPLE = Path(__file__).parents[1] / "plugin_example"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    build = tmp_path_factory.mktemp("build")
    # An ordinary isolated build: pip fetches the build backend from the package index.
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(EXAMPLE)]
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1", "TMPDIR": str(build)}
    done = subprocess.run(command, cwd=build, capture_output=True, text=True, env=env, check=False)
    assert done.returncode == 0, done.stderr
    return target


def gialint(site: Path, cwd: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(site), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "gialint", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_the_installed_plugin_rule_is_listed_and_runs(site: Path, tmp_path: Path) -> None:
    listed = gialint(site, tmp_path, "rules", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    rule = next(r for r in json.loads(listed.stdout) if r["code"] == "EXA101")
    assert rule["name"] == "contact-phone" and rule["severity"] == "info"

    report = tmp_path / "r.txt"
    report.write_bytes((BASE / "report-2021.txt").read_bytes())
    checked = gialint(site, tmp_path, "check", str(report), "--format", "json", "--select", "EXA")
    assert [(d["code"], d["line"]) for d in json.loads(checked.stdout)["diagnostics"]] == [("EXA101", 1)]

    text = report.read_text(encoding="utf-8").rstrip("\n") + "\n咨询电话：0571-87654321。\n"
    report.write_text(text, encoding="utf-8")
    checked = gialint(site, tmp_path, "check", str(report), "--format", "json", "--select", "EXA")
    assert json.loads(checked.stdout)["diagnostics"] == []


def test_the_plugin_rule_documented_in_english_only_is_explained(site: Path, tmp_path: Path) -> None:
    """The example is documented in English only and its basis is a plain string: its page shows
    them, in whichever language gialint runs."""
    shown = gialint(site, tmp_path, "rule", "EXA101")
    assert shown.returncode == 0, shown.stderr
    assert "\n\nChecks that the report gives a telephone number" in shown.stdout
    assert "A provincial convention (example plugin).\n" in shown.stdout


def test_the_plugin_is_configured_like_a_built_in(site: Path, tmp_path: Path) -> None:
    (tmp_path / "gialint.toml").write_text('select = ["GIA1", "EXA"]\n[severity]\nEXA101 = "error"\n', "utf-8")
    report = tmp_path / "r.txt"
    report.write_bytes((BASE / "report-2021.txt").read_bytes())
    checked = gialint(site, tmp_path, "check", "r.txt", "--format", "json")
    assert checked.returncode == 1  # the configured severity makes it fail
    assert [(d["code"], d["severity"]) for d in json.loads(checked.stdout)["diagnostics"]] == [("EXA101", "error")]
    without = gialint(Path("/nonexistent"), tmp_path, "check", "r.txt")
    assert without.returncode == 2 and "'EXA' 不匹配任何规则" in without.stderr  # not installed: said plainly


def test_entry_points_are_kept_until_the_installed_distributions_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gialint.lint import registry

    monkeypatch.setenv("GIALINT_CACHE_DIR", str(tmp_path / "cache"))
    registry.entry_points.cache_clear()
    found = registry.entry_points()
    assert any(ep.value.startswith("gialint.rules") for ep in found)
    store = tmp_path / "cache" / "plugins.json"
    data = json.loads(store.read_text(encoding="utf-8"))
    data["entry_points"].append(["stale", "nowhere:RULES", "gone", "0"])
    store.write_text(json.dumps(data), encoding="utf-8")
    registry.entry_points.cache_clear()
    assert registry.entry_points()[-1].name == "stale"  # read from the store while nothing is installed

    # another working directory (first on the path under `python -m`), or any other directory
    # on the path without distributions: the store still serves, no metadata is read
    def no_scan(**kwargs: object) -> None:
        raise AssertionError("importlib.metadata was asked again")

    monkeypatch.setattr("importlib.metadata.entry_points", no_scan)
    installed = tmp_path / "site-packages"
    (installed / "reports").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(installed))
    monkeypatch.chdir(installed / "reports")
    monkeypatch.syspath_prepend("")
    registry.entry_points.cache_clear()
    assert registry.entry_points()[-1].name == "stale"
    monkeypatch.undo()

    # a distribution installed there: its entry points are found afresh
    monkeypatch.setenv("GIALINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.syspath_prepend(str(installed))
    dist = installed / "gialint_extra-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: gialint-extra\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[gialint.rules]\nextra = gialint_extra:RULES\n", encoding="utf-8")
    registry.entry_points.cache_clear()
    assert registry.entry_points() == tuple(
        sorted(
            [*found, registry.EntryPoint("extra", "gialint_extra:RULES", "gialint-extra", "1.0")],
            key=lambda e: (e.name, e.value),
        )
    )
    # and again when it is removed
    shutil.rmtree(dist)
    registry.entry_points.cache_clear()
    assert registry.entry_points() == found
    registry.entry_points.cache_clear()


def test_the_rule_index_follows_an_edited_plugin(site: Path, tmp_path: Path) -> None:
    # a copy of the installed plugin, so that editing it leaves the module's fixture as it was
    edited = tmp_path / "site"
    shutil.copytree(site, edited)
    cache = {"GIALINT_CACHE_DIR": str(tmp_path / "cache")}
    report = tmp_path / "r.txt"
    report.write_bytes((BASE / "report-2021.txt").read_bytes())
    first = gialint(edited, tmp_path, "check", "r.txt", "--select", "EXA101", "--format", "json", env=cache)
    assert [d["code"] for d in json.loads(first.stdout)["diagnostics"]] == ["EXA101"], first.stderr
    assert (tmp_path / "cache" / "rules.json").is_file()
    module = edited / "gialint_example" / "__init__.py"
    module.write_text(module.read_text(encoding="utf-8").replace('"EXA101"', '"EXA109"'), encoding="utf-8")
    renamed = gialint(edited, tmp_path, "check", "r.txt", "--select", "EXA109", "--format", "json", env=cache)
    assert [d["code"] for d in json.loads(renamed.stdout)["diagnostics"]] == ["EXA109"], renamed.stderr
    gone = gialint(edited, tmp_path, "check", "r.txt", "--select", "EXA101", env=cache)
    assert gone.returncode == 2 and "'EXA101' 不匹配任何规则" in gone.stderr


def test_the_rule_index_names_every_rule_without_importing_them(tmp_path: Path) -> None:
    from gialint.lint.registry import all_rules

    script = (
        "import json, sys\n"
        "from gialint.lint.registry import rule_index\n"
        "rules = [[r.code, r.name, r.module] for r in rule_index().rules]\n"
        "print(json.dumps([rules, 'gialint.rules' in sys.modules]))\n"
    )
    env = {**os.environ, "GIALINT_CACHE_DIR": str(tmp_path / "cache")}
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(2)
    ]
    expected = [[r.code, r.name, r.__module__] for r in all_rules()]
    assert runs[0] == [expected, True]  # built: the rules were imported
    assert runs[1] == [expected, False]  # read back: none was
