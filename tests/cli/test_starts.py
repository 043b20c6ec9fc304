"""Starting ``gialint check`` on one file imports what that run needs, and nothing for the result
cache, hashing, the plugin metadata scan, lark or the output formats it does not write.

Speed itself is measured by bench/run.py (start-up, side by side with ``python -c pass``);
what is checked here is the part that decides it and does not depend on the machine's load."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import gialint
from conftest import seed

#: Modules a ``--no-cache`` run over one text report has no use for.
NOT_NEEDED = {
    "sqlite3",  # the result cache
    "pickle",  # the result cache's values
    "hashlib",  # cache keys, fingerprints (SARIF, baselines)
    "importlib.metadata",  # the plugin list is kept while no distribution changes, and read without it
    "lark",  # the parse tables are shipped (a wheel) or kept per user (an editable install)
    "tempfile",  # writing a cache file: nothing is written by a second run
    "zipfile",  # importlib.resources: package data is read beside the modules
    "jinja2",  # --format html
    "xlsxwriter",  # extract, scorecard
    "rich.console",  # colour, progress bars
    "multiprocessing",  # one file is linted in process
    "gialint.read.page_info",  # a web page's metadata
    "gialint.report.tabular",  # extract and scorecard tables
    "difflib",  # labels that do not match exactly
    "csv",  # a text without the format's tables, looked at as CSV
}
#: What a run from a wheel has no use for besides: an editable install parses the format's TOML
#: (a wheel ships it parsed) and its import hook uses pathlib.
NOT_NEEDED_FROM_A_WHEEL = {
    "tomllib",  # a configuration file: the pyproject.toml beside the report is another project's
    "pathlib",  # (with urllib.parse and ipaddress) a file's name is taken with os.path
}
FROM_A_WHEEL = (Path(gialint.__file__).parent / "formats" / "formats.toml.json").exists()


# `gialint check ARGS` as `python -m gialint` runs it (the working directory first on the path),
# then every module loaded, from sys.modules: -X importtime misses importlib.import_module's
_RUN = """
import json, sys
from gialint.cli import main
code = main(sys.argv[1:])
print(json.dumps([code, sorted(sys.modules)]), file=sys.stderr)
"""

# whether reading the plugins' entry points on this import path defers to importlib.metadata
_DEFERS = """
from gialint.lint import installed, registry
print(installed.entry_points_of(registry.GROUP, installed.distributions({})[0]) is None)
"""


def _imported(cwd: Path, env: dict[str, str], *args: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN, "check", *args], cwd=cwd, env=env, capture_output=True, text=True
    )
    code, modules = json.loads(done.stderr.splitlines()[-1])
    assert code in (0, 1), done.stderr[-2000:]
    return set(modules)


def test_one_file_without_the_cache_imports_only_what_it_needs(tmp_path: Path) -> None:
    work, elsewhere = tmp_path / "work", tmp_path / "elsewhere"
    work.mkdir()
    elsewhere.mkdir()
    report = work / "one.txt"
    shutil.copy(seed("001"), report)
    (work / "pyproject.toml").write_text('[project]\nname = "reports"\n', encoding="utf-8")  # not gialint's
    old = report.stat().st_mtime - 3600  # the working directory is on the path under `python -m`
    for directory in (work, elsewhere):
        os.utime(directory, (old, old))
    env = {**os.environ, "GIALINT_CACHE_DIR": str(tmp_path / "cache")}
    first = _imported(work, env, "--no-cache", "one.txt")  # a first run stores the plugin list
    assert {"gialint.run.api", "gialint.rules.gia305_implausible_value"} <= first  # it did lint
    # read from the distributions' files: importlib.metadata only where that reading defers to
    # it (an egg or a zip file on the path, say: tests/lint/test_installed.py), asked on the same path
    defers = subprocess.run([sys.executable, "-c", _DEFERS], cwd=work, env=env, capture_output=True, text=True)
    assert defers.stdout.strip() in ("True", "False"), defers.stderr
    assert "importlib.metadata" not in first or defers.stdout.strip() == "True"
    again = _imported(work, env, "--no-cache", "one.txt")
    assert "gialint.rules.gia305_implausible_value" in again
    assert sorted(NOT_NEEDED & again) == []
    assert sorted(NOT_NEEDED_FROM_A_WHEEL & again) == [] or not FROM_A_WHEEL
    # from another working directory, which is on the path under `python -m`: no plugin scan either
    moved = _imported(elsewhere, env, "--no-cache", str(report))
    assert "importlib.metadata" not in moved
