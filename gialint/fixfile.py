"""Writing fixes back: the same encoding, byte-order mark and line ends, atomically.

A text or Markdown report is fixed in place only when gialint can write it back
byte for byte as it was, apart from the fixed characters: the decoded text, encoded
again, must give the original bytes. The new file is written next to the old one and
moved over it in one step (``os.replace``), with the old file's permissions, so an
interrupted run leaves either the old file or the new one, never half of each.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile

from gialint.source import ReadError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def encode_like(text: str, original: bytes, encoding: str) -> bytes:
    """``text`` encoded as ``original`` was: its byte-order mark, then ``encoding``."""
    for bom, codec in _BOMS:
        if original.startswith(bom):
            return bom + text.encode(codec)
    return text.encode(encoding)


def check_round_trip(text: str, original: bytes, encoding: str) -> None:
    """Raise ReadError when the decoded text cannot be written back as the same bytes."""
    try:
        same = encode_like(text, original, encoding) == original
    except UnicodeEncodeError:
        same = False
    if not same:
        raise ReadError(f"cannot fix: the file would not be written back byte for byte in {encoding}")


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
