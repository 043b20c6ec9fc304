"""Build gialint: pure Python, with its parsing and matching modules compiled by mypyc.

The modules listed in gialint/compiled.py (``MODULES``) are compiled to C extensions by
mypyc, from their type hints (as black and mypy are), when a wheel is built, which
``pip install .`` does. Their ``.py`` files are installed as well, so:

- ``GIALINT_COMPILE=0`` builds a pure-Python gialint;
- an editable install (``pip install -e .``) is never compiled, so edits take effect;
- any failure to compile (no C compiler, mypy missing or failing, an odd source layout)
  gets a warning and the pure-Python modules: compiling is for speed, never a reason for
  an install to fail.

The wheel also carries the grammar's LALR(1) tables (``gialint/grammars/report.tables.json``),
built here with lark, so that no run has to build them (gialint.parse.tables), the TOML data
read at every start already parsed (gialint.base.shipped), and gialint's regular expressions
compiled for the Python that builds the wheel (gialint.base.precompiled). Why, and what these gain:
docs/performance.md ("Compiled modules", "Start-up").
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from typing import Any

from setuptools import Distribution, setup
from setuptools.command.build_ext import build_ext
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))
#: The commands that build the package (pip runs bdist_wheel); the others only describe it.
BUILDS = {"build", "build_ext", "bdist_wheel", "install"}


def _wanted() -> bool:
    return os.environ.get("GIALINT_COMPILE", "1").strip().lower() not in ("0", "no", "false", "off")


def _modules() -> list[str]:
    """The source files of gialint.compiled.MODULES, read without importing gialint."""
    with open(os.path.join(HERE, "gialint", "compiled.py"), encoding="utf-8") as file:
        tree = ast.parse(file.read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "MODULES" for t in node.targets):
            return [os.path.join(*name.split(".")) + ".py" for name in ast.literal_eval(node.value)]
    raise RuntimeError("gialint/compiled.py defines no MODULES")


def _failure(error: BaseException) -> str:
    """What went wrong, in a line: mypy and mypyc report errors by exiting (SystemExit)."""
    if isinstance(error, SystemExit):
        return f"mypyc stopped: {error.code}" if error.code not in (None, 0) else "mypyc stopped"
    return f"{type(error).__name__}: {error}"


class CompilingDistribution(Distribution):
    def has_ext_modules(self) -> bool:
        # a wheel with compiled modules is tagged for this platform and Python
        return _wanted()


class build_mypyc(build_ext):  # named like the setuptools command it replaces
    """``build_ext`` that compiles the listed modules, and falls back to Python if it cannot."""

    def finalize_options(self) -> None:
        # egg_info and sdist finalize this command only to list source files: compile
        # (which starts with mypy's analysis, some seconds) only when something is built
        building = BUILDS.intersection(self.distribution.commands)
        if building and _wanted() and not self.editable_mode and not self.distribution.ext_modules:
            self.distribution.ext_modules = self._mypycify()
        super().finalize_options()

    def _mypycify(self) -> list[Any]:
        # Anything may go wrong here: mypy missing or broken, its analysis failing on a stray
        # or odd file (it exits: SystemExit). None of it may stop the install.
        try:
            from mypyc.build import mypycify

            # The compiled modules import only the standard library, attrs and gialint; the
            # modules they reach that import other packages are analysed without their errors.
            options = ["--follow-imports=silent"]
            return list(mypycify(options + _modules(), opt_level="3", debug_level="0", group_name="gialint"))
        except (Exception, SystemExit) as error:
            self.warn(f"gialint: cannot compile ({_failure(error)}); gialint is installed as pure Python")
            return []

    def run(self) -> None:
        try:
            super().run()
        except (Exception, SystemExit) as error:  # any failure to compile leaves the Python modules
            self.warn(f"gialint: compiling failed ({_failure(error)}); gialint is installed as pure Python")
            for path in self.get_outputs():  # all or nothing: a module without its group cannot load
                if os.path.exists(path):
                    os.remove(path)
            self.extensions = []


#: The grammar's tables as the wheel ships them, beside the grammar (gialint.parse.tables.SHIPPED).
TABLES = os.path.join("gialint", "grammars", "report.tables.json")
#: gialint's regular expressions compiled, for the Python that builds the wheel (gialint.base.precompiled).
PATTERNS = os.path.join("gialint", "base", "patterns.bin")
#: Package data read at every start, shipped parsed too (gialint.base.shipped).
PARSED_TOML = (os.path.join("gialint", "formats", "formats.toml"), os.path.join("gialint", "formats", "content.toml"))


def _source_module(name: str) -> Any:
    """A module of gialint's source (``parse/tables``), loaded from its file: gialint itself is not
    importable while it is being built."""
    spec = importlib.util.spec_from_file_location(f"_gialint_{name.replace('/', '_')}", f"{HERE}/gialint/{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class build_py_tables(build_py):
    """``build_py`` that also writes the grammar's LALR(1) tables and the parsed TOML data into the package.

    lark builds the tables from grammars/report.lark (gialint.parse.tables); the file holds the
    grammar they were built from, and each parsed TOML file its text, which gialint compares with
    the installed files before using them. An editable install gets none (its files may change):
    gialint then builds the tables once into the user's cache and parses the TOML at each start.
    """

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        with open(os.path.join(HERE, "grammars", "report.lark"), encoding="utf-8") as file:
            grammar = file.read()
        self._write(TABLES, lambda: _source_module("parse/tables").build_tables(grammar).as_json(grammar))
        for name in PARSED_TOML:
            with open(os.path.join(HERE, name), encoding="utf-8") as file:
                text = file.read()
            self._write(name + ".json", lambda text=text: _source_module("base/shipped").parsed_copy(text))
        self._write(PATTERNS, self._patterns)

    def _patterns(self) -> bytes:
        """The programs of the patterns the package being built compiles, recorded by a fresh
        interpreter that imports it from the build directory (gialint.base.precompiled)."""
        made = os.path.join(self.build_lib, PATTERNS)
        if os.path.exists(made):  # an earlier build's: recorded anew, not read
            os.remove(made)
        record = (
            "import sys; from gialint.base.precompiled import store; from gialint.testing.patterns import recorded; "
            "data = store(recorded()); open(sys.argv[1], 'wb').write(data)"
        )
        path = os.pathsep.join(p for p in (os.path.abspath(self.build_lib), os.environ.get("PYTHONPATH", "")) if p)
        env = {**os.environ, "PYTHONPATH": path, "GIALINT_NO_CACHE": "1"}
        with tempfile.TemporaryDirectory() as scratch:  # a file, not standard output, which a module may write to
            out = os.path.join(scratch, "patterns.bin")
            ran = subprocess.run([sys.executable, "-c", record, out], env=env, capture_output=True, timeout=600)
            if ran.returncode:
                lines = ran.stderr.decode("utf-8", "replace").strip().splitlines()
                raise RuntimeError(lines[-1] if lines else "the recording failed")
            with open(out, "rb") as file:
                return file.read()

    def _write(self, name: str, make: Callable[[], Any]) -> None:
        """Write what ``make`` returns as the file ``name`` of the package (bytes as they are, any
        other value as JSON); if it fails (lark missing, in a build without isolation), gialint
        makes it at run time instead."""
        try:
            made = make()
            data = (
                made
                if isinstance(made, bytes)
                else json.dumps(made, ensure_ascii=False, separators=(",", ":")).encode()
            )
        except Exception as error:
            self.warn(f"gialint: cannot make {name} ({_failure(error)}); gialint makes it at run time")
            return
        with open(os.path.join(self.build_lib, name), "wb") as file:
            file.write(data)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        made = [os.path.join(self.build_lib, name) for name in (TABLES, PATTERNS, *(n + ".json" for n in PARSED_TOML))]
        return super().get_outputs(include_bytecode) + [path for path in made if os.path.exists(path)]


if __name__ == "__main__":  # as setuptools runs it
    setup(distclass=CompilingDistribution, cmdclass={"build_ext": build_mypyc, "build_py": build_py_tables})
