"""The modules mypyc compiles (gialint.compiled): all of them or none, and nothing in them
that compiling would break. These hold whether this gialint is compiled or pure Python."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import gialint
from conftest import REPORTS
from gialint.compiled import MODULES, build_description, compiled_modules
from gialint.lint.registry import all_rules
from gialint.testing import LAYOUTS, consistent_values, render

PACKAGE = Path(gialint.__file__).parent


def _source(name: str) -> Path:
    return PACKAGE.joinpath(*name.split(".")[1:]).with_suffix(".py")


@pytest.mark.parametrize("name", MODULES)
def test_each_module_is_gialint_source(name: str) -> None:
    # the .py files are installed beside the compiled modules: setup.py compiles them, and
    # they serve wherever nothing was compiled
    assert name.startswith("gialint.")
    assert _source(name).is_file()
    assert importlib.import_module(name).__name__ == name


def test_all_or_none_compiled() -> None:
    # a module compiled without the others cannot load: its code lives in the shared group
    found = compiled_modules()
    assert found in ((), MODULES)
    assert build_description() == ("compiled with mypyc" if found else "pure Python")


def test_version_says_how_gialint_runs(tmp_path: Path) -> None:
    def version(*lang: str) -> str:
        command = [sys.executable, "-m", "gialint", *lang, "--version"]
        done = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
        assert done.returncode == 0
        return done.stdout

    assert version("--lang", "en") == f"gialint {gialint.__version__} ({build_description()})\n"
    chinese = {"compiled with mypyc": "已用 mypyc 编译", "pure Python": "纯 Python"}[build_description()]
    assert version() == f"gialint {gialint.__version__}（{chinese}）\n"


@pytest.mark.parametrize("name", MODULES)
def test_no_cached_property_in_a_compiled_module(name: str) -> None:
    # a compiled class computes a functools.cached_property on every access, silently
    tree = ast.parse(_source(name).read_text(encoding="utf-8"))
    decorators = [
        ast.unparse(d)
        for n in ast.walk(tree)
        if isinstance(n, ast.FunctionDef | ast.ClassDef)
        for d in n.decorator_list
    ]
    assert not [d for d in decorators if "cached_property" in d]


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def test_no_python_class_extends_a_compiled_one() -> None:
    # "interpreted classes cannot inherit from compiled": rules and plugins extend classes
    # of modules that are not compiled (IdentityRule, Rule), never those of MODULES
    for info in pkgutil.walk_packages([str(PACKAGE)], "gialint."):
        if not info.name.endswith("__main__"):
            importlib.import_module(info.name)
    all_rules()
    outside = []
    for name in MODULES:
        module = sys.modules[name]
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == name:
                outside += [
                    f"{s.__module__}.{s.__qualname__}" for s in _subclasses(value) if s.__module__ not in MODULES
                ]
    assert outside == []


# Runs gialint with the .py files of MODULES even where compiled extensions stand beside
# them (extension modules are found first): the same gialint, as pure Python.
_AS_PURE_PYTHON = """
import importlib.util, pathlib, sys
import gialint.compiled

class SourceOnly:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name in gialint.compiled.MODULES:
            root = pathlib.Path(gialint.compiled.__file__).parent
            return importlib.util.spec_from_file_location(name, root.joinpath(*name.split(".")[1:]).with_suffix(".py"))
        return None

sys.meta_path.insert(0, SourceOnly)
print(gialint.compiled.build_description())
"""

_RUN = """
import sys
from gialint.cli import main
main(["check", sys.argv[1], "--format", "json", "--no-cache", "--jobs", "1"])
for path in sys.argv[2:]:
    main(["parse", path])
"""


def _defective_reports(directory: Path) -> None:
    """Generated reports of both formats in every layout, each with a total off by one, a dash
    for a zero and a unit in a cell."""
    for year in (2020, 2022):
        for layout in LAYOUTS:
            rng = random.Random(f"{year}{layout.value}")
            values: dict[tuple[str, str, str], int | str] = dict(consistent_values(year, rng))
            t3 = sorted(k for k in values if k[0] == "t3")
            first, second, third = rng.sample(t3, 3)
            values[first] = int(values[first]) + 1
            values[second] = "-"
            values[third] = f"{values[third]}件"
            text = render(year, values, layout).text
            (directory / f"generated-{year}-{layout.value}.txt").write_text(text, encoding="utf-8")


def test_pure_python_finds_the_same(tmp_path: Path) -> None:
    # where gialint is compiled, its findings and syntax trees must be those of its Python
    # source; where it is not, both runs are the Python source and agree trivially
    for report in REPORTS:
        shutil.copy(report, tmp_path / report.name)
    _defective_reports(tmp_path)
    files = sorted(str(p) for p in tmp_path.glob("*.txt"))
    outputs = []
    for prelude in ("import gialint.compiled\nprint(gialint.compiled.build_description())\n", _AS_PURE_PYTHON):
        code = prelude + _RUN
        done = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path), *files], capture_output=True, text=True, cwd=tmp_path
        )
        assert done.stderr == ""
        outputs.append(done.stdout)
    compiled, pure = (o.split("\n", 1) for o in outputs)
    assert compiled[0] == build_description()
    assert pure[0] == "pure Python"
    assert '"code": "GIA301"' in compiled[1] and '"code": "GIA401"' in compiled[1]
    assert compiled[1] == pure[1]
