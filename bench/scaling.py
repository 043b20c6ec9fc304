"""How gialint's time grows with a report's size: no step may be worse than n log n.

    python bench/scaling.py [--repeat 3]

Times ``gialint.lint_text`` (read from text: parse, match, rules, places) on:

1. a large real report (the longest of tests/fixtures/real/ as gialint reads it) at 1× and at
   10× its size — its body repeated, as a paste gone wrong repeats it;
2. a table of 1,000 and of 10,000 rows (table 3's rows repeated under one header);
3. a run of 2,000 and 20,000 blank lines inside a tab-layout table (the row-break look-ahead);
4. 500 and 5,000 repeated section headings (logical places).

For each pair it prints the times and their ratio: linear growth gives about 10, n log n a
little more; the issue's bound is about 12. ``lint_text`` pauses Python's cyclic garbage
collector while it works (gialint/base/collector.py); ``--gc`` lets it run, as it did before,
to show what its full collections over a large report cost. Then, with ``--output``, the time
each output format takes to write the findings of the 1,000- and 10,000-row tables. It reports
and asserts nothing (speed is not a pytest assertion); docs/performance.md quotes its output.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import gialint  # noqa: E402
from gialint.read import read_path  # noqa: E402


def _time(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        gialint.lint_text(text)
        best = min(best, time.perf_counter() - start)
    return best


def _largest_real() -> str:
    texts = []
    for path in sorted((ROOT / "tests" / "fixtures" / "real").iterdir()):
        if path.suffix in (".txt", ".md", ".html", ".pdf", ".docx"):
            try:
                texts.append(read_path(path).text)
            except gialint.ReadError:
                continue
    return max(texts, key=len)


def _cases() -> list[tuple[str, Callable[[int], str], int]]:
    real = _largest_real()
    title, _, body = real.partition("\n")  # the body repeated under the title
    table3 = (ROOT / "tests" / "fixtures" / "base" / "report-2020.txt").read_text(encoding="utf-8")
    rows = [line for line in table3.split("\n") if line.count("\t") >= 6]
    header = table3.split(rows[0])[0]
    return [
        ("a large real report (×1, ×10)", lambda n: title + ("\n" + body) * n, 1),
        (
            "rows of one table (1,000, 10,000)",
            lambda n: header + "\n".join(rows[i % len(rows)] for i in range(n)),
            1000,
        ),
        ("blank lines in a tab table (2,000, 20,000)", lambda n: "\t本年新收\n\t12\n" + "\n" * n + "\t3\n", 2000),
        (
            "repeated headings (500, 5,000)",
            lambda n: "某局2021年政府信息公开工作年度报告\n" + "一、总体情况\n本年度工作正常开展。\n" * n,
            500,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case; the fastest is kept")
    parser.add_argument(
        "--gc", action="store_true", help="let Python's cyclic garbage collector run while a report is linted"
    )
    parser.add_argument("--output", action="store_true", help="also time writing the findings in each format")
    args = parser.parse_args()
    if args.gc:
        from gialint.run import api

        api.paused_gc = contextlib.nullcontext  # type: ignore[assignment]
    gialint.lint_text(_largest_real())  # imports, the grammar's tables, the format model: not timed
    cases = _cases()
    for name, make, base in cases:
        small, large = make(base), make(base * 10)
        one, ten = _time(small, args.repeat), _time(large, args.repeat)
        print(
            f"{name}: {len(small):,} → {len(large):,} characters, {one * 1000:.1f} → {ten * 1000:.1f} ms, "
            f"×{ten / one:.1f}"
        )
    if args.output:
        _time_output(cases[1][1], args.repeat)


def _time_output(make: Callable[[int], str], repeat: int) -> None:
    from gialint.report import ReportOptions, get_reporter

    results = {n: gialint.lint_text(make(n), "r.txt") for n in (1000, 10000)}
    for name in ("full", "concise", "json", "sarif", "github", "junit"):
        times = []
        for result in results.values():
            best = float("inf")
            for _ in range(repeat):
                start = time.perf_counter()
                get_reporter(name)([result], [], ReportOptions(color=False), io.StringIO())
                best = min(best, time.perf_counter() - start)
            times.append(best)
        findings = len(results[10000].diagnostics)
        print(
            f"writing the table's findings as {name} ({len(results[1000].diagnostics):,} → {findings:,}): "
            f"{times[0] * 1000:.1f} → {times[1] * 1000:.1f} ms, ×{times[1] / times[0]:.1f}"
        )


if __name__ == "__main__":
    main()
