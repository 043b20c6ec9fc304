"""Plain value classes: equal, hashed, shown and pickled by their fields (:class:`FieldValue`).

The classes the content checks make for every paragraph, piece of prose or marker are plain
classes with ``Final`` fields, not attrs classes: in the compiled build (gialint/compiled.py)
they are native classes, made and read many times faster. This base gives them what attrs
would: value equality, a hash and a ``repr`` from the fields their ``_fields()`` lists. It is
compiled with them (a native class derives only from native classes).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from gialint.base.native import mypyc_attr


@mypyc_attr(acyclic=True)
class FieldValue:
    """A value made of the fields ``_fields()`` gives, in order: equal to another of the same
    class with equal fields, hashed, shown and pickled by them (a subclass's ``__init__`` takes
    its fields in that order)."""

    __slots__ = ()

    def _fields(self) -> tuple[object, ...]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FieldValue) and type(other) is type(self) and self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(repr(field) for field in self._fields())})"

    def __reduce__(self) -> tuple[type[FieldValue], tuple[object, ...]]:
        # compiled, a native class has no __dict__ for pickle's default way: its class and fields
        return (type(self), self._fields())


@mypyc_attr(acyclic=True)
class TupleValue(FieldValue):
    """A :class:`FieldValue` that still reads as the named tuple it once was (the syntax tree's
    :class:`~gialint.base.span.Span` and :class:`~gialint.parse.ast.Cell`): unpacked and indexed
    as its fields in order, its length, and ``_replace`` — what code written for the named tuple
    uses. It is not a ``tuple``: not equal to one, and ``isinstance(value, tuple)`` is false."""

    __slots__ = ()

    #: the names of the fields ``_fields()`` gives, in order (``__init__`` takes them so)
    _names: ClassVar[tuple[str, ...]] = ()

    def __iter__(self) -> Iterator[object]:
        return iter(self._fields())

    def __len__(self) -> int:
        return len(self._fields())

    def __bool__(self) -> bool:
        # as the tuple's (its length), without making the tuple: ``cell or other`` is common
        return bool(self._names)

    def __getitem__(self, index: Any) -> Any:
        return self._fields()[index]

    def _replace(self, **changes: Any) -> Any:
        """A copy with the fields named changed (as a named tuple's ``_replace``)."""
        unknown = sorted(set(changes) - set(self._names))
        if unknown:
            raise ValueError(f"{type(self).__name__} has no field {unknown[0]!r}")
        values = [changes.get(name, value) for name, value in zip(self._names, self._fields(), strict=True)]
        make: Any = type(self)  # a subclass's __init__ takes its fields in order
        return make(*values)
