"""Which files a run checks: the files named, and the report files under the directories named."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence

from gialint.read import EXTENSIONS, LEGACY, NOT_DOCUMENTS

#: Extensions of files gialint knows and cannot check: a directory run names them, with advice.
UNREADABLE = tuple(LEGACY) + tuple(NOT_DOCUMENTS)


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
