"""Which files a run checks: the files named, and the report files under the directories named."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence

from gialint.config import Resolver
from gialint.config.settings import DEFAULT_SETTINGS, Settings
from gialint.read import EXTENSIONS, LEGACY, NOT_DOCUMENTS
from gialint.read.signs import skippable

#: Extensions of files gialint knows and cannot check: a directory run names them, with advice.
UNREADABLE = tuple(LEGACY) + tuple(NOT_DOCUMENTS)
#: Files a note on files passed over names, at most.
NAMED = 3


def iter_found(
    paths: Sequence[str],
    excluded: Callable[[str, bool], bool] = lambda p, d: False,
    passed_over: Callable[[str], None] | None = None,
) -> Iterator[tuple[str, bool]]:
    """Files to check, each with whether it was found under a directory (rather than named):
    each named file, and every report file under each named directory, in the order of their
    paths, found as the caller asks for them: a run of any size holds one directory's listing
    at a time, never the list of all its files.

    Hidden directories, Office lock files ("~$报告.docx") and what ``excluded`` says are passed over
    (it is given each path, and whether that is a directory). A file found under a directory that
    turns out not to be a report may be passed over too (:func:`gialint.read.signs.skippable`); a file
    named is always checked. Under a directory, a name with a report's extension that is not a
    regular file (a FIFO, a device, a socket), and a file gialint knows but cannot check (a legacy
    .doc or .wps, a spreadsheet, an OFD document, an image), are passed over and given to
    ``passed_over``, and a
    directory that cannot be listed is given as a file to check, so that reading it reports why
    (permission denied) instead of skipping it in silence.
    """
    for path in paths:
        if os.path.isdir(path):
            yield from ((file, True) for file in _walk(path, excluded, passed_over))
        else:
            yield path, False


def _in_path_order(entry: os.DirEntry[str]) -> str:
    """Where an entry's paths sort among its directory's: a directory's files all follow
    ``name/``, so "b-c.txt" comes before the files of "b/" ('-' < '/'), as sorted paths have it."""
    return entry.name + "/" if entry.is_dir() else entry.name


def _walk(
    directory: str,
    excluded: Callable[[str, bool], bool],
    passed_over: Callable[[str], None] | None,
) -> Iterator[str]:
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=_in_path_order)
    except OSError:
        yield directory  # read as a file, it says why it cannot be listed
        return
    prefix = os.path.join(directory, "")
    for entry in entries:
        name = entry.name
        path = prefix + name
        if entry.is_dir():
            if not name.startswith(".") and not excluded(path, True):
                yield from _walk(path, excluded, passed_over)
        elif name.startswith("~$") or excluded(path, False):
            continue
        elif name.lower().endswith(EXTENSIONS):
            if entry.is_file():
                yield path
            elif passed_over is not None:
                passed_over(path)
        elif passed_over is not None and name.lower().endswith(UNREADABLE):
            passed_over(path)  # a .doc, .wps, .xls …: said, not checked


def iter_files(paths: Sequence[str], excluded: Callable[[str, bool], bool] = lambda p, d: False) -> Iterator[str]:
    """The files of :func:`iter_found`, without where they were found."""
    return (path for path, _ in iter_found(paths, excluded))


class Few:
    """Files counted, the first few of them kept to be named: a note on files passed over stays
    the same size however many there are."""

    def __init__(self) -> None:
        self.count = 0
        self.first: list[str] = []  # one more than are named, for the note to say there are more

    def add(self, path: str) -> None:
        self.count += 1
        if len(self.first) <= NAMED:
            self.first.append(path)


class Found:
    """The files a run checks, each with its settings, found as the run asks for them
    (:func:`gialint.run.discover.iter_found`): what the run keeps of them does not grow with
    their number. With ``force`` (``--force-exclude``), a file named that the configuration
    excludes is left out too.

    After the run: ``count``, the files found; ``unreadable`` and ``special``, the files passed
    over under a directory (a .doc, an image…; a FIFO, a device).
    """

    def __init__(self, paths: Sequence[str], resolver: Resolver, force: bool) -> None:
        self.paths, self.resolver, self.force = paths, resolver, force
        self.named = frozenset(paths)
        self.count = 0
        self._last: tuple[str, Settings] = ("", DEFAULT_SETTINGS)
        self.unreadable, self.special = Few(), Few()

    def _excluded(self, path: str, is_dir: bool) -> bool:
        settings = self.resolver.for_path(path, is_dir)
        if not is_dir:
            self._last = (path, settings)  # the file the walk gives next, if it gives one
        return settings.is_excluded(path)

    def _passed_over(self, path: str) -> None:
        (self.unreadable if path.lower().endswith(UNREADABLE) else self.special).add(path)

    def __iter__(self) -> Iterator[tuple[str, Settings]]:
        for path, in_directory in iter_found(self.paths, self._excluded, self._passed_over):
            self.count += 1
            last, settings = self._last
            if not in_directory or path != last:
                settings = self.resolver.for_path(path, False if in_directory else None)
            if not (self.force and settings.is_excluded(path)):
                yield path, settings

    def total(self) -> int:
        """How many files the run will check, found by a walk of their own (for a progress bar)."""
        return sum(1 for _ in iter_found(self.paths, self._excluded))

    def settings_of(self, path: str) -> Settings:
        return self.resolver.for_path(path, False)

    def may_skip(self, path: str) -> bool:
        """Whether the file may be passed over when it does not look like a report: a text or
        Markdown file found under a directory, or named with ``force`` (files passed by a tool
        such as pre-commit); a file named is otherwise always checked."""
        return (self.force or path not in self.named) and skippable(path)
