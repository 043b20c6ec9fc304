"""Output written as a run goes: a header once, one write per file in the files' order, a footer once.

A :class:`Writer` is given each file's result (or :class:`FileError`) in the files' order, as
soon as every earlier file is done (``gialint check`` restores the order within a bounded
window: :class:`gialint.run.batch.Batch`). It writes the file's part of the output at once,
in one write, and keeps only counts (:class:`~gialint.report.tally.Tally`). What a format puts
after every file — the unreadable files of a JSON document, the job summary's table of files —
goes to a :class:`Spool` (a temporary file once it outgrows memory) and is copied out at the end,
so memory stays flat however many files there are. JSON documents (``json``, ``sarif``) are
written piece by piece and stay one valid document, byte for byte what ``json.dump`` writes
(:class:`JsonStream`).

The formats that need the whole run by nature — the HTML review page (an index and a chart of
every report) and the scorecard (rows sorted by agency) — are :class:`Collected`: their writer
keeps the results and writes them at the end.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import shutil
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, AnyStr, BinaryIO, ClassVar, TextIO

from attrs import frozen

from gialint.base.lazy import LazyModule
from gialint.base.precompiled import regex
from gialint.lint.result import FileError, LintResult
from gialint.report.indent import indented
from gialint.report.tally import Tally
from gialint.run.rendered import ENCODING, Rendered, counted

if TYPE_CHECKING:
    import tempfile

    from gialint.report import Reporter, ReportOptions
else:  # imported when something is spooled: a run over one file spools nothing
    tempfile = LazyModule("tempfile")

#: Bytes a spool keeps in memory before it moves to a temporary file.
SPOOL_IN_MEMORY = 1 << 20
#: The byte that starts the UTF-8 form of a lone surrogate (U+D800–U+DFFF, which ``surrogatepass``
#: lets through, :data:`~gialint.run.rendered.ENCODING`), and of nothing else but U+D000–U+D7FF.
_SURROGATE_LEAD = b"\xed"


def direct_layer(out: TextIO) -> BinaryIO | None:
    """The binary stream under ``out``, made write-through, when a text written to ``out`` reaches
    it as that text's UTF-8 bytes unchanged: ``out`` encodes in UTF-8 and this system ends lines
    with "\\n" (an ``open()``-ed file, and standard output, then write line ends as they are).
    A writer given it writes a part made apart (:meth:`Writer.rendered`), kept in UTF-8, as it is,
    rather than decoding it and having ``out`` encode it again, as the driving process of a warm
    run did for every report. None for any other stream (a :class:`io.StringIO`, a
    console in another encoding). For a stream gialint writes alone (``gialint check``'s output):
    write-through, text and bytes written in turn reach the binary stream in that order."""
    if os.linesep != "\n" or not isinstance(out, io.TextIOWrapper):
        return None
    try:
        if codecs.lookup(out.encoding).name != "utf-8":
            return None
        out.reconfigure(write_through=True)
    except (LookupError, io.UnsupportedOperation, ValueError):
        return None
    binary: BinaryIO = out.buffer
    return binary


class Writer:
    """A format's streaming writer; this base writes nothing and counts (``--statistics`` uses it).

    A format whose part for a file depends on the result and the options alone says so with
    :attr:`apart`, and makes that part in two steps: :meth:`pieces` (no state: a worker may
    make them, :class:`Renderer`) and :meth:`joined` (the writer's state: commas, what is
    spooled). Its :meth:`chunk` is the two in turn."""

    #: Whether :meth:`pieces` may be made apart from this writer (in a worker process).
    apart: ClassVar[bool] = False
    #: The options (of :class:`~gialint.report.ReportOptions`) its pieces depend on: the parts the
    #: cache keeps serve a run whose options agree on these (the language, say, not the colour).
    apart_options: ClassVar[tuple[str, ...]] = ("lang",)

    def __init__(self, options: ReportOptions, out: TextIO) -> None:
        self.options = options
        self.out = out
        #: ``out``'s binary stream, when parts kept in UTF-8 may be written to it as they are
        #: (:func:`direct_layer`: the owner of ``out`` sets it, ``gialint check`` for its output)
        self.binary: BinaryIO | None = None
        self.tally = Tally(options.fail_on)

    def start(self) -> None:
        """Write what comes before the first file."""

    def result(self, result: LintResult) -> None:
        self.tally.add(result)
        text = self.chunk(result)
        if text:
            self.out.write(text)

    def rendered(self, rendered: Rendered) -> None:
        """A file's part made apart (:class:`Renderer`): counted and written as :meth:`result` would
        — as the bytes it is kept in, to :attr:`binary`, where they are what ``out`` would write."""
        self.tally.add_counted(rendered.file_format, rendered.findings)
        pieces = rendered.pieces
        binary = self.binary
        if binary is not None:
            for piece in pieces:
                if _SURROGATE_LEAD in piece:
                    break
            else:
                data = self.joined_bytes(pieces)
                if data:
                    binary.write(data)
                return
        text = self.joined(tuple([piece.decode(*ENCODING) for piece in pieces]))
        if text:
            self.out.write(text)

    def pieces(self, result: LintResult) -> tuple[str, ...]:
        """A file's part, in the pieces :meth:`joined` puts in the output (a format that is :attr:`apart`)."""
        raise NotImplementedError(f"{type(self).__name__} does not make its part apart")

    def joined(self, pieces: tuple[str, ...]) -> str:
        """The text :meth:`pieces` make at this point of the output (what is written at once)."""
        return "".join(pieces)

    def joined_bytes(self, pieces: tuple[bytes, ...]) -> bytes:
        """:meth:`joined` of the pieces in UTF-8, in UTF-8 (pieces without a lone surrogate)."""
        return b"".join(pieces)

    def error(self, error: FileError) -> None:
        self.tally.add_unreadable()
        self.unreadable(error)

    def chunk(self, result: LintResult) -> str:
        """A file's part of the output."""
        return ""

    def unreadable(self, error: FileError) -> None:
        """Note an unreadable file (most formats list them at the end: see :class:`Spool`)."""

    def finish(self) -> None:
        """Write what comes after the last file."""


def write_all(writer: Writer, results: Iterable[LintResult], errors: Iterable[FileError]) -> None:
    """A whole run through a writer: the results, then the unreadable files (a reporter's order)."""
    writer.start()
    for result in results:
        writer.result(result)
    for error in errors:
        writer.error(error)
    writer.finish()


class Collected(Writer):
    """A format that needs the whole run: the results are kept and handed to ``reporter`` at the end."""

    def __init__(self, reporter: Reporter, options: ReportOptions, out: TextIO) -> None:
        super().__init__(options, out)
        self.reporter = reporter
        self.results: list[LintResult] = []
        self.errors: list[FileError] = []

    def chunk(self, result: LintResult) -> str:
        self.results.append(result)
        return ""

    def unreadable(self, error: FileError) -> None:
        self.errors.append(error)

    def finish(self) -> None:
        self.reporter(self.results, self.errors, self.options, self.out)


class Spool:
    """Text kept for the end of the output, in UTF-8: in memory while small, then in a temporary file."""

    def __init__(self) -> None:
        self._file: tempfile.SpooledTemporaryFile[bytes] | None = None
        self.count = 0  # pieces written

    def write(self, text: str | bytes) -> None:
        """Spool text, or text already in UTF-8."""
        if self._file is None:
            self._file = tempfile.SpooledTemporaryFile(SPOOL_IN_MEMORY, "w+b")
        self._file.write(text.encode("utf-8") if isinstance(text, str) else text)
        self.count += 1

    def copy_to(self, out: TextIO, binary: BinaryIO | None = None) -> None:
        """Write what was spooled to ``out`` — or, as it is, to ``binary``, its binary stream
        (:func:`direct_layer`) — in large pieces, and let it go."""
        if self._file is None:
            return
        self._file.seek(0)
        if binary is not None:
            shutil.copyfileobj(self._file, binary, 1 << 16)
        else:
            decoded = io.TextIOWrapper(self._file, encoding="utf-8", newline="")
            shutil.copyfileobj(decoded, out, 1 << 16)
            decoded.detach()
        self._file.close()
        self._file = None


#: A list that :class:`JsonStream` fills: ``"@@NAME@@"`` as the only item of the list in a skeleton.
_SLOT = regex(r'\[\n( *)"@@(\w+)@@"\n( *)\]')


def slot(name: str) -> list[str]:
    """A skeleton's placeholder for the list ``name``."""
    return [f"@@{name}@@"]


def value(name: str) -> str:
    """A skeleton's placeholder for a value known at the end (a count, a flag)."""
    return f"@@{name}@@"


class JsonStream:
    """A JSON document written as ``json.dump(..., indent=2, ensure_ascii=False)`` writes it, its
    lists filled item by item: the first list of the skeleton is written as it fills, the others
    are spooled and written at the end, with the values known only then."""

    def __init__(self, skeleton: dict[str, Any], out: TextIO) -> None:
        self.out = out
        parts = _SLOT.split(json.dumps(skeleton, ensure_ascii=False, indent=2))
        self._literals = parts[::4]  # the text between lists
        self._lists = [
            (name, pad, close) for pad, name, close in zip(parts[1::4], parts[2::4], parts[3::4], strict=True)
        ]
        self._pads = {name: pad for name, pad, _ in self._lists}
        self._byte_pads = {name: ("\n" + pad).encode("utf-8") for name, pad in self._pads.items()}
        self._live = self._lists[0][0]
        self._spools = {name: Spool() for name, _, _ in self._lists[1:]}
        self._live_count = 0

    def start(self) -> None:
        self.out.write(self._literals[0] + "[")

    def items(self, name: str, items: Sequence[object]) -> str:
        """Add ``items`` to the list ``name``: the live list's text is returned (for the caller's one
        write per file), another list's is spooled."""
        return self.texts(name, [self.item(name, item) for item in items])

    def item(self, name: str, item: object) -> str:
        """``item``'s text as the list ``name`` holds it (what :meth:`texts` adds)."""
        return indented(item, self._pads[name])

    def texts(self, name: str, texts: Sequence[str]) -> str:
        """:meth:`items`, given the items' texts (:meth:`item`)."""
        return self._texts(name, texts, ",", "\n" + self._pads[name])

    def texts_bytes(self, name: str, texts: Sequence[bytes]) -> bytes:
        """:meth:`texts`, the items' texts and what it returns in UTF-8."""
        return self._texts(name, texts, b",", self._byte_pads[name])

    def _texts(self, name: str, texts: Sequence[AnyStr], comma: AnyStr, pad: AnyStr) -> AnyStr:
        """The items ``texts`` of the list ``name``, each on a line of its own after ``pad`` and
        after a comma but the list's first: returned for the live list, spooled for another."""
        nothing = comma[:0]
        if not texts:
            return nothing
        joined = pad + (comma + pad).join(texts)
        if name == self._live:
            text = (comma if self._live_count else nothing) + joined
            self._live_count += len(texts)
            return text
        spool = self._spools[name]
        spool.write((comma if spool.count else nothing) + joined)
        return nothing

    def finish(self, values: dict[str, str], binary: BinaryIO | None = None) -> None:
        """Close the document; ``values``: the JSON text of each value placeholder; ``binary``:
        the output's binary stream, which the spooled lists are copied to (:func:`direct_layer`)."""

        def fill(text: str) -> str:
            for key, found in values.items():
                text = text.replace(f'"@@{key}@@"', found)
            return text

        out = self.out
        for index, (name, _, close) in enumerate(self._lists):
            if index:
                out.write("[")
                spool = self._spools[name]
                count = spool.count
                spool.copy_to(out, binary)
            else:
                count = self._live_count
            out.write(("\n" + close + "]" if count else "]") + fill(self._literals[index + 1]))


@frozen
class Renderer:
    """Makes a report's :class:`~gialint.run.rendered.Rendered` in the format ``name`` (one whose
    writer is :attr:`Writer.apart`), with ``options``: handed to the workers of a run. ``key``:
    what the parts it makes depend on besides the result, the format and the options its
    writer names (:attr:`Writer.apart_options`); the cache keeps it with them (see
    :func:`renderer`)."""

    name: str
    options: ReportOptions
    key: str

    def __call__(self, result: LintResult) -> Rendered:
        writer = _APART.get(self)
        if writer is None:
            writer = _APART[self] = get_writer(self.name, self.options, _NOWHERE)
        assert result.path is not None  # a file of a run
        return Rendered(
            result.path,
            result.agency,
            result.agency_source,
            result.year,
            result.file_format,
            counted(result),
            tuple([piece.encode(*ENCODING) for piece in writer.pieces(result)]),
        )


def renderer(name: str, options: ReportOptions) -> Renderer | None:
    """A :class:`Renderer` for the format ``name`` when its writer is :attr:`Writer.apart`, else None."""
    from gialint.report import WRITERS, load

    writer: type[Writer] | None = load(WRITERS[name]) if name in WRITERS else None
    if writer is None or not writer.apart:
        return None
    key = repr((name, *[(option, getattr(options, option)) for option in writer.apart_options]))
    return Renderer(name, options, key)


#: Each :class:`Renderer`'s writer, made once in a process.
_APART: dict[Renderer, Writer] = {}


class _Nowhere:
    """The output of a writer that only makes pieces: it takes no text."""

    def write(self, text: str) -> int:
        raise AssertionError("a writer that makes pieces apart writes nothing")


_NOWHERE: Any = _Nowhere()


def get_writer(name: str, options: ReportOptions, out: TextIO) -> Writer:
    """The writer of the format ``name``, writing to ``out``."""
    from gialint.report import WRITERS, get_reporter, load

    if name in WRITERS:
        writer: Writer = load(WRITERS[name])(options, out)
        return writer
    return Collected(get_reporter(name), options, out)
