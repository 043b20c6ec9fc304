"""Pausing Python's cyclic garbage collector while gialint makes many objects and no cycles.

Linting one report makes hundreds of thousands of short-lived objects (cells, spans,
tuples), freed by reference counting; with the collector running, a large report pays
for full collections over everything alive, whose cost grows with the report — the one
part of a 10,000-row table's time that grew faster than its size (docs/performance.md,
"Scaling"). The collector is off only while one file is worked on, and collects as usual
afterwards. That reading and linting a report make no reference cycle, which the collector
alone would free, is tested (tests/base/test_native.py).
"""

from __future__ import annotations

import gc
from types import TracebackType


class paused_gc:
    """The cyclic garbage collector off for a while: for code that makes many objects, frees
    few and makes no reference cycles (linting a report, loading findings), which it would only
    slow down. Nested pauses keep it off until the outermost ends. (A class: a generator made
    into a context manager costs a few microseconds more, twice for every report.)"""

    __slots__ = ("_enabled",)

    def __init__(self) -> None:
        self._enabled: list[bool] = []  # whether it was on, for each entry not yet left

    def __enter__(self) -> None:
        self._enabled.append(gc.isenabled())
        gc.disable()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if self._enabled.pop():
            gc.enable()
