"""Build gialint: pure Python, with its parsing and matching modules compiled by mypyc.

The modules listed in gialint/compiled.py (``MODULES``) are compiled to C extensions by
mypyc, from their type hints (as black and mypy are), when a wheel is built, which
``pip install .`` does. Their ``.py`` files are installed as well, so:

- ``GIALINT_COMPILE=0`` builds a pure-Python gialint;
- an editable install (``pip install -e .``) is never compiled, so edits take effect;
- a machine without a C compiler gets a warning and the pure-Python modules.

Why, and what it gains: docs/performance.md ("Compiled modules").
"""

from __future__ import annotations

import ast
import os
from typing import Any

from setuptools import Distribution, setup
from setuptools.command.build_ext import build_ext

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
        try:
            from mypyc.build import mypycify
        except ImportError:  # built without build isolation, and mypy is not installed
            self.warn("gialint: mypy is not installed, so nothing is compiled (gialint is pure Python)")
            return []
        # The compiled modules import only the standard library, attrs and gialint; the
        # modules they reach that import other packages are analysed without their errors.
        options = ["--follow-imports=silent"]
        return mypycify(options + _modules(), opt_level="3", debug_level="0", group_name="gialint")

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # any failure to compile leaves the Python modules
            self.warn(f"gialint: compiling failed ({error}); gialint is installed as pure Python")
            for path in self.get_outputs():  # all or nothing: a module without its group cannot load
                if os.path.exists(path):
                    os.remove(path)
            self.extensions = []


if __name__ == "__main__":  # as setuptools runs it
    setup(distclass=CompilingDistribution, cmdclass={"build_ext": build_mypyc})
