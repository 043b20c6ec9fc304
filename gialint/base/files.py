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
import tempfile


def write_new(path: str, data: bytes) -> None:
    """Write ``data`` to ``path`` in one step (a file already there is replaced), mode 0644 less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    _write(path, data, 0o666 & ~umask)


def write_atomic(path: str, data: bytes) -> None:
    """Replace the contents of the file at ``path`` with ``data`` in one step, as a careful editor
    does: through a symbolic link to the file it names (the link stays a link), keeping the file's
    permissions and owner. A file with other hard links, or a read-only one, is refused
    (PermissionError naming why) rather than silently split off or overridden."""
    target = os.path.realpath(path)
    status = os.stat(target)
    if status.st_nlink > 1:
        raise PermissionError(errno.EMLINK, "the file has other hard links, which replacing it would break")
    if not status.st_mode & stat.S_IWUSR or not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, "the file is read-only")
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
    directory = os.path.dirname(os.path.abspath(path))
    _sweep(directory)
    handle, temporary = tempfile.mkstemp(prefix=f"{_PREFIX}{os.getpid()}-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        if owner is not None and hasattr(os, "chown"):
            created = os.stat(temporary)
            if (created.st_uid, created.st_gid) != owner:
                try:
                    os.chown(temporary, *owner)
                except PermissionError:
                    raise PermissionError(errno.EPERM, "the file's owner could not be kept") from None
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
