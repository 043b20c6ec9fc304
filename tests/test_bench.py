"""bench/run.py: the floor it compares gialint with, how it times both, and that its gialint
processes run the installed gialint from wherever the script is started (the repository root);
bench/memory.py: that it measures an installed build too."""

from __future__ import annotations

import gc
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
    assert figures["collector_percent"] == pytest.approx(100 * figures["collector"] / figures["total"])


def test_the_collectors_time_within_a_run_is_counted_apart() -> None:
    spent: list[float] = []
    made: list[object] = []
    callbacks = list(gc.callbacks)

    def collects() -> None:
        for _ in range(3):
            made.append([made])  # a cycle for each collection to look at
            gc.collect()

    timed = bench.collected_within(collects, spent)()
    assert set(timed) == {"total"} and len(spent) == 1
    assert 0 < spent[0] <= timed["total"]
    bench.collected_within(lambda: None, spent)()
    assert spent[1] == 0 and gc.callbacks == callbacks  # nothing collected; the callback is gone


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


# valgrind's place in bench/instructions.py: a counter that gives each command a count made
# from what it runs, so that what the script makes of the counts can be checked anywhere
_COUNTER = """#!{python}
import ast, os, sys
command = sys.argv[4:]  # after valgrind's three options
if command[1:] == ["-c", "pass"]:
    refs = 1_000_000
elif command[1] == "-c" and command[2].startswith("from importlib"):  # imports: 0.1 M a module
    names = ast.literal_eval(command[2].split("for name in ")[1].split(":")[0])
    refs = 1_000_000 + 100_000 * len(names)
elif command[1] == "-c":  # a steady process: stage, rounds, files
    stage, rounds, files = command[3], int(command[4]), command[5:]
    per_file = {{"parse": 7_000, "read_parse_match": 9_000, "lint_path": 11_000, "floor": 500}}[stage]
    refs = 50_000_000 + int(rounds) * len(files) * per_file
else:  # gialint check: 5 M, 2 M more with --no-cache, 3 M more with nothing kept yet
    kept = os.listdir(os.environ["GIALINT_CACHE_DIR"]) if os.path.isdir(os.environ["GIALINT_CACHE_DIR"]) else []
    refs = 5_000_000 + 2_000_000 * ("--no-cache" in command) + 3_000_000 * (not kept)
print(f"==1== I   refs:      {{refs:,}}", file=sys.stderr)
"""


def test_instructions_are_counted_per_report_and_at_start(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import instructions

    counter = tmp_path / "valgrind"
    counter.write_text(_COUNTER.format(python=sys.executable), encoding="utf-8")
    counter.chmod(0o755)
    out = tmp_path / "instructions.json"
    argv = ["--files", "12", "--sample", "4", "--valgrind", str(counter), "--out", str(out)]
    instructions.main([*argv, "--python", sys.executable, "--before-python", sys.executable])
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["sample"] == 4 and set(figures["builds"]) == {"before", "after"}
    for build in figures["builds"].values():
        assert build["build"] == build_description()
        # three rounds against one, over twice the sample: the start and the memos drop out
        assert build["per_report"] == {
            "parse": 7_000,
            "read_parse_match": 9_000,
            "lint_path": 11_000,
            "floor": 500,
            "read_parse_match/floor": 18.0,
            "lint_path/floor": 22.0,
        }
        # the modules a real check of a corpus file imported: gialint's, attrs, the standard library's
        modules = build["start_up"].pop("modules")
        assert 0 < modules["std"] < modules["all"]
        std, every = (1_000_000 + 100_000 * modules[kind] for kind in ("std", "all"))
        assert build["start_up"] == {
            "python -c pass": 1_000_000,
            "import its standard library": std,
            "import all it imports": every,
            "import attrs": 1_100_000,
            "check --no-cache": 7_000_000,
            "check --no-cache, first run": 10_000_000,
            "check, result cached": 5_000_000,
            "import its standard library/pass": std / 1_000_000,
            "import all it imports/pass": every / 1_000_000,
            "import attrs/pass": 1.1,
            "check --no-cache/pass": 7.0,
            "check --no-cache, first run/pass": 10.0,
            "check, result cached/pass": 5.0,
        }
        build["start_up"]["modules"] = modules
    lines = instructions.table(figures["builds"])
    assert lines[2].split() == ["parse", "0.01", "0.01"]
    assert lines[6].split() == ["read_parse_match", "/", "floor", "18.0x", "18.0x"]
    assert lines[7].split() == ["lint_path", "/", "floor", "22.0x", "22.0x"]
    assert lines[-5].split()[:2] == ["import", "attrs"] and lines[-5].count("1.1 ( 1.1x)") == 2
    assert lines[-3].split()[-4:] == ["10.0", "(10.0x)", "10.0", "(10.0x)"]  # the first run
    assert lines[-1].startswith("  (modules a check imports") and f"{modules['std']} of {modules['all']}" in lines[-1]


def test_a_count_that_valgrind_does_not_give_stops_the_script(tmp_path: Path) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    import instructions

    with pytest.raises(SystemExit, match="cannot count"):
        instructions.count("true", [sys.executable, "-c", "pass"], tmp_path, dict(os.environ))
