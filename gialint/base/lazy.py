"""A module imported when one of its names is first used: :class:`LazyModule`.

Starting ``gialint check one.txt`` should import what that run uses. A module that names, say,
``sqlite3.Error`` only in the code of a result cache that a ``--no-cache`` run never opens binds
the name to a :class:`LazyModule` instead of importing it::

    if TYPE_CHECKING:
        import sqlite3
    else:
        sqlite3 = LazyModule("sqlite3")

and reads ``sqlite3.connect`` as before; the first such read imports the module.
"""

from __future__ import annotations

import importlib
from typing import Any


class LazyModule:
    """Stands for the module ``name`` until a name of it is read, then imports it."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        if attribute.startswith("__"):  # copy, pickle and introspection look for these
            raise AttributeError(attribute)
        value = getattr(importlib.import_module(self._name), attribute)
        setattr(self, attribute, value)  # found directly from now on
        return value

    def __repr__(self) -> str:
        return f"<LazyModule {self._name!r}>"
