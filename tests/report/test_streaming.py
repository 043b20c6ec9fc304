"""Streaming output: every format written file by file in the files' order, the same whatever the
workers do, valid documents, ``jsonl`` and its shards, counts kept instead of results."""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import pickle
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gialint
from conftest import make_corpus, write_pair
from conftest import run_cli as run
from gialint.base.diagnostic import Severity
from gialint.config.settings import DEFAULT_SETTINGS
from gialint.lint.result import FileError, LintResult
from gialint.report import ReportOptions, get_reporter
from gialint.report.indent import indented
from gialint.report.json_format import as_json
from gialint.report.junit import as_junit
from gialint.report.sarif import as_sarif
from gialint.report.stream import Spool, Writer, direct_layer, get_writer, renderer
from gialint.report.tally import Tally
from gialint.run import batch as batch_module
from gialint.run import pairing
from gialint.run.batch import Batch
from gialint.run.cache import Cached, open_cache
from gialint.run.rendered import NO_FIX, SAFE_FIX, UNSAFE_FIX, Rendered, counted

ROOT = Path(__file__).resolve().parents[2]
STREAMED = ("full", "concise", "json", "jsonl", "sarif", "github", "junit")


@pytest.fixture(scope="module")
def results() -> list[LintResult]:
    """Real results: findings of every kind, text and Markdown, no findings at all."""
    paths = [ROOT / "examples" / "example-2021.txt", *sorted((ROOT / "tests" / "fixtures" / "base").glob("*.txt"))]
    return [gialint.lint_path(path) for path in paths]


class CountingOut(io.StringIO):
    """A stream that counts the writes made to it."""

    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_json_documents_are_what_json_dump_writes(results: list[LintResult], data: st.DataObject) -> None:
    chosen = data.draw(st.lists(st.sampled_from(results), max_size=6))
    errors = data.draw(st.lists(st.builds(FileError, st.sampled_from(["a.txt", "b.md"]), st.text(max_size=8))))
    lang = data.draw(st.sampled_from(["zh", "en"]))
    options = ReportOptions(lang=lang, root=str(ROOT))
    for name, document in (
        ("json", as_json(chosen, errors, lang)),
        ("sarif", as_sarif(chosen, errors, options)),
    ):
        out = io.StringIO()
        get_reporter(name)(chosen, errors, options, out)
        assert out.getvalue() == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    junit = io.StringIO()
    get_reporter("junit")(chosen, errors, options, junit)
    tree = as_junit(chosen, errors, lang, options.fail_on)
    ET.indent(tree)
    assert junit.getvalue() == '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tree, encoding="unicode") + "\n"


@pytest.mark.parametrize("name", STREAMED)
def test_one_write_per_file_between_a_header_and_a_footer(
    results: list[LintResult], name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    out = CountingOut()
    writer = get_writer(name, ReportOptions(color=False, root=str(ROOT)), out)
    writer.start()
    started = out.writes
    for result in results:
        before = out.writes
        writer.result(result)
        assert out.writes - before <= 1
    during = out.writes - started
    writer.finish()
    # a file with findings is written as it comes (in jsonl, every file: it has a line); in JUnit,
    # whose counts come first, at the end
    written = {"junit": 0, "jsonl": len(results)}.get(name, sum(1 for r in results if r.diagnostics))
    assert during == written
    assert out.writes - started - during <= 8  # the footer: a few writes, whatever the number of files


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=20,
)


@given(JSON, st.sampled_from(["", "  ", "      "]))
def test_indented_is_what_json_dumps_writes(data: object, pad: str) -> None:
    assert indented(data, pad) == json.dumps(data, ensure_ascii=False, indent=2).replace("\n", "\n" + pad)


def test_a_writer_keeps_counts_not_results(results: list[LintResult]) -> None:
    writer = get_writer("json", ReportOptions(), io.StringIO())
    for result in results * 3:
        writer.result(result)
    writer.error(FileError("x.txt", "unreadable"))
    tally = writer.tally
    found = [d for r in results * 3 for d in r.diagnostics]
    assert (tally.files, tally.unreadable, tally.findings) == (3 * len(results) + 1, 1, len(found))
    assert tally.by_rule == Counter((d.code, d.name) for d in found)
    assert tally.fixable_by_code == Counter(d.code for d in found if d.fix is not None)
    assert not any(isinstance(v, LintResult | str) for v in vars(writer).values())


_COUNTED = st.tuples(
    st.sampled_from([1, 2, 3]),
    st.sampled_from(["GIA101", "GIA204", "GIA301", "GIA402"]),
    st.sampled_from(["a-name", "another"]),
    st.sampled_from([NO_FIX, UNSAFE_FIX, SAFE_FIX]),
)


@given(
    st.lists(st.tuples(st.sampled_from(["text", "pdf", "docx"]), st.lists(_COUNTED, max_size=6).map(tuple))),
    st.sampled_from(list(Severity)),
)
def test_a_tally_counts_as_a_finding_by_finding_count_does(
    files: list[tuple[str, tuple[tuple[int, str, str, int], ...]]], fail_on: Severity
) -> None:
    """The tally counts a file's findings all at once; every count it gives is the one counting
    them one by one gives (by severity, rule, fix and code, each code's first and last finding)."""
    tally = Tally(fail_on)
    by_severity: Counter[Severity] = Counter()
    by_rule: Counter[tuple[str, str]] = Counter()
    fixable: Counter[str] = Counter()
    files_by_code: Counter[str] = Counter()
    first: dict[str, tuple[str, Severity]] = {}
    last: dict[str, Severity] = {}
    failing = fixable_here = 0
    for file_format, findings in files:
        tally.add_counted(file_format, findings)
        for number, code, name, fix in findings:
            severity = Severity(number)
            by_severity[severity] += 1
            by_rule[code, name] += 1
            first.setdefault(code, (name, severity))
            last[code] = severity
            if fix != NO_FIX:
                fixable[code] += 1
            fixable_here += file_format in ("text", "docx") and fix == SAFE_FIX
        files_by_code.update({code for _, code, _, _ in findings})
        failing += any(Severity(number) >= fail_on for number, _, _, _ in findings)
    assert tally.checked == len(files) and tally.findings == sum(by_severity.values())
    assert +tally.by_severity == by_severity and +tally.by_rule == by_rule and +tally.fixable_by_code == fixable
    assert tally.files_by_code == files_by_code and (tally.failing, tally.fixable_here) == (failing, fixable_here)
    assert list(tally.first.items()) == list(first.items()) and tally.severity_of == last
    assert tally.at_or_above(fail_on) == any(s >= fail_on for s in by_severity)


# ------------------------------------------------------------------ the run, in the files' order
@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("streamed")
    make_corpus(directory)
    (directory / "sub1" / "scan.txt").write_bytes(b"\xff\xfe\x00\xd8" * 3)  # unreadable, in the middle
    return directory


def check(args: list[str], cwd: Path, cache: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GIALINT_CACHE_DIR": str(cache or cwd / "cache"), "GITHUB_STEP_SUMMARY": ""}
    return subprocess.run(
        [sys.executable, "-m", "gialint", "check", *args, "--no-color"],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def _half_cached(corpus: Path, cache: Path) -> None:
    """Every other report in the cache: with workers, a run then gets those at once and the others
    later, out of the files' order."""
    store = open_cache(str(cache))
    assert store is not None
    files = sorted(str(p) for p in corpus.rglob("r*.txt"))[::2]
    list(Batch(1, store, keep_text=False).run((f, gialint.Settings()) for f in files))
    store.close()


@pytest.mark.parametrize("name", STREAMED)
def test_workers_and_a_half_warm_cache_give_the_output_of_one_process(corpus: Path, tmp_path: Path, name: str) -> None:
    _half_cached(corpus, tmp_path / "cache")
    alone = check([str(corpus), "--format", name, "--no-cache", "-j", "1"], tmp_path)
    parallel = check([str(corpus), "--format", name, "-j", "2"], tmp_path)
    assert alone.returncode == parallel.returncode == 2  # the unreadable file
    assert alone.stdout and parallel.stdout == alone.stdout
    if name in ("json", "sarif"):
        json.loads(parallel.stdout)
    elif name == "junit":
        ET.fromstring(parallel.stdout.encode("utf-8"))


def test_statistics_count_what_the_json_output_lists(corpus: Path, tmp_path: Path) -> None:
    listed = json.loads(check([str(corpus), "--format", "json", "-j", "2"], tmp_path).stdout)
    stats = json.loads(check([str(corpus), "--statistics", "--format", "json", "-j", "2"], tmp_path).stdout)
    found = Counter((d["code"], d["name"]) for d in listed["diagnostics"])
    assert {(row["code"], row["name"]): row["count"] for row in stats} == found
    fixable = Counter(d["code"] for d in listed["diagnostics"] if "fix" in d)
    assert {row["code"]: row["fixable"] for row in stats} == {code: fixable[code] for code, _ in found}
    assert listed["files"] == len(listed["reports"]) + len(listed["errors"]) == 41


# ------------------------------------------------------------------ jsonl
def test_jsonl_has_a_line_per_finding_and_per_file(corpus: Path, tmp_path: Path) -> None:
    lines = [json.loads(line) for line in check([str(corpus), "--format", "jsonl"], tmp_path).stdout.splitlines()]
    document = json.loads(check([str(corpus), "--format", "json"], tmp_path).stdout)
    findings = [{k: v for k, v in line.items() if k != "type"} for line in lines if line["type"] == "diagnostic"]
    assert findings == document["diagnostics"]
    files = [line for line in lines if line["type"] == "file"]
    assert len(files) == document["files"] and {line["type"] for line in lines} == {"diagnostic", "file"}
    checked = [f for f in files if f["status"] == "checked"]
    assert [{k: f[k] for k in ("path", "agency", "year")} for f in checked] == document["reports"]
    assert [(f["path"], f["message"]) for f in files if f["status"] == "unreadable"] == [
        (e["path"], e["message"]) for e in document["errors"]
    ]
    per_file = Counter(d["path"] for d in findings)
    assert all(f["findings"] == per_file[f["path"]] == f["errors"] + f["warnings"] + f["infos"] for f in checked)
    # each file's line follows its findings
    for position, line in enumerate(lines):
        if line["type"] == "diagnostic":
            assert next(later for later in lines[position:] if later["type"] == "file")["path"] == line["path"]


def test_jsonl_shards_joined_are_the_run_over_all(corpus: Path, tmp_path: Path) -> None:
    shards = sorted(str(p) for p in corpus.iterdir() if p.is_dir())
    whole = check([*shards, "--format", "jsonl"], tmp_path).stdout
    joined = "".join(check([shard, "--format", "jsonl"], tmp_path).stdout for shard in shards)
    assert joined == whole and whole.count("\n") > len(shards)


# ------------------------------------------------------------------ the reorder window
@pytest.mark.parametrize("window", [1, 3, 16])
def test_a_run_in_order_holds_at_most_its_window(
    corpus: Path, tmp_path: Path, window: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch_module, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(batch_module, "BLOCK", 4)
    monkeypatch.setattr(batch_module, "CHUNK", 2)
    monkeypatch.setattr(batch_module, "MIN_FOR_WORKERS", 2)
    _half_cached(corpus, tmp_path / "cache")
    files = sorted(str(p) for p in corpus.rglob("*.txt"))
    store = open_cache(str(tmp_path / "cache"))
    runner = Batch(2, store, keep_text=False, window=window)
    given = list(runner.run((f, gialint.Settings()) for f in files))
    assert [index for index, _ in given] == list(range(len(files)))
    assert runner.cached and runner.linted  # some answered at once, some by workers
    assert 1 <= runner.most_held <= window
    unordered = dict(Batch(1, None, keep_text=False).run((f, gialint.Settings()) for f in files))
    assert dict(given) == unordered
    assert store is not None
    store.close()


# ------------------------------------------------------------------ last year's report, in order
@pytest.mark.parametrize("cache", ["none", "cold", "warm"])
def test_reports_waiting_for_last_years_keep_the_files_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: str
) -> None:
    """Reports are paired wherever last year's stands in the run; those that wait for the end
    (here all but the first on disk) come out in the files' order, each as linted on its own
    with its pair as ``previous`` — linted, or answered by the cache (its entries wait
    undecoded)."""
    monkeypatch.setattr(pairing, "HELD_IN_MEMORY", 1)
    for folder in ("0", "1", "2"):
        (tmp_path / folder).mkdir()
    first, second = write_pair(tmp_path / "1", 2020, seed=1, agency="某某市甲局")  # last year's first
    earlier, later = write_pair(tmp_path / "0", 2021, seed=2, agency="某某市乙局")
    later = later.rename(later.with_name("0-2022.txt"))  # this year's first
    twice, _ = write_pair(tmp_path / "2", 2019, seed=3, agency="某某市丙局")  # two for last year: not paired
    (twice.parent / "a-copy-2019.txt").write_text(twice.read_text("utf-8") + "\n", "utf-8")
    caching = ["--no-cache"] if cache == "none" else ["--cache-dir", str(tmp_path.parent / "cache")]
    args = ["check", *caching, "-j", "1", "--select", "GIA6", "--format", "json", str(tmp_path)]
    if cache == "warm":
        run(args, capsys)
    code, out = run(args, capsys)
    files = sorted(str(p) for p in tmp_path.rglob("*.txt"))
    partner = {str(second): str(first), str(later): str(earlier)}
    expected = [
        {"path": path, **d.as_dict("zh")}
        for path in files
        for d in gialint.lint_path(path, select=["GIA6"], previous=partner.get(path)).diagnostics
    ]
    document = json.loads(out)
    assert [r["path"] for r in document["reports"]] == files
    assert document["diagnostics"] == expected
    assert {d["path"] for d in expected} == set(partner)  # both pairs found something
    assert code == 1


REPORTS = st.lists(
    st.tuples(st.sampled_from(["甲", "乙"]), st.integers(2019, 2022), st.sampled_from(["title", "publisher"])),
    max_size=30,
)


def pairs(keys: list[tuple[int, tuple[str, int]]]) -> Iterator[tuple[int, int]]:
    """The plain definition of the pairing, over the whole run: ``(later, earlier)`` indices,
    each report and the one report of its agency for the year before (none where there are two
    for that year: which is last year's would be a guess)."""
    by_key: dict[tuple[str, int], list[int]] = {}
    for index, key in keys:
        by_key.setdefault(key, []).append(index)
    for (agency, year), later in sorted(by_key.items()):
        earlier = by_key.get((agency, year - 1), [])
        if len(earlier) == 1:
            yield from ((index, earlier[0]) for index in later)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(reports=REPORTS, in_memory=st.integers(0, 3))
def test_in_order_gives_every_report_once_in_order_paired_as_the_whole_run_says(
    monkeypatch: pytest.MonkeyPatch, reports: list[tuple[str, int, str]], in_memory: int
) -> None:
    """Against the plain definition: every outcome in the files' order, each report whose agency
    has exactly one report of the year before anywhere in the run (by its title) linted again
    with it, the others as they came."""
    monkeypatch.setattr(pairing, "HELD_IN_MEMORY", in_memory)
    monkeypatch.setattr(pairing, "lint_with_previous", lambda item, previous, cache, keep: (item[0], previous[0]))
    results = [
        LintResult(f"{i}.txt", (), None, "", agency=a, agency_source=source, year=y)
        for i, (a, y, source) in enumerate(reports)
    ]
    keys = [(i, key) for i, r in enumerate(results) if (key := pairing.pair_key(r)) is not None]
    partner = dict(pairs(keys))
    expected = [(r.path, results[partner[i]].path) if i in partner else r for i, r in enumerate(results)]
    given_back = list(pairing.in_order(enumerate(results), lambda path: DEFAULT_SETTINGS, None, None, False))
    assert given_back == expected


def _waiting(number: int) -> FileError | Rendered:
    """An outcome to hold, of a size that grows with ``number``: an unreadable file, or a part written apart."""
    if number % 2:
        return FileError(f"{number}.txt", "x" * number)
    pieces = tuple(b"y" * (number * 97 % 1500) for _ in range(number % 4))
    findings = tuple((3, f"GIA30{n}", "row-total", 0) for n in range(number % 3))
    return Rendered(f"{number}.txt", "某局", "title", 2021, "text", findings, pieces)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.booleans(), max_size=40), in_memory=st.integers(0, 40), in_bytes=st.integers(0, 12_000))
def test_held_is_first_in_first_out_however_puts_and_takes_interleave(
    monkeypatch: pytest.MonkeyPatch, steps: list[bool], in_memory: int, in_bytes: int
) -> None:
    """Held against a queue: True puts the next outcome (of sizes that vary), False takes one. What
    it keeps in memory stays within both its limits: outcomes, and bytes (``held_size``)."""
    monkeypatch.setattr(pairing, "HELD_IN_MEMORY", in_memory)
    monkeypatch.setattr(pairing, "HELD_BYTES", in_bytes)
    held: pairing.Held[FileError | Rendered] = pairing.Held()
    model: list[tuple[int, int, FileError | Rendered]] = []
    try:
        for number, put in enumerate(steps):
            if put or not model:
                item = (number, number // 2 if number % 3 else pairing.NO_KEY, _waiting(number))
                held.put(*item)
                model.append(item)
            else:
                assert held.head_key() == model[0][1]
                assert held.take() == model.pop(0)
            assert bool(held) == bool(model)
            kept = list(held._memory)
            assert len(kept) <= in_memory
            assert sum(pairing.held_size(outcome) for _, _, outcome in kept) <= in_bytes
        while model:
            assert held.take() == model.pop(0)
        assert not held
    finally:
        held.close()


def test_held_size_counts_what_an_outcome_holds(results: list[LintResult]) -> None:
    """A part written apart counts its text; a whole result counts more than any small one."""
    render = renderer("json", ReportOptions())
    assert render is not None
    part = render(results[0])
    assert pairing.held_size(part) >= sum(map(len, part.pieces))
    assert pairing.held_size(part._replace(pieces=part.pieces * 2)) > pairing.held_size(part)
    assert pairing.held_size(results[0]) > pairing.held_size(FileError("a.txt", "x")) > 0


def test_held_outcomes_come_back_in_order_from_memory_and_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pairing, "HELD_IN_MEMORY", 3)
    held = pairing.Held()
    outcomes = [FileError(f"f{i}.txt", "x" * i) for i in range(10)]
    taken = []
    for index, outcome in enumerate(outcomes):
        held.put(index, 2020 + index, outcome)
        if index % 4 == 3:
            taken.append(held.take())
    while held:
        taken.append(held.take())
    held.close()
    assert taken == [(i, 2020 + i, outcomes[i]) for i in range(10)]


# ------------------------------------------------------------------ parts made apart, by the workers
APART = ("concise", "json", "jsonl")


def test_the_formats_that_make_their_parts_apart() -> None:
    assert tuple(name for name in STREAMED if renderer(name, ReportOptions()) is not None) == APART


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_part_made_apart_is_written_as_the_result_would_be(results: list[LintResult], data: st.DataObject) -> None:
    """Whichever files a worker made apart (pickled there and back, and again to wait on disk),
    the output and the counts are those of the results written in this process."""
    name = data.draw(st.sampled_from(APART))
    chosen = data.draw(st.lists(st.tuples(st.sampled_from(results), st.booleans()), max_size=6))
    options = ReportOptions(lang=data.draw(st.sampled_from(["zh", "en"])), color=False)
    render = renderer(name, options)
    assert render is not None
    render = pickle.loads(pickle.dumps(render))  # as a worker is given it
    plain, apart = io.StringIO(), io.StringIO()
    writers = get_writer(name, options, plain), get_writer(name, options, apart)
    for writer in writers:
        writer.start()
    for result, made_apart in chosen:
        writers[0].result(result)
        if made_apart:
            rendered = pickle.loads(pickle.dumps(render(result), pickle.HIGHEST_PROTOCOL))
            assert type(rendered) is Rendered and rendered.findings == counted(result)
            writers[1].rendered(rendered)
        else:
            writers[1].result(result)
    for writer in writers:
        writer.finish()
    assert apart.getvalue() == plain.getvalue()
    assert vars(writers[1].tally) == vars(writers[0].tally)


def _utf8_stream(errors: str = "strict") -> io.TextIOWrapper:
    """A text stream over bytes, as ``gialint check`` opens its output (UTF-8, "\\n" line ends)."""
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors=errors, newline="\n")


def _written(stream: io.TextIOWrapper) -> bytes:
    stream.flush()
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue()


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_parts_written_as_bytes_are_what_the_text_stream_would_write(
    results: list[LintResult], data: st.DataObject
) -> None:
    """A writer given its output's binary stream (:func:`direct_layer`) writes the parts kept in
    UTF-8 as they are, text before and after them in turn: byte for byte the output of the same
    parts decoded and written as text, and the same counts; and what it spooled (the reports of
    a JSON document) is copied out as bytes too."""
    name = data.draw(st.sampled_from(APART))
    chosen = data.draw(st.lists(st.tuples(st.sampled_from(results), st.booleans()), max_size=6))
    render = renderer(name, ReportOptions(color=False))
    assert render is not None
    as_text, as_bytes = _utf8_stream(), _utf8_stream()
    writers = (
        get_writer(name, ReportOptions(color=False), as_text),
        get_writer(name, ReportOptions(color=False), as_bytes),
    )
    writers[1].binary = direct_layer(as_bytes)
    assert writers[1].binary is as_bytes.buffer and as_bytes.write_through
    for writer in writers:
        writer.start()
    for result, made_apart in chosen:
        for writer in writers:
            if made_apart:
                writer.rendered(render(result))
            else:
                writer.result(result)
    for writer in writers:
        writer.finish()
    assert _written(as_bytes) == _written(as_text)
    assert vars(writers[1].tally) == vars(writers[0].tally)


def test_a_part_with_a_lone_surrogate_is_written_as_text(results: list[LintResult]) -> None:
    """A part that holds a lone surrogate (kept with ``surrogatepass``) is decoded and written as
    text, as the output's error handler says, not as the bytes it is kept in."""
    render = renderer("jsonl", ReportOptions())
    assert render is not None
    part = render(results[0])
    odd = part._replace(pieces=('{"path": "\ud800.txt"}\n'.encode("utf-8", "surrogatepass"),))
    stream = _utf8_stream(errors="backslashreplace")
    writer = get_writer("jsonl", ReportOptions(), stream)
    writer.binary = direct_layer(stream)
    writer.rendered(odd)
    assert _written(stream) == b'{"path": "\\ud800.txt"}\n'


def test_only_a_utf8_text_stream_is_written_as_bytes() -> None:
    """The binary stream is used only under a text stream that writes UTF-8: not under a
    ``StringIO``, nor one in another encoding; and it is made write-through, so that text and
    bytes reach it in the order written."""
    assert direct_layer(io.StringIO()) is None
    assert direct_layer(io.TextIOWrapper(io.BytesIO(), encoding="gb18030")) is None
    stream = io.TextIOWrapper(io.BytesIO(), encoding="UTF8")
    assert not stream.write_through
    binary = direct_layer(stream)
    assert binary is stream.buffer and stream.write_through
    stream.write("一")
    binary.write("二".encode())
    stream.write("三")
    assert _written(stream).decode() == "一二三"


@pytest.mark.parametrize("binary", [False, True])
def test_a_spool_copies_out_what_it_was_given(binary: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """A spool keeps text and bytes in UTF-8, in memory and past it in a file, and copies them
    out in order, to a text stream or its binary stream."""
    from gialint.report import stream as stream_module

    monkeypatch.setattr(stream_module, "SPOOL_IN_MEMORY", 64)
    spool = Spool()
    pieces = [f"第{n}行，" * (n % 7) for n in range(60)]
    for n, piece in enumerate(pieces):
        if n % 2:
            spool.write(piece)
        else:
            spool.write(piece.encode())
    out = _utf8_stream()
    spool.copy_to(out, direct_layer(out) if binary else None)
    assert _written(out).decode() == "".join(pieces)
    assert spool.count == len(pieces)


@pytest.mark.parametrize("name", APART)
def test_parts_are_kept_for_the_options_their_format_depends_on(name: str) -> None:
    """A part kept serves a later run whatever its colour, quietness or failing threshold, not
    one in another language (nor, for concise, one that shows the source)."""

    def key(options: ReportOptions) -> str:
        made = renderer(name, options)
        assert made is not None
        return made.key

    plain, other = key(ReportOptions()), key(ReportOptions(color=True, quiet=True, fail_on=Severity.WARNING, root="/"))
    english, source = key(ReportOptions(lang="en")), key(ReportOptions(show_source=True))
    assert plain == other != english
    assert (source != plain) == (name == "concise")


def test_a_part_is_made_apart_only_by_a_format_that_can(results: list[LintResult]) -> None:
    with pytest.raises(NotImplementedError, match="SarifWriter"):
        get_writer("sarif", ReportOptions(), io.StringIO()).pieces(results[0])


@pytest.mark.parametrize("name", APART)
def test_a_warm_run_with_workers_writes_the_parts_kept_or_made_there(
    corpus: Path, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A large run (workers look the files up): the run that lints a report keeps its part of
    the output with its entry; a warm run in that format writes the parts kept, decoding no
    entry; one in another format has the workers make the parts from the entries. Every run
    writes what a run without the cache, in one process, writes."""
    monkeypatch.setattr(batch_module, "_context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(batch_module, "BLOCK", 4)
    monkeypatch.setattr(batch_module, "LOOK_UP_HERE", 8)
    decoded = tmp_path / "decoded"  # a line for each entry decoded, by any process
    decode = Cached.result

    def counting(self: Cached) -> LintResult | None:
        with decoded.open("a") as out:
            out.write(self.path + "\n")
        return decode(self)

    monkeypatch.setattr(Cached, "result", counting)
    made: list[str] = []  # the reports written from their parts
    write = Writer.rendered
    monkeypatch.setattr(Writer, "rendered", lambda self, part: (made.append(part.path), write(self, part))[1])

    def check(format_name: str, *more: str) -> tuple[int, str]:
        made.clear()
        decoded.write_text("")
        return run(["check", str(corpus), "--format", format_name, "--no-color", *more], capsys)

    reports = sorted(str(p) for p in corpus.rglob("r*.txt"))
    alone = check(name, "--no-cache", "-j", "1")
    cache = ("--cache-dir", str(tmp_path / "cache"), "-j", "2")
    other = next(n for n in APART if n != name)
    check(other, *cache)  # the cache filled, with the parts of another format
    from_entries = check(name, *cache)
    # every entry decoded once, by whichever process; every part made by a worker, but those of
    # the last block, shorter than the others, which the run looks up itself when no look-up is
    # out with the workers by then (so whether it does depends on how fast they were)
    found = sorted(str(p) for p in corpus.rglob("*") if p.is_file())  # the run's order
    last_block = set(found[len(found) // batch_module.BLOCK * batch_module.BLOCK :])
    assert sorted(decoded.read_text().split()) == reports
    assert set(reports) - last_block <= set(made) <= set(reports) and len(made) == len(set(made))
    check(name, "--cache-dir", str(tmp_path / "fresh"), "-j", "2")  # linted, its parts kept
    from_parts = check(name, "--cache-dir", str(tmp_path / "fresh"), "-j", "2")
    assert sorted(made) == reports and decoded.read_text() == ""
    assert alone[1] and from_entries == from_parts == alone
