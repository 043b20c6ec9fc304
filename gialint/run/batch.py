"""Many reports at once: the result cache first, then worker processes, results as they finish.

:class:`Batch` drives a run. For each block of files it reads and hashes them and asks
the cache (:mod:`gialint.run.cache`); what the cache does not have goes to worker processes
in chunks of :data:`CHUNK` files, at most :data:`IN_FLIGHT_PER_WORKER` chunks per worker
at a time, so memory stays flat however many files there are. In a large run (past
:data:`LOOK_UP_HERE` files, counted ahead when they are found as the run goes) the workers
read, hash and look up the blocks too, so that on a warm cache every core hashes; this
process then only decodes what they found — or, in a format whose parts are made apart
(:mod:`gialint.run.rendered`), writes the parts they send.
Results come back in the order they finish, each with its index, so a caller can
restore the files' order — or, with a ``window``, in the files' order: a file is given as
soon as every earlier file is done, and no file is started while the first one not done is
``window`` files behind it, so at most ``window`` results wait to be given, however many
files there are (:meth:`Batch.run`).

A .md/.txt file found under a directory (rather than named) that carries no sign of a
report (a README) is passed over: a few substring searches of the bytes read for the cache
key (:func:`gialint.read.signs.bytes_have_report_sign`) make it a :class:`Skipped` outcome before
the cache is asked or anything is parsed.

One file never stops the run: a file that cannot be read, or that trips a bug, becomes a
:class:`~gialint.lint.result.FileError`; if a worker process dies (a reader crashing on a hostile
file), the files it held are checked again one by one, each in a fresh process, and only
the file that kills its process is reported as unreadable.
"""

from __future__ import annotations

import functools
import itertools
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence, Sized
from typing import TYPE_CHECKING, TypeVar

from attrs import evolve, frozen

from gialint.base import catalogue as msg
from gialint.config.settings import DEFAULT_SETTINGS, Settings
from gialint.lint.result import FileError, LintResult
from gialint.read import READERS, file_bytes, file_bytes_and_status, kind_of
from gialint.read.limits import Limits
from gialint.read.source import ReadError
from gialint.run.cache import (
    TEXT_FORMATS,
    Cached,
    CacheError,
    FileRecord,
    ResultCache,
    Stored,
    content_digest,
    encode_parts,
    entry_of,
    file_context,
    file_key,
    key_of,
    load_pairing,
    load_parts,
    result_of,
    settled,
    status_of,
)
from gialint.run.rendered import Render, Rendered
from gialint.run.value_rows import Extraction

if TYPE_CHECKING:  # imported when workers are started: a run of one file does without them
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

#: Files per task handed to a worker: enough to make the hand-over cheap, few enough to share the load.
CHUNK = 8
#: With fewer files than this to lint (after the cache), starting workers costs more than it saves.
MIN_FOR_WORKERS = 2 * CHUNK
IN_FLIGHT_PER_WORKER = 4
#: Files read and looked up in the cache at a time.
BLOCK = 256
#: A run of at most this many files is looked up in this process; in a larger one, workers
#: look every file up: a small run does not pay for starting them, a larger one hashes on
#: every core.
LOOK_UP_HERE = 4 * BLOCK
#: Blocks handed to workers for look-ups at a time, per worker.
LOOK_UPS_PER_WORKER = 4


def default_window(jobs: int) -> int:
    """How far (in files) a run in order lets its workers run ahead of the first file not done:
    room for the blocks every worker looks up at a time, and a block more."""
    return (max(1, jobs) * LOOK_UPS_PER_WORKER + 1) * BLOCK


@frozen
class Skipped:
    """A file found under a directory that was passed over: it does not look like a report."""

    path: str


#: Cached and Rendered: only from a deferred run (Rendered: with a ``render``)
Outcome = LintResult | Extraction | FileError | Skipped | Cached | Rendered
_Item = tuple[int, str, Settings, bool]  # index, path, settings, whether it may be skipped if not a report
_Done = tuple[int, Outcome, bytes | None]  # index, outcome, cache key of what was linted
# index, stored value (or the report made apart), key if last used before today, bytes or b""
_Hit = tuple[int, bytes | Rendered, bytes | None, bytes]
_Keyed = tuple[int, str, Settings, bytes, bytes]  # index, path, settings, bytes, key
_Settled = tuple[int, FileError | Skipped]  # a file answered on reading it: unreadable, or skipped
# hits, misses, unreadable or skipped, and the files read to remember (ResultCache.record_files)
_LookedUp = tuple[list[_Hit], list[_Item], list[_Settled], list[FileRecord]]
_T = TypeVar("_T")


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def not_a_report(data: bytes) -> bool:
    """Whether a file's bytes carry no sign of a report."""
    return not _sign_look()(data)


@functools.cache
def _sign_look() -> Callable[[bytes], bool]:
    """The look for a sign of a report, imported once (an import statement per file costs more than the look)."""
    from gialint.read.signs import bytes_have_report_sign

    return bytes_have_report_sign


def lint_file(
    path: str,
    settings: Settings,
    keep_text: bool,
    keyed: bool,
    may_skip: bool = False,
) -> tuple[Outcome, bytes | None]:
    """Read and lint one file; every failure becomes a :class:`FileError`.

    With ``keyed``, also the cache key of the bytes linted. The result carries no
    document; its text is kept with ``keep_text``, and always for .html/.docx/.pdf
    reports when keyed (the cache keeps their extracted text). With ``may_skip``, a file
    with no sign of a report is :class:`Skipped`, not linted.
    """
    from gialint.run.api import lint_bytes  # not before a file needs linting: see gialint.lint.result

    try:
        data = file_bytes(path, settings.limits)
        if may_skip and not_a_report(data):
            return Skipped(path), None
        result = lint_bytes(data, path, settings=settings)
    except ReadError as error:
        return FileError(path, error.text), None
    except Exception as error:  # a file that trips a bug must not stop the run
        return FileError.internal(path, error), None
    key = file_key(data, settings, path) if keyed else None
    keep = keep_text or (keyed and result.file_format not in TEXT_FORMATS)
    return evolve(result, document=None, text=result.text if keep else ""), key


@frozen
class Task:
    """What a run does with each file: ``work`` — :func:`lint_file` (None) for ``gialint check``,
    :func:`gialint.run.extract.extract_file` for ``gialint extract`` — taking a file's path, settings,
    ``keep_text``, ``keyed`` and ``may_skip`` as :func:`lint_file` does; ``salt`` keeps its
    cache entries apart from other tasks' (the cache keys of :func:`gialint.run.cache.file_key`)."""

    work: Callable[[str, Settings, bool, bool, bool], tuple[Outcome, bytes | None]] | None = None
    salt: bytes = b""


LINT = Task()


def _work(chunk: Sequence[_Item], keep_text: bool, keyed: bool, task: Task = LINT) -> list[_Done]:
    """Lint a chunk of files (or do ``task``'s work on them)."""
    done = []
    work = task.work or lint_file
    for index, path, settings, may_skip in chunk:
        outcome, key = work(path, settings, keep_text, keyed, may_skip)
        done.append((index, outcome, key))
    return done


def _read_and_key(
    block: Sequence[_Item], cache: ResultCache, salt: bytes = b"", keep: bool = True
) -> tuple[list[_Keyed], list[_Settled], list[FileRecord]]:
    """Each file's bytes (with ``keep``; else ``b""``, so that a block's files are not all held
    at once) and cache key; the files that cannot be read, as errors, and those that may be
    skipped and are not reports, as skipped; and the files read whose status may stand for
    their bytes from now on (:func:`gialint.run.cache.settled`), to remember.

    Without ``keep``, a file the cache remembers (:meth:`ResultCache.known_files`) with its
    status as it is now is not read: its key comes from the digest remembered — when its kind
    is its name's, it is within the size limits, and, if it may be skipped, it was seen to carry
    a sign of a report."""
    keyed: list[_Keyed] = []
    done: list[_Settled] = []
    records: list[FileRecord] = []
    known = {} if keep else cache.known_files([item[1] for item in block])
    for index, path, settings, may_skip in block:
        limits = settings.limits
        found = known.get(path)
        if found is not None:
            remembered, digest, signed = found
            kind = os.path.splitext(path)[1].lower()
            try:
                status = os.stat(path)
            except OSError:
                status = None  # reading it says why
            if (
                status is not None
                and remembered == status_of(status)
                and (signed or not may_skip)
                and kind in READERS
                and status.st_size <= min(limits.max_text_bytes, limits.max_binary_bytes)
            ):
                keyed.append((index, path, settings, b"", key_of(digest, file_context(settings, path, kind, salt))))
                continue
        now = time.time_ns()
        try:
            data, status = file_bytes_and_status(path, limits)
        except ReadError as error:
            done.append((index, FileError(path, error.text)))
            continue
        if may_skip and not_a_report(data):
            done.append((index, Skipped(path)))
            continue
        digest = content_digest(data)
        key = key_of(digest, file_context(settings, path, kind_of(path, data), salt))
        keyed.append((index, path, settings, data if keep else b"", key))
        if len(data) == status.st_size and settled(status, now):  # (a file that grew as it was read: no)
            records.append((path, status_of(status), digest, int(may_skip)))
    return keyed, done, records


_worker_caches: dict[str, ResultCache] = {}


def _look_up(
    block: Sequence[_Item], directory: str, keep_text: bool, salt: bytes = b"", render: Render | None = None
) -> _LookedUp:
    """A worker's task in a large run: read and hash a block and ask the cache in ``directory``.

    Returns the hits with their stored values undecoded (with the bytes, for ``keep_text``;
    the key only for an entry to mark as used today), the misses and the unreadable files:
    what is sent back stays small. A worker that cannot open the cache finds nothing. With
    ``render``, a report's hit is its part of the output instead (:mod:`gialint.run.rendered`),
    and one whose value cannot be decoded is a miss.
    """
    cache = _worker_caches.get(directory)
    if cache is None:
        try:
            cache = _worker_caches[directory] = ResultCache(directory)
        except CacheError:
            return [], list(block), [], []
    keyed, errors, records = _read_and_key(block, cache, salt, keep_text)
    stored = cache.stored([k[4] for k in keyed], parts=render is not None)
    hits, misses = [], []
    for index, path, settings, data, key in keyed:
        found = stored.get(key)
        if found is None:
            misses.append((index, path, settings, False))
        else:
            value: bytes | Rendered = found[0]
            if render is not None:
                rendered = _render(path, found[0], found[2], render)
                if rendered is None:
                    misses.append((index, path, settings, False))
                    continue
                value = rendered
            hits.append((index, value, key if found[1] < cache.today else None, data if keep_text else b""))
    return hits, misses, errors, records


def _render(path: str, value: bytes, parts: bytes, render: Render) -> Rendered | None:
    """A report's part of the output: the one kept with its stored value, when ``render`` made
    it for this file, else made from the entry; None for a value that cannot be decoded or is
    not a report's (linted again, or answered, by the driving process)."""
    try:
        pairing, start = load_pairing(value)
    except Exception:
        return None
    if pairing is None:
        return None
    kept = load_parts(parts, render.key, path, pairing)
    if kept is not None:
        return kept
    result = Cached(path, value[start:], None, b"", *pairing).result()
    return None if result is None else render(result)


def _work_in_worker(chunk: Sequence[_Item], keep_text: bool, keyed: bool, task: Task = LINT) -> list[_Done]:
    """A worker's task: lint a chunk of files (see :func:`_warm`)."""
    _warm()
    return _work(chunk, keep_text, keyed, task)


#: Allocations between young-generation collections in workers (Python's default: 700).
WORKER_GC_THRESHOLD = 10_000


_warmed = False


def _warm() -> None:
    """Before the first file a worker lints: load the parser and the rules once.

    The worker is gialint's own process, so its garbage collector is tuned for the job: what
    is loaded now lives as long as the worker and is frozen out of every collection, and a
    report's short-lived objects (thousands of cells and tuples, freed by reference count)
    trigger fewer collections. About 5 % less time per file.
    """
    global _warmed
    if _warmed:
        return
    import gc

    _load()
    gc.freeze()
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    _warmed = True


def _load() -> None:
    """Load the parser and the rules (kept for the life of the process)."""
    from gialint.lint.registry import all_rules
    from gialint.parse.driver import parser

    parser()
    all_rules()


def _context() -> BaseContext:
    """fork where it is safe (no other thread in this process), else forkserver or spawn."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


class Batch:
    """One run over many files. ``jobs=1`` lints in this process; ``task``: what is done with each file."""

    def __init__(
        self,
        jobs: int,
        cache: ResultCache | None = None,
        keep_text: bool = True,
        task: Task = LINT,
        window: int | None = None,
        deferred: bool = False,
        render: Render | None = None,
    ) -> None:
        self.jobs = max(1, jobs)
        # a report the cache answers is given undecoded (Cached), to be decoded where it is used;
        # with ``render`` (a format whose parts are made apart), a report linted, or found with its
        # part kept or by a worker, is given as its part of the output (Rendered), kept with its entry
        self.deferred = deferred and task is LINT
        self.render = render if self.deferred and not keep_text else None
        self.window = window  # files in order, at most this many waiting to be given (None: as they finish)
        self.most_held = 0  # the most results held back at once for the files' order
        self._next = 0  # the first file not yet given, in a run in order
        self.task = task
        self.cache = cache
        self.keep_text = keep_text
        self.linted = 0  # files linted in this run (not found in the cache)
        self.cached = 0  # files found in the cache
        self._pool: ProcessPoolExecutor | None = None
        self._waiting: list[_Item] = []  # files to lint, not yet handed to a worker
        self._in_flight: dict[Future[list[_Done]], list[_Item]] = {}  # chunks being linted
        self._looking: dict[Future[_LookedUp], list[_Item]] = {}  # blocks being looked up by workers

    # ------------------------------------------------------------------ driving
    def run(
        self, items: Iterable[tuple[str, Settings]], may_skip: Callable[[str], bool] | None = None
    ) -> Iterator[tuple[int, Outcome]]:
        """``(index, outcome)`` for every ``(path, settings)``: in the order they finish, or with a
        ``window`` in the files' order. A file for which ``may_skip`` says so is :class:`Skipped`
        when it carries no sign of a report."""
        if self.window is None:
            yield from self._run(items, may_skip)
            return
        held: dict[int, Outcome] = {}  # done, waiting for an earlier file
        self._next = 0
        for index, outcome in self._run(items, may_skip):
            held[index] = outcome
            self.most_held = max(self.most_held, len(held))
            while self._next in held:
                ready = self._next
                self._next += 1
                yield ready, held.pop(ready)

    def _run(
        self, items: Iterable[tuple[str, Settings]], may_skip: Callable[[str], bool] | None
    ) -> Iterator[tuple[int, Outcome]]:
        # a large run hands look-ups to workers from the start; files found as the run goes are
        # counted that far ahead to know (a bounded look ahead)
        if not isinstance(items, Sized):
            rest = iter(items)
            ahead = list(itertools.islice(rest, LOOK_UP_HERE + 1))
            items = itertools.chain(ahead, rest)
            large = len(ahead) > LOOK_UP_HERE
        else:
            large = len(items) > LOOK_UP_HERE
        try:
            block: list[_Item] = []
            for index, (path, settings) in enumerate(items):
                while self.window is not None and index >= self._next + self.window:
                    yield from self._make_room(block, here=not large)
                    block = []
                block.append((index, path, settings, may_skip is not None and may_skip(path)))
                if len(block) == BLOCK:
                    yield from self._look_up_block(block, here=not large)
                    yield from self._dispatch(final=False)
                    block = []
            yield from self._look_up_block(block, here=not self._looking)
            while self._looking:
                yield from self._collect_look_ups(wait_for_one=True)
            yield from self._dispatch(final=True)
            while self._in_flight:
                yield from self._collect(block=True)
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
            if self.cache is not None:
                self.cache.flush()

    def _make_room(self, block: list[_Item], here: bool) -> Iterator[tuple[int, Outcome]]:
        """One step towards the first file not done, when the window is full: the files read so
        far are looked up, a look-up or a lint is waited for, the files waiting are handed out."""
        if block:
            yield from self._look_up_block(block, here=here)
        elif self._looking:
            yield from self._collect_look_ups(wait_for_one=True)
        elif self._waiting:
            yield from self._dispatch(final=True)
        elif self._in_flight:
            yield from self._collect(block=True)
        else:  # every file started is done: the window cannot be full
            raise AssertionError(f"no file to wait for, yet file {self._next} is not done")

    def _look_up_block(self, block: list[_Item], here: bool) -> Iterator[tuple[int, Outcome]]:
        """Look a block up here, or hand it to a worker when a large run has workers."""
        if self.cache is None:
            self._waiting.extend(block)
            return
        if here or not block or self.jobs == 1 or not (self._pool is not None or self._start_pool(warm_here=False)):
            yield from self._look_up_here(block)
            return
        yield from self._collect_look_ups(wait_for_one=False)
        while len(self._looking) >= self.jobs * LOOK_UPS_PER_WORKER:
            yield from self._collect_look_ups(wait_for_one=True)
        directory = os.path.dirname(self.cache.path)
        self._looking[self._to_pool(_look_up, block, directory, self.keep_text, self.task.salt, self.render)] = block

    def _look_up_here(self, block: Sequence[_Item]) -> Iterator[tuple[int, Outcome]]:
        """Answer what the cache knows; put the rest on the waiting list."""
        assert self.cache is not None
        keyed, errors, records = _read_and_key(block, self.cache, self.task.salt, self.keep_text)
        self.cache.record_files(records)
        yield from errors
        if self.deferred:
            stored = self.cache.stored([k[4] for k in keyed], parts=self.render is not None)
            for index, path, settings, data, key in keyed:
                value, used, parts = stored.get(key, (b"", 0, b""))
                item = (index, path, settings, False)
                answered = self._defer(item, data, value, key if used < self.cache.today else None, parts)
                if answered is not None:
                    yield answered
            return
        found = self.cache.get_many([k[4] for k in keyed])
        for index, path, settings, data, key in keyed:
            answered = self._answer((index, path, settings, False), data, found.get(key))
            if answered is not None:
                yield answered

    def _collect_look_ups(self, wait_for_one: bool) -> Iterator[tuple[int, Outcome]]:
        """Decode what workers found; put their misses on the waiting list."""
        from concurrent.futures import FIRST_COMPLETED, wait

        assert self.cache is not None
        done, _ = wait(list(self._looking), timeout=None if wait_for_one else 0, return_when=FIRST_COMPLETED)
        for future in done:
            block = self._looking.pop(future)
            try:
                hits, misses, errors, records = future.result()
            except Exception:  # the pool broke (a file killed a worker), or the look-up failed: do it here
                yield from self._look_up_here(block)
                continue
            self.cache.record_files(records)
            yield from errors
            self._waiting.extend(misses)
            first = block[0][0]  # a block's indices run on from its first
            if self.deferred:
                for index, value, stale, data in hits:
                    answered = self._defer(block[index - first], data, value, stale)
                    if answered is not None:
                        yield answered
                continue
            # (a run that is not deferred makes nothing apart: every value is bytes)
            entries = self.cache.decode_many(
                [(value, stale) for _, value, stale, _ in hits if isinstance(value, bytes)]
            )
            for (index, _, _, data), entry in zip(hits, entries, strict=True):
                answered = self._answer(block[index - first], data, entry)
                if answered is not None:
                    yield answered

    def _answer(self, item: _Item, data: bytes, entry: Stored | None) -> tuple[int, Outcome] | None:
        """A file's result from its cache entry; without one (a miss, or an entry too damaged to
        load), the file goes on the waiting list to be linted."""
        if entry is None:
            self._waiting.append(item)
            return None
        self.cached += 1
        return item[0], self._from_entry(item[1], data, entry, item[2].limits)

    def _defer(
        self, item: _Item, data: bytes, value: bytes | Rendered, stale: bytes | None, parts: bytes = b""
    ) -> tuple[int, Outcome] | None:
        """A file's result from its stored value (``b""``: none), undecoded but for its pairing;
        without one, or with a damaged one, the file goes on the waiting list to be linted. The
        report's part of the output, when a worker made it or this run's format kept it
        (``parts``), is given as it is."""
        assert self.cache is not None
        if isinstance(value, Rendered):
            self.cache.count_hit(stale)
            self.cached += 1
            return item[0], value
        found = self.cache.pairing(value, stale) if value else None
        pairing = found[0] if found is not None else None
        if found is None or pairing is None:  # a miss, a damaged value, or one that is not a report's
            self._waiting.append(item)
            return None
        (agency, source, year), start = pairing, found[1]
        self.cached += 1
        if self.render is not None and (kept := load_parts(parts, self.render.key, item[1], pairing)) is not None:
            return item[0], kept
        limits = item[2].limits if self.keep_text else None
        data = data if self.keep_text else b""
        return item[0], Cached(item[1], value[start:], limits, data, agency, source, year)

    def _from_entry(self, path: str, data: bytes, entry: Stored, limits: Limits) -> LintResult | Extraction:
        if isinstance(entry, Extraction):
            return entry if entry.path == path else evolve(entry, path=path)
        return result_of(path, data, entry, self.keep_text, limits)

    def _dispatch(self, final: bool) -> Iterator[tuple[int, Outcome]]:
        """Hand waiting files to workers, or lint them here when workers would not pay."""
        waiting = self._waiting
        use_pool = self.jobs > 1 and (self._pool is not None or len(waiting) >= MIN_FOR_WORKERS)
        if use_pool and self._pool is None:
            use_pool = self._start_pool(warm_here=True)
        if not use_pool:
            if self.jobs == 1 or final:
                chunk, waiting[:] = list(waiting), []
                for done in _work(chunk, self.keep_text, self.cache is not None, self.task):
                    yield self._finish(*done)
            return
        while len(waiting) >= CHUNK or (final and waiting):
            chunk, waiting[:] = waiting[:CHUNK], waiting[CHUNK:]
            while len(self._in_flight) >= self.jobs * IN_FLIGHT_PER_WORKER:
                yield from self._collect(block=True)
            self._submit(chunk)
        yield from self._collect(block=False)

    def _start_pool(self, warm_here: bool) -> bool:
        """Start the workers. With ``warm_here``, load the parser and rules first, so that forked
        workers inherit them; a pool started for look-ups leaves that to each worker's first lint
        (:func:`_work_in_worker`), which a run answered by the cache never comes to. Only the
        workers tune their garbage collector: this process may be someone else's program."""
        from concurrent.futures import ProcessPoolExecutor

        if warm_here:
            _load()
        try:
            self._pool = ProcessPoolExecutor(self.jobs, mp_context=_context())
        except (OSError, ImportError, NotImplementedError):  # no process support here: lint in this process
            self.jobs = 1
            return False
        return True

    def _submit(self, chunk: list[_Item]) -> None:
        future = self._to_pool(_work_in_worker, chunk, self.keep_text, self.cache is not None, self.task)
        self._in_flight[future] = chunk

    def _to_pool(self, task: Callable[..., _T], *args: object) -> Future[_T]:
        """Hand a task to the workers. A pool that broke since it was last collected from takes
        no more: the task then fails as the pool's others do, and is handled with them."""
        from concurrent.futures import Future
        from concurrent.futures.process import BrokenProcessPool

        assert self._pool is not None
        try:
            return self._pool.submit(task, *args)
        except BrokenProcessPool as error:
            failed: Future[_T] = Future()
            failed.set_exception(error)
            return failed

    def _collect(self, block: bool) -> Iterator[tuple[int, Outcome]]:
        if not self._in_flight:
            return
        from concurrent.futures import FIRST_COMPLETED, wait
        from concurrent.futures.process import BrokenProcessPool

        done, _ = wait(list(self._in_flight), timeout=None if block else 0, return_when=FIRST_COMPLETED)
        broken: list[_Item] = []
        for future in done:
            chunk = self._in_flight.pop(future)
            try:
                finished = future.result()
            except BrokenProcessPool:
                broken.extend(chunk)
                continue
            for index, outcome, key in finished:
                yield self._finish(index, outcome, key)
        if broken:
            # every chunk still held by the dead pool fails the same way: check them all alone,
            # and look up here the blocks it was looking up
            for chunk in self._in_flight.values():
                broken.extend(chunk)
            self._in_flight.clear()
            unlooked = [item for block in self._looking.values() for item in block]
            self._looking.clear()
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None
            for job in sorted(broken, key=lambda j: j[0]):
                yield self._finish(*self._alone(job))
            if unlooked:
                yield from self._look_up_here(unlooked)

    def _alone(self, item: _Item) -> _Done:
        """Lint one file in a process of its own: if that process dies, the file is the culprit."""
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        index, path = item[:2]
        with ProcessPoolExecutor(1, mp_context=_context()) as solo:
            try:
                keyed = self.cache is not None
                return solo.submit(_work, [item], self.keep_text, keyed, self.task).result()[0]
            except BrokenProcessPool:
                return index, FileError(path, msg.WORKER_DIED), None

    def _finish(self, index: int, outcome: Outcome, key: bytes | None) -> tuple[int, Outcome]:
        self.linted += not isinstance(outcome, Skipped)
        if isinstance(outcome, LintResult):
            rendered = self.render(outcome) if self.render is not None else None
            if self.cache is not None and key is not None:  # (its part kept too: a re-run writes it as it is)
                parts = encode_parts(self.render.key, rendered) if self.render is not None and rendered else b""
                self.cache.put(key, entry_of(outcome), parts)
            if rendered is not None:
                return index, rendered
            if not self.keep_text and outcome.text:
                outcome = evolve(outcome, text="")
        elif isinstance(outcome, Extraction) and self.cache is not None and key is not None:
            self.cache.put(key, outcome)
        return index, outcome


def settings_chooser(
    settings: Settings | Callable[[str], Settings] | None, limits: Limits | None = None
) -> Callable[[str], Settings]:
    """Each file's settings, by its path: ``settings`` for every file, or a function of the path
    (default: no configuration); ``limits``, if given, in place of the settings' (the
    configuration's ``limits`` table)."""
    if callable(settings):
        choose = settings
        if limits is None:
            return choose
        return lambda path: evolve(choose(path), limits=limits)
    fixed = settings if settings is not None else DEFAULT_SETTINGS
    if limits is not None:  # given here, they win over the configuration's
        fixed = evolve(fixed, limits=limits)
    return lambda path: fixed


def items_of(
    paths: Iterable[str | os.PathLike[str]],
    settings: Settings | Callable[[str], Settings] | None,
    limits: Limits | None = None,
) -> Iterator[tuple[str, Settings]]:
    """Each file found at ``paths`` (directories searched) with its settings
    (:func:`settings_chooser`), as the files are found."""
    from gialint.run.discover import iter_files

    choose = settings_chooser(settings, limits)
    return ((path, choose(path)) for path in iter_files([os.fspath(p) for p in paths]))


def lint_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    settings: Settings | Callable[[str], Settings] | None = None,
    cache: bool | str = False,
    text: bool = True,
    limits: Limits | None = None,
) -> Iterator[LintResult | FileError]:
    """Lint many reports in ``jobs`` worker processes (default: the cores available), yielding
    each :class:`LintResult` — or :class:`FileError` for a file that cannot be read — in the
    files' order (see below).

    ``paths`` are files and directories (searched for report files, as ``gialint check``
    does, and found as the run goes); each result has its ``path``. They carry no
    ``document`` (a syntax tree is costly to pass between processes: call
    :func:`gialint.parse_text` on ``result.text`` for it); with
    ``text=False`` they carry no text either. ``settings`` is one
    :class:`~gialint.Settings` for every file, or a function of the path such as
    :func:`gialint.settings_for` (each file's configuration). ``cache=True`` uses the
    per-user result cache, a string names a cache directory. Unlike ``gialint check``, every
    file found is linted, a README under a directory too (GIA206 says it is not a report).
    ``limits`` bound each file's size, pages and time (:class:`~gialint.Limits`), in place of those
    of the settings (the configuration's ``limits`` table).

    Reports of one agency for consecutive years are paired, as ``gialint check`` pairs them
    (:func:`gialint.run.pairing.in_order`): the later is linted with the earlier as last year's
    report (GIA601–GIA604). So results come in the files' order, each as soon as every earlier
    file is done and it is known whether last year's report is in the run: a report whose
    title names an agency and a year waits for the end of the run (that report could be the
    last file), and the files after it wait with it — on disk, so memory stays the same
    however many files there are.
    """
    from gialint.run.cache import open_cache
    from gialint.run.pairing import in_order

    store = open_cache(cache if isinstance(cache, str) else None) if cache else None
    jobs = jobs or default_jobs()
    choose = settings_chooser(settings, limits)
    # deferred: a report the cache answers waits as its stored bytes, decoded when it is given
    batch = Batch(jobs, store, keep_text=text, window=default_window(jobs), deferred=True)
    try:
        outcomes = batch.run(items_of(paths, choose))
        for outcome in in_order(outcomes, choose, None, store, text):
            if isinstance(outcome, LintResult | FileError):  # never skipped: nothing here may be
                yield outcome
    finally:
        if store is not None:
            store.close()
