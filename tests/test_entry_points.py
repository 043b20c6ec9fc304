"""Every way into gialint turns bad input into one line: ``check``, ``parse``, ``--fix``, ``--diff`` and
standard input on the command line (exit 2), the library's ``lint_*`` and ``parse_text`` (ReadError)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import gialint
from conftest import BASE, raises_en
from gialint.config import from_mapping
from gialint.read.limits import MIB
from gialint.testing.hostile import pdf_stream_bomb

#: The 7-byte text that once raised a ParseError everywhere: a tab cell, a blank line, a row
#: starting with an empty cell.
SEVEN = b"\tx\n\n\t\t\n"
REPORT = (BASE / "report-2021.txt").read_bytes()

#: Bad inputs: (file name, bytes, what the one line says).
BAD = {
    "stream-bomb": ("r.pdf", lambda: pdf_stream_bomb(1536 * MIB), "compression bomb"),
    "not-a-zip": ("r.docx", lambda: b"PK\x03\x04" + b"\x00" * 200, "not a ZIP archive"),
    "binary-text": ("r.txt", lambda: bytes(range(256)) * 40, "not a text file"),
}

#: Command lines, with {name} for the file (standard input: the file's bytes are piped in).
COMMANDS = {
    "check": ["check", "{name}"],
    "parse": ["parse", "{name}"],
    "fix": ["check", "--fix", "{name}"],
    "diff": ["check", "--diff", "{name}"],
    "check-stdin": ["check", "-", "--stdin-filename", "{name}"],
    "parse-stdin": ["parse", "-", "--stdin-filename", "{name}"],
}


def _gialint(
    command: str, name: str, data: bytes, cwd: Path, extra: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[bytes]:
    (cwd / name).write_bytes(data)
    args = [part.format(name=name) for part in COMMANDS[command]] + list(extra)
    return subprocess.run(
        [sys.executable, "-m", "gialint", *args],
        input=data if "stdin" in command else None,
        capture_output=True,
        timeout=120,
        cwd=cwd,
    )


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("bad", BAD)
def test_bad_input_is_one_line_and_exit_2_at_every_command(command: str, bad: str, tmp_path: Path) -> None:
    name, make, message = BAD[bad]
    done = _gialint(command, name, make(), tmp_path, ("--lang", "en"))
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, stderr
    assert "Traceback" not in stderr
    said = [line for line in stderr.splitlines() if message in line]  # a note may come before (--fix on a PDF)
    assert len(said) == 1 and said[0].startswith(f"gialint: {name}: "), stderr


@pytest.mark.parametrize("command", [c for c in COMMANDS if not c.startswith("parse")])
def test_a_file_past_its_time_is_one_line_at_every_command(command: str, tmp_path: Path) -> None:
    (tmp_path / "gialint.toml").write_text("[limits]\nmax-seconds = 1e-9\n", encoding="utf-8")
    done = _gialint(command, "r.txt", REPORT, tmp_path, ("--no-cache", "--lang", "en"))  # a cached result costs no time
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2 and "Traceback" not in stderr, stderr
    assert [line for line in stderr.splitlines() if "gave up" in line] == [
        "gialint: r.txt: gave up after 1e-09 s at matching table t2: the file takes too long to check "
        "(the max-seconds limit)"
    ], stderr


@pytest.mark.parametrize("command", COMMANDS)
def test_the_seven_byte_text_is_read_at_every_command(command: str, tmp_path: Path) -> None:
    done = _gialint(command, "s.txt", SEVEN, tmp_path)
    assert done.returncode in (0, 1) and b"Traceback" not in done.stderr, done.stderr


LIBRARY: dict[str, Callable[[str, bytes, Path], object]] = {
    "lint_path": lambda name, data, folder: gialint.lint_path(folder / name),
    "lint_bytes": lambda name, data, folder: gialint.lint_bytes(data, name),
    "lint_paths": lambda name, data, folder: list(gialint.lint_paths([folder / name], jobs=1)),
}


@pytest.mark.parametrize("entry", LIBRARY)
@pytest.mark.parametrize("bad", BAD)
def test_bad_input_is_one_read_error_in_the_library(entry: str, bad: str, tmp_path: Path) -> None:
    name, make, message = BAD[bad]
    data = make()
    (tmp_path / name).write_bytes(data)
    if entry == "lint_paths":  # many files: an error per file, not an exception
        (error,) = LIBRARY[entry](name, data, tmp_path)  # type: ignore[misc]
        assert isinstance(error, gialint.FileError) and message in error.message.en and "\n" not in str(error.message)
        return
    with raises_en(gialint.ReadError, message) as raised:
        LIBRARY[entry](name, data, tmp_path)
    assert "\n" not in str(raised.value)


def test_text_given_to_the_library_is_bounded_in_time_and_the_seven_bytes_are_read() -> None:
    no_time = from_mapping({"limits": {"max-seconds": 1e-9}})
    text = REPORT.decode("utf-8")
    for call in (gialint.lint_text, gialint.parse_text):
        with raises_en(gialint.ReadError, r"^gave up after"):
            call(text, settings=no_time)
    assert gialint.parse_text(SEVEN.decode()).report.span.end_line == 3
    assert gialint.lint_text(SEVEN.decode()).diagnostics is not None
