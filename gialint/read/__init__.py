"""Stage 1, read: bytes → text, and a map back to the file.

In: a path or bytes. Out: an :class:`~gialint.read.compose.Extracted`: the text in a layout the
grammar knows, and a :class:`~gialint.base.location.SourceMap`. ``source`` decodes text files,
``text``, ``html``, ``docx`` and ``pdf`` (with ``pdf_*``) read each kind, ``compose`` writes what
they found as Markdown, ``limits`` bounds size, pages and time, ``signs`` takes a cheap look at
whether a text is a report at all. Imports: ``base`` and ``formats``.

A reader is chosen by the file name's extension (:data:`READERS`); a name without a
known extension is recognised by its first bytes. Each reader module is imported only
when a file of its kind is read, so checking a .txt never loads the PDF or Word
libraries. Every reader returns an :class:`~gialint.read.compose.Extracted`, or
raises :class:`~gialint.read.source.ReadError` with one line for the user.
"""

from __future__ import annotations

import importlib
import os
import stat
from collections.abc import Callable
from typing import BinaryIO

from gialint.base import catalogue as msg
from gialint.base.diagnostic import Text
from gialint.base.messages import say
from gialint.read.compose import Extracted
from gialint.read.limits import DEFAULT_LIMITS, MIB, Limits
from gialint.read.source import ReadError

Reader = Callable[[bytes, Limits], Extracted]

#: Readers by extension, as "module:function", imported on first use.
READERS: dict[str, str] = {
    ".txt": "gialint.read.text:read_text",
    ".text": "gialint.read.text:read_text",
    ".md": "gialint.read.text:read_markdown",
    ".markdown": "gialint.read.text:read_markdown",
    ".html": "gialint.read.html:read_html",
    ".htm": "gialint.read.html:read_html",
    ".shtml": "gialint.read.html:read_html",
    ".docx": "gialint.read.docx:read_docx",
    ".pdf": "gialint.read.pdf:read_pdf",
}
#: Extensions gialint knows but cannot read, and what they are (then what to do instead).
LEGACY: dict[str, Text] = {".doc": msg.KIND_DOC, ".wps": msg.KIND_WPS, ".rtf": msg.KIND_RTF}
#: Extensions of files that are not report documents, and what they are: refused in one line
#: rather than read as text.
NOT_DOCUMENTS: dict[str, Text] = {
    ".xls": msg.KIND_SPREADSHEET,
    ".xlsx": msg.KIND_SPREADSHEET,
    ".et": msg.KIND_WPS_SPREADSHEET,
    ".ofd": msg.KIND_OFD,
    ".ppt": msg.KIND_SLIDES,
    ".pptx": msg.KIND_SLIDES,
    ".png": msg.KIND_SCAN,
    ".jpg": msg.KIND_SCAN,
    ".jpeg": msg.KIND_SCAN,
    ".gif": msg.KIND_IMAGE,
    ".bmp": msg.KIND_IMAGE,
    ".tif": msg.KIND_SCAN,
    ".tiff": msg.KIND_SCAN,
}

#: Extensions a directory run picks up.
EXTENSIONS = tuple(READERS)

_SNIFF = (
    (b"%PDF-", ".pdf"),
    (b"PK\x03\x04", ".docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", ".doc"),
    (b"{\\rtf", ".rtf"),
)


def kind_of(name: str, data: bytes | None = None) -> str:
    """The extension that decides the reader: the name's, or for other names the content's."""
    extension = os.path.splitext(name)[1].lower()
    if extension in READERS or extension in LEGACY or extension in NOT_DOCUMENTS:
        return extension
    head = (data or b"")[:1024]
    for signature, kind in _SNIFF:
        if head.startswith(signature):
            return kind
    if b"<html" in head.lower() or b"<!doctype html" in head.lower():
        return ".html"
    return ".txt"


def get_reader(kind: str) -> Reader:
    if kind in LEGACY:
        raise ReadError(msg.READ_LEGACY, what=LEGACY[kind], advice=msg.READ_CONVERT)
    if kind in NOT_DOCUMENTS:
        readable = ", ".join(READERS)
        raise ReadError(msg.READ_NOT_DOCUMENT, what=NOT_DOCUMENTS[kind], readable=readable)
    module, _, function = READERS[kind].partition(":")
    reader: Reader = getattr(importlib.import_module(module), function)
    return reader


def _check_size(size: int, kind: str, limits: Limits) -> None:
    limit = limits.max_binary_bytes if kind in (".docx", ".pdf") else limits.max_text_bytes
    if size > limit:
        raise ReadError(msg.READ_TOO_LARGE, size=size / MIB, kind=kind, limit=limit / MIB)


def read_bytes(data: bytes, name: str, limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Read a report given as bytes; ``name`` (a file name) chooses the reader."""
    kind = kind_of(name, data)
    _check_size(len(data), kind, limits)
    reader = get_reader(kind)
    try:
        return reader(data, limits)
    except RecursionError:  # a document nested deeper than any report is
        raise ReadError(msg.READ_TOO_DEEP) from None


def read_path(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> Extracted:
    """Read a report file of any supported kind."""
    # the file's name, as pathlib's ``name`` gives it for a file (pathlib is not imported for it)
    return read_bytes(file_bytes(path, limits), os.path.basename(path), limits)


def file_bytes(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of a report file, within the size limit of its kind (ReadError otherwise).

    Read through a bare file descriptor: a buffered file object costs half as much again, which a
    warm-cache run over thousands of files pays once per file.
    """
    return file_bytes_and_status(path, limits)[0]


def file_bytes_and_status(
    path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS
) -> tuple[bytes, os.stat_result]:
    """:func:`file_bytes`, and the file's status as it was just before they were read (the
    result cache remembers a file by it: :mod:`gialint.run.cache`)."""
    try:
        # O_NONBLOCK: opening a FIFO no one writes to would wait forever (it changes nothing for a file)
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise ReadError(_why(error)) from None
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise ReadError(msg.READ_IS_DIRECTORY if stat.S_ISDIR(status.st_mode) else msg.READ_NOT_A_FILE)
        size = status.st_size
        if size > min(limits.max_text_bytes, limits.max_binary_bytes):  # only then does the kind matter
            _check_size(size, kind_of(os.fspath(path), os.read(descriptor, 1024)), limits)
            os.lseek(descriptor, 0, os.SEEK_SET)
        data = os.read(descriptor, size + 1)  # one byte more than the size: a file that grew shows it
        if len(data) != size:  # a short read, or a file changing as it is read: read on to its end
            chunks, total = [data], len(data)
            largest = max(limits.max_text_bytes, limits.max_binary_bytes)
            while chunk := os.read(descriptor, 65536):
                chunks.append(chunk)
                total += len(chunk)
                if total > largest:  # a pipe or device with no end
                    raise ReadError(msg.READ_LARGER_THAN, largest=largest / MIB)
            data = b"".join(chunks)
    except OSError as error:
        raise ReadError(_why(error)) from None
    finally:
        os.close(descriptor)
    return data, status


def stream_bytes(stream: BinaryIO | None, limits: Limits = DEFAULT_LIMITS) -> bytes:
    """The bytes of a report given on a stream (standard input), bounded as a file is: an endless
    stream is refused past the largest file gialint reads, not read into memory."""
    if stream is None:
        raise ReadError(msg.READ_STDIN_CLOSED)
    largest = max(limits.max_text_bytes, limits.max_binary_bytes)
    try:
        data = stream.read(largest + 1)
    except (OSError, ValueError) as error:  # ValueError: a closed stream
        raise ReadError(msg.READ_STDIN_FAILED, error=error) from None
    if len(data) > largest:
        raise ReadError(msg.READ_INPUT_LARGER_THAN, largest=largest / MIB)
    return data


def _why(error: OSError) -> Text:
    """The one line a user reads for an error opening or reading a file."""
    if isinstance(error, IsADirectoryError):
        return msg.READ_IS_DIRECTORY
    if isinstance(error, FileNotFoundError):
        return msg.READ_NO_SUCH_FILE
    if isinstance(error, PermissionError):
        return msg.READ_PERMISSION
    return say(msg.READ_OS_ERROR, error=error.strerror or str(error))
