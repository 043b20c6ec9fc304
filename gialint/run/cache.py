"""The result cache: a report's findings, kept under a key of everything that decides them.

The key (:func:`file_key`) is a SHA-256 hash of the file's bytes, the kind of file, the
settings that change findings for that path (rules selected there, severities, year,
version, empty-cell policy) and gialint's build: its version, the size and time of each
of its files, and the module file and distribution version of every rule, plugins
included — the way ruff keys its cache. A change to any of them is a miss; nothing is
ever invalidated by hand.

A re-run need not read an unchanged file to key it: the cache remembers each file it hashed by
its status — size, modification and change times, inode and device — and the digest of its
bytes (:meth:`ResultCache.known_files`), as git's index and ruff's cache do. A file whose status
is the same is keyed from the digest remembered (in any context: :func:`key_of`); any write to
it changes its change time (ctime), which programs cannot set back. A file changed within two
seconds of being read is not remembered (:func:`settled`): a file system's clock may not tell
two changes within one tick apart. On Windows, where Python's ``st_ctime`` is the creation
time, no file is remembered.

Entries live in one SQLite database, ``results.sqlite3`` in the per-user cache directory
(:mod:`gialint.base.cachedir`). SQLite is what makes the cache safe to share: concurrent runs
take turns to write (WAL mode, a busy timeout), readers never see half an entry, and a
damaged file is recognised and replaced. The database is bounded: when it holds more
than ``GIALINT_CACHE_MAX_MB`` (default 256) MiB of entries, the least recently used ones
are deleted. Values are pickles, which is why the directory is its owner's alone.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from attrs import frozen

from gialint._version import __version__
from gialint.base import catalogue as msg
from gialint.base import files
from gialint.base.collector import paused_gc
from gialint.base.diagnostic import Applicability, Diagnostic, Edit, Fix, Related, Severity, Text
from gialint.base.lazy import LazyModule
from gialint.base.location import DocxCell, DocxParagraph, FilePosition, PdfPosition
from gialint.base.memo import Memo
from gialint.base.messages import Failure
from gialint.base.pickled import by_fields
from gialint.base.span import Span
from gialint.lint.result import LintResult
from gialint.read import kind_of, read_bytes
from gialint.read.limits import Limits
from gialint.read.source import ReadError, normalize_newlines
from gialint.run.rendered import SEVERITIES, Rendered
from gialint.run.value_rows import Extraction, ValueCell

if TYPE_CHECKING:
    import hashlib
    import pickle
    import sqlite3

    from gialint.analyze.options import LintOptions
    from gialint.base.selection import Selection
    from gialint.config.settings import Settings
else:  # imported when used: a run without the cache needs none of them (tests/cli/test_starts.py)
    hashlib, pickle, sqlite3 = LazyModule("hashlib"), LazyModule("pickle"), LazyModule("sqlite3")

DATABASE = "results.sqlite3"
# 2: entries carry the agency and year (GIA601–GIA604 pair reports by them); 3: and the version;
# 4: a value starts with a report's pairing (:func:`encode`); 5: a report's part of the output (``parts``);
# 6: spans are a plain class, pickled by their fields, no longer a named tuple; 7: a key hashes
# the context with the bytes' own hash (:func:`key_of`), and ``files`` remembers files by their status
SCHEMA = 7
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
_DAY = 86_400


class CacheError(Failure):
    """The cache cannot be used (gialint then checks without it); one line, in both languages."""


@by_fields
@frozen
class Entry:
    """What a cached report gives back: its findings and how it was read."""

    diagnostics: tuple[Diagnostic, ...]
    encoding: str | None
    file_format: str
    text: str | None  # the extracted text of an .html/.docx/.pdf report; None for text (its bytes decode again)
    agency: str | None = None
    agency_source: str | None = None
    year: int | None = None
    version: str | None = None


#: What the cache keeps: a report's findings, or its value cells (``gialint extract``).
Stored = Entry | Extraction

TEXT_FORMATS = ("text", "markdown")


def entry_of(result: LintResult) -> Entry:
    """What the cache keeps of a result (the text of an .html/.docx/.pdf report: it costs a reader to make again)."""
    text = result.text if result.file_format not in TEXT_FORMATS else None
    return Entry(
        result.diagnostics,
        result.encoding,
        result.file_format,
        text,
        result.agency,
        result.agency_source,
        result.year,
        result.version,
    )


def result_of(path: str, data: bytes, entry: Entry, keep_text: bool, limits: Limits) -> LintResult:
    """The result a cache entry gives back; its text with ``keep_text`` (a text report's decoded again)."""
    text = ""
    if keep_text:
        if entry.text is not None:
            text = entry.text
        else:  # a text report: decoding its bytes again is cheaper than keeping its text
            try:
                text = normalize_newlines(read_bytes(data, path, limits).text)
            except ReadError:  # pragma: no cover - it was read when it was cached
                text = ""
    return LintResult(
        path,
        entry.diagnostics,
        None,
        text,
        entry.encoding,
        entry.file_format,
        entry.agency,
        entry.agency_source,
        entry.year,
        entry.version,
    )


_NO_LIMITS = Limits()  # where no text is read


@by_fields
@frozen
class Cached:
    """A report the cache answered, its entry not yet decoded: what a run holds while the report
    waits to be written out (:mod:`gialint.run.pairing`), a few hundred bytes that pickle as
    they are, instead of its findings as objects. ``text``: the limits to read the file's text
    with, None when the text is not wanted; ``data``: then the file's bytes (a text report's
    text is decoded from them again)."""

    path: str
    entry: bytes  # the stored value's entry, the pickle after its pairing
    text: Limits | None
    data: bytes
    agency: str | None
    agency_source: str | None
    year: int | None

    def result(self) -> LintResult | None:
        """The result the entry gives; None when it cannot be decoded (the file is linted again)."""
        try:
            entry = _load(self.entry)
        except Exception:
            return None
        if not isinstance(entry, Entry):
            return None
        limits = self.text
        return result_of(self.path, self.data, entry, limits is not None, limits or _NO_LIMITS)


#: The classes an entry is made of: the only globals a stored value may name. A value that names
#: anything else (a function, any other class) is refused unread, so that a cache file someone
#: else could write cannot make gialint run code.
_LOADABLE: dict[tuple[str, str], type] = {
    (cls.__module__, cls.__qualname__): cls
    for cls in (
        Entry, Diagnostic, Text, Related, Edit, Fix, Applicability, Severity, Span,
        FilePosition, DocxParagraph, DocxCell, PdfPosition, Extraction, ValueCell,
    )
}  # fmt: skip


@functools.cache
def _entry_unpickler() -> type[pickle.Unpickler]:
    class EntryUnpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            found = _LOADABLE.get((module, name))
            if found is None:
                raise pickle.UnpicklingError(f"{module}.{name} is not part of a cached result")
            return found

    return EntryUnpickler


#: What a stored value says first: a report's agency, where it was found, and its year (the
#: pairing of :mod:`gialint.run.pairing`), or None (an extraction).
Pairing = tuple[str | None, str | None, int | None] | None


def encode(entry: Stored) -> bytes:
    """A stored value: the entry's :data:`Pairing`, then the entry, two pickles one after the
    other, so that a run can pair a report by the first (:func:`load_pairing`, a few dozen bytes)
    and leave the entry, with its findings, undecoded until the report is written out."""
    pairing = (entry.agency, entry.agency_source, entry.year) if isinstance(entry, Entry) else None
    protocol = pickle.HIGHEST_PROTOCOL
    return pickle.dumps(pairing, protocol=protocol) + pickle.dumps(entry, protocol=protocol)


def _load(data: bytes) -> Any:
    """One pickle, admitting only the classes of :data:`_LOADABLE`."""
    return _entry_unpickler()(io.BytesIO(data)).load()


def load_pairing(value: bytes) -> tuple[Pairing, int]:
    """The :data:`Pairing` a stored value starts with, and where its entry starts; raises for a
    value that does not start so."""
    stream = io.BytesIO(value)
    pairing = _entry_unpickler()(stream).load()  # a pickle of its own: its memo is not the entry's
    if pairing is not None and not _is_pairing(pairing):
        raise ValueError("not a stored value")
    return pairing, stream.tell()


def _is_pairing(value: Any) -> bool:
    if not (isinstance(value, tuple) and len(value) == 3):
        return False
    agency, source, year = value
    return isinstance(agency, str | None) and isinstance(source, str | None) and (year is None or type(year) is int)


def encode_parts(made_by: str, rendered: Rendered) -> bytes:
    """A report's part of the output as the cache keeps it: what made it (a :class:`~gialint.run.rendered.Render`'s
    ``key``: a format and the options its output depends on), then what :class:`Rendered` holds but the pairing (the
    stored value has it). Plain strings, numbers and tuples: loading them calls no Python."""
    kept = (made_by, rendered.path, rendered.file_format, rendered.findings, rendered.pieces)
    return pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL)


def load_parts(parts: bytes, made_by: str, path: str, pairing: Pairing) -> Rendered | None:
    """The report's part of the output kept as ``parts``, when ``made_by`` made it for ``path``;
    None when there is none, another format or language made it, it is another file's with the
    same bytes, or it is damaged (the report is then written from its entry)."""
    if not parts or pairing is None:
        return None
    try:
        kept = _plain_unpickler()(io.BytesIO(parts)).load()
    except Exception:
        return None
    if not _are_parts(kept) or kept[0] != made_by or kept[1] != path:
        return None
    _, _, file_format, findings, pieces = kept
    return Rendered(path, *pairing, file_format, findings, pieces)


def _are_parts(kept: Any) -> bool:
    if not (type(kept) is tuple and len(kept) == 5 and all(type(k) is str for k in kept[:3])):
        return False
    findings, pieces = kept[3], kept[4]
    return (
        type(findings) is tuple
        and all(
            type(f) is tuple
            and len(f) == 4
            and type(f[0]) is int
            and f[0] in SEVERITIES
            and type(f[1]) is str
            and type(f[2]) is str
            and type(f[3]) is int
            for f in findings
        )
        and type(pieces) is tuple
        and all(type(p) is bytes for p in pieces)
    )


@functools.cache
def _plain_unpickler() -> type[pickle.Unpickler]:
    class PlainUnpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> Any:
            raise pickle.UnpicklingError(f"{module}.{name}: a report's part is plain data")

    return PlainUnpickler


def load_entry(value: bytes) -> Any:
    """Unpickle a stored value's entry, admitting only the classes of :data:`_LOADABLE`."""
    return _load(value[load_pairing(value)[1] :])


def _files_of(directory: str) -> Iterable[tuple[str, int, int]]:
    for root, dirs, names in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if name.endswith((".py", ".toml", ".lark", ".json")):
                stat = os.stat(os.path.join(root, name))
                yield os.path.relpath(os.path.join(root, name), directory), stat.st_size, stat.st_mtime_ns


@functools.lru_cache(maxsize=1)
def build_fingerprint() -> bytes:
    """gialint's version, its files (size and time), and every rule's code, module and file, and
    distribution version.

    An edited source tree, a new release or a plugin upgrade gives another fingerprint. The
    rules come from :func:`~gialint.lint.registry.rule_index`, so working this out imports none.
    """
    from gialint.lint.registry import rule_distributions, rule_index
    from gialint.parse.tables import grammar_path

    parts: list[Any] = [__version__, sys.version_info[:2]]
    parts.extend(_files_of(os.path.dirname(os.path.abspath(__file__))))
    grammar = os.stat(grammar_path())  # outside the package directory in an editable install
    parts.append((grammar.st_size, grammar.st_mtime_ns))
    index = rule_index()
    parts.extend((rule.code, rule.module) for rule in index.rules)
    parts.extend(index.files)
    parts.extend(rule_distributions())
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).digest()


def context_key(settings: Settings, path: str | None, kind: str) -> bytes:
    """What besides the bytes decides a report's findings: the settings for ``path``, the kind, the build."""
    return _context(kind, _selected(settings.selection_for(path)), settings.severity, settings.options)


@functools.lru_cache(maxsize=256)
def _selected(selection: Selection) -> tuple[str, ...]:
    from gialint.lint.registry import rule_index

    return tuple(r.code for r in rule_index().rules if selection.includes(r))


@functools.lru_cache(maxsize=256)
def _context(
    kind: str, selected: tuple[str, ...], severity: tuple[tuple[str, Severity], ...], options: LintOptions
) -> bytes:
    parts = (
        build_fingerprint(),
        kind,
        selected,
        [(selector, level.label) for selector, level in severity],
        options.year,
        options.version,
        options.empty_cell.value,
        _version_of(options.content),
    )
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).digest()


def _version_of(path: str | None) -> tuple[str, int, int] | None:
    """A content additions file as far as the key goes: its path, size and time (an edit is a miss)."""
    if path is None:
        return None
    try:
        status = os.stat(path)
    except OSError:
        return (path, -1, -1)
    return (path, status.st_size, status.st_mtime_ns)


def content_digest(data: bytes) -> bytes:
    """A report's bytes hashed: SHA-256 rather than BLAKE2b, since the processors gialint runs on
    compute it in hardware, at twice BLAKE2b's speed (5 µs for a 8 KB report)."""
    return hashlib.sha256(data).digest()


def key_of(digest: bytes, context: bytes) -> bytes:
    """The cache key of bytes with this :func:`content_digest` in a context (:func:`context_key`,
    16 bytes, so the two parts cannot run into each other). Keyed by the bytes' digest, a file
    whose digest the cache remembers (:meth:`ResultCache.known_files`) is keyed in any
    context without being read again."""
    return hashlib.sha256(context + digest).digest()


#: context_key for settings without per-file ignores, where the path does not count
_plain_context: Memo[Settings, bytes] = Memo(lambda settings, kind: context_key(settings, None, kind), limit=256)


def forget_contexts() -> None:
    """Work contexts out afresh (for tests that change the build in the middle of a process)."""
    _context.cache_clear()
    _plain_context.clear()


def file_key(data: bytes, settings: Settings, path: str, salt: bytes = b"") -> bytes:
    """The cache key of the report at ``path`` with these bytes and settings; a task other than
    linting (``gialint extract``) gives a ``salt`` that keeps its entries apart."""
    return key_of(content_digest(data), file_context(settings, path, kind_of(path, data), salt))


def file_context(settings: Settings, path: str, kind: str, salt: bytes = b"") -> bytes:
    """The context of the report at ``path``, of ``kind``, read with ``settings`` (see :func:`file_key`)."""
    context = context_key(settings, path, kind) if settings.per_file_ignores else _plain_context(settings, kind)
    return _salted(context, salt) if salt else context


@functools.lru_cache(maxsize=256)
def _salted(context: bytes, salt: bytes) -> bytes:
    """A context of the same length (16 bytes) for another task."""
    return hashlib.blake2b(context + salt, digest_size=16).digest()


def max_bytes() -> int:
    try:
        return max(1, int(os.environ.get("GIALINT_CACHE_MAX_MB", ""))) * 1024 * 1024
    except ValueError:
        return DEFAULT_MAX_BYTES


#: The entries, each under its key (:func:`file_key`): its stored value (:func:`encode`), its size,
#: the day it was last used, and its ``parts``: the report's part of the output as the run that
#: linted it wrote it (:func:`encode_parts`), or nothing.
_ENTRIES = (
    "CREATE TABLE entries (key BLOB PRIMARY KEY, value BLOB NOT NULL,"
    " size INTEGER NOT NULL, used INTEGER NOT NULL, parts BLOB NOT NULL)"
)


#: Files as last read: each path's status when its bytes were hashed (:func:`status_of`), their
#: :func:`content_digest`, and whether they carry a sign of a report (1) or were not looked at (0).
#: (Paths as the file system's bytes, ``os.fsencode``: a name in no encoding is a path too.)
_FILES = (
    "CREATE TABLE files (path BLOB PRIMARY KEY, status BLOB NOT NULL, digest BLOB NOT NULL, signed INTEGER NOT NULL)"
)
#: A file as :meth:`ResultCache.record_files` keeps it: (path, status, digest, signed).
FileRecord = tuple[str, bytes, bytes, int]
#: Files remembered and not yet written, at most.
FILES_PENDING = 512


def status_of(status: os.stat_result) -> bytes:
    """What a file's status says of its bytes: size, times of the last change of its data
    (mtime) and of any change to it (ctime, which programs cannot set back), inode and device."""
    return f"{status.st_size}:{status.st_mtime_ns}:{status.st_ctime_ns}:{status.st_ino}:{status.st_dev}".encode()


def settled(status: os.stat_result, now_ns: int) -> bool:
    """Whether a file whose status was taken at ``now_ns`` (``time.time_ns()``) had not changed
    within a clock tick (:data:`gialint.base.files.CLOCK_TICK_NS`) before: only then may its
    status stand for its bytes, since a file changed again within the same tick can keep its
    status. Never on Windows, whose ``st_ctime`` is when the file was made, not when it last
    changed."""
    return os.name != "nt" and max(status.st_mtime_ns, status.st_ctime_ns) < now_ns - files.CLOCK_TICK_NS


class ResultCache:
    """The cache database. The process that drives a run reads and writes it; in a large run
    its workers open it too, only to look files up (:meth:`stored`, :meth:`known_files`)."""

    def __init__(self, directory: str, limit: int | None = None) -> None:
        self.path = os.path.join(directory, DATABASE)
        self.limit = limit if limit is not None else max_bytes()
        self.today = int(time.time()) // _DAY
        self.hits = 0
        self.failure: str | None = None  # why the cache stopped working during the run, if it did
        self._stale: list[bytes] = []  # hits last used on an earlier day
        self._pending: list[tuple[bytes, bytes, int, int, bytes]] = []
        self._files: list[FileRecord] = []  # files to remember, written by flush
        try:
            self._db = self._open()
        except sqlite3.DatabaseError:  # not a database (damaged, or another program's file): start afresh
            self._remove()
            try:
                self._db = self._open()
            except sqlite3.Error as error:
                raise CacheError(msg.FILE_SAYS, file=self.path, error=error) from None
        except sqlite3.Error as error:
            raise CacheError(msg.FILE_SAYS, file=self.path, error=error) from None

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            if not self._current(db):  # another layout (or none yet): its entries go
                db.execute("BEGIN IMMEDIATE")
                if not self._current(db):  # (unless another run made it anew meanwhile)
                    db.execute("DROP TABLE IF EXISTS entries")
                    db.execute("DROP TABLE IF EXISTS files")
                    db.execute(_ENTRIES)
                    db.execute(_FILES)
                    db.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
                db.execute("COMMIT")
            db.execute(_ENTRIES.replace("TABLE", "TABLE IF NOT EXISTS", 1))
            db.execute(_FILES.replace("TABLE", "TABLE IF NOT EXISTS", 1))
        except BaseException:
            db.close()
            raise
        return db

    @staticmethod
    def _current(db: sqlite3.Connection) -> bool:
        row = db.execute("SELECT value FROM meta WHERE name='schema'").fetchone()
        return row is not None and row[0] == str(SCHEMA)

    def _remove(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            try:
                os.unlink(self.path + suffix)
            except FileNotFoundError:
                pass
            except OSError as error:
                raise CacheError(msg.CACHE_REPLACE, file=self.path, error=error.strerror) from None

    def _fail(self, error: sqlite3.Error) -> None:
        """Stop using the cache for the rest of the run (a full disk, a lock held too long…)."""
        self.failure = f"{self.path}: {error}"
        self._pending, self._stale = [], []

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, Stored]:
        """The entries found for ``keys`` (undecodable ones are treated as missing)."""
        stored = self.stored(keys)
        entries = self.decode_many(
            [(value, key if used < self.today else None) for key, (value, used, _) in stored.items()]
        )
        return {key: entry for key, entry in zip(stored, entries, strict=True) if entry is not None}

    def stored(self, keys: Sequence[bytes], parts: bool = False) -> dict[bytes, tuple[bytes, int, bytes]]:
        """The stored values of ``keys``, undecoded, with the day each was last used and, with
        ``parts``, the report's part of the output kept with it (else ``b""``).

        A worker looking files up for the process that drives the run (:mod:`gialint.run.batch`)
        passes these on as they are; that process decodes them (:meth:`decode`).
        """
        if self.failure is not None:
            return {}
        found: dict[bytes, tuple[bytes, int, bytes]] = {}
        columns = "key, value, used, parts" if parts else "key, value, used, X''"
        try:
            for start in range(0, len(keys), 500):
                batch = keys[start : start + 500]
                query = f"SELECT {columns} FROM entries WHERE key IN ({','.join('?' * len(batch))})"
                for key, value, used, kept in self._db.execute(query, batch):
                    found[key] = (value, used, kept)
        except sqlite3.Error as error:
            self._fail(error)
            return {}
        return found

    def known_files(self, paths: Sequence[str]) -> dict[str, tuple[bytes, bytes, int]]:
        """The files of ``paths`` the cache remembers: each one's status, digest and sign
        (:data:`FileRecord`). A file whose status is still that one has those bytes."""
        if self.failure is not None:
            return {}
        found: dict[str, tuple[bytes, bytes, int]] = {}
        try:
            for start in range(0, len(paths), 500):
                batch = [os.fsencode(path) for path in paths[start : start + 500]]
                query = f"SELECT path, status, digest, signed FROM files WHERE path IN ({','.join('?' * len(batch))})"
                for path, status, digest, signed in self._db.execute(query, batch):
                    found[os.fsdecode(path)] = (status, digest, signed)
        except sqlite3.Error as error:
            self._fail(error)
            return {}
        return found

    def record_files(self, records: Iterable[FileRecord]) -> None:
        """Remember files as read (:func:`status_of`, :func:`settled`), written by :meth:`flush`
        (at once past :data:`FILES_PENDING`: a warm run, which puts no entry, would keep them all)."""
        if self.failure is None:
            self._files.extend(records)
            if len(self._files) >= FILES_PENDING:
                self.flush()

    def decode_many(self, values: Sequence[tuple[bytes, bytes | None]]) -> list[Stored | None]:
        """:meth:`decode` for each ``(value, stale)``, with the garbage collector paused.

        Loading findings allocates tens of objects per report and frees none, so the collector
        would otherwise run again and again over the results a run is building up.
        """
        with paused_gc():
            return [self.decode(value, stale) for value, stale in values]

    def decode(self, value: bytes, stale: bytes | None = None) -> Stored | None:
        """The entry a stored value holds, counted as a hit; None for a damaged one (a miss,
        replaced when the file is linted again). ``stale``: the key of an entry last used on
        an earlier day, marked as used today when the cache is flushed."""
        try:
            entry = load_entry(value)
        except Exception:
            return None
        if not isinstance(entry, Entry | Extraction):
            return None
        self.count_hit(stale)
        return entry

    def count_hit(self, stale: bytes | None) -> None:
        """Count a hit; ``stale``: the key of an entry last used on an earlier day, marked as used
        today when the cache is flushed."""
        self.hits += 1
        if stale is not None:
            self._stale.append(stale)

    def pairing(self, value: bytes, stale: bytes | None = None) -> tuple[Pairing, int] | None:
        """The pairing a stored value starts with and where its entry starts, counted as a hit (as
        :meth:`decode` does: the entry itself is decoded when it is used); None for a damaged
        value (a miss)."""
        try:
            found = load_pairing(value)
        except Exception:
            return None
        self.count_hit(stale)
        return found

    def put(self, key: bytes, entry: Stored, parts: bytes = b"") -> None:
        """Keep an entry, and the report's part of the output (:func:`encode_parts`), written with
        the others by :meth:`flush`."""
        if self.failure is not None:
            return
        value = encode(entry)
        self._pending.append((key, value, len(value) + len(parts) + len(key), self.today, parts))
        if len(self._pending) >= 256:
            self.flush()

    def flush(self) -> None:
        """Write what :meth:`put` kept and mark today's hits, in one transaction; then keep to the bound."""
        if self.failure is not None or (not self._pending and not self._stale and not self._files):
            return
        pending, stale, remembered = self._pending, self._stale, self._files
        self._pending, self._stale, self._files = [], [], []
        db = self._db
        try:
            db.execute("BEGIN IMMEDIATE")
            try:
                db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)", pending)
                db.executemany("UPDATE entries SET used=? WHERE key=?", ((self.today, k) for k in stale))
                db.executemany(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)",
                    [(os.fsencode(path), status, digest, signed) for path, status, digest, signed in remembered],
                )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise
            if pending:
                self._bound()
            if remembered:
                self._bound_files()
        except sqlite3.Error as error:
            self._fail(error)

    def _bound_files(self) -> None:
        """Remember at most one file per 2 KiB of the cache's bound (131,072 by default: some 20 MB),
        the ones remembered last; a file forgotten is hashed again when next checked."""
        kept = max(1024, self.limit // 2048)
        last = self._db.execute("SELECT MAX(rowid) FROM files").fetchone()[0] or 0
        if last > kept and self._db.execute("SELECT COUNT(*) FROM files").fetchone()[0] > kept:
            self._db.execute("BEGIN IMMEDIATE")
            self._db.execute(
                "DELETE FROM files WHERE rowid NOT IN (SELECT rowid FROM files ORDER BY rowid DESC LIMIT ?)", (kept,)
            )
            self._db.execute("COMMIT")

    def _bound(self) -> None:
        total = self.stored_bytes()
        if total <= self.limit:
            return
        excess = total - self.limit * 3 // 4  # free a quarter at once, not a little on every run
        doomed: list[tuple[bytes]] = []
        for key, size in self._db.execute("SELECT key, size FROM entries ORDER BY used, rowid"):
            doomed.append((key,))
            excess -= size
            if excess <= 0:
                break
        self._db.execute("BEGIN IMMEDIATE")
        self._db.executemany("DELETE FROM entries WHERE key=?", doomed)
        self._db.execute("COMMIT")

    def stored_bytes(self) -> int:
        return int(self._db.execute("SELECT COALESCE(SUM(size), 0) FROM entries").fetchone()[0])

    def close(self) -> None:
        try:
            self.flush()
        finally:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()


def open_cache(directory: str | None = None) -> ResultCache | None:
    """The result cache in ``directory`` (default: the per-user cache directory), or None when off.

    CacheError when the directory or the database is not the user's alone (another user's, or
    writable by others: :func:`gialint.base.cachedir.not_private`); the run goes on without it."""
    from gialint.base.cachedir import cache_dir_path, not_private, private_dir

    if directory is None:
        directory = cache_dir_path()
        if directory is None:
            return None
    try:
        private_dir(directory)
    except OSError as error:
        raise CacheError(msg.FILE_SAYS, file=directory, error=_why(error)) from None
    for suffix in ("", "-wal", "-shm"):
        problem = not_private(os.path.join(directory, DATABASE + suffix))
        if problem is not None:
            raise CacheError(msg.FILE_SAYS, file=os.path.join(directory, DATABASE + suffix), error=problem)
    return ResultCache(directory)


def _why(error: OSError) -> Text | str:
    """What an OSError says: the reason :func:`~gialint.base.cachedir.private_dir` gives (a Text), else its own."""
    reason = error.args[0] if error.args else None
    return reason if isinstance(reason, Text) else error.strerror or str(error)
