"""Writing files safely: a new file never half-written, an old one replaced in one step.

The new file is written next to the old one and moved over it in one step
(``os.replace``), with the old file's permissions and owner, so an interrupted run leaves
either the old file or the new one, never half of each; the temporary file of a run that was
killed is removed by the next run that writes in that directory. A report is written through a
symbolic link to its target; one with other hard links, or a read-only one, is refused.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator

from gialint.base import catalogue as msg

#: One tick of a file system's clock, at most (two seconds on FAT; milliseconds or less on
#: others): two changes to a file within it can leave its times as the first one left them, so
#: a time within this much of now may not yet tell a later change apart (git's index calls
#: such entries "racily clean"). What gialint keeps of a file or directory by its times
#: (:mod:`gialint.lint.installed`, :mod:`gialint.run.cache`) it trusts only once they are older.
CLOCK_TICK_NS = 2_000_000_000


def write_new(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` in one step (a file already there is replaced), mode 0644 less the umask."""
    _write(path, data, _new_mode())


def new_file(path: str) -> contextlib.AbstractContextManager[str]:
    """A temporary file beside ``path`` for a writer that wants a file name (a spreadsheet library),
    moved to ``path`` in one step when the ``with`` block ends, removed if it raises: as
    :func:`write_new`, for output too large to hold in memory. ``with new_file(out) as temporary: …``"""
    return _replacing(path, _new_mode())


def _new_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: str, data: bytes) -> None:
    """Replace the contents of the file at ``path`` with ``data`` in one step, as a careful editor
    does: through a symbolic link to the file it names (the link stays a link), keeping the file's
    permissions and owner. A file with other hard links, or a read-only one, is refused
    (PermissionError naming why: its ``strerror`` a :class:`Text` of the catalogue) rather than
    silently split off or overridden."""
    target = os.path.realpath(path)
    status = os.stat(target)
    if status.st_nlink > 1:
        raise PermissionError(errno.EMLINK, msg.WRITE_HARD_LINKS)
    if not status.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, msg.WRITE_READ_ONLY)
    _write(target, data, stat.S_IMODE(status.st_mode), (status.st_uid, status.st_gid))


#: Temporary files are named with the process that writes them, so that a later run can tell the
#: leftovers of a killed one from those of a run still writing.
_PREFIX = ".gialint-"
_SWEPT: set[str] = set()


def _sweep(directory: str) -> None:
    """Remove the temporary files a killed gialint left in ``directory`` (once per directory and run)."""
    if directory in _SWEPT:
        return
    _SWEPT.add(directory)
    with contextlib.suppress(OSError):
        for name in os.listdir(directory):
            if not (name.startswith(_PREFIX) and name.endswith(".tmp")):
                continue
            pid = name[len(_PREFIX) :].partition("-")[0]
            if pid.isdigit() and int(pid) != os.getpid() and not _alive(int(pid)):
                with contextlib.suppress(OSError):
                    os.unlink(os.path.join(directory, name))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, or no signals here (Windows): leave its files alone
        return True
    return True


def _write(path: str, data: bytes, mode: int, owner: tuple[int, int] | None = None) -> None:
    with _replacing(path, mode, owner) as temporary, open(temporary, "wb") as stream:
        stream.write(data)
        stream.flush()
        os.fsync(stream.fileno())


@contextlib.contextmanager
def _replacing(path: str, mode: int, owner: tuple[int, int] | None = None) -> Iterator[str]:
    """A temporary file beside ``path``, moved over it with ``mode`` and ``owner`` after the block."""
    directory = os.path.dirname(os.path.abspath(path))
    _sweep(directory)
    import tempfile  # here: it brings shutil, random, bz2 and lzma, which reading never needs

    handle, temporary = tempfile.mkstemp(prefix=f"{_PREFIX}{os.getpid()}-", suffix=".tmp", dir=directory)
    os.close(handle)
    try:
        yield temporary
        os.chmod(temporary, mode)
        if owner is not None and hasattr(os, "chown"):
            created = os.stat(temporary)
            if (created.st_uid, created.st_gid) != owner:
                try:
                    os.chown(temporary, *owner)
                except PermissionError:
                    raise PermissionError(errno.EPERM, msg.WRITE_OWNER) from None
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
