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
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")


def user_cache_dir() -> str | None:
    """The cache directory, created if need be; None when caching is off or the directory is unusable."""
    if os.environ.get("GIALINT_NO_CACHE"):
        return None
    directory = os.environ.get("GIALINT_CACHE_DIR")
    if not directory:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        directory = os.path.join(base, "gialint")
    try:
        os.makedirs(directory, mode=0o700, exist_ok=True)
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
