"""A run of decimal digits found as ``re``'s ``\\d`` finds it: by a search in pure Python, by a loop
over the code points in the compiled build (which rules out ranges without a digit)."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from gialint.base.digits import has_digit_run, run_by_code_points

#: characters a report is made of, and the digits of other scripts that ``\d`` also takes
DIGITS = "0123456789０１２３４５６７８９٠١٢٣٤٥٦٧٨٩۴०१२๓\U0001d7ce\U0001d7cf\U000104a0"
NOT_DIGITS = "年月日件个一二三〇、，。：；（）“”—…a Z%\u3000\uff0c\uffe5\u2460\u00b2\U00020000"


def test_each_code_point_is_a_digit_for_the_loop_as_for_the_regular_expression() -> None:
    # every character of Unicode, alone: the ranges the loop rules out hold no digit, and it
    # takes every digit outside them
    digit = re.compile(r"\d").fullmatch
    wrong = [
        point for point in range(sys.maxunicode + 1) if run_by_code_points(chr(point), 1) != bool(digit(chr(point)))
    ]
    assert wrong == []


@given(st.text(alphabet=st.sampled_from(DIGITS + NOT_DIGITS), max_size=60), st.integers(1, 8))
def test_a_run_is_found_as_the_regular_expression_finds_it(text: str, length: int) -> None:
    expected = re.search(rf"\d{{{length}}}", text) is not None
    assert run_by_code_points(text, length) is expected
    assert has_digit_run(text, length) is expected


def test_runs_of_mixed_digits_and_their_breaks() -> None:
    assert has_digit_run("收到申请１２3456件", 6)
    assert not has_digit_run("收到申请12345件，67890件", 6)
    assert run_by_code_points("١٢٣٤٥٦", 6) and not run_by_code_points("12 3456", 6)


def test_a_run_at_every_offset_and_of_every_length_near_the_one_asked_for() -> None:
    # the compiled loop looks at one position in every ``length`` and measures the run through a
    # digit it finds both ways: runs one shorter than asked, as long and one longer, starting at
    # every offset from those positions, with and without another short run just before
    for length in range(1, 9):
        for offset in range(2 * length + 2):
            for run in (length - 1, length, length + 1):
                for before in ("", "1" * (length - 1) + "年"):
                    text = before + "年" * offset + "٣" * run + "月" * (length + 1)
                    expected = re.search(rf"\d{{{length}}}", text) is not None
                    assert run_by_code_points(text, length) is expected, (text, length)


@given(
    st.lists(st.tuples(st.integers(0, 9), st.integers(1, 3)), max_size=12),
    st.integers(1, 8),
)
def test_runs_of_digits_between_other_characters(pieces: list[tuple[int, int]], length: int) -> None:
    # texts made of runs of digits of any length (none to nine) between runs of other characters
    text = "".join("7" * digits + "、" * others for digits, others in pieces)
    expected = re.search(rf"\d{{{length}}}", text) is not None
    assert run_by_code_points(text, length) is expected
