"""The result cache holds pickles: no one but its user may write it, and what it loads cannot run code."""

from __future__ import annotations

import os
import pickle
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import gialint
from conftest import raises_en, run_cli
from gialint.base.cachedir import not_private
from gialint.run.cache import (
    DATABASE,
    CacheError,
    Entry,
    ResultCache,
    encode,
    encode_parts,
    load_entry,
    load_pairing,
    load_parts,
    open_cache,
)
from gialint.run.rendered import Rendered


class _Payload:
    """A value whose unpickling would run a command: what another user could plant."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, (f"touch {self.marker}",))


def test_a_poisoned_entry_is_refused_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    poisoned = pickle.dumps(_Payload(marker))
    with pytest.raises(pickle.UnpicklingError, match="is not part of a cached result"):
        load_entry(poisoned)
    cache = ResultCache(str(tmp_path))
    assert cache.decode(poisoned) is None  # a miss, never a call
    assert not marker.exists()


def test_a_real_entry_round_trips(tmp_path: Path) -> None:
    report = "某某局2021年政府信息公开工作年度报告\n一、总体情况\n本年度行政处罚12件。\n"
    result = gialint.lint_text(report)
    entry = Entry(result.diagnostics, "utf-8", "txt", None)
    assert load_entry(encode(entry)) == entry
    assert load_pairing(encode(entry))[0] == (None, None, None)


@pytest.mark.parametrize(
    "pairing", [("某某局", "title", "2021"), ("某某局", 7, 2021), ("某某局", "title"), ["a", "b", 1]]
)
def test_a_value_whose_pairing_is_not_one_is_a_miss(tmp_path: Path, pairing: object) -> None:
    """A value is read for its pairing when a run looks a file up: one that does not start with
    (agency, source, year) is a miss, never a figure the pairing would then compute with."""
    entry = Entry((), "utf-8", "text", None)
    value = pickle.dumps(pairing) + pickle.dumps(entry)
    cache = ResultCache(str(tmp_path))
    assert cache.pairing(value) is None
    assert cache.pairing(encode(entry)) == (
        (None, None, None),
        len(pickle.dumps((None, None, None), protocol=pickle.HIGHEST_PROTOCOL)),
    )
    cache.close()


@pytest.mark.parametrize("where", ["first", "after its pairing"])
def test_a_poisoned_database_row_is_a_miss_in_a_run(tmp_path: Path, where: str) -> None:
    """A run reads a stored value's pairing when it looks the file up and its entry only when it
    writes the report out: a value poisoned in either place is linted again, never run."""
    cache_dir = tmp_path / "cache"
    report = tmp_path / "r.txt"
    report.write_text("某某局2021年政府信息公开工作年度报告\n一、总体情况\n正文。\n", encoding="utf-8")
    run = [sys.executable, "-m", "gialint", "check", "-q", "--cache-dir", str(cache_dir), str(report)]
    first = subprocess.run(run, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    marker = tmp_path / "ran"
    poisoned = pickle.dumps(_Payload(marker))
    if where != "first":
        poisoned = pickle.dumps(("某某局", "title", 2021)) + poisoned
    with sqlite3.connect(cache_dir / DATABASE) as db:
        db.execute("UPDATE entries SET value = ?", (poisoned,))
    second = subprocess.run(run, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert not marker.exists()
    assert second.returncode == first.returncode and second.stdout == first.stdout
    with sqlite3.connect(cache_dir / DATABASE) as db:  # and the entry was replaced
        (value,) = db.execute("SELECT value FROM entries").fetchone()
    assert load_entry(value).diagnostics


PART = Rendered("r.txt", "某某局", "title", 2021, "text", ((3, "GIA301", "sum", 0),), (b"{}", b"x"))


def test_a_part_comes_back_only_for_its_format_and_file() -> None:
    kept = encode_parts("json zh", PART)
    assert load_parts(kept, "json zh", "r.txt", ("某某局", "title", 2021)) == PART
    assert load_parts(kept, "json en", "r.txt", ("某某局", "title", 2021)) is None  # other options
    assert load_parts(kept, "json zh", "copy.txt", ("某某局", "title", 2021)) is None  # the same bytes elsewhere
    assert load_parts(b"", "json zh", "r.txt", ("某某局", "title", 2021)) is None  # none kept
    assert load_parts(kept, "json zh", "r.txt", None) is None  # not a report's value


@pytest.mark.parametrize(
    "kept",
    [
        ("json zh", "r.txt", "text", ((3, "GIA301", "sum", 0),), ("x",)),  # a piece not encoded
        ("json zh", "r.txt", "text", ((7, "GIA301", "sum", 0),), (b"x",)),  # no such severity
        ("json zh", "r.txt", "text", (("3", "GIA301", "sum", 0),), (b"x",)),
        ("json zh", "r.txt", "text", [(3, "GIA301", "sum", 0)], (b"x",)),
        ("json zh", "r.txt", None, (), (b"x",)),
        ("json zh", "r.txt", "text", ()),
    ],
)
def test_a_part_of_the_wrong_shape_is_not_used(kept: object) -> None:
    """A part that is not what a run wrote is not written out (nor counted): the report is then
    written from its entry."""
    assert load_parts(pickle.dumps(kept), "json zh", "r.txt", ("某某局", "title", 2021)) is None
    assert load_parts(pickle.dumps(kept)[:-3], "json zh", "r.txt", ("某某局", "title", 2021)) is None


def test_a_poisoned_part_is_refused_not_executed(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    assert load_parts(pickle.dumps(_Payload(marker)), "json zh", "r.txt", ("某某局", "title", 2021)) is None
    assert not marker.exists()


def test_reports_of_the_same_bytes_each_name_their_own_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two files with the same bytes share an entry; the part kept names the file that was
    linted last, so a warm run writes the other's from the entry."""
    report = "某某局2021年政府信息公开工作年度报告\n一、总体情况\n本年度行政处罚12件，合计13件。\n"
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(report, encoding="utf-8")
    args = ["check", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--format", "json"]
    alone = run_cli([*args, "--no-cache"], capsys)
    cached = [*args, "--cache-dir", str(tmp_path / "cache")]
    assert run_cli(cached, capsys) == run_cli(cached, capsys) == alone
    assert alone[1].count(str(tmp_path / "a.txt")) == alone[1].count(str(tmp_path / "b.txt")) > 0


@pytest.mark.parametrize("schema", ["4", None])
def test_a_cache_of_another_layout_starts_afresh(tmp_path: Path, schema: str | None) -> None:
    """A database an older gialint wrote (schema 4: no ``parts``), or one whose entries are
    gone, is made anew: its entries go, and the run stores and finds what it puts."""
    with sqlite3.connect(tmp_path / DATABASE) as db:
        db.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
        if schema is not None:
            db.execute("CREATE TABLE entries (key BLOB PRIMARY KEY, value BLOB NOT NULL, size INTEGER, used INTEGER)")
            db.execute("INSERT INTO entries VALUES (?, ?, 1, 1)", (b"k" * 32, b"old"))
            db.execute("INSERT INTO meta VALUES ('schema', ?)", (schema,))
        else:
            db.execute("INSERT INTO meta VALUES ('schema', '5')")
    cache = ResultCache(str(tmp_path))
    assert cache.stored([b"k" * 32]) == {}
    entry = Entry((), "utf-8", "text", None, "某某局", "title", 2021)
    cache.put(b"n" * 32, entry, encode_parts("json zh", PART))
    cache.flush()
    [(value, _, parts)] = cache.stored([b"n" * 32], parts=True).values()
    assert load_entry(value) == entry and load_parts(parts, "json zh", "r.txt", ("某某局", "title", 2021)) == PART
    cache.close()


def test_a_cache_others_can_write_is_refused_with_one_line(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    assert not_private(str(shared)) is not None
    with raises_en(CacheError, "can be written by other users"):
        open_cache(str(shared))
    private = tmp_path / "private"
    cache = open_cache(str(private))
    assert cache is not None and (private.stat().st_mode & 0o777) == 0o700
    cache.close()
    (private / DATABASE).chmod(0o666)
    with raises_en(CacheError, f"{DATABASE}: can be written by other users"):
        open_cache(str(private))


def test_a_cache_another_user_owns_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o700)
    assert open_cache(str(mine)) is not None
    monkeypatch.setattr(os, "getuid", lambda: mine.stat().st_uid + 1)  # as another user sees it
    with raises_en(CacheError, "owned by another user"):
        open_cache(str(mine))
