"""Last year's report in a run: reports of one agency for consecutive years, paired.

A run lints every file on its own first (with the cache, in worker processes). Then each
report whose agency — as its title or page title names it — has exactly one report in the
run for the year before is linted again with that report as ``previous``, for GIA601–GIA604.
``gialint check --previous FILE`` names last year's report instead, for every file checked.

A paired result is cached under its own key, which adds last year's file key (its bytes,
settings and gialint's build) and its path (which the findings name) to the file's: a changed
or renamed report of last year is a miss.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import IO, TYPE_CHECKING, Any, Generic, TypeVar

from attrs import evolve

from gialint.base.lazy import LazyModule
from gialint.config.settings import Settings
from gialint.lint.result import FileError, LintResult
from gialint.read import file_bytes
from gialint.read.source import ReadError
from gialint.run.cache import Cached, Entry, ResultCache, entry_of, file_key, result_of
from gialint.run.rendered import Rendered

if TYPE_CHECKING:
    import hashlib
    import pickle
    import tempfile
else:  # a run over one file pairs nothing and spills nothing: it does not import these
    hashlib, pickle, tempfile = LazyModule("hashlib"), LazyModule("pickle"), LazyModule("tempfile")

#: An outcome of a run (:data:`gialint.run.batch.Outcome`: a result, an undecoded one, an
#: unreadable or a skipped file).
T = TypeVar("T")

#: Where an agency must have been found for its reports to be paired: a title names one
#: agency, whereas a page's publishing body may publish for many.
PAIRED_SOURCES = ("title", "page-title")

Key = tuple[str, int]  # (agency, year)
_REPORTS = (LintResult, Cached, Rendered)  # the outcomes that are reports: decoded, not yet, or written


def pair_key(result: LintResult | Cached | Rendered) -> Key | None:
    """The (agency, year) a result is paired by, None when it cannot be paired."""
    if result.agency is None or result.year is None or result.agency_source not in PAIRED_SOURCES:
        return None
    return result.agency, result.year


def paired_key(key: bytes, previous_key: bytes, previous_path: str) -> bytes:
    """The cache key of a report linted with last year's (see the module's docstring)."""
    digest = hashlib.sha256(key)
    digest.update(previous_key)
    digest.update(previous_path.encode("utf-8", "surrogatepass"))
    return digest.digest()


def lint_with_previous(
    item: tuple[str, Settings],
    previous: tuple[str, Settings] | None,
    cache: ResultCache | None,
    keep_text: bool,
) -> LintResult | FileError:
    """Lint the file of ``item`` (path, settings) with the report of ``previous`` as last year's;
    without ``previous``, on its own, its cache entry (found damaged) replaced."""
    from gialint.run.api import lint_bytes  # not before a file needs linting

    path, settings = item
    previous_path = previous[0] if previous is not None else None
    try:
        data = file_bytes(path, settings.limits)
        key = b""
        if cache is not None:
            key = file_key(data, settings, path)
        if cache is not None and previous is not None:
            before = file_key(file_bytes(previous[0], previous[1].limits), previous[1], previous[0])
            key = paired_key(key, before, previous[0])
            entry = cache.get_many([key]).get(key)
            if isinstance(entry, Entry):
                return result_of(path, data, entry, keep_text, settings.limits)
        result = lint_bytes(data, path, settings=settings, previous=previous_path)
    except ReadError as error:
        return FileError(path, error.text)
    except Exception as error:  # a file that trips a bug must not stop the run
        return FileError.internal(path, error)
    if cache is not None:
        cache.put(key, entry_of(result))
    return evolve(result, document=None, text=result.text if keep_text else "")


def resolved(
    outcome: T, settings_of: Callable[[str], Settings], cache: ResultCache | None
) -> T | LintResult | FileError:
    """An outcome as it is written out: a :class:`Cached` report decoded — or, when its entry turns
    out to be damaged, linted again (``settings_of`` gives its settings) and its entry replaced."""
    if not isinstance(outcome, Cached):
        return outcome
    result = outcome.result()
    if result is not None:
        return result
    return lint_with_previous((outcome.path, settings_of(outcome.path)), None, cache, outcome.text is not None)


def in_order(
    outcomes: Iterable[tuple[int, T]],
    settings_of: Callable[[str], Settings],
    previous: tuple[str, Settings] | None,
    cache: ResultCache | None,
    keep_text: bool,
) -> Iterator[T | LintResult | FileError]:
    """``outcomes`` (given in the files' order) with each report linted again with last year's:
    ``previous`` (path, settings) for every report, else the one report of its agency for the
    year before found anywhere in the run (none where there are two: which is last year's would
    be a guess). ``settings_of`` gives a report's settings by its path.

    A report is given as soon as it is known not to be paired: at once when it names no agency
    and year, or when its agency has two reports or more for the year before (which is last
    year's would be a guess); otherwise it waits for the end of the run, and every later file
    behind it. What waits is kept on disk (:class:`Held`), so memory stays flat; what is kept
    in memory is a count and a path for each (agency, year) found (:class:`Seen`).
    """
    if previous is not None:
        for _, outcome in outcomes:
            if isinstance(outcome, _REPORTS) and outcome.path != previous[0]:
                path = _path_of(outcome)
                yield lint_with_previous((path, settings_of(path)), previous, cache, keep_text)
            else:
                yield resolved(outcome, settings_of, cache)
        return
    seen = Seen()
    held: Held[T] = Held()
    try:
        for index, outcome in outcomes:
            number = NO_KEY
            if isinstance(outcome, _REPORTS) and (key := pair_key(outcome)) is not None:
                number = seen.count(key, _path_of(outcome))
            ready = seen.settled(number)
            if not held and ready:
                yield resolved(outcome, settings_of, cache)
                continue
            held.put(index, NO_KEY if ready else number, outcome)
            # what waits first may be settled now, if this report was counted
            while number != NO_KEY and held and seen.settled(held.head_key()):
                yield resolved(held.take()[2], settings_of, cache)
        while held:
            _, number, waited = held.take()
            earlier = seen.only_one_before(number)
            if earlier is not None:
                assert isinstance(waited, _REPORTS)
                path = _path_of(waited)
                yield lint_with_previous((path, settings_of(path)), (earlier, settings_of(earlier)), cache, keep_text)
            else:
                yield resolved(waited, settings_of, cache)
    finally:
        held.close()


#: The number :class:`Seen` gives a report without an (agency, year), or one already settled.
NO_KEY = -1


class Seen:
    """Each (agency, year) a run has seen, numbered: how many reports of it (none, one, two or
    more) and the path of the first. What a run keeps for its pairing grows with the agencies'
    years it sees, not with its files; this keeps it small: a number in one dictionary, the
    counts in a byte array, the paths as UTF-8 in one buffer."""

    def __init__(self) -> None:
        self._numbers: dict[Key, int] = {}
        self._keys: list[Key] = []
        self._counts = bytearray()
        self._paths = bytearray()
        self._ends = array("q")  # where each path ends in _paths

    def count(self, key: Key, path: str) -> int:
        """Count a report of ``key`` at ``path``; its number."""
        number = self._numbers.get(key)
        if number is None:
            number = self._numbers[key] = len(self._keys)
            self._keys.append(key)
            self._counts.append(1)
            self._paths += path.encode("utf-8", "surrogatepass")
            self._ends.append(len(self._paths))
        elif self._counts[number] < 2:
            self._counts[number] += 1
        return number

    def _before(self, number: int) -> int | None:
        """The number of the year before's (agency, year), if seen."""
        agency, year = self._keys[number]
        return self._numbers.get((agency, year - 1))

    def settled(self, number: int) -> bool:
        """Whether a report numbered so is known not to be paired: it has no (agency, year), or
        its agency has two reports or more for the year before (which is last year's would be a
        guess)."""
        if number == NO_KEY:
            return True
        before = self._before(number)
        return before is not None and self._counts[before] >= 2

    def only_one_before(self, number: int) -> str | None:
        """The path of the one report of the year before, where there is exactly one."""
        before = self._before(number) if number != NO_KEY else None
        if before is None or self._counts[before] != 1:
            return None
        start = self._ends[before - 1] if before else 0
        return self._paths[start : self._ends[before]].decode("utf-8", "surrogatepass")


def _path_of(result: LintResult | Cached | Rendered) -> str:
    assert result.path is not None  # the result of a file of a run names the file
    return result.path


#: What :class:`Held` keeps in memory, at most: this many outcomes, of :data:`HELD_BYTES` in all
#: (as :func:`held_size` reckons them); those past them wait on disk. A warm run's report written
#: apart (:class:`Rendered`) is its part of the output, 2 KB or so: some seven thousand of them
#: stay in memory, where the trip to disk and back (a pickle each way) was about a sixth of a
#: warm run's driving process; of results being linted (16 KiB reckoned), a thousand, as before.
#: However many files a run has, it keeps no more than this: twice as much, 32 MiB, made the
#: peak memory of 100,000 files 1.23 times that of 10,000 (PSS; point 3 of issue 20 asks 1.2).
HELD_IN_MEMORY = 1 << 16
HELD_BYTES = 16 << 20
#: The buffer of the file they wait in: those put one after another (a run's reports, nearly all
#: waiting for the end) are written in large pieces, not at every eighth kilobyte.
HELD_BUFFER = 1 << 16


def held_size(outcome: object) -> int:
    """About how many bytes of memory an outcome takes: a part written apart, its text and 128
    bytes a finding; a report the cache answered, its stored entry and bytes;
    a result being linted, 16 KiB (11–15 KiB measured); an unreadable or skipped file, 1 KiB."""
    if type(outcome) is Rendered:
        return 512 + sum(map(len, outcome.pieces)) + 128 * len(outcome.findings)
    if isinstance(outcome, Cached):
        return 512 + len(outcome.entry) + len(outcome.data)
    if isinstance(outcome, LintResult):
        return 16 << 10
    return 1 << 10


class Held(Generic[T]):
    """Outcomes waiting in the files' order, first in first out, each with its index and a
    number (its :class:`Seen` number, or :data:`NO_KEY`): up to :data:`HELD_IN_MEMORY` of
    :data:`HELD_BYTES` in memory, the rest pickled to a temporary file, with only their index,
    number and place in memory: 32 bytes each."""

    def __init__(self) -> None:
        self._memory: deque[tuple[int, int, T]] = deque()
        self._sizes: deque[int] = deque()  # held_size of each in memory
        self._in_memory = 0  # their sum
        # on disk, in order: index, number, offset and length in the file
        self._indices, self._offsets, self._lengths = array("q"), array("q"), array("q")
        self._numbers = array("q")
        self._first = 0  # the first on disk not yet taken
        self._file: IO[bytes] | None = None
        self._end = self._position = 0  # the file's length, and where it is read or written next

    def __bool__(self) -> bool:
        return bool(self._memory) or self._first < len(self._indices)

    def put(self, index: int, number: int, outcome: T) -> None:
        if self._first == len(self._indices) and len(self._memory) < HELD_IN_MEMORY:  # none on disk
            size = held_size(outcome)
            if self._in_memory + size <= HELD_BYTES:
                self._memory.append((index, number, outcome))
                self._sizes.append(size)
                self._in_memory += size
                return
        if self._file is None:
            self._file = tempfile.TemporaryFile("w+b", buffering=HELD_BUFFER)
        data = _dumped(outcome)
        self._indices.append(index)
        self._offsets.append(self._end)
        self._lengths.append(len(data))
        self._move(self._end)
        self._file.write(data)
        self._end += len(data)
        self._position = self._end
        self._numbers.append(number)

    def head_key(self) -> int:
        """The number of the outcome that waits first."""
        if self._memory:
            return self._memory[0][1]
        return self._numbers[self._first]

    def take(self) -> tuple[int, int, T]:
        if self._memory:
            self._in_memory -= self._sizes.popleft()
            return self._memory.popleft()
        assert self._file is not None
        at = self._first
        index, number, length = self._indices[at], self._numbers[at], self._lengths[at]
        self._move(self._offsets[at])
        outcome: T = _loaded(self._file.read(length))
        self._position += length
        self._first += 1
        if self._first == len(self._indices):  # all taken: start the file again
            self._file.truncate(0)
            self._indices, self._offsets, self._lengths = array("q"), array("q"), array("q")
            self._numbers = array("q")
            self._first = self._end = 0  # (the position stays past the end: the next put moves)
        return index, number, outcome

    def _move(self, offset: int) -> None:
        """To ``offset`` in the file: a seek only when not there (it empties the file's buffer),
        so that outcomes put one after another, or taken so, are written or read in one go."""
        assert self._file is not None
        if self._position != offset:
            self._file.seek(offset)
            self._position = offset

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None


def _dumped(outcome: object) -> bytes:
    """An outcome as it waits on disk. A report written apart (:class:`Rendered`: nearly every
    report of a warm run) waits as a plain tuple: a pickle names each class it holds, and
    naming and finding them again (three for a Rendered) took more than its 2 KB of text."""
    if type(outcome) is Rendered:
        return b"R" + pickle.dumps(tuple(outcome), pickle.HIGHEST_PROTOCOL)
    return b"P" + pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)


def _loaded(data: bytes) -> Any:
    kept = pickle.loads(memoryview(data)[1:])
    return tuple.__new__(Rendered, kept) if data[:1] == b"R" else kept
