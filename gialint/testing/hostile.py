"""Hostile files, for tests that gialint stays bounded on them: damaged or malicious .docx,
.html and .pdf made from a well-formed report (:mod:`gialint.testing.writers`) or from scratch.

Each maker takes the few numbers an attack turns on (a span, a depth, how far a stream
inflates), so that hypothesis can choose them; none of them costs more than a moment to make.
"""

from __future__ import annotations

import base64
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Sequence

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MIB = 1024 * 1024

# ---------------------------------------------------------------- .pdf


def flate_bomb(inflated: int, layers: int = 1) -> bytes:
    """Deflate data (zlib) that inflates to ``inflated`` spaces (at least 1 MiB), made without ever holding them:
    one compressed mebibyte, fully flushed so that it can be repeated. ``layers`` = 2 deflates that
    again (a /FlateDecode /FlateDecode stream)."""
    compressor = zlib.compressobj(9)
    head = compressor.compress(b" " * MIB) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(b" " * MIB) + compressor.flush(zlib.Z_FULL_FLUSH)
    rest = inflated % MIB
    tail = compressor.compress(b" " * rest) + compressor.flush(zlib.Z_FINISH)
    count = max(inflated // MIB, 1)
    size = count * MIB + rest
    # the checksum of ``size`` spaces (Adler-32: A = 1 + the sum of the bytes, B = the sum of the As)
    a, b = (1 + 32 * size) % 65521, (size + 32 * size * (size + 1) // 2) % 65521
    data = head + again * (count - 1) + tail[:-4] + struct.pack(">I", (b << 16) | a)
    for _ in range(layers - 1):
        data = zlib.compress(data, 9)
    return data


def raw_pdf(content: bytes, media_box: bytes = b"[0 0 595 842]", filters: Sequence[str] = ()) -> bytes:
    """A one-page PDF written by hand: ``content`` is the page's content stream (already encoded
    with ``filters``, the names of its /Filter array), ``media_box`` the page's /MediaBox as written."""
    names = b" ".join(b"/" + name.encode("ascii") for name in filters)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox " + media_box + b" /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d%s >>\nstream\n" % (len(content), b" /Filter [" + names + b"]" if filters else b"")
        + content
        + b"\nendstream",
    ]
    return pdf_of(objects)


def pdf_of(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1, the first the catalog), with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_content(lines: list[str]) -> bytes:
    """A content stream that writes ``lines`` (ASCII) down the page."""
    shown = b"".join(
        b"BT /F1 12 Tf 72 %d Td (%s) Tj ET\n" % (780 - 16 * i, line.encode("ascii", "replace").replace(b")", b""))
        for i, line in enumerate(lines[:45])
    )
    return shown


def pdf_stream_bomb(inflated: int, layers: int = 1, wrap: str | None = None) -> bytes:
    """A small PDF whose page content inflates to ``inflated`` bytes; ``wrap``: "ASCIIHexDecode" or
    "ASCII85Decode", an ASCII encoding around the deflated bytes."""
    content, filters = flate_bomb(inflated, layers), ["FlateDecode"] * layers
    if wrap == "ASCIIHexDecode":
        content, filters = content.hex().encode("ascii") + b">", [wrap, *filters]
    elif wrap == "ASCII85Decode":
        content, filters = base64.a85encode(content, wrapcol=72, adobe=True), [wrap, *filters]
    return raw_pdf(content, filters=filters)


def pdf_with_media_box(media_box: bytes) -> bytes:
    """A PDF with one line of text and the given /MediaBox (degenerate, inverted, huge, not numbers…)."""
    return raw_pdf(text_content(["2021 report"]), media_box=media_box)


# ---------------------------------------------------------------- .docx


def docx_replacing(docx: bytes, parts: dict[str, bytes | None]) -> bytes:
    """A copy of ``docx`` with some parts replaced, or left out where the value is None."""
    source = zipfile.ZipFile(io.BytesIO(docx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = parts.get(info.filename, source.read(info.filename))
            if info.filename in parts and data is None:
                continue
            assert data is not None
            target.writestr(info.filename, data)
        for name, data in parts.items():
            if data is not None and name not in source.namelist():
                target.writestr(name, data)
    return out.getvalue()


def document_xml(docx: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        return archive.read("word/document.xml").decode("utf-8")


def docx_with_grid_span(docx: bytes, span: str) -> bytes:
    """Every table cell of ``docx`` declares ``w:gridSpan`` = ``span`` (huge, negative, not a number)."""
    xml = document_xml(docx).replace("<w:tcPr>", f'<w:tcPr><w:gridSpan w:val="{span}"/>')
    xml = re.sub(r"<w:tc>(?!<w:tcPr>)", f'<w:tc><w:tcPr><w:gridSpan w:val="{span}"/></w:tcPr>', xml)
    return docx_replacing(docx, {"word/document.xml": xml.encode("utf-8")})


def numbering_xml(start: str, fmt: str = "upperRoman", level: str = "0") -> bytes:
    """A numbering part whose one list starts at ``start`` in ``fmt`` (values as written, any text)."""
    return (
        f'<w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{level}">'
        f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    ).encode()


def docx_with_numbering(docx: bytes, start: str, fmt: str = "upperRoman", level: str = "0") -> bytes:
    """Every paragraph of ``docx`` numbered from ``start`` in ``fmt``, at list level ``level``."""
    number = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="1"/></w:numPr>'
    xml = re.sub(r"<w:p>(?!<w:pPr>)", f"<w:p><w:pPr>{number}</w:pPr>", document_xml(docx))
    xml = xml.replace("<w:p><w:pPr>", f"<w:p><w:pPr>{number}").replace(number * 2, number)
    return docx_replacing(
        docx, {"word/document.xml": xml.encode("utf-8"), "word/numbering.xml": numbering_xml(start, fmt, level)}
    )


def docx_nested_tables(docx: bytes, depth: int) -> bytes:
    """``docx`` with a table nested ``depth`` deep (a table in a cell of a table in a cell …) before its body."""
    nest = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p>" * depth + "<w:p/></w:tc></w:tr></w:tbl>" * depth
    xml = document_xml(docx).replace("<w:body>", "<w:body>" + nest, 1)
    return docx_replacing(docx, {"word/document.xml": xml.encode("utf-8")})


# ---------------------------------------------------------------- .html


def html_nested(page: bytes, depth: int, tag: str = "div") -> bytes:
    """``page`` (UTF-8) with its body wrapped ``depth`` tags deep."""
    text = page.decode("utf-8")
    opened = text.index("<body>") + len("<body>")
    closed = text.rindex("</body>")
    return (text[:opened] + f"<{tag}>" * depth + text[opened:closed] + f"</{tag}>" * depth + text[closed:]).encode()


def html_with_spans(page: bytes, colspan: str, rowspan: str) -> bytes:
    """``page`` (UTF-8) with every table cell declaring these spans (any text)."""
    return page.decode("utf-8").replace("<td", f'<td colspan="{colspan}" rowspan="{rowspan}"').encode()
