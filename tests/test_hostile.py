"""Bad and hostile files: one clear line on stderr, exit code 2, never a traceback or a hang."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import BASE, raises_en, seed, written
from gialint.read import file_bytes, read_bytes, read_path
from gialint.read.limits import MIB, Limits
from gialint.read.source import ReadError
from gialint.testing.hostile import pdf_of, pdf_stream_bomb

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def _docx_with(document_xml: bytes) -> bytes:
    """A copy of a real .docx with its main part replaced."""
    source = zipfile.ZipFile(io.BytesIO(written(seed("003"), "docx")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = document_xml if info.filename == "word/document.xml" else source.read(info)
            target.writestr(info.filename, data)
    return out.getvalue()


def xxe_docx() -> bytes:
    xml = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n'
        b'<!DOCTYPE w:document [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"
    )
    return _docx_with(xml)


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/image1.png", b"\0" * (40 * MIB))
    return out.getvalue()


def not_word_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hi")
    return out.getvalue()


def encrypted_pdf() -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4, encrypt="secret")
    page.drawString(72, 700, "report")
    page.save()
    return out.getvalue()


def scanned_pdf() -> bytes:
    """Pages with pictures only (here: filled rectangles), as a scanner makes them."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=A4)
    for _ in range(2):
        page.rect(50, 50, 400, 600, fill=1)
        page.showPage()
    page.save()
    return out.getvalue()


def cid_pdf() -> bytes:
    """A PDF whose Type0 font has no ToUnicode map: its text extracts as (cid:NN)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Garbled /Encoding /Identity-H /DescendantFonts [5 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Garbled "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    stream = b"BT /F1 12 Tf 72 700 Td <" + bytes(range(1, 121)).hex().encode() + b"> Tj ET"
    objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    return pdf_of(objects)


NEWS = "<html><head><meta charset='utf-8'></head><body><div class='nav'>首页</div><p>本市召开政务公开工作会议。</p></body></html>"

HOSTILE: dict[str, tuple[str, Callable[[], bytes], str]] = {
    "docx-not-zip": ("r.docx", lambda: "一、总体情况\n".encode() * 50, "not a ZIP archive"),
    "docx-truncated": ("r.docx", lambda: written(seed("003"), "docx")[:5000], "not a ZIP archive, or a truncated one"),
    "docx-zip-bomb": ("r.docx", zip_bomb, "zip bomb"),
    "docx-xxe": ("r.docx", xxe_docx, "DOCTYPE"),
    "docx-not-word": ("r.docx", not_word_zip, "not a Word document"),
    "docx-no-body": (
        "r.docx",
        lambda: _docx_with(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
        "the document has no body",
    ),
    "docx-encrypted-ole": ("r.docx", lambda: OLE, "password-protected"),
    "doc-legacy": ("r.doc", lambda: OLE, "libreoffice --headless --convert-to docx"),
    "wps-legacy": ("r.wps", lambda: OLE, "save it as .docx"),
    "pdf-encrypted": ("r.pdf", encrypted_pdf, "protected by a password"),
    "pdf-scanned": ("r.pdf", scanned_pdf, "no text layer (a scanned document?): run OCR"),
    "pdf-cid-garbage": ("r.pdf", cid_pdf, "(cid:NN)"),
    "pdf-truncated": ("r.pdf", lambda: written(seed("003"), "pdf")[:3000], "truncated"),
    "pdf-stream-bomb": ("r.pdf", lambda: pdf_stream_bomb(1536 * MIB), "compression bomb"),
    "pdf-stream-bomb-twice": ("r.pdf", lambda: pdf_stream_bomb(1536 * MIB, layers=2), "compression bomb"),
    "pdf-stream-bomb-in-ascii85": (
        "r.pdf",
        lambda: pdf_stream_bomb(512 * MIB, wrap="ASCII85Decode"),
        "compression bomb",
    ),
    "pdf-stream-bomb-in-hex": ("r.pdf", lambda: pdf_stream_bomb(512 * MIB, wrap="ASCIIHexDecode"), "compression bomb"),
    "pdf-not-pdf": ("r.pdf", lambda: b"%PDF-1.4\n" + b"\x00garbage" * 100 + b"\n%%EOF\n", "not a readable PDF"),
    "html-not-a-report": ("r.html", lambda: NEWS.encode(), "(政府信息公开工作年度报告) in this page"),
    "html-binary": ("r.html", lambda: bytes(range(256)) * 20, "not a text file"),
    "txt-empty": ("r.txt", lambda: b"", "empty"),
    "txt-is-pdf": ("r.txt", lambda: written(seed("003"), "pdf"), "give it the .pdf extension"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_file_gives_one_line_and_exit_2(name: str, tmp_path: Path) -> None:
    filename, make, message = HOSTILE[name]
    path = tmp_path / filename
    path.write_bytes(make())
    done = subprocess.run(
        [sys.executable, "-m", "gialint", "check", str(path), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"gialint: {path}: "), done.stderr
    assert message in lines[0]


def test_xxe_is_refused_before_any_entity_is_read() -> None:
    with pytest.raises(ReadError) as error:
        read_bytes(xxe_docx(), "r.docx")
    assert "root:" not in str(error.value)


def test_limits_bound_size_pages_and_time(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as f:
        f.truncate(65 * MIB)  # sparse: costs no disk
    with raises_en(ReadError, "up to 64 MiB"):
        read_path(big)
    pdf = written(seed("000"), "pdf")
    with raises_en(ReadError, r"up to 1$"):
        read_bytes(pdf, "r.pdf", Limits(max_pages=1))
    with raises_en(ReadError, r"gave up after 0 s at (a compressed stream|page 1)"):
        read_bytes(pdf, "r.pdf", Limits(max_seconds=0))
    with raises_en(ReadError, "gave up"):
        read_bytes(written(seed("000"), "docx"), "r.docx", Limits(max_seconds=0))


def test_a_pdf_stream_bomb_is_measured_in_constant_memory_before_pdfium_inflates_it() -> None:
    import tracemalloc

    from gialint.read.pdf_streams import CHUNK, check_streams

    bomb = pdf_stream_bomb(600 * MIB)
    tracemalloc.start()
    try:
        with raises_en(ReadError, "more than 64 MiB"):
            check_streams(bomb, Limits(), Limits().deadline())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < len(bomb) + 8 * CHUNK
    # under the limit a stream is read; many of them together are still bounded
    check_streams(pdf_stream_bomb(8 * MIB), Limits(), Limits().deadline())
    with raises_en(ReadError, "streams inflate to more than 8 MiB"):
        check_streams(pdf_stream_bomb(12 * MIB), Limits(max_unzipped_bytes=8 * MIB), Limits().deadline())
    with raises_en(ReadError, "gave up after 0 s at a compressed stream"):
        check_streams(pdf_stream_bomb(8 * MIB), Limits(), Limits(max_seconds=0).deadline())
    # a stream that ends on a chunk's edge, with bytes after its end: once looped for ever
    check_streams(pdf_stream_bomb(2 * MIB), Limits(), Limits(max_seconds=10).deadline())


def test_a_docx_whose_main_part_is_not_a_word_document_is_one_line() -> None:
    from gialint.testing.hostile import docx_replacing

    with raises_en(ReadError, r"^not a readable \.docx: the document has no body$"):
        read_bytes(docx_replacing(written(seed("003"), "docx"), {"word/document.xml": b"<x/>"}), "r.docx")


@pytest.mark.parametrize("part", ["word/styles.xml", "word/numbering.xml"])
def test_a_docx_whose_styles_or_numbering_part_is_something_else_is_read_without_them(part: str) -> None:
    from gialint.testing.hostile import docx_replacing

    extracted = read_bytes(docx_replacing(written(seed("003"), "docx"), {part: b"<x/>"}), "r.docx")
    assert "本年新收政府信息公开申请数量" in extracted.text


@pytest.mark.parametrize("span", ["", "abc", "-3", "1.5"])
def test_a_docx_declaring_spans_that_are_not_whole_numbers_is_read(span: str) -> None:
    from gialint.testing.hostile import docx_with_grid_span

    extracted = read_bytes(docx_with_grid_span(written(seed("003"), "docx"), span), "r.docx")
    assert "本年新收政府信息公开申请数量" in extracted.text  # each cell counted as spanning one column


def test_a_device_without_an_end_is_refused_not_read() -> None:
    # /dev/zero reports size 0 and never ends, like a pipe someone forgot to close
    with raises_en(ReadError, "not a regular file"):
        file_bytes("/dev/zero", Limits(max_text_bytes=MIB, max_binary_bytes=MIB))


def test_unreadable_paths_give_one_line(tmp_path: Path) -> None:
    with raises_en(ReadError, r"^is a directory$"):
        file_bytes(tmp_path)
    with raises_en(ReadError, r"^no such file$"):
        file_bytes(tmp_path / "missing.txt")
    report = tmp_path / "r.txt"
    report.write_bytes(b"x" * 70_000)  # more than one read's worth is still read whole
    assert file_bytes(report) == b"x" * 70_000


def test_html_spans_cannot_blow_up_a_table() -> None:
    page = (
        "<html><body><h2>一、总体情况</h2><h2>二、主动公开政府信息情况</h2><table>"
        + '<tr><td colspan="1000000000">信息内容</td><td rowspan="99999">x</td></tr>' * 200
        + "</table></body></html>"
    )
    with raises_en(ReadError, "spans more than"):
        read_bytes(page.encode(), "r.html")


@pytest.mark.parametrize("member", ["[Content_Types].xml", "word/document.xml"])
def test_a_docx_with_a_damaged_part_is_one_line(member: str) -> None:
    # flipped bytes inside a compressed part: zlib or the CRC check fails while the part is read
    data = bytearray(written(seed("003"), "docx"))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 2, start + min(info.compress_size, 40)):
        data[offset] ^= 0x5A
    with pytest.raises(ReadError) as raised:
        read_bytes(bytes(data), "r.docx")
    assert "\n" not in str(raised.value)


def test_a_fifo_is_refused_at_once_not_waited_on(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "report.txt"
    os.mkfifo(fifo)
    with raises_en(ReadError, "not a regular file"):
        file_bytes(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "gialint", "check", str(fifo), "--lang", "en"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert done.returncode == 2 and "not a regular file" in done.stderr and "Traceback" not in done.stderr


def test_an_endless_standard_input_is_refused_within_the_limit(tmp_path: Path) -> None:
    from gialint.read import stream_bytes

    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[:] = b"x" * len(buffer)
            return len(buffer)

    limits = Limits(max_text_bytes=MIB, max_binary_bytes=MIB)
    with raises_en(ReadError, "larger than 1 MiB"):
        stream_bytes(io.BufferedReader(Endless()), limits)
    with raises_en(ReadError, "standard input is closed"):
        stream_bytes(None, limits)


def test_closed_standard_input_gives_one_line(tmp_path: Path) -> None:
    import os

    done = subprocess.run(
        [sys.executable, "-m", "gialint", "check", "-"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "标准输入" in done.stderr


def _flawed() -> bytes:
    """A report with one wrong total: a finding to write out."""
    text = (BASE / "report-2020.txt").read_text(encoding="utf-8")
    return text.replace("\t186", "\t187", 1).encode("utf-8")


def _gialint(args: list[str], cwd: Path, **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gialint", *args], capture_output=True, text=True, timeout=120, cwd=cwd, **options
    )  # type: ignore[call-overload]


@pytest.mark.parametrize("output_format", ["full", "json"])
def test_a_full_output_device_is_one_line_and_exit_2(output_format: str, tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_bytes(_flawed())
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "gialint", "check", "--format", output_format, "r.txt"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
    assert done.returncode == 2
    assert done.stderr.strip() == "gialint: 无法写入输出：No space left on device"


def test_an_output_file_on_a_full_disk_is_one_line_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_bytes(_flawed())
    done = _gialint(["check", "--format", "json", "r.txt", "-o", "/dev/full"], tmp_path)  # -o onto a full disk
    assert done.returncode == 2
    assert done.stderr.strip() == "gialint: 无法写入输出：No space left on device"


def test_closed_standard_output_is_one_line(tmp_path: Path) -> None:
    import os

    (tmp_path / "r.txt").write_bytes(_flawed())
    done = _gialint(["check", "r.txt"], tmp_path, preexec_fn=lambda: os.close(1))
    assert done.returncode == 2 and "标准输出已关闭" in done.stderr and "Traceback" not in done.stderr
    written_to_file = _gialint(["check", "r.txt", "-o", "out.txt"], tmp_path, preexec_fn=lambda: os.close(1))
    assert written_to_file.returncode == 1 and "GIA" in (tmp_path / "out.txt").read_text(encoding="utf-8")


def test_an_output_file_that_is_an_input_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_bytes(_flawed())
    for target in ("r.txt", "./r.txt"):
        done = _gialint(["check", "r.txt", "-o", target], tmp_path)
        assert done.returncode == 2 and "输出文件是要检查的文件之一" in done.stderr
    done = _gialint(["check", ".", "-o", "r.txt"], tmp_path)
    assert done.returncode == 2
    assert report.read_bytes() == _flawed()


def test_a_page_declaring_the_undefined_charset_is_read_by_detection() -> None:
    from gialint.read.html import decode_html

    page = '<html><head><meta charset="undefined"></head><body><p>一、总体情况</p></body></html>'.encode()
    text, encoding = decode_html(page)
    assert "一、总体情况" in text and encoding == "utf-8"


@pytest.mark.parametrize("output_format", ["full", "concise", "json", "sarif", "github", "junit"])
def test_a_file_name_in_no_encoding_is_shown_in_every_format(output_format: str, tmp_path: Path) -> None:
    import os

    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / os.fsdecode(b"\xb1\xa8\xb8\xe6.txt")).write_bytes(_flawed())
    done = subprocess.run(
        [sys.executable, "-m", "gialint", "check", "--format", output_format, "reports"],
        capture_output=True,
        timeout=120,
        cwd=tmp_path,
    )
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    assert b"xb1" in done.stdout or b"%B1%A8" in done.stdout  # escaped (JSON doubles the backslash) or a URI


def test_a_fifo_under_a_directory_is_passed_over_with_a_note(tmp_path: Path) -> None:
    import os

    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "r.txt").write_bytes(_flawed())
    os.mkfifo(tmp_path / "reports" / "pipe.txt")
    done = _gialint(["check", "reports", "--format", "concise"], tmp_path)
    assert done.returncode == 1  # the report's finding; the FIFO neither hangs the run nor fails it
    assert "pipe.txt" in done.stderr and "不是普通文件" in done.stderr


def test_a_directory_that_cannot_be_listed_is_an_error_not_a_silent_skip(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from gialint.run.discover import iter_found

    (tmp_path / "reports" / "locked").mkdir(parents=True)
    (tmp_path / "reports" / "r.txt").write_bytes(_flawed())
    real_scandir = os.scandir
    locked = str(tmp_path / "reports" / "locked")

    def scandir(path: str) -> object:
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = [path for path, _ in iter_found([str(tmp_path / "reports")])]
    assert locked in found  # checked: reading it says why it cannot be (exit 2), instead of nothing
    monkeypatch.setattr(os, "scandir", real_scandir)
    os.chmod(locked, 0)
    try:
        with pytest.raises(ReadError):
            file_bytes(locked)
    finally:
        os.chmod(locked, 0o700)


# ---------------------------------------------------------------- fuzzing hostile text

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

#: Pieces of hostile text: runs of blank lines and tab cells (the row-break look-ahead), long
#: lines (the code frame, the regexes), repeated headings and rows (logical places, matching),
#: control and bidirectional characters (the reporters), comments and table labels.
_HOSTILE_LINES = st.one_of(
    st.sampled_from(
        [
            "",
            "\t",
            "\t\t",
            "\t0",
            "一、总体情况",
            "二、主动公开政府信息情况",
            "（七）总计\t1\t2\t3",
            "| a | b |",
            "| --- | --- |",
            "<!-- gialint: disable GIA4 -->",
            "本年新收政府信息公开申请数量",
            "\x1b]0;title\x07\x1b[2J",
            "\x00\u202e\u2066",
        ]
    ),
    st.builds(lambda n: "\n" * n, st.integers(1, 300)),
    st.builds(lambda n, c: c * n, st.integers(500, 6000), st.sampled_from(["x", "字", "1", "\t", " "])),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40),
)


@given(st.lists(_HOSTILE_LINES, max_size=80))
def test_hostile_text_lints_and_reports_without_raising(pieces: list[str]) -> None:
    import io
    from xml.etree import ElementTree as ET

    import gialint
    from gialint.report import ReportOptions, get_reporter

    text = "\n".join(pieces)
    result = gialint.lint_text(text, "r.txt")
    lines = max(len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n")), 1)
    assert all(1 <= d.span.line <= lines for d in result.diagnostics)
    for name in ("full", "junit"):
        out = io.StringIO()
        get_reporter(name)([result], [], ReportOptions(color=False), out)
        assert "\x1b" not in out.getvalue() and "\x07" not in out.getvalue()
        if name == "junit":
            ET.fromstring(out.getvalue().split("\n", 1)[1])
