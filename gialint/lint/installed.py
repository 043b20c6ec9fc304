"""What is installed along the import path, read without importing importlib.metadata.

The plugin registry (:mod:`gialint.lint.registry`) needs two things from the installed
distributions: whether they changed since it last looked (:func:`distributions`: each metadata
directory's name and time), and, when they did, every entry point of one group
(:func:`entry_points_of`). importlib.metadata answers the second, but importing it costs
30–40 ms (it brings ``email``, ``zipfile``, ``pathlib``, ``socket``…): most of what a first run
on a fresh machine adds to a check, for a few files read. :func:`entry_points_of` reads those
files as importlib.metadata reads them and gives the same answer, or ``None`` wherever it
cannot be sure to (an egg or a zip file on the path, two metadata directories of one name in a
directory, a header folded onto a second line, a file it cannot decode or a line
importlib.metadata would not take), and the registry then asks importlib.metadata.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
import time
from typing import Any

from gialint.base import files

#: What marks an installed distribution in a directory of the import path (importlib.metadata's).
DIST_SUFFIXES = (".dist-info", ".egg-info")
#: Directories whose listing the plugin store keeps (the import path of a few environments).
KEPT_DIRECTORIES = 64

#: one header line of a metadata file: its name and, after the colon and any spaces, its value
#: (the names the ``email`` package's parser takes as headers: printable ASCII but the colon)
_HEADER = re.compile(r"([\x21-\x39\x3b-\x7e]+):[ \t]*(.*)", re.DOTALL)


def listing(entry: str) -> list[list[Any]]:
    """The distributions installed in one entry of the import path: each metadata directory's
    name and time (installing, upgrading, reinstalling or removing a package changes them).
    Names are compared in any case, as importlib.metadata compares them."""
    if entry.lower().endswith(".egg"):  # an egg (a folder or a zip file) is a distribution itself
        return _itself(entry)
    try:
        with os.scandir(entry or ".") as found:
            return sorted([e.name, e.stat().st_mtime_ns] for e in found if e.name.lower().endswith(DIST_SUFFIXES))
    except NotADirectoryError:  # a zip file on the path: its own time
        return _itself(entry)
    except OSError:  # a directory that does not exist (yet)
        return []


def _itself(entry: str) -> list[list[Any]]:
    """An entry of the import path listed as one distribution: its name and time."""
    with contextlib.suppress(OSError):
        return [[os.path.basename(entry), os.stat(entry).st_mtime_ns]]
    return []


def distributions(known: dict[str, list[Any]]) -> tuple[list[list[Any]], bool]:
    """The distributions of every entry of the import path that has any, in the path's order —
    what decides which rule packages are installed — and whether ``known`` (entry: [its time,
    its listing]) was brought up to date.

    An entry's listing is read again only when its time has changed: the working directory
    (first on the path under ``python -m``) and other directories without distributions add
    nothing, so running from another directory never means reading metadata again.
    """
    now = time.time_ns()
    changed = False
    found: list[list[Any]] = []
    for entry in sys.path:
        try:
            mtime = os.stat(entry or ".").st_mtime_ns
        except OSError:
            mtime = -1  # not there (yet): nothing installed
        kept = known.get(entry)
        if kept is not None and kept[0] == mtime:
            entries = kept[1]
        else:
            entries = listing(entry) if mtime != -1 else []
            known.pop(entry, None)  # moved to the end: the most recently seen last
            # a directory changed within a clock tick of now is listed again next time
            known[entry] = [mtime if now - mtime > files.CLOCK_TICK_NS else None, entries]
            changed = True
        if entries:
            found.append([entry, entries])
    for entry in list(known)[: max(0, len(known) - KEPT_DIRECTORIES)]:
        del known[entry]
    return found, changed


def entry_points_of(group: str, found: list[list[Any]]) -> list[tuple[str, str, str, str]] | None:
    """(name, value, distribution, version) of each entry point of ``group`` declared by the
    distributions ``found`` (:func:`distributions`), as ``importlib.metadata.entry_points``
    gives them, in no particular order; ``None`` where this reading might not give its answer.

    Like importlib.metadata, a distribution found again further along the path (by its name
    normalised as importlib.metadata normalises it) is left out, its name and version are the
    ``Name`` and ``Version`` of its ``METADATA`` (an ``.egg-info``'s ``PKG-INFO``), and its
    ``entry_points.txt`` is read line by line: ``[group]`` opens a section, ``name = value``
    declares an entry point, blank lines and lines starting with ``#`` are skipped.
    """
    seen: set[str] = set()
    points: list[tuple[str, str, str, str]] = []
    for entry, entries in found:
        here: set[str] = set()
        for folder, _ in entries:
            stem, suffix = os.path.splitext(folder)
            if suffix not in DIST_SUFFIXES:  # an egg, a zip file, a suffix in capitals
                return None
            name = _normalized(stem.partition("-")[0])
            if name in here:  # importlib.metadata would take the one it lists first
                return None
            here.add(name)
            if name in seen:  # shadowed by the same distribution earlier on the path
                continue
            seen.add(name)
            try:
                declared = _declared(os.path.join(entry or ".", folder), group)
            except (OSError, UnicodeDecodeError):  # unreadable: importlib.metadata may say why
                return None
            if declared is None:
                return None
            points.extend(declared)
    return points


def _normalized(name: str) -> str:
    """A distribution's name as importlib.metadata compares names (``Prepared.normalize``)."""
    return re.sub(r"[-_.]+", "-", name).lower().replace("-", "_")


def _declared(folder: str, group: str) -> list[tuple[str, str, str, str]] | None:
    """The entry points of ``group`` one metadata directory declares, or None (see above)."""
    # as importlib.metadata looks: METADATA (a .dist-info), PKG-INFO (an .egg-info folder), the
    # .egg-info itself (a file, as distutils wrote it)
    metadata = _text(os.path.join(folder, "METADATA")) or _text(os.path.join(folder, "PKG-INFO")) or _text(folder)
    if not metadata:
        return None
    headers = _name_and_version(metadata)
    if headers is None:
        return None
    declared = _text(os.path.join(folder, "entry_points.txt"))
    points = []
    section = None
    for line in map(str.strip, (declared or "").splitlines()):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
        elif section == group:
            name, equals, value = line.partition("=")
            if not equals:
                return None  # importlib.metadata fails on such a line: let it say so
            points.append((name.strip(), value.strip(), *headers))
    return points


def _text(path: str) -> str | None:
    """A metadata file's text (UTF-8), or None where importlib.metadata finds none (it takes a
    file it may not read for one that is not there); an error if it cannot be decoded."""
    try:
        with open(path, encoding="utf-8") as file:
            return file.read()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError, PermissionError):
        return None


def _name_and_version(metadata: str) -> tuple[str, str] | None:
    """``Name`` and ``Version`` of a ``METADATA`` file's headers as the ``email`` package reads
    them (the first of each, any case, the value after the colon and the spaces that follow it),
    or None if either is missing or folded onto a further line."""
    found: dict[str, str] = {}
    last = ""
    for line in metadata.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if not line:
            break  # the end of the headers
        if line[0] in " \t":  # a header folded onto this line
            if last in ("name", "version"):
                return None
            continue
        header = _HEADER.fullmatch(line)
        if header is None:
            break  # not a header: the email parser takes the body to start here
        last = header.group(1).lower()
        if last in ("name", "version"):
            found.setdefault(last, header.group(2))
    if "name" not in found or "version" not in found:
        return None
    return found["name"], found["version"]
