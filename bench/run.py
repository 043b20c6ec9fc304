"""The gialint benchmark: where the time goes per report, and what a batch run costs.

    python bench/run.py [--files 10000] [--sample 400] [--out FILE.json]

Generates a corpus (bench/corpus.py: both formats, the four text layouts, the seeds,
injected defects, and .docx/.html/.pdf copies of some reports) in a temporary directory
and measures, on this machine:

1. in process, per text report: read (bytes and decoding), parse, match (year, sections,
   tables), rules, and the end-to-end total (``gialint.lint_path``), and the total again
   with the content checks (GIA5xx, GIA6xx) left out: what they add per report; each stage
   of each report run ``--repeat`` times (5) and the median kept, then the median over the
   sample; the stages as shares of the total; the time the cyclic garbage collector takes
   within the total (its mean: a full collection comes every hundred reports or so); timed by
   the CPU time of the thread (``--clock wall`` for the wall clock: see :data:`CLOCKS`);
2. the floor for the same files, timed the same way, in turn with the total (one run of
   each, alternately): what a program that knows nothing of reports does — read the bytes,
   decode them as UTF-8, one pass of a regular expression over the text
   (:func:`plain_floor`) — and the ratio of the total to it; and the floor's runs back to back
   (``floor_back_to_back``: with the processor's caches its own, some 30 % less), the ratio
   to that;
3. .docx, .html and .pdf reports in process (and .pdf per page);
4. ``gialint check`` over 1,000 reports with 1 worker and with one per core: reports per
   second and the scaling;
5. the same over 1,000, 2,000, 5,000 and 10,000 reports (time per report must stay flat),
   with the peak memory of the whole run (gialint and its workers, sampled from /proc);
6. a run with an empty result cache and re-runs with the cache warm (the median of five),
   each timed without the memory sampler; the warm run's peak memory from one more run;
7. start-up, side by side: ``python -c pass``, ``gialint check`` on one text report with
   ``--no-cache`` and answered by the result cache, and the first run on a machine (an empty
   cache directory), alternately, ``--starts`` times (20), medians and their ratios to
   ``python -c pass``.

It reports figures and asserts nothing (speed is not a pytest assertion). The figures
in docs/performance.md come from this script. It measures the installed gialint: run from
the repository root, its gialint processes start in the temporary directory, where the
source tree does not shadow the install (:func:`installed_gialint`).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from corpus import write_corpus, write_formats  # noqa: E402

NUMBERS = re.compile(r"[0-9０-９]+")


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import gialint
    from gialint.compiled import build_description

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "cpu": cpu,
        "cores": len(os.sched_getaffinity(0)),
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "system": f"{platform.system()} {platform.release()}",
        "gialint": gialint.__version__,
        "build": build_description(),  # compiled with mypyc, or pure Python (docs/performance.md)
        "commit": commit.stdout.strip() or "unknown",
    }


def installed_gialint() -> None:
    """Stop, saying why, when the gialint this script imports is a source tree that is not
    installed (run from the repository root without ``pip install``): the figures are an
    installed gialint's."""
    import importlib.metadata
    import importlib.util

    spec = importlib.util.find_spec("gialint")
    try:
        importlib.metadata.distribution("gialint-cn")
    except importlib.metadata.PackageNotFoundError:
        where = spec.origin if spec is not None else "nowhere"
        raise SystemExit(f"gialint is not installed (found at {where}): `pip install .` first") from None


def fastest(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def plain_floor(path: Path) -> int:
    """What any program that reads a report does: the bytes, decoded as UTF-8, one pass of a
    regular expression (the figures) over the text. Nothing of gialint (no encoding detection)."""
    return len(NUMBERS.findall(path.read_bytes().decode("utf-8", errors="replace")))


#: How the in-process figures are timed: the CPU time of the timing thread (user and system: a
#: file read from the OS's cache counts), which the other work of a shared machine does not
#: stretch as it stretches the wall clock — under a load of 10 on 2 cores, 4 to 5 times for a
#: report's 10 ms and hardly for the floor's 0.3 ms, so that a wall-clock ratio measures the
#: load — or the wall clock (``--clock wall``), on a quiet machine.
CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.thread_time, "wall": time.perf_counter}
CLOCK = "cpu"


def stage_by_stage(path: Path, rules: Any) -> dict[str, float]:
    """One report through the stages of ``gialint.lint_path`` in order — read, parse, match,
    rules, each on what the one before made — and the milliseconds of each."""
    from gialint.analyze.document import analyze
    from gialint.lint.linter import lint_document
    from gialint.parse.driver import parse_report
    from gialint.read import file_bytes, read_bytes
    from gialint.read.source import normalize_newlines

    times: dict[str, float] = {}
    start = CLOCKS[CLOCK]()
    text = normalize_newlines(read_bytes(file_bytes(path), path.name).text)
    times["read"], start = (CLOCKS[CLOCK]() - start) * 1000, CLOCKS[CLOCK]()
    report = parse_report(text)
    times["parse"], start = (CLOCKS[CLOCK]() - start) * 1000, CLOCKS[CLOCK]()
    doc = analyze(report)
    times["match"], start = (CLOCKS[CLOCK]() - start) * 1000, CLOCKS[CLOCK]()
    lint_document(doc, rules, lines=text.split("\n"))
    times["rules"] = (CLOCKS[CLOCK]() - start) * 1000
    return times


def medians(runs: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """Median milliseconds of each of ``runs`` over ``repeat`` rounds, one run of each per round,
    in turn, so that the load of the machine falls on all alike. A run that returns a dict of
    milliseconds (:func:`stage_by_stage`) gives those figures instead of its own time."""
    samples: dict[str, list[float]] = {}
    for _ in range(repeat):
        for name, fn in runs.items():
            start = CLOCKS[CLOCK]()
            timed = fn()
            if not isinstance(timed, dict):
                # a run's result (a report's document and all that was worked out about it) is
                # freed within its own time, as a program frees it — not in the next run's,
                # which would charge the floor with freeing a whole report
                timed = None
            elapsed = (CLOCKS[CLOCK]() - start) * 1000
            for key, value in (timed if isinstance(timed, dict) else {name: elapsed}).items():
                samples.setdefault(key, []).append(value)
    return {name: statistics.median(values) for name, values in samples.items()}


#: The stages of ``gialint.lint_path`` timed on their own, in the order they run.
STAGES = ("read", "parse", "match", "rules")


def collected_within(fn: Callable[[], object], spent: list[float]) -> Callable[[], dict[str, float]]:
    """``fn`` as a run of :func:`medians` that gives its own milliseconds (its result freed
    within them, as a program frees it) as ``total``, and appends to ``spent`` the milliseconds
    the cyclic garbage collector took within it (``gc.callbacks``; the same clock)."""

    def run() -> dict[str, float]:
        started: list[float] = []
        collecting = 0.0

        def callback(phase: str, info: dict[str, int]) -> None:
            nonlocal collecting
            if phase == "start":
                started.append(CLOCKS[CLOCK]())
            elif started:
                collecting += CLOCKS[CLOCK]() - started.pop()

        gc.callbacks.append(callback)
        try:
            start = CLOCKS[CLOCK]()
            fn()
            elapsed = CLOCKS[CLOCK]() - start
        finally:
            gc.callbacks.remove(callback)
        spent.append(collecting * 1000)
        return {"total": elapsed * 1000}

    return run


def per_report(files: list[Path], repeat: int = 5) -> dict[str, Any]:
    """Median milliseconds per stage over ``files`` (text reports), the floor timed alike, the
    ratio of the total to the floor, and each stage's share of the total (``split_percent``)."""
    import gialint
    from gialint.config import DEFAULT_SETTINGS
    from gialint.lint.registry import all_rules

    rules = all_rules()
    # the same run with the content checks (GIA5xx, GIA6xx) left out: what they add (issue 17)
    without_content = DEFAULT_SETTINGS.overridden(select=None, ignore=("GIA5", "GIA6"))
    stages: dict[str, list[float]] = {}
    collector: list[float] = []  # ms of each total run spent collecting: a mean, not a median (below)
    for path in files:
        gialint.lint_path(path)  # what a process does once (the parser, the rules), not timed
        timed = medians(
            {
                "stages": lambda: stage_by_stage(path, rules),
                "without_content": lambda: gialint.lint_path(path, settings=without_content),
                # the total and the floor one after the other, run for run
                "total": collected_within(lambda: gialint.lint_path(path), collector),
                "floor": lambda: plain_floor(path),
            },
            repeat,
        )
        # the floor again, its runs back to back: each interleaved run follows one of gialint's,
        # which leaves the processor's caches to it; this is the lower, stricter floor
        timed["floor_back_to_back"] = medians({"floor": lambda: plain_floor(path)}, repeat)["floor"]
        for name, value in timed.items():
            stages.setdefault(name, []).append(value)
    out: dict[str, Any] = {k: statistics.median(v) for k, v in stages.items()}
    out["ratio_to_floor"] = out["total"] / out["floor"]
    out["ratio_to_floor_back_to_back"] = out["total"] / out["floor_back_to_back"]
    out["content_checks_add"] = out["total"] / out["without_content"] - 1
    # the collector runs when gialint.lint_path resumes it, over the document the result holds,
    # and now and then over everything alive (a full collection every hundred reports or so):
    # its mean per run, which a median would leave out, and its share of the total
    out["collector"] = statistics.fmean(collector) if collector else 0.0
    out["collector_percent"] = 100 * out["collector"] / out["total"]
    # each stage as a share of the end-to-end total; "other" is the rest (the settings, the
    # garbage collector paused, suppressions, the result), negative if the stages add up to more
    split = {name: 100 * out[name] / out["total"] for name in STAGES}
    split["other"] = 100 - sum(split.values())
    out["split_percent"] = split
    return out


def formats(sources: list[Path], directory: Path) -> dict[str, float]:
    import pypdfium2

    import gialint

    written = write_formats(directory, sources, ("docx", "html", "pdf"))
    out: dict[str, float] = {}
    for kind, paths in written.items():
        out[kind] = statistics.median(fastest(lambda p=p: gialint.lint_path(p)) for p in paths)
    pages = []
    for path in written["pdf"]:
        pdf = pypdfium2.PdfDocument(str(path))
        try:
            count = len(pdf)
        finally:
            pdf.close()
        pages.append(fastest(lambda p=path: gialint.lint_path(p)) / count)
    out["pdf_per_page"] = statistics.median(pages)
    return out


def tree_rss_kib(pid: int) -> int:
    """Resident memory of ``pid`` and all its descendants, in KiB (Linux /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry))
        found = re.search(r"VmRSS:\s+(\d+)", status)
        rss[int(entry)] = int(found.group(1)) if found else 0
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


def run_check(args: list[str], env: dict[str, str], cwd: Path, memory: bool = False) -> tuple[float, int]:
    """Wall seconds of ``gialint check ARGS`` and (with ``memory``) the peak KiB of its process tree.

    ``python -m gialint`` puts its working directory first on the import path: ``cwd`` is one
    outside the repository, so that the installed gialint runs, never the source tree."""
    command = [sys.executable, "-m", "gialint", "check", *args, "--format", "concise", "-o", os.devnull, "-q"]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = PeakSampler(process.pid, 0.02) if memory else None
    _, err = process.communicate()
    elapsed = time.perf_counter() - start
    peak = sampler.stop() if sampler is not None else 0
    if process.returncode not in (0, 1):
        raise SystemExit(f"gialint check failed ({process.returncode}): {err.decode()[:500]}")
    return elapsed, peak


class PeakSampler:
    """The peak resident memory of a process tree, sampled every ``every`` seconds in a thread."""

    def __init__(self, pid: int, every: float, measure: Callable[[int], int] = tree_rss_kib) -> None:
        self.peak = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, args=(pid, every, measure))
        self._thread.start()

    def _sample(self, pid: int, every: float, measure: Callable[[int], int]) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, measure(pid))
            self._done.wait(every)

    def stop(self) -> int:
        """Stop sampling; the peak in KiB."""
        self._done.set()
        self._thread.join()
        return self.peak


def cold_start(report: Path, env: dict[str, str], cwd: Path, repeat: int = 20) -> dict[str, float]:
    """Start-up, side by side: each command once in turn, ``repeat`` times; the medians (ms) and
    their ratios to ``python -c pass``. ``gialint_first_run`` starts each time with an empty
    cache directory, as on a machine where gialint never ran (the OS's file cache aside)."""
    script = shutil.which("gialint", path=os.path.dirname(sys.executable)) or "gialint"
    commands = {
        "python_pass": [sys.executable, "-c", "pass"],
        "gialint_no_cache": [script, "check", str(report), "--no-cache"],
        "gialint_cached": [script, "check", str(report)],
        "gialint_first_run": [script, "check", str(report), "--no-cache"],
    }
    for command in commands.values():  # the stored plugin list, the result, the OS's file cache
        subprocess.run(command, env=env, cwd=cwd, capture_output=True, check=False)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for run in range(repeat):
        for name, command in commands.items():
            first = {**env, "GIALINT_CACHE_DIR": str(cwd / f"first-run-{run}")} if name == "gialint_first_run" else env
            start = time.perf_counter()
            subprocess.run(command, env=first, cwd=cwd, capture_output=True, check=False)
            samples[name].append((time.perf_counter() - start) * 1000)
    out = {name: statistics.median(values) for name, values in samples.items()}
    for name in commands:
        if name != "python_pass":
            out[f"{name}_x_python"] = out[name] / out["python_pass"]
    return out


def print_stages(stages: dict[str, Any], sample: int, repeat: int) -> None:
    print(
        f"per text report, in process (median ms of {CLOCK} time: {repeat} runs of each stage of each of {sample} reports):"
    )
    for name in (*STAGES, "total", "floor"):
        print(f"  {name:<8}{stages[name]:8.3f}")
    print(f"  floor, its runs back to back: {stages['floor_back_to_back']:.3f}")
    print(
        f"  total / floor: {stages['ratio_to_floor']:.1f}x, {stages['ratio_to_floor_back_to_back']:.1f}x to the floor"
        " run back to back (floor: read, decode UTF-8, one regular-expression pass)"
    )
    print("  split of the total:", ", ".join(f"{k} {v:.0f} %" for k, v in stages["split_percent"].items()))
    print(
        f"  of the total, the garbage collector: {stages['collector']:.3f} ms a report on average"
        f" ({stages['collector_percent']:.0f} %)"
    )
    print(f"  the content checks (GIA5xx, GIA6xx) add {100 * stages['content_checks_add']:.0f} %")


def main() -> None:
    global CLOCK
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="the largest run (default 10,000)")
    parser.add_argument("--sample", type=int, default=400, help="reports timed stage by stage in process")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON")
    parser.add_argument("--repeat", type=int, default=5, help="runs of each stage of each report (default 5)")
    parser.add_argument(
        "--clock", choices=sorted(CLOCKS), default=CLOCK, help="time in process by CPU time (default) or wall clock"
    )
    parser.add_argument("--starts", type=int, default=20, help="runs of each start-up command (default 20)")
    parser.add_argument(
        "--stages-only",
        action="store_true",
        help="measure only the in-process stages (1 and 2), e.g. to compare a compiled and a pure-Python install",
    )
    args = parser.parse_args()
    CLOCK = args.clock
    installed_gialint()
    results: dict[str, Any] = {"machine": machine(), "clock": CLOCK}
    print("machine:", json.dumps(results["machine"], ensure_ascii=False))
    cores = results["machine"]["cores"]

    with tempfile.TemporaryDirectory(prefix="gialint-bench-") as tmp:
        base = Path(tmp)
        corpus = base / "corpus"
        started = time.perf_counter()
        files = write_corpus(corpus, args.files)
        print(f"corpus: {len(files)} reports in {time.perf_counter() - started:.1f} s")
        env = {**os.environ, "GIALINT_CACHE_DIR": str(base / "cache")}
        os.environ["GIALINT_CACHE_DIR"] = env["GIALINT_CACHE_DIR"]

        step = max(1, len(files) // args.sample)
        sample = files[::step][: args.sample]
        stages = per_report(sample, args.repeat)
        results["per_report_ms"] = stages
        print_stages(stages, len(sample), args.repeat)
        if args.stages_only:
            if args.out:
                args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            return

        results["formats_ms"] = formats([f for f in files[5:200] if f.suffix == ".txt"][:20], base / "formats")
        print("formats (median ms):", {k: round(v, 1) for k, v in results["formats_ms"].items()})

        thousand = sorted(corpus.glob("000"))
        one, _ = run_check([*map(str, thousand), "--no-cache", "-j", "1"], env, base)
        many, _ = run_check([*map(str, thousand), "--no-cache", "-j", str(cores)], env, base)
        count = min(1000, len(files))
        results["throughput"] = {
            "files": count,
            "one_worker_per_s": count / one,
            "workers": cores,
            "n_workers_per_s": count / many,
            "scaling": one / many,
        }
        print("throughput:", {k: round(v, 2) for k, v in results["throughput"].items()})

        growth = []
        for size in (1000, 2000, 5000, 10_000):
            if size > len(files):
                break
            folders = [str(corpus / f"{i:03d}") for i in range(size // 1000)]
            seconds, peak = run_check([*folders, "--no-cache", "-j", str(cores)], env, base, memory=True)
            growth.append(
                {"files": size, "seconds": seconds, "ms_per_file": seconds * 1000 / size, "peak_mib": peak / 1024}
            )
            print(
                f"  {size:>6} files: {seconds:6.2f} s, {seconds * 1000 / size:.3f} ms/file, peak {peak / 1024:.0f} MiB"
            )
        results["growth"] = growth

        shutil.rmtree(base / "cache", ignore_errors=True)
        everything = [str(corpus / f"{i:03d}") for i in range((len(files) + 999) // 1000)]
        cold, _ = run_check([*everything, "-j", str(cores)], env, base)
        # a warm run takes well under a second, so one run is at the mercy of whatever else the
        # machine does in that second: the median of five (the cold run takes long enough to
        # average that out by itself). Like the cold run, they are timed without the memory
        # sampler, which reads /proc every 20 ms and so takes CPU from a run this short; its
        # peak comes from a sixth run.
        warm = statistics.median(run_check([*everything, "-j", str(cores)], env, base)[0] for _ in range(5))
        peak = run_check([*everything, "-j", str(cores)], env, base, memory=True)[1]
        results["cache"] = {
            "files": len(files),
            "cold_s": cold,
            "warm_s": warm,
            "ratio": warm / cold,
            "warm_peak_mib": peak / 1024,
        }
        print("cache:", {k: round(v, 3) for k, v in results["cache"].items()})

        results["cold_start_ms"] = cold_start(files[1], env, base, args.starts)
        print(
            f"start-up (median ms of {args.starts}, side by side):",
            {k: round(v, 1) for k, v in results["cold_start_ms"].items()},
        )

    if args.out:
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
