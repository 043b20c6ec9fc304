"""Reading files: encodings, line ends, and a clear refusal for anything else."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import raises_en, seed
from gialint.read import read_path
from gialint.read.limits import Limits
from gialint.read.source import ReadError, _suspicious, _utf8_beyond_the_plane, decode

TEXT = seed("002").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TEXT.replace("\n", "\r\n").encode("gbk"), "gb18030"),
        (TEXT.encode("utf-16"), "utf-16"),
        (TEXT.encode("utf-16-le"), "utf_16_le"),
        (TEXT.encode("utf-16-be"), "utf_16_be"),
    ],
    ids=["utf8", "utf8-bom", "gbk", "gb18030", "gbk-crlf", "utf16-bom", "utf16le", "utf16be"],
)
def test_encodings(data: bytes, encoding: str) -> None:
    source = decode(data)
    assert source.encoding == encoding
    assert source.text.replace("\r\n", "\n") == TEXT


def test_symbol_font_bullets_and_page_breaks_are_text() -> None:
    """pdftotext and Word put a symbol font's bullet in private use (U+F0B7) before each item of a
    list, and a form feed between pages: a report full of them is still a text file."""
    lines = TEXT.split("\n")
    text = "\n".join(("\uf0b7 " + line if line and i % 2 else line) for i, line in enumerate(lines)) + "\f"
    assert decode(text.encode("utf-8")).text == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"PK\x03\x04\x14\x00", ".docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, ".doc"),
        (bytes(range(256)) * 8, "not a text file"),
        (b"\x00" * 200, "not a text file"),
        ("Café naïve résumé ".encode("latin-1") * 20, "not a text file"),
        (TEXT.encode("utf-8")[:101], "truncated"),
        (TEXT.encode("utf-16")[:101], "truncated"),
    ],
    ids=["empty", "blank", "pdf", "zip", "ole", "binary", "nul", "latin1", "cut-utf8", "cut-utf16"],
)
def test_refused(data: bytes, message: str) -> None:
    with pytest.raises(ReadError) as error:
        decode(data)
    assert message in error.value.get("en")
    assert "\n" not in str(error.value)


def test_read_file_errors(tmp_path: Path) -> None:
    with raises_en(ReadError, "no such file"):
        read_path(tmp_path / "missing.txt")
    with raises_en(ReadError, "directory"):
        read_path(tmp_path)
    big = tmp_path / "big.txt"
    big.write_text("一、总体情况\n" * 1000, encoding="utf-8")
    with raises_en(ReadError, "MiB"):
        read_path(big, Limits(max_text_bytes=1024))
    assert read_path(big).text.startswith("一、总体情况")


def test_read_file_does_not_change_the_file(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    data = TEXT.replace("\n", "\r\n").encode("gbk")
    path.write_bytes(data)
    read_path(path)
    assert path.read_bytes() == data


def test_a_page_break_before_a_label_is_not_part_of_it() -> None:
    """pdftotext ends each page with a form feed, so the first line of a page starts with one."""
    from gialint.analyze.document import parse_document

    text = (Path(__file__).parents[1] / "fixtures" / "base" / "report-2020.txt").read_text(encoding="utf-8")
    damaged = text.replace("\n行政强制\t", "\n\f行政强制\t", 1)
    assert damaged != text
    doc = parse_document(damaged)
    t2 = doc.table("t2")
    assert t2 is not None and not any(hit.fuzzy for hit in t2.labels)


def _counted_the_long_way(text: str) -> int:
    """What ``_suspicious`` counts, as it was first written: a pass for the characters always
    suspicious, and a pass for everything from U+F900, each distinct one looked up."""
    always = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uefff\uf100-\uf8ff\U000f0000-\U0010ffff]")
    count = len(always.findall(text))
    for char in set(re.findall("[\uf900-\U000effff]", text)):
        if unicodedata.category(char) == "Cn":
            count += text.count(char)
    return count


#: Characters from everywhere a report's text may reach, the edges of each range of _suspicious
#: included: controls, CJK, private use, full-width forms, specials, beyond the plane, planes 15–16.
_ANY_CHARACTER = st.one_of(
    st.characters(codec="utf-8"),
    st.sampled_from("\t\n\x00\x08\x0e\x1f\x7f\x9f\xa0中，。\ufffd\ufffe\uffff\ue000\uefff\uf000\uf0b7\uf0ff\uf100"),
    st.sampled_from("\uf8ff\uf900\ufa6e\ufada\ufe1a\uff00\uff0c\uffbf\uffef\ufff0\U00010000\U0002a6df\U0002a6e0"),
    st.sampled_from("\U000e0000\U000e01ef\U000effff\U000f0000\U000ffffd\U000ffffe\U000fffff\U0010ffff"),
    st.integers(0xF900, 0xFFFF).map(chr),
)


@given(st.text(_ANY_CHARACTER, max_size=60))
def test_suspicious_characters_are_counted_in_one_pass_as_in_two(text: str) -> None:
    assert _suspicious(text) == _counted_the_long_way(text)


@given(st.text(_ANY_CHARACTER, max_size=60))
def test_utf8_bytes_tell_whether_to_look_beyond_the_plane(text: str) -> None:
    # decode() skips the search beyond the Basic Multilingual Plane when the UTF-8 bytes say
    # there is nothing there: the bytes must say so exactly, and the count must not change
    beyond = any(ord(char) > 0xFFFF for char in text)
    assert _utf8_beyond_the_plane(text.encode("utf-8")) == beyond
    if not beyond:
        assert _suspicious(text, beyond=False) == _suspicious(text)


def test_full_width_punctuation_is_not_suspicious_and_unassigned_code_points_are() -> None:
    assert _suspicious("二〇二三年，本机关：（一）") == 0
    assert _suspicious("a\uff00b\ufffe") == 2  # unassigned full-width slot, noncharacter
    assert _suspicious("\U0002a6e0\U00020000") == 1  # an unassigned CJK extension B slot; an assigned one
    assert _suspicious("\U000ffffe\U0010ffff") == 2  # the private-use planes, noncharacters included


@pytest.mark.parametrize("data", [b"", b" \t\r\n\x0b\x0c", "\u3000\n".encode()])
def test_nothing_but_white_space_is_an_empty_file(data: bytes) -> None:
    with raises_en(ReadError, "empty"):
        decode(data)
