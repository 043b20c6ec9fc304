"""bench/run.py: the floor it compares gialint with, how it times both, and that its gialint
processes run the installed gialint from wherever the script is started (the repository root);
bench/memory.py: that it measures an installed build too."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import gialint
from conftest import SEEDS
from gialint.compiled import build_description
from gialint.lint.registry import all_rules

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "bench"))

import run as bench  # noqa: E402  (bench/run.py)


def test_the_floor_is_a_plain_read_decode_and_one_pattern_pass(tmp_path: Path) -> None:
    # no encoding detection, no newline handling: bytes, UTF-8, one regular expression
    path = tmp_path / "r.txt"
    path.write_bytes("第１页\r\n2021年 收到 12 件\r\n".encode())
    assert bench.plain_floor(path) == len(re.findall(r"[0-9０-９]+", path.read_text(encoding="utf-8")))
    path.write_bytes("２０２１年".encode("gb18030"))  # not UTF-8: decoded as a plain program would
    assert bench.plain_floor(path) == len(re.findall(r"[0-9０-９]+", path.read_bytes().decode("utf-8", "replace")))


def test_stages_and_floor_are_timed_alike_and_split() -> None:
    calls: list[str] = []
    got = bench.medians({"a": lambda: calls.append("a"), "b": lambda: calls.append("b") or {"b1": 1.0, "b2": 2.0}}, 3)
    assert calls == ["a", "b"] * 3  # in turn, run for run
    assert set(got) == {"a", "b1", "b2"} and got["b2"] == 2.0 and got["a"] >= 0
    # the stages, each on what the one before made, as gialint.lint_path runs them
    assert list(bench.stage_by_stage(sorted(SEEDS.glob("*.txt"))[0], all_rules())) == list(bench.STAGES)
    files = sorted(SEEDS.glob("*.txt"))[:2]
    figures = bench.per_report(files, repeat=1)
    assert {*bench.STAGES, "total", "floor", "floor_back_to_back", "ratio_to_floor", "split_percent"} <= set(figures)
    assert figures["ratio_to_floor"] == figures["total"] / figures["floor"]
    assert figures["ratio_to_floor_back_to_back"] == figures["total"] / figures["floor_back_to_back"]
    split = figures["split_percent"]
    assert list(split) == [*bench.STAGES, "other"]
    assert split["parse"] == pytest.approx(100 * figures["parse"] / figures["total"])
    assert sum(split.values()) == pytest.approx(100)


def test_its_gialint_runs_are_the_installed_gialint_from_the_repository_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `python bench/run.py` from the repository root: `python -m gialint` there would import the
    # source tree, which (unless installed editable) has neither the compiled modules nor the
    # entry points, and exits 2
    monkeypatch.chdir(ROOT)
    reports = tmp_path / "reports"
    reports.mkdir()
    for path in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copy(path, reports)
    env = {**os.environ, "GIALINT_CACHE_DIR": str(tmp_path / "cache")}
    seconds, _ = bench.run_check([str(reports), "--no-cache"], env, tmp_path)
    assert seconds > 0
    where = subprocess.run(
        [sys.executable, "-c", "import gialint; print(gialint.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip() == gialint.__file__  # what the benchmark's processes import


def test_the_content_checks_alone_are_timed_on_fresh_documents() -> None:
    import content_checks  # bench/content_checks.py

    docs = content_checks.documents(2)
    assert len(docs) == 2 and all(doc.passages for doc in docs)
    assert content_checks.content_checks(docs, 1) > 0
    # each run worked on a copy: the parsed document has none of what the checks derive
    assert "prose_reading" not in docs[0]._derived


def test_memory_measures_an_installed_build_side_by_side(tmp_path: Path) -> None:
    """bench/memory.py over the gialint installed for an interpreter (a compiled install, in CI):
    each build named for what it is, the cold run and the four warm ways, their shares of the
    cold run, and the peak memory of both runs."""
    out = tmp_path / "memory.json"
    args = ["--files", "12", "--large", "24", "--repeat", "1", "--out", str(out)]
    interpreter = ["--python", sys.executable, "--before-python", sys.executable]
    subprocess.run([sys.executable, str(ROOT / "bench" / "memory.py"), *args, *interpreter], check=True, timeout=300)
    figures = json.loads(out.read_text(encoding="utf-8"))
    for name in ("before", "this"):
        build = figures[name]
        assert build["build"] == f"{build_description()} {gialint.__file__}"
        assert len(build["warm_s"]) == 4 and build["cold_s"] > 0
        assert all(w["share_of_cold"] == w["seconds"] / build["cold_s"] for w in build["warm_s"].values())
        assert (build["memory"]["files"], build["memory"]["large_files"]) == (12, 24)
