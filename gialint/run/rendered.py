"""A report's part of the output, made apart from the writer: once, and kept.

The process that drives ``gialint check`` writes every report; on a warm run, decoding each
cache entry into findings and writing them out as JSON were most of its time, on one core,
after the workers were done. A format whose part for a file depends on the result and the
output options alone (``json``, ``jsonl``, ``concise``) makes that part apart
(:class:`gialint.report.stream.Renderer`), as text with what the run's counts need
(:data:`Counted`): when the report is linted, and the cache keeps it beside the entry
(:func:`gialint.run.cache.encode_parts`); a re-run in that format takes it as it is, and in
another the workers make it from the entry. The driving process joins the parts in the files'
order and counts them (:meth:`gialint.report.stream.Writer.rendered`). A report then linted
again — paired with last year's (:mod:`gialint.run.pairing`) — is written from its new
result as any other.
"""

from __future__ import annotations

from typing import Any, NamedTuple, Protocol

from gialint.base.diagnostic import Severity
from gialint.lint.result import LintResult

#: A finding as a run's counts take it: its severity (the :class:`~gialint.base.diagnostic.Severity`'s
#: number), code and name, and its fix (:data:`NO_FIX`, :data:`UNSAFE_FIX` or :data:`SAFE_FIX`). Plain
#: numbers and strings: a run's parts cross from worker to driver, and wait on disk, by pickle.
Counted = tuple[int, str, str, int]
NO_FIX, UNSAFE_FIX, SAFE_FIX = 0, 1, 2
#: Each severity by the number a :data:`Counted` finding holds.
SEVERITIES: dict[int, Severity] = {int(severity): severity for severity in Severity}
#: How :attr:`Rendered.pieces` are encoded: any string, lone surrogates included, comes back.
ENCODING = ("utf-8", "surrogatepass")


def counted(result: LintResult) -> tuple[Counted, ...]:
    """Each finding of ``result`` as the run's counts take it."""
    return tuple(
        (int(d.severity), d.code, d.name, NO_FIX if d.fix is None else SAFE_FIX if d.fix.is_safe else UNSAFE_FIX)
        for d in result.diagnostics
    )


class Rendered(NamedTuple):
    """A report written out apart: its pairing (agency, where found, year), its kind of file and
    findings as counted, and its output as the format's pieces
    (:meth:`~gialint.report.stream.Writer.pieces`), encoded in UTF-8 (:data:`ENCODING`).

    A warm run's report crosses from a worker to the driving process, and waits on disk for
    its turn, by pickle: its text as bytes is copied, where a string (Chinese, so not ASCII)
    would be encoded and decoded at every crossing, and the whole pickles as a tuple that
    ``tuple.__new__`` makes again, calling no Python."""

    path: str
    agency: str | None
    agency_source: str | None
    year: int | None
    file_format: str
    findings: tuple[Counted, ...]
    pieces: tuple[bytes, ...]

    def __reduce__(self) -> tuple[Any, ...]:
        return tuple.__new__, (Rendered, tuple(self))


class Render(Protocol):
    """What makes a report's :class:`Rendered` from its result: a format with its options
    (:class:`gialint.report.stream.Renderer`). Picklable, since it is handed to the workers with
    each block they look up; its ``key`` says what it makes, for the parts the cache keeps."""

    @property
    def key(self) -> str: ...

    def __call__(self, result: LintResult) -> Rendered: ...
