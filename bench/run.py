"""The gialint benchmark: where the time goes per report, and what a batch run costs.

    python bench/run.py [--files 10000] [--sample 400] [--out FILE.json]

Generates a corpus (bench/corpus.py: both formats, the four text layouts, the seeds,
injected defects, and .docx/.html/.pdf copies of some reports) in a temporary directory
and measures, on this machine:

1. in process, per text report: read (bytes and decoding), parse, match (year, sections,
   tables), rules, and the end-to-end total (``gialint.lint_path``); medians over the
   sample, each report timed three times and its fastest run kept, and the total
   again with the content checks (GIA5xx, GIA6xx) left out: what they add per report;
2. a floor for the same files — read, decode, one pass of a regular expression over the
   text — and the ratio of the total to it;
3. .docx, .html and .pdf reports in process (and .pdf per page);
4. ``gialint check`` over 1,000 reports with 1 worker and with one per core: reports per
   second and the scaling;
5. the same over 1,000, 2,000, 5,000 and 10,000 reports (time per report must stay flat),
   with the peak memory of the whole run (gialint and its workers, sampled from /proc);
6. a run with an empty result cache and re-runs with the cache warm (the median of five),
   each timed without the memory sampler; the warm run's peak memory from one more run;
7. cold start: ``gialint check`` on one text report against ``python -c pass``.

It reports figures and asserts nothing (speed is not a pytest assertion). The figures
in docs/performance.md come from this script.
"""

from __future__ import annotations

import argparse
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


def fastest(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def per_report(files: list[Path]) -> dict[str, float]:
    """Median milliseconds per stage over ``files`` (text reports)."""
    import gialint
    from gialint.analyze.document import analyze
    from gialint.lint.linter import lint_document
    from gialint.lint.registry import all_rules
    from gialint.parse.driver import parse_report
    from gialint.read import file_bytes, read_bytes
    from gialint.read.source import decode, normalize_newlines

    rules = all_rules()
    from gialint.config import DEFAULT_SETTINGS

    # the same run with the content checks (GIA5xx, GIA6xx) left out: what they add (issue 17)
    without_content = DEFAULT_SETTINGS.overridden(select=None, ignore=("GIA5", "GIA6"))
    names = ("read", "parse", "match", "rules", "total", "without_content", "floor")
    stages: dict[str, list[float]] = {k: [] for k in names}
    for path in files:
        data = file_bytes(path)
        text = normalize_newlines(read_bytes(data, path.name).text)
        report = parse_report(text)
        doc = analyze(report)
        lines = text.split("\n")
        stages["read"].append(fastest(lambda: read_bytes(file_bytes(path), path.name)))
        stages["parse"].append(fastest(lambda: parse_report(text)))
        stages["match"].append(fastest(lambda: analyze(report)))
        stages["rules"].append(fastest(lambda: lint_document(doc, rules, lines=lines)))
        stages["total"].append(fastest(lambda: gialint.lint_path(path)))
        stages["without_content"].append(fastest(lambda: gialint.lint_path(path, settings=without_content)))
        stages["floor"].append(fastest(lambda: len(NUMBERS.findall(decode(path.read_bytes()).text))))
    return {k: statistics.median(v) for k, v in stages.items()}


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


def run_check(args: list[str], env: dict[str, str], memory: bool = False) -> tuple[float, int]:
    """Wall seconds of ``gialint check ARGS`` and (with ``memory``) the peak KiB of its process tree."""
    command = [sys.executable, "-m", "gialint", "check", *args, "--format", "concise", "-o", os.devnull, "-q"]
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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


def cold_start(report: Path, env: dict[str, str], repeat: int = 20) -> dict[str, float]:
    script = shutil.which("gialint", path=os.path.dirname(sys.executable)) or "gialint"

    def median_ms(command: list[str]) -> float:
        subprocess.run(command, env=env, capture_output=True, check=False)  # the tables store, the OS cache
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run(command, env=env, capture_output=True, check=False)
            samples.append((time.perf_counter() - start) * 1000)
        return statistics.median(samples)

    return {
        "gialint_no_cache": median_ms([script, "check", str(report), "--no-cache"]),
        "gialint_cached": median_ms([script, "check", str(report)]),
        "python_pass": median_ms([sys.executable, "-c", "pass"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000, help="the largest run (default 10,000)")
    parser.add_argument("--sample", type=int, default=400, help="reports timed stage by stage in process")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON")
    parser.add_argument(
        "--stages-only",
        action="store_true",
        help="measure only the in-process stages (1 and 2), e.g. to compare a compiled and a pure-Python install",
    )
    args = parser.parse_args()
    results: dict[str, Any] = {"machine": machine()}
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
        stages = per_report(sample)
        stages["ratio_to_floor"] = stages["total"] / stages["floor"]
        stages["content_checks_add"] = stages["total"] / stages["without_content"] - 1
        results["per_report_ms"] = stages
        print("per report (median ms):", {k: round(v, 3) for k, v in stages.items()})
        if args.stages_only:
            if args.out:
                args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            return

        results["formats_ms"] = formats([f for f in files[5:200] if f.suffix == ".txt"][:20], base / "formats")
        print("formats (median ms):", {k: round(v, 1) for k, v in results["formats_ms"].items()})

        thousand = sorted(corpus.glob("000"))
        one, _ = run_check([*map(str, thousand), "--no-cache", "-j", "1"], env)
        many, _ = run_check([*map(str, thousand), "--no-cache", "-j", str(cores)], env)
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
            seconds, peak = run_check([*folders, "--no-cache", "-j", str(cores)], env, memory=True)
            growth.append(
                {"files": size, "seconds": seconds, "ms_per_file": seconds * 1000 / size, "peak_mib": peak / 1024}
            )
            print(
                f"  {size:>6} files: {seconds:6.2f} s, {seconds * 1000 / size:.3f} ms/file, peak {peak / 1024:.0f} MiB"
            )
        results["growth"] = growth

        shutil.rmtree(base / "cache", ignore_errors=True)
        everything = [str(corpus / f"{i:03d}") for i in range((len(files) + 999) // 1000)]
        cold, _ = run_check([*everything, "-j", str(cores)], env)
        # a warm run takes well under a second, so one run is at the mercy of whatever else the
        # machine does in that second: the median of five (the cold run takes long enough to
        # average that out by itself). Like the cold run, they are timed without the memory
        # sampler, which reads /proc every 20 ms and so takes CPU from a run this short; its
        # peak comes from a sixth run.
        warm = statistics.median(run_check([*everything, "-j", str(cores)], env)[0] for _ in range(5))
        peak = run_check([*everything, "-j", str(cores)], env, memory=True)[1]
        results["cache"] = {
            "files": len(files),
            "cold_s": cold,
            "warm_s": warm,
            "ratio": warm / cold,
            "warm_peak_mib": peak / 1024,
        }
        print("cache:", {k: round(v, 3) for k, v in results["cache"].items()})

        results["cold_start_ms"] = cold_start(files[1], env)
        print("cold start (median ms):", {k: round(v, 1) for k, v in results["cold_start_ms"].items()})

    if args.out:
        args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
