"""What mypyc is told about the classes it compiles (gialint/compiled.py), and nothing at run time.

:func:`mypyc_attr` is ``mypy_extensions.mypyc_attr`` to mypy and mypyc, which read it when the
wheel is built; running, it gives the class back as written, so that neither build needs
mypy_extensions installed. gialint marks ``acyclic`` the value classes that never take part in
a reference cycle — made from their fields, which are read-only and never refer back to the
value — so that, compiled, the garbage collector does not track them: a report's several
hundred spans, cells and tree nodes are then never walked by it (docs/performance.md, "Round
seven"). A value class that may refer to itself, or hold a container that may come to hold it,
must not be marked: compiled, a cycle through it would never be freed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from mypy_extensions import mypyc_attr as mypyc_attr
else:
    _Class = TypeVar("_Class", bound=type)

    def mypyc_attr(*_flags: str, **_values: object) -> Callable[[_Class], _Class]:
        return lambda cls: cls
