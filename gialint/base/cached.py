"""A property worked out on first read and kept in the instance, without a lock.

``functools.cached_property`` does the same, but on Python 3.11 it takes a lock (one for all
instances of the class) around every first read, to work each value out once among threads;
Python 3.12 dropped the lock as useless. :class:`Document` and :class:`MatchedTable` have their
properties read for the first time some 16 times a report; the lock cost about 1 % of a report.
A value worked out twice by two threads is the same value here: the classes that use this are
immutable and their properties are pure.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

_T = TypeVar("_T")


class cached_property(Generic[_T]):
    """``functools.cached_property`` without the lock: the value is stored in the instance's
    ``__dict__`` under the property's name, where the next read finds it before this descriptor."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self._compute = compute
        self._name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[_T]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> _T: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> _T | cached_property[_T]:
        if instance is None:
            return self
        value = instance.__dict__[self._name] = self._compute(instance)
        return value
