"""Files the cache remembers by their status: a re-run takes an unchanged file's key from the
digest remembered, without reading it; any change to the file — its bytes, its size, even
bytes rewritten with their modification time set back — is read again; a file changed just
before it was read is not remembered (its status may not yet stand for its bytes)."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import make_corpus
from gialint.base import files as base_files
from gialint.config.settings import DEFAULT_SETTINGS, Settings
from gialint.lint.result import LintResult
from gialint.run import batch as batch_module
from gialint.run import cache as cache_module
from gialint.run.batch import Batch, Outcome, Skipped
from gialint.run.cache import ResultCache, open_cache


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("corpus")
    make_corpus(directory)
    return directory


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Files settle at once (their status may stand for their bytes however recently they were
    written); returns the paths read to be hashed, in this process."""
    monkeypatch.setattr(base_files, "CLOCK_TICK_NS", -(10**18))
    read: list[str] = []
    for name in ("file_bytes", "file_bytes_and_status"):  # to be linted, and to be keyed
        monkeypatch.setattr(batch_module, name, _counting(getattr(batch_module, name), read.append))
    return read


def _counting(read: Callable[..., Any], note: Callable[[str], object]) -> Callable[..., Any]:
    """``read`` (a function that reads a file), noting each path it is given."""

    def counting(path: str, *args: object) -> Any:
        note(str(path))
        return read(path, *args)

    return counting


def _run(
    files: list[str], cache: ResultCache, settings: Settings = DEFAULT_SETTINGS, may_skip: bool = False
) -> tuple[Batch, dict[str, Outcome]]:
    runner = Batch(jobs=1, cache=cache, keep_text=False)
    found = {
        files[index]: outcome
        for index, outcome in runner.run(((f, settings) for f in files), (lambda _: may_skip) if may_skip else None)
    }
    cache.flush()
    return runner, found


def _findings(outcomes: dict[str, Outcome]) -> dict[str, tuple[object, ...]]:
    return {path: o.diagnostics for path, o in outcomes.items() if isinstance(o, LintResult)}


def test_an_unchanged_file_is_not_read_again(corpus: Path, tmp_path: Path, reads: list[str]) -> None:
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    cache = open_cache(str(tmp_path / "cache"))
    assert cache is not None
    cold, linted = _run(files, cache)
    assert (cold.linted, cold.cached) == (len(files), 0)
    assert set(cache.known_files(files)) == set(files)
    reads.clear()
    warm, answered = _run(files, cache)
    assert (warm.linted, warm.cached) == (0, len(files))
    assert reads == []  # every key came from the digest remembered
    assert _findings(answered) == _findings(linted)
    # other settings: another key, from the same digest, and a miss; still nothing read to key it
    other, _ = _run(files[:3], cache, Settings(ignore=("GIA301",)))
    assert (other.linted, other.cached) == (3, 0)
    assert set(reads) == set(files[:3])  # read to be linted, not to be keyed
    cache.close()


def test_a_changed_file_is_read_again_even_with_its_times_set_back(
    corpus: Path, tmp_path: Path, reads: list[str]
) -> None:
    source = sorted(corpus.rglob("*.txt"))
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_bytes(source[0].read_bytes())
    second.write_bytes(source[1].read_bytes())
    files = [str(first), str(second)]
    cache = open_cache(str(tmp_path / "cache"))
    assert cache is not None
    _, before = _run(files, cache)
    # the same size, other bytes ("403" for "409", say), and the modification time set back:
    # the change time (ctime) moves all the same
    data = first.read_bytes()
    digit = next(i for i, b in enumerate(data) if 0x30 <= b <= 0x38)
    changed = data[:digit] + bytes([data[digit] + 1]) + data[digit + 1 :]
    status = first.stat()
    first.write_bytes(changed)
    os.utime(first, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert first.stat().st_size == status.st_size and first.stat().st_mtime_ns == status.st_mtime_ns
    reads.clear()
    runner, after = _run(files, cache)
    assert str(first) in reads and str(second) not in reads
    assert (runner.linted, runner.cached) == (1, 1)
    assert after[str(second)].diagnostics == before[str(second)].diagnostics  # type: ignore[union-attr]
    fresh = Batch(jobs=1, cache=None, keep_text=False)
    linted = dict(zip(files, (o for _, o in fresh.run((f, DEFAULT_SETTINGS) for f in files)), strict=True))
    assert after[str(first)].diagnostics == linted[str(first)].diagnostics  # type: ignore[union-attr]
    cache.close()


def test_a_file_changed_just_before_it_is_read_is_not_remembered(corpus: Path, tmp_path: Path) -> None:
    report = tmp_path / "new.txt"
    report.write_bytes(next(corpus.rglob("*.txt")).read_bytes())
    cache = open_cache(str(tmp_path / "cache"))
    assert cache is not None
    _run([str(report)], cache)
    assert cache.known_files([str(report)]) == {}  # written within a clock tick of being read
    old = report.stat().st_mtime_ns - 10 * base_files.CLOCK_TICK_NS
    assert not cache_module.settled(report.stat(), report.stat().st_ctime_ns + 1)
    os.utime(report, ns=(old, old))  # the data is old, but the change of its times is not
    _run([str(report)], cache)
    assert cache.known_files([str(report)]) == {}
    cache.close()


def test_a_file_remembered_unlooked_at_is_read_to_be_skipped(tmp_path: Path, reads: list[str]) -> None:
    """A file named (never skipped) was not looked at for a sign of a report; found in a
    directory, where one without a sign is passed over, it is read to look."""
    notes = tmp_path / "notes.txt"
    notes.write_text("会议记录：下周二讨论预算。\n", encoding="utf-8")
    cache = open_cache(str(tmp_path / "cache"))
    assert cache is not None
    _, named = _run([str(notes)], cache)
    assert isinstance(named[str(notes)], LintResult)
    assert set(cache.known_files([str(notes)])) == {str(notes)}
    reads.clear()
    _, found = _run([str(notes)], cache, may_skip=True)
    assert reads == [str(notes)] and isinstance(found[str(notes)], Skipped)
    cache.close()


def test_workers_key_remembered_files_and_the_run_remembers_what_they_read(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a large run, workers read the cache's memory of the files and send back what they
    hashed; the driving process writes it, and the next run's workers read nothing."""
    monkeypatch.setattr(base_files, "CLOCK_TICK_NS", -(10**18))
    monkeypatch.setattr(batch_module, "BLOCK", 4)
    monkeypatch.setattr(batch_module, "LOOK_UP_HERE", 8)
    monkeypatch.setattr(batch_module, "_context", lambda: multiprocessing.get_context("fork"))
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    assert len(files) > 8
    cache = open_cache(str(tmp_path / "cache"))
    assert cache is not None
    _run(files, cache)  # fills the cache (the files are linted: not remembered by look-ups yet)
    assert set(cache.known_files(files)) == set(files)
    marks = tmp_path / "reads"

    def mark(path: str) -> None:  # in the workers: a line in a file
        with marks.open("a") as out:
            print(path, file=out)

    for name in ("file_bytes", "file_bytes_and_status"):
        monkeypatch.setattr(batch_module, name, _counting(getattr(batch_module, name), mark))
    runner = Batch(jobs=2, cache=cache, keep_text=False)
    answered = dict(runner.run((f, DEFAULT_SETTINGS) for f in files))
    cache.flush()
    assert (runner.linted, runner.cached) == (0, len(files)) and len(answered) == len(files)
    assert not marks.exists()  # no worker read a file
    cache.close()


def test_a_name_in_no_encoding_is_remembered(corpus: Path, tmp_path: Path, reads: list[str]) -> None:
    report = tmp_path / os.fsdecode(b"\xb1\xa8\xb8\xe6.txt")  # GBK bytes, not UTF-8: lone surrogates
    report.write_bytes(next(corpus.rglob("*.txt")).read_bytes())
    cache = open_cache(str(tmp_path / "cache"))
    assert cache is not None
    _run([str(report)], cache)
    assert set(cache.known_files([str(report)])) == {str(report)}
    reads.clear()
    runner, _ = _run([str(report)], cache)
    assert runner.cached == 1 and reads == []
    cache.close()


def test_files_to_remember_are_written_as_they_pile_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm run puts no entry, which is when the cache writes; the files it read to remember
    are written once a few thousand wait, so that a run of any size keeps few in memory."""
    monkeypatch.setattr(cache_module, "FILES_PENDING", 3)
    cache = open_cache(str(tmp_path / "cache"))
    assert cache is not None
    records = [(f"/r/{n}.txt", b"1:2:3:4:5", bytes(32), 0) for n in range(7)]
    for record in records:
        cache.record_files([record])
        assert len(cache._files) < 3
    assert set(cache.known_files([r[0] for r in records])) == {r[0] for r in records[:6]}
    cache.close()
    again = open_cache(str(tmp_path / "cache"))
    assert again is not None and len(again.known_files([r[0] for r in records])) == 7
    again.close()
