"""Installing gialint: a wheel built when compiling fails is a working pure-Python gialint, and
every wheel ships the grammar's parse tables, its TOML data parsed and its regular expressions
compiled (setup.py).

One wheel is built here, without build isolation (the test environment has setuptools, lark and
attrs), with a ``mypyc`` on the import path that fails as mypy does on a source it cannot analyse
(it exits). CI builds the compiled wheel itself (.ci/run)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import gialint
from conftest import seed

ROOT = Path(__file__).resolve().parent.parent

_FAILING_MYPYC = """
import sys

def mypycify(*args, **kwargs):
    sys.exit("gialint/stray.py:1: error: a file mypy cannot analyse")
"""

# run by the installed wheel: lark cannot be imported, so the tables must come with the wheel
_RUN = """
import json, sys
sys.modules["lark"] = None
import gialint
from gialint.compiled import build_description
from gialint.base.precompiled import compiled_here
from gialint.parse.tables import load_tables
load_tables()
result = gialint.lint_path(sys.argv[1])
print(json.dumps({
    "compiled_here": sorted(pattern for pattern, _ in compiled_here),
    "package": gialint.__file__,
    "build": build_description(),
    "parsed_toml": "tomllib" in sys.modules,
    "findings": [[d.code, d.span.line, d.span.column] for d in result.diagnostics],
}))
"""


def _source_copy(target: Path) -> Path:
    """What a source distribution holds: the files setup.py and pyproject.toml build from."""
    ignore = shutil.ignore_patterns("__pycache__", "*.so", "*.pyd", "build", "*.egg-info")
    for name in ("gialint", "grammars", "rules"):
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, target / name)
    return target


def test_a_failing_compile_installs_pure_python_with_the_tables(tmp_path: Path) -> None:
    source = _source_copy(tmp_path / "src")
    fake = tmp_path / "fake" / "mypyc"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "build.py").write_text(_FAILING_MYPYC)
    env = {k: v for k, v in os.environ.items() if k not in ("GIALINT_COMPILE", "PYTHONPATH")}
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    wheel_args = ["wheel", "-v", "--no-build-isolation", "--no-deps", "--no-index", "-w", str(tmp_path / "dist")]
    built = subprocess.run(
        [*pip, *wheel_args, str(source)],
        env={**env, "PYTHONPATH": str(fake.parent)},
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    assert "gialint: cannot compile (mypyc stopped: gialint/stray.py:1: error:" in built.stdout + built.stderr
    assert "gialint is installed as pure Python" in built.stdout + built.stderr
    (wheel,) = (tmp_path / "dist").glob("gialint_cn-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        tables = json.loads(archive.read("gialint/grammars/report.tables.json"))
        formats = json.loads(archive.read("gialint/formats/formats.toml.json"))
        content = json.loads(archive.read("gialint/formats/content.toml.json"))
    assert not [n for n in names if n.endswith((".so", ".pyd"))]
    assert "gialint/base/patterns.bin" in names
    assert tables["grammar"] == (ROOT / "grammars" / "report.lark").read_text(encoding="utf-8")
    for shipped, name in ((formats, "formats.toml"), (content, "content.toml")):  # parsed, with their text
        text = (ROOT / "gialint" / "formats" / name).read_text(encoding="utf-8")
        assert shipped == {"source": text, "data": tomllib.loads(text)}

    target = tmp_path / "installed"
    installed = subprocess.run(
        [*pip, "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stderr[-3000:]
    cache = tmp_path / "cache"  # a machine's first run: nothing cached yet
    report = seed("001")
    ran = subprocess.run(
        [sys.executable, "-c", _RUN, str(report)],
        env={**env, "PYTHONPATH": str(target), "GIALINT_CACHE_DIR": str(cache)},
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert ran.returncode == 0, ran.stderr[-3000:]
    out = json.loads(ran.stdout)
    assert Path(out["package"]).parent == target / "gialint"
    assert out["build"] == "pure Python"
    assert out["parsed_toml"] is False  # the format model came parsed
    expected = [[d.code, d.span.line, d.span.column] for d in gialint.lint_path(report).diagnostics]
    assert out["findings"] == expected and expected
    assert not list(cache.glob("tables-*"))  # the wheel's tables served: none were built
    assert out["compiled_here"] == []  # every pattern the run asked for came compiled with the wheel
