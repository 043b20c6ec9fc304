"""Fuzzing hostile .docx, .html and .pdf files: each gives findings or one line (ReadError, exit 2),
never another exception, never a hang, within its time budget.

The files come from :mod:`gialint.testing.hostile`, made from a seed report written by the test
writers: huge, negative and non-numeric spans and numbering values, parts left out, bad
/MediaBox values, compressed-stream bombs, deep nesting, truncation. Each example reads and lints
a document, so these run a sixth of the profile's examples (10 in CI; ``HYPOTHESIS_PROFILE=thorough``
runs 166 each, for a long local run: docs/architecture.md, "Tests").
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

import gialint
from conftest import raises_en, seed, written
from gialint.read.limits import MIB, Limits
from gialint.read.source import ReadError
from gialint.testing import hostile

FEW = settings(max_examples=max(settings.default.max_examples // 6, 5))
LIMITS = Limits(max_seconds=30)  # far more than any example needs: reaching it would be a hang


def _docx() -> bytes:
    return written(seed("003"), "docx")


def _html() -> bytes:
    return written(seed("003"), "html")


def lints_or_refuses(data: bytes, name: str) -> None:
    """The property: findings, or one line saying why not."""
    try:
        result = gialint.lint_bytes(data, name, limits=LIMITS)
    except ReadError as error:
        message = str(error)
        assert message and "\n" not in message and "gave up" not in message, message
        return
    assert all(d.span.line >= 1 for d in result.diagnostics)


_NUMBERS = st.one_of(
    st.integers(-(10**15), 10**15).map(str),
    st.sampled_from(["", "abc", "1e9", "0x10", "-0", "１２", "100000000", "99999999999999999999999"]),
)


@FEW
@given(_NUMBERS)
def test_a_docx_with_any_grid_span(span: str) -> None:
    lints_or_refuses(hostile.docx_with_grid_span(_docx(), span), "r.docx")


@FEW
@given(
    _NUMBERS,
    st.sampled_from(["upperRoman", "lowerRoman", "decimal", "chineseCounting", "upperLetter", "bullet", "nonsense"]),
    st.sampled_from(["0", "1", "8", "9", "-1", "x", "4294967296"]),
)
def test_a_docx_with_any_numbering(start: str, fmt: str, level: str) -> None:
    lints_or_refuses(hostile.docx_with_numbering(_docx(), start, fmt, level), "r.docx")


_PARTS = [info.filename for info in zipfile.ZipFile(io.BytesIO(written(seed("003"), "docx"))).infolist()]


@FEW
@given(st.sets(st.sampled_from(_PARTS), min_size=1, max_size=4), st.sampled_from([None, b"", b"<x/>", b"\xff\xfe"]))
def test_a_docx_with_parts_missing_or_emptied(parts: set[str], replacement: bytes | None) -> None:
    lints_or_refuses(hostile.docx_replacing(_docx(), dict.fromkeys(parts, replacement)), "r.docx")


@FEW
@given(st.integers(1, 2000))
def test_a_docx_with_deeply_nested_tables(depth: int) -> None:
    lints_or_refuses(hostile.docx_nested_tables(_docx(), depth), "r.docx")


@FEW
@given(st.integers(1, 20000), st.sampled_from(["div", "table", "td", "span", "ul", "b"]))
def test_an_html_page_nested_deep(depth: int, tag: str) -> None:
    lints_or_refuses(hostile.html_nested(_html(), depth, tag), "r.html")


@FEW
@given(_NUMBERS, _NUMBERS)
def test_an_html_page_with_any_spans(colspan: str, rowspan: str) -> None:
    lints_or_refuses(hostile.html_with_spans(_html(), colspan, rowspan), "r.html")


_COORDINATE = st.one_of(
    st.integers(-(10**9), 10**9).map(lambda n: str(n).encode()),
    st.sampled_from([b"1e30", b"-1e30", b"0", b"a", b"/Name", b"()", b"[]", b"nan", b"99999999999999999999"]),
)


@FEW
@given(st.lists(_COORDINATE, min_size=0, max_size=6).map(lambda c: b"[" + b" ".join(c) + b"]") | st.just(b"0"))
def test_a_pdf_with_any_media_box(media_box: bytes) -> None:
    lints_or_refuses(hostile.pdf_with_media_box(media_box), "r.pdf")


@FEW
@given(st.integers(1, 4096), st.integers(1, 2), st.sampled_from([None, "ASCIIHexDecode", "ASCII85Decode"]))
def test_a_pdf_whose_content_inflates_to_any_size(mebibytes: int, layers: int, wrap: str | None) -> None:
    data = hostile.pdf_stream_bomb(mebibytes * MIB, layers, wrap)
    if mebibytes > 64:
        with raises_en(ReadError, "compression bomb"):
            gialint.lint_bytes(data, "r.pdf", limits=LIMITS)
    else:
        lints_or_refuses(data, "r.pdf")  # read: spaces, no text (refused as a scanned PDF)


_MAKERS: dict[str, Callable[[], bytes]] = {
    "r.docx": _docx,
    "r.html": _html,
    "r.pdf": lambda: written(seed("003"), "pdf"),
}


@FEW
@given(st.sampled_from(sorted(_MAKERS)), st.floats(0.0, 1.0), st.binary(max_size=64))
def test_a_file_cut_anywhere_or_overwritten(name: str, where: float, junk: bytes) -> None:
    data = _MAKERS[name]()
    cut = int(len(data) * where)
    lints_or_refuses(data[:cut], name)
    lints_or_refuses(data[:cut] + junk + data[cut + len(junk) :], name)
