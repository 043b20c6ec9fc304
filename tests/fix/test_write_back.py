"""--fix writes a report back as a careful editor does: through links, keeping mode and owner,
refusing what it cannot keep, and leaving no temporary file behind."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import BASE
from gialint.base import files
from gialint.base.files import write_atomic


def _fixable() -> bytes:
    """A report whose only changes under --fix are safe: full-width digits in a cell."""
    text = (BASE / "report-2020.txt").read_text(encoding="utf-8")
    return text.replace("\t186", "\t１８６", 1).encode("utf-8")


def _fix(path: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gialint", "check", "--fix", "--no-cache", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def test_a_symbolic_link_is_fixed_through_to_its_target(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes(_fixable())
    link = tmp_path / "link.txt"
    link.symlink_to(report)
    done = _fix(link, tmp_path)
    assert "Traceback" not in done.stderr
    assert link.is_symlink() and os.readlink(link) == str(report)
    assert "１８６" not in report.read_text(encoding="utf-8") and "\t186" in report.read_text(encoding="utf-8")


def test_a_file_with_other_hard_links_is_refused_unchanged(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes(_fixable())
    os.link(report, tmp_path / "other-name.txt")
    done = _fix(report, tmp_path)
    assert done.returncode == 2 and "其他硬链接" in done.stderr
    assert report.read_bytes() == _fixable() and report.stat().st_nlink == 2


def test_a_read_only_file_is_refused_unchanged(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes(_fixable())
    report.chmod(0o444)
    done = _fix(report, tmp_path)
    assert done.returncode == 2 and "文件是只读的" in done.stderr
    assert report.read_bytes() == _fixable()


def test_mode_is_kept(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes(_fixable())
    report.chmod(0o640)
    _fix(report, tmp_path)
    assert stat.S_IMODE(report.stat().st_mode) == 0o640 and "１８６" not in report.read_text(encoding="utf-8")


def test_the_owner_is_kept_or_the_write_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes(b"old")
    real_stat = os.stat
    mine = real_stat(report)
    other = (mine.st_uid + 1, mine.st_gid + 1)

    def stat_as_if_owned_by_other(path: Any, *args: Any, **kwargs: Any) -> Any:
        found = real_stat(path, *args, **kwargs)
        if os.fspath(path) == str(report):  # the report, as another user owns it
            values = list(found)
            values[4:6] = other
            return os.stat_result(values)
        return found

    changed: list[tuple[int, int]] = []
    monkeypatch.setattr(os, "stat", stat_as_if_owned_by_other)
    monkeypatch.setattr(os, "chown", lambda path, uid, gid: changed.append((uid, gid)))
    write_atomic(str(report), b"new")
    assert changed == [other] and report.read_bytes() == b"new"

    def refuse(path: Any, uid: int, gid: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "chown", refuse)
    with pytest.raises(PermissionError) as refused:
        write_atomic(str(report), b"newer")
    assert "owner could not be kept" in refused.value.strerror.en
    assert report.read_bytes() == b"new"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_temporary_files_of_a_killed_fix_are_cleaned_up_by_the_next(tmp_path: Path) -> None:
    files._SWEPT.discard(str(tmp_path))
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    leftover = tmp_path / f".gialint-{dead.stdout.strip()}-x1y2.tmp"
    leftover.write_bytes(b"half of a report")
    living = tmp_path / f".gialint-{os.getppid()}-a1b2.tmp"  # a run still writing: left alone
    living.write_bytes(b"being written")
    report = tmp_path / "report.txt"
    report.write_bytes(b"old")
    write_atomic(str(report), b"new")
    assert not leftover.exists() and living.exists() and report.read_bytes() == b"new"
