"""Batch runs: worker processes, stable output, the result cache, lint_paths, hostile files."""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import gialint
from conftest import CORPUS_COUNT, make_corpus
from gialint.cli import main
from gialint.config.settings import DEFAULT_SETTINGS, Settings
from gialint.lint.result import FileError, LintResult
from gialint.run import batch as batch_module
from gialint.run import pairing
from gialint.run.batch import Batch, Outcome
from gialint.run.cache import DATABASE, ResultCache, open_cache
from gialint.testing import consistent_values, render

COUNT = CORPUS_COUNT


def check(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gialint", "check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("corpus")
    make_corpus(directory)
    return directory


# ------------------------------------------------------------------ worker processes
def test_two_workers_give_the_same_output_as_one(corpus: Path, tmp_path: Path) -> None:
    one = check([str(corpus), "--no-cache", "-j", "1", "--format", "json"], tmp_path)
    two = check([str(corpus), "--no-cache", "-j", "2", "--format", "json"], tmp_path)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout
    data = json.loads(one.stdout)
    assert data["files"] == COUNT
    paths = [d["path"] for d in data["diagnostics"]]
    assert paths == sorted(paths)  # the files' order, whatever the scheduling
    broken = {d["path"] for d in data["diagnostics"] if d["code"] == "GIA301"}
    assert len(broken) == len(range(0, COUNT, 3))  # every broken total was found


def test_equal_places_keep_one_order_whatever_the_hash_seed(tmp_path: Path) -> None:
    # two missing sections reported at the same place: their order must not come from a set
    lines = render(2022, consistent_values(2022, random.Random(1))).text.split("\n")
    text = "\n".join(line for line in lines if not line.startswith(("五、", "六、")))
    report = tmp_path / "r.txt"
    report.write_text(text, encoding="utf-8")
    outputs = {
        check([str(report), "--format", "concise", "--no-cache"], tmp_path, {"PYTHONHASHSEED": seed}).stdout
        for seed in ("0", "1", "2", "3")
    }
    assert len(outputs) == 1
    gia101 = [line for line in outputs.pop().splitlines() if "GIA101" in line]
    assert len(gia101) == 2 and "第五部分" in gia101[0] and "第六部分" in gia101[1]


def test_one_unreadable_file_does_not_stop_the_run(corpus: Path, tmp_path: Path) -> None:
    for name, data in {"binary.txt": b"\x00\x01\x02" * 100, "empty.txt": b"", "fake.docx": b"PK\x03\x04broken"}.items():
        (tmp_path / name).write_bytes(data)
    result = check([str(corpus), str(tmp_path), "-j", "2", "--format", "json"], tmp_path)
    assert result.returncode == 2
    data = json.loads(result.stdout)
    unreadable = {Path(e["path"]).name for e in data["errors"]}
    assert unreadable == {"binary.txt", "empty.txt", "fake.docx"}
    assert data["files"] == COUNT + 3
    assert len({d["path"] for d in data["diagnostics"] if d["code"] == "GIA301"}) == len(range(0, COUNT, 3))
    assert all(line.startswith("gialint: ") for line in result.stderr.splitlines())  # one line each, no traceback


def _kill_the_worker_that_lints(victim: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make linting ``victim`` end its process, as a C library crashing on a hostile file would."""
    real = batch_module.lint_file

    def crashing(path: str, *args: object, **kwargs: object) -> object:
        if path == victim:
            os._exit(70)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(batch_module, "lint_file", crashing)


def test_a_file_that_kills_its_worker_is_reported_alone(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    victim = files[20]
    _kill_the_worker_that_lints(victim, monkeypatch)
    monkeypatch.setattr(batch_module, "_context", lambda: multiprocessing.get_context("fork"))
    outcomes = dict(Batch(jobs=2).run((path, DEFAULT_SETTINGS) for path in files))
    assert len(outcomes) == len(files)
    errors = [o for o in outcomes.values() if isinstance(o, FileError)]
    assert [e.path for e in errors] == [victim] and "stopped abruptly" in errors[0].message.en
    assert all(isinstance(outcomes[i], LintResult) for i, path in enumerate(files) if path != victim)


def test_workers_leave_the_garbage_collector_of_the_calling_program_alone(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    monkeypatch.setattr(batch_module, "_context", lambda: multiprocessing.get_context("fork"))
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's defaults, whatever earlier tests did
    try:
        frozen = gc.get_freeze_count()
        started: list[bool] = []
        real_start = Batch._start_pool

        def start(self: Batch, warm_here: bool) -> bool:
            started.append(warm_here)
            return real_start(self, warm_here)

        monkeypatch.setattr(Batch, "_start_pool", start)
        assert len(dict(Batch(jobs=2).run((path, DEFAULT_SETTINGS) for path in files))) == COUNT
        assert started == [True]  # workers were started, with the parser loaded here first
        assert gc.get_threshold() == (700, 10, 10) and gc.get_freeze_count() == frozen
    finally:
        gc.set_threshold(*before)


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check", "x.txt", "-j", "0"])
    assert exited.value.code == 2
    assert "需要 1 或更大的整数，实为 '0'" in capsys.readouterr().err


# ------------------------------------------------------------------ output
def test_closing_table_counts_findings_and_files_per_rule(corpus: Path, tmp_path: Path) -> None:
    result = check([str(corpus), "--lang", "en", "--no-cache"], tmp_path)
    lines = result.stdout.splitlines()
    header = next(i for i, line in enumerate(lines) if line.split()[:3] == ["Rule", "Name", "Severity"])
    rows = [line.split() for line in lines[header + 1 : -1]]
    findings = json.loads(check([str(corpus), "--format", "json", "--no-cache"], tmp_path).stdout)["diagnostics"]
    per_rule: dict[str, int] = {}
    for d in findings:
        per_rule[d["code"]] = per_rule.get(d["code"], 0) + 1
    assert {row[0]: int(row[3]) for row in rows} == per_rule
    assert [int(row[3]) for row in rows] == sorted((int(row[3]) for row in rows), reverse=True)
    assert lines[-1].startswith("Found ") and f"in {COUNT} files" in lines[-1]


def test_no_progress_bar_when_piped_or_in_ci(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gialint.run.progress import wanted

    result = check([str(corpus), "-q"], tmp_path)
    assert "━" not in result.stderr and "\r" not in result.stderr
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    monkeypatch.delenv("CI", raising=False)
    assert wanted()
    assert not wanted(enabled=False)
    monkeypatch.setenv("CI", "true")
    assert not wanted()


# ------------------------------------------------------------------ the result cache
def run_batch(files: list[str], cache: ResultCache | None, settings: Settings = DEFAULT_SETTINGS) -> Batch:
    runner = Batch(jobs=1, cache=cache, keep_text=False)
    list(runner.run((f, settings) for f in files))
    if cache is not None:
        cache.flush()
    return runner


def filled_cache(corpus: Path, directory: Path, count: int) -> tuple[list[str], ResultCache]:
    """The first ``count`` reports of the corpus, and a cache in ``directory`` that holds them."""
    files = sorted(str(p) for p in corpus.rglob("*.txt"))[:count]
    cache = open_cache(str(directory))
    assert cache is not None
    run_batch(files, cache)
    return files, cache


def test_cache_answers_unchanged_files_and_misses_changed_ones(corpus: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    cache = open_cache(str(tmp_path / "cache"))
    assert cache is not None
    cold = run_batch(files, cache)
    assert (cold.linted, cold.cached) == (COUNT, 0)
    warm = run_batch(files, cache)
    assert (warm.linted, warm.cached) == (0, COUNT)
    # a changed report, other settings, another build: each is a miss for what it changes
    changed = tmp_path / "changed.txt"
    changed.write_bytes(Path(files[0]).read_bytes() + "补充说明。\n".encode())
    assert run_batch([files[1], str(changed)], cache).cached == 1
    assert run_batch(files[:5], cache, Settings(ignore=("GIA301",))).cached == 0
    assert run_batch(files[:5], cache, Settings(ignore=("GIA301",))).cached == 5
    cache.close()


def test_cached_results_equal_fresh_ones(corpus: Path, tmp_path: Path) -> None:
    cache_dir = str(tmp_path / "cache")
    fresh = sorted((r.path, r.diagnostics) for r in gialint.lint_paths([corpus], jobs=1) if isinstance(r, LintResult))
    for _ in range(2):  # the first run fills the cache, the second reads it
        again = sorted(
            (r.path, r.diagnostics)
            for r in gialint.lint_paths([corpus], jobs=1, cache=cache_dir)
            if isinstance(r, LintResult)
        )
        assert again == fresh


def test_another_build_does_not_read_the_entries_of_this_one(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gialint.run import cache as cache_module

    files, cache = filled_cache(corpus, tmp_path, 4)
    monkeypatch.setattr(cache_module, "build_fingerprint", lambda: b"another build")
    cache_module.forget_contexts()
    assert run_batch(files, cache).cached == 0
    cache_module.forget_contexts()


def test_cache_is_bounded_and_drops_the_least_recently_used(corpus: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    cache = ResultCache(str(tmp_path), limit=2_000)
    run_batch(files, cache)
    assert 0 < cache.stored_bytes() <= 2_000
    cache.close()


def test_damaged_cache_is_replaced(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / DATABASE).write_bytes(b"this is not a database" * 100)
    files = sorted(str(p) for p in corpus.rglob("*.txt"))[:3]
    cache = open_cache(str(tmp_path))
    assert cache is not None
    assert run_batch(files, cache).linted == 3
    assert run_batch(files, cache).cached == 3
    cache.close()
    assert sqlite3.connect(tmp_path / DATABASE).execute("SELECT COUNT(*) FROM entries").fetchone()[0] == 3


def _fill(cache_dir: str, files: list[str]) -> int:
    cache = open_cache(cache_dir)
    assert cache is not None
    runner = run_batch(files, cache)
    cache.close()
    return runner.linted + runner.cached


def test_concurrent_runs_share_one_cache(corpus: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    cache_dir = str(tmp_path / "shared")
    context = multiprocessing.get_context("spawn")
    with context.Pool(3) as pool:
        done = pool.starmap(_fill, [(cache_dir, files), (cache_dir, files[::-1]), (cache_dir, files[::2])])
    assert done == [COUNT, COUNT, COUNT // 2]
    cache = open_cache(cache_dir)
    assert cache is not None
    assert run_batch(files, cache).cached == COUNT  # every entry whole and readable
    cache.close()


def test_no_cache_writes_nothing_and_an_unusable_cache_is_a_note(corpus: Path, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    result = check([str(corpus), "-q", "--no-cache", "--cache-dir", str(cache_dir)], tmp_path)
    assert result.returncode == 1 and not (cache_dir / DATABASE).exists()
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a directory")
    result = check([str(corpus), "--cache-dir", str(blocked / "cache"), "--format", "json"], tmp_path)
    assert result.returncode == 1  # findings, not an error: the run went on without the cache
    assert "结果缓存无法使用" in result.stderr
    assert json.loads(result.stdout)["files"] == COUNT


# ------------------------------------------------------------------ the library
def test_lint_paths_yields_every_file_with_two_workers(corpus: Path, tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_bytes(b"")
    outcomes = list(gialint.lint_paths([corpus, tmp_path / "bad.txt"], jobs=2))
    results = [o for o in outcomes if isinstance(o, LintResult)]
    errors = [o for o in outcomes if isinstance(o, FileError)]
    assert len(results) == COUNT and [e.path for e in errors] == [str(tmp_path / "bad.txt")]
    assert all(r.document is None and r.text for r in results)
    one = gialint.lint_path(results[0].path or "")
    assert results[0].diagnostics == one.diagnostics and results[0].text == one.text
    assert all(not r.text for r in gialint.lint_paths([corpus], jobs=1, text=False) if isinstance(r, LintResult))


@pytest.mark.parametrize("text", [True, False])
def test_lint_paths_gives_the_files_order_holding_what_waits_on_disk(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: bool
) -> None:
    """Results in the files' order, as ``gialint check`` writes them, whatever the workers do
    and whether the cache answers (a cached report waits undecoded); what waits for the end of
    the run (a report whose agency's last year could still come) is kept on disk past the
    first, not in memory: the same results, text and all, as a run in one process."""
    monkeypatch.setattr(pairing, "HELD_IN_MEMORY", 1)
    alone = {o.path: o for o in gialint.lint_paths([corpus], jobs=1, text=text)}
    paths = sorted(str(p) for p in corpus.rglob("*.txt"))
    for _ in ("cold", "warm"):
        outcomes = list(gialint.lint_paths([corpus], jobs=2, text=text, cache=str(tmp_path / "cache")))
        assert [o.path for o in outcomes] == paths and len(paths) == COUNT
        assert outcomes == [alone[path] for path in paths]
    assert sum(pairing.pair_key(o) is not None for o in outcomes if isinstance(o, LintResult)) > 1  # some waited


def test_lint_paths_takes_settings_per_file(corpus: Path) -> None:
    def settings(path: str) -> Settings:
        return Settings(select=("GIA301",)) if "sub0" in path else DEFAULT_SETTINGS

    for outcome in gialint.lint_paths([corpus], jobs=1, settings=settings):
        assert isinstance(outcome, LintResult)
        if "sub0" in (outcome.path or ""):
            assert {d.code for d in outcome.diagnostics} <= {"GIA301"}


def test_loading_findings_pauses_the_garbage_collector_and_restores_it(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    files, cache = filled_cache(corpus, tmp_path, 3)
    during: list[bool] = []
    real = ResultCache.decode

    def decode(self: ResultCache, value: bytes, stale: bytes | None = None) -> object:
        during.append(gc.isenabled())
        return real(self, value, stale)

    monkeypatch.setattr(ResultCache, "decode", decode)
    assert gc.isenabled()
    assert run_batch(files, cache).cached == 3
    assert during == [False] * 3 and gc.isenabled()
    gc.disable()  # a program that runs without the collector keeps it off
    try:
        assert run_batch(files, cache).cached == 3
        assert not gc.isenabled()
    finally:
        gc.enable()
    cache.close()


def test_a_cache_that_fails_during_the_run_only_stops_caching(corpus: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in corpus.rglob("*.txt"))[:6]
    cache = open_cache(str(tmp_path))
    assert cache is not None
    cache._db.close()  # as if the disk filled up or another process held the lock too long
    runner = run_batch(files, cache)
    assert runner.linted == 6 and cache.failure is not None and "closed database" in cache.failure
    cache.close()


def test_a_run_answered_by_the_cache_loads_neither_parser_nor_rules(corpus: Path, tmp_path: Path) -> None:
    env = {"GIALINT_CACHE_DIR": str(tmp_path / "cache")}
    filled = check([str(corpus), "--format", "json"], tmp_path, env)
    script = (
        "import sys\n"
        "from gialint.cli import main\n"
        "code = main(['check', sys.argv[1], '--format', 'json'])\n"
        "loaded = [m for m in ('gialint.parse.driver', 'gialint.analyze.document', 'gialint.rules') if m in sys.modules]\n"
        "print('loaded:', loaded, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    answered = subprocess.run(
        [sys.executable, "-c", script, str(corpus)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=False,
    )
    assert answered.stderr.strip() == "loaded: []"
    assert (answered.returncode, answered.stdout) == (filled.returncode, filled.stdout)


# ------------------------------------------------------------------ look-ups in workers
@pytest.fixture
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Blocks of 4 files; a run of more than 8 is looked up by workers, a smaller one by this
    process; returns the number of keys this process asks the cache for, per call."""
    monkeypatch.setattr(batch_module, "BLOCK", 4)
    monkeypatch.setattr(batch_module, "LOOK_UP_HERE", 8)
    monkeypatch.setattr(batch_module, "_context", lambda: multiprocessing.get_context("fork"))
    asked: list[int] = []
    real = ResultCache.stored

    def stored(self: ResultCache, keys: list[bytes], parts: bool = False) -> dict[bytes, tuple[bytes, int, bytes]]:
        if os.getpid() == here:
            asked.append(len(keys))
        return real(self, keys, parts)

    here = os.getpid()
    monkeypatch.setattr(ResultCache, "stored", stored)
    return asked


def _outcomes(files: list[str], cache: ResultCache | None, jobs: int = 2) -> tuple[Batch, dict[str, Outcome]]:
    runner = Batch(jobs=jobs, cache=cache)
    found = {files[index]: outcome for index, outcome in runner.run((f, DEFAULT_SETTINGS) for f in files)}
    if cache is not None:
        cache.flush()
    return runner, found


def _fresh_and_empty_cache(corpus: Path, directory: Path) -> tuple[list[str], dict[str, Outcome], ResultCache]:
    """The corpus's files, their outcomes linted here without a cache, and an empty cache."""
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    fresh = _outcomes(files, None, jobs=1)[1]
    cache = open_cache(str(directory / "cache"))
    assert cache is not None
    return files, fresh, cache


def test_workers_look_up_a_large_run(
    corpus: Path, tmp_path: Path, small_blocks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    files, fresh, cache = _fresh_and_empty_cache(corpus, tmp_path)
    loaded = tmp_path / "loaded"  # a line for each process that loads the parser and rules to lint
    real_warm = batch_module._warm

    def marking_warm() -> None:
        with loaded.open("a") as marks:
            print(os.getpid(), file=marks)
        real_warm()

    monkeypatch.setattr(batch_module, "_warm", marking_warm)
    cold, filled = _outcomes(files, cache)
    assert (cold.linted, cold.cached) == (COUNT, 0) and filled == fresh
    assert loaded.read_text()
    loaded.unlink()
    with sqlite3.connect(tmp_path / "cache" / DATABASE) as db:
        db.execute("UPDATE entries SET used = used - 3")  # last used three days ago
    small_blocks.clear()
    warm, answered = _outcomes(files, cache)
    assert (warm.linted, warm.cached) == (0, COUNT)
    with sqlite3.connect(tmp_path / "cache" / DATABASE) as db:  # every hit is marked as used today
        assert db.execute("SELECT DISTINCT used FROM entries").fetchall() == [(cache.today,)]
    # more than LOOK_UP_HERE files, found as the run goes: known to be many, every file was read,
    # hashed and looked up by workers
    assert sum(small_blocks) == 0
    assert answered == fresh  # findings and texts alike
    small_blocks.clear()
    few = _outcomes(files[:8], cache)[0]
    assert few.cached == 8 and sum(small_blocks) == 8  # a run of LOOK_UP_HERE files is looked up here
    assert not loaded.exists()  # workers that only look files up load neither parser nor rules
    cache.close()


def test_damaged_entries_found_by_workers_are_linted_again(
    corpus: Path, tmp_path: Path, small_blocks: list[int]
) -> None:
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    cache = open_cache(str(tmp_path / "cache"))
    assert cache is not None
    fresh = _outcomes(files, cache)[1]
    with sqlite3.connect(tmp_path / "cache" / DATABASE) as db:
        db.execute("UPDATE entries SET value = x'800563'")  # a pickle cut short
    again, found = _outcomes(files, cache)
    assert (again.linted, again.cached) == (COUNT, 0) and found == fresh
    assert _outcomes(files, cache)[0].cached == COUNT  # and cached afresh
    cache.close()


def test_a_file_that_kills_its_worker_while_others_look_up(
    corpus: Path, tmp_path: Path, small_blocks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    cache = open_cache(str(tmp_path / "cache"))
    assert cache is not None
    _outcomes(files[::2], cache)  # half the files are cached, so look-ups and linting mix
    victim = files[33]
    _kill_the_worker_that_lints(victim, monkeypatch)
    runner, found = _outcomes(files, cache)
    assert sorted(found) == files
    errors = [o for o in found.values() if isinstance(o, FileError)]
    assert [e.path for e in errors] == [victim] and "stopped abruptly" in errors[0].message.en
    assert runner.cached == COUNT // 2
    cache.close()


def test_a_pool_that_broke_between_collections_takes_no_more_tasks(
    corpus: Path, tmp_path: Path, small_blocks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a worker can die (a hostile file) after this process last collected: the pool then
    # refuses new tasks, which must fail with the others and be handled, not stop the run
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    files, fresh, cache = _fresh_and_empty_cache(corpus, tmp_path)
    _outcomes(files[::2], cache)  # half the files are cached, so look-ups and linting mix
    real = ProcessPoolExecutor.submit
    calls: list[str] = []
    refused: list[str] = []

    def refusing(self: ProcessPoolExecutor, task: object, *args: object, **kwargs: object) -> object:
        name = getattr(task, "__name__", "")
        calls.append(name)
        if calls.count(name) == 2 and name in ("_look_up", "_work_in_worker"):  # one of each refused
            refused.append(name)
            raise BrokenProcessPool("a worker died")
        return real(self, task, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ProcessPoolExecutor, "submit", refusing)
    runner, found = _outcomes(files, cache)
    assert sorted(refused) == ["_look_up", "_work_in_worker"]
    assert found == fresh
    assert runner.cached + runner.linted == COUNT
    cache.close()
