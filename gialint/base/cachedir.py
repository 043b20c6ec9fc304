"""The per-user cache directory: parse tables (:mod:`gialint.parse.tables`), the plugin list and
the rule index (:mod:`gialint.lint.registry`) and results (:mod:`gialint.run.cache`).

``$GIALINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/gialint``, else ``~/.cache/gialint``;
created readable by its owner only, since what it holds is read back without checks
that a stranger's planted file would need. ``GIALINT_NO_CACHE=1`` turns every cache off.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Callable
from typing import Any, TypeVar

from gialint.base import catalogue as msg
from gialint.base.diagnostic import Text

T = TypeVar("T")


def cache_dir_path() -> str | None:
    """Where the cache directory is (it may not exist yet); None when caching is off."""
    if os.environ.get("GIALINT_NO_CACHE"):
        return None
    directory = os.environ.get("GIALINT_CACHE_DIR")
    if not directory:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        directory = os.path.join(base, "gialint")
    return directory


def not_private(path: str) -> Text | None:
    """Why the cache directory or file ``path`` is not its user's alone, or None when it is (or
    does not exist). What the cache holds is read back as gialint's own, so a directory or file
    that another user owns or can write is not used, as pip and ruff refuse theirs."""
    if not hasattr(os, "getuid"):  # Windows: access is governed by ACLs, not checked here
        return None
    try:
        status = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as error:
        return Text(error.strerror or str(error), error.strerror or str(error))
    if status.st_uid != os.getuid():
        return msg.CACHE_OWNED
    if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return msg.CACHE_WRITABLE
    return None


def private_dir(directory: str) -> str:
    """``directory``, created for its user alone (0700) if need be; OSError when it cannot be, and
    PermissionError naming why when it is not private (:func:`not_private`)."""
    os.makedirs(directory, mode=0o700, exist_ok=True)
    problem = not_private(directory)
    if problem is not None:
        raise PermissionError(problem)  # args[0]: the Text
    return directory


def user_cache_dir() -> str | None:
    """The cache directory, created if need be; None when caching is off or the directory is
    unusable or not private (:func:`not_private`)."""
    directory = cache_dir_path()
    if directory is None:
        return None
    try:
        private_dir(directory)
    except OSError:
        return None
    return directory if os.path.isdir(directory) and os.access(directory, os.W_OK) else None


def cache_file(name: str) -> str | None:
    """The path of ``name`` in the cache directory (None when caching is off)."""
    directory = user_cache_dir()
    return os.path.join(directory, name) if directory is not None else None


def read_json(path: str | None, load: Callable[[Any], T]) -> T | None:
    """What ``load`` makes of the JSON at ``path``; None when it is missing, damaged, or
    ``load`` rejects it (ValueError, KeyError, TypeError): the caller then builds it again."""
    if path is None:
        return None
    try:
        with open(path, encoding="utf-8") as file:
            return load(json.load(file))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_json(path: str | None, data: Any) -> None:
    """Keep ``data`` at ``path``, whole or not at all (another process may be reading it).

    A cache directory that cannot be written only means building again next time.
    """
    if path is None:
        return
    from gialint.base.files import write_new

    with contextlib.suppress(OSError):
        write_new(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
