"""Which files a run checks: the files named, and the report files under the directories named."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence

from gialint.read import EXTENSIONS


def iter_found(
    paths: Sequence[str], excluded: Callable[[str, bool], bool] = lambda p, d: False
) -> Iterator[tuple[str, bool]]:
    """Files to check, each with whether it was found under a directory (rather than named):
    each named file, and every report file under each named directory (sorted).

    Hidden directories, Office lock files ("~$报告.docx") and what ``excluded`` says are passed over
    (it is given each path, and whether that is a directory). A file found under a directory that
    turns out not to be a report may be passed over too (:func:`gialint.read.signs.skippable`); a file
    named is always checked.
    """
    for path in paths:
        if os.path.isdir(path):
            found: list[str] = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excluded(os.path.join(root, d), True))
                prefix = os.path.join(root, "")
                for name in files:
                    if name.lower().endswith(EXTENSIONS) and not name.startswith("~$"):
                        file = prefix + name
                        if not excluded(file, False):
                            found.append(file)
            yield from ((file, True) for file in sorted(found))
        else:
            yield path, False


def iter_files(paths: Sequence[str], excluded: Callable[[str, bool], bool] = lambda p, d: False) -> Iterator[str]:
    """The files of :func:`iter_found`, without where they were found."""
    return (path for path, _ in iter_found(paths, excluded))
