"""Where the time goes for one report: read, parse, match, rules — and cold start.

    python bench/core.py [--repeat N]

Reports figures; asserts nothing. Inputs: the five seed reports (tests/fixtures/seeds)
and generated reports of both formats in the benchmark's layouts (bench/corpus.py). The full
benchmark (corpus, floor, throughput, workers, cache, memory) is bench/run.py.
"""

from __future__ import annotations

import argparse
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn`` in milliseconds."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def cold(args: list[str], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=False, cwd="/")
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    repeat = parser.parse_args().repeat

    start = time.perf_counter()
    from corpus import BENCH_LAYOUTS  # bench/ is the script's folder, first on sys.path

    import gialint
    from gialint.analyze.document import analyze
    from gialint.lint.linter import lint_document
    from gialint.lint.registry import all_rules
    from gialint.parse.driver import parse_report
    from gialint.parse.driver import parser as build_parser
    from gialint.read.source import decode
    from gialint.testing import consistent_values, render

    imported = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    build_parser()
    all_rules()
    built = (time.perf_counter() - start) * 1000

    inputs: list[tuple[str, bytes]] = [
        (p.name[:3], p.read_bytes()) for p in sorted((ROOT / "tests/fixtures/seeds").glob("*.txt"))
    ]
    for year in (2020, 2022):
        values = consistent_values(year, random.Random(year))
        inputs += [
            (f"gen-{year}-{layout.value}", render(year, values, layout).text.encode()) for layout in BENCH_LAYOUTS
        ]

    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, {platform.system()}"
    )
    from gialint.compiled import build_description

    print(f"gialint {gialint.__version__}, {build_description()}")
    print(f"import gialint: {imported:.1f} ms; build parser + load rules: {built:.1f} ms (once per process)")
    print(
        f"{'report':<16}{'lines':>6}{'read':>8}{'parse':>8}{'match':>8}{'rules':>8}{'total':>8}   (median ms of {repeat})"
    )
    totals = []
    rules = all_rules()
    for name, data in inputs:
        text = decode(data).text
        report = parse_report(text)
        doc = analyze(report)
        read = timed(lambda: decode(data), repeat)
        parse = timed(lambda: parse_report(text), repeat)
        match = timed(lambda: analyze(report), repeat)
        check = timed(lambda: lint_document(doc, rules), repeat)
        total = timed(lambda: gialint.lint_text(decode(data).text), repeat)
        totals.append(total)
        print(f"{name:<16}{report.line_count:>6}{read:>8.2f}{parse:>8.2f}{match:>8.2f}{check:>8.2f}{total:>8.2f}")
    print(f"median end-to-end per report: {statistics.median(totals):.2f} ms")
    gl = [sys.executable, "-m", "gialint", "check", str(ROOT / "tests/fixtures/seeds/003_8775b43b601402e9.txt")]
    print(
        f"cold start `python -m gialint check <one report>`: {cold(gl, 10):.0f} ms; `python -c pass`: {cold([sys.executable, '-c', 'pass'], 10):.0f} ms"
    )


if __name__ == "__main__":
    main()
