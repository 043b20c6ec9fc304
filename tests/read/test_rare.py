"""The suspicious characters of the Basic Multilingual Plane (gialint.read.rare): counted by a
search in pure Python, by a loop over the code points in the compiled build, alike."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from gialint.read.rare import count_by_code_points, count_rare

#: the first definition: controls but tab, line ends and form feeds; the replacement character;
#: private use but U+F000–U+F0FF; and from U+F900 every unassigned code point
_ALWAYS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd\ue000-\uefff\uf100-\uf8ff]")


def _suspicious(char: str) -> bool:
    return bool(_ALWAYS.fullmatch(char)) or (0xF900 <= ord(char) <= 0xFFFF and unicodedata.category(char) == "Cn")


def test_each_code_point_of_the_plane_counts_as_first_defined() -> None:
    wrong = [
        point
        for point in range(0x10000)
        if count_by_code_points(chr(point)) != _suspicious(chr(point))
        or count_rare(chr(point)) != _suspicious(chr(point))
    ]
    assert wrong == []


def test_nothing_beyond_the_plane_counts_here() -> None:
    # gialint.read.source counts those itself
    assert count_by_code_points("\U00010000\U000f0000\U0010ffff") == count_rare("\U000ffffe") == 0


@given(
    st.text(
        st.one_of(st.characters(), st.sampled_from("\x00\x1f\x7f\x9f\ufffd\ue000\uf0b7\uf100\uff00，中")), max_size=80
    )
)
def test_a_text_is_counted_alike_both_ways(text: str) -> None:
    expected = sum(_suspicious(char) for char in text if ord(char) <= 0xFFFF)
    assert count_by_code_points(text) == expected
    assert count_rare(text) == expected
