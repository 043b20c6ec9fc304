"""The per-user cache directory: parse tables (:mod:`gialint.tables`) and results (:mod:`gialint.cache`).

``$GIALINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/gialint``, else ``~/.cache/gialint``;
created readable by its owner only, since what it holds is read back without checks
that a stranger's planted file would need. ``GIALINT_NO_CACHE=1`` turns every cache off.
"""

from __future__ import annotations

import os


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
