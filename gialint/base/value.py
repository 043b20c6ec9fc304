"""Plain value classes: equal, hashed, shown and pickled by their fields (:class:`FieldValue`).

The classes the content checks make for every paragraph, piece of prose or marker are plain
classes with ``Final`` fields, not attrs classes: in the compiled build (gialint/compiled.py)
they are native classes, made and read many times faster. This base gives them what attrs
would: value equality, a hash and a ``repr`` from the fields their ``_fields()`` lists. It is
compiled with them (a native class derives only from native classes).
"""

from __future__ import annotations


class FieldValue:
    """A value made of the fields ``_fields()`` gives, in order: equal to another of the same
    class with equal fields, hashed, shown and pickled by them (a subclass's ``__init__`` takes
    its fields in that order)."""

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
