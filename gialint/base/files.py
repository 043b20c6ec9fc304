"""Writing files safely: a new file never half-written, an old one replaced in one step.

The new file is written next to the old one and moved over it in one step
(``os.replace``), with the old file's permissions, so an interrupted run leaves either
the old file or the new one, never half of each.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile


def write_new(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` in one step (a file already there is replaced), mode 0644 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    _write(path, data, 0o666 & ~umask)


def write_atomic(path: str, data: bytes) -> None:
    """Replace the file at ``path`` with ``data`` in one step, keeping its permissions."""
    _write(path, data, stat.S_IMODE(os.stat(path).st_mode))


def _write(path: str, data: bytes, mode: int) -> None:
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".gialint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def printable_path(path: str) -> str:
    """``path`` as text any output can hold: the bytes of a name in no encoding (a GBK name on a
    UTF-8 system, which Python keeps as surrogates) written as ``\\xNN``, the same each time."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path
