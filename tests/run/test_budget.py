"""One budget of time for a file's whole pipeline: reading, parsing, matching and the rules look at
the same clock, and a file past it is one line (ReadError, exit 2) while a batch goes on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import gialint
from conftest import BASE, raises_en
from gialint.config import from_mapping
from gialint.read.limits import CHECK_EVERY, Limits, budget, check_time
from gialint.read.source import ReadError

REPORT = (BASE / "report-2021.txt").read_text(encoding="utf-8")
NO_TIME = from_mapping({"limits": {"max-seconds": 1e-9}})


def test_the_clock_is_looked_at_while_parsing_every_few_thousand_lines() -> None:
    long_prose = "某局2021年政府信息公开工作年度报告\n" + "本年度工作正常开展。\n" * (CHECK_EVERY + 10)
    with raises_en(ReadError, f"^gave up after 1e-09 s at line {CHECK_EVERY}: "):
        gialint.parse_text(long_prose, settings=NO_TIME)


def test_the_clock_is_looked_at_while_matching_a_table() -> None:
    with raises_en(ReadError, r"^gave up after 1e-09 s at matching table t2: "):
        gialint.lint_text(REPORT, settings=NO_TIME)  # shorter than CHECK_EVERY lines: no look while parsing


def test_the_clock_is_looked_at_between_rules() -> None:
    prose = "某局2021年政府信息公开工作年度报告\n一、总体情况\n本年度工作正常开展。\n"  # no table to match
    with raises_en(ReadError, r"^gave up after 1e-09 s at rule GIA\d+: "):
        gialint.lint_text(prose, settings=NO_TIME)


def test_reading_and_linting_share_one_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    now = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    with budget(Limits(max_seconds=10)) as deadline:
        assert Limits(max_seconds=99).deadline() is deadline  # the reader's clock is the file's
        with budget(Limits(max_seconds=99)) as inner:  # inside a file's budget, the outer one holds
            assert inner is deadline
        now[0] += 9
        check_time("parsing")
        now[0] += 2
        with raises_en(ReadError, "gave up after 10 s at parsing"):
            check_time("parsing")
    check_time("outside any file")  # no budget: no limit


def test_a_budget_left_by_an_error_stops_the_clock_and_resumes_the_collector(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc
    import time

    from gialint.read.clock import time_is_up
    from gialint.run.api import one_file

    now = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    assert gc.isenabled()
    with pytest.raises(ZeroDivisionError), one_file(Limits(max_seconds=1)):
        assert not gc.isenabled()
        now[0] += 2
        assert time_is_up()
        _ = 1 / 0
    assert gc.isenabled() and not time_is_up()  # no file is being worked on: no limit
    check_time("after the file")


def test_an_explicit_limit_wins_over_the_settings() -> None:
    data = REPORT.encode("utf-8")
    with raises_en(ReadError, "gave up"):
        gialint.lint_bytes(data, "r.txt", limits=Limits(max_seconds=1e-9))
    assert gialint.lint_bytes(data, "r.txt", settings=NO_TIME, limits=Limits()).diagnostics is not None


def test_a_file_past_its_time_is_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    slow = tmp_path / "slow"
    slow.mkdir()
    (slow / "gialint.toml").write_text("[limits]\nmax-seconds = 1e-9\n", encoding="utf-8")
    (slow / "r.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "r.txt").write_text(REPORT, encoding="utf-8")
    # without the cache: a result found there costs no time, and the same bytes may be cached already
    for extra in (["--jobs", "1", "--no-cache"], ["--jobs", "2", "--no-cache"], ["--fix"]):
        done = subprocess.run(
            [sys.executable, "-m", "gialint", "check", "--format", "json", "slow/r.txt", "r.txt", *extra],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=tmp_path,
        )
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        assert [line for line in done.stderr.splitlines() if "slow" in line] == [
            "gialint: slow/r.txt: 检查到匹配表 t2时已用完 1e-09 秒，放弃：此文件检查耗时过长（max-seconds 限制）"
        ]
        output = json.loads(done.stdout)
        assert [r["path"] for r in output["reports"]] == ["r.txt"]  # the other file was checked
        assert [e["path"] for e in output["errors"]] == ["slow/r.txt"]


def test_a_budget_or_a_pause_entered_within_itself_holds_until_the_outer_entry_is_left(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc
    import time

    from gialint.base.collector import paused_gc
    from gialint.read.clock import time_is_up
    from gialint.run.api import one_file

    now = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    # (a manager, whether it keeps the clock, whether it pauses the collector)
    managers = [(one_file(Limits(max_seconds=1)), True, True), (budget(Limits(max_seconds=1)), True, False)]
    managers.append((paused_gc(), False, True))
    for manager, clocked, paused in managers:
        with manager:
            with manager:
                pass
            now[0] += 2
            assert time_is_up() is clocked  # the clock of the outer entry still runs
            assert gc.isenabled() is not paused  # the collector is still paused
        assert gc.isenabled() and not time_is_up()
